export function BrandMark({ className = "size-8" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" className={className}>
      <rect width="32" height="32" rx="7" className="fill-brand-700" />
      <path d="M21.5 10.5a8 8 0 1 0 0 11" fill="none" stroke="white" strokeWidth="3.2" strokeLinecap="round" />
      <circle cx="22" cy="16" r="2" fill="white" />
    </svg>
  );
}

export function Brand() {
  return (
    <span className="flex items-center gap-2.5">
      <BrandMark />
      <span className="text-base font-semibold tracking-tight text-slate-900">
        Caliper <span className="font-normal text-slate-600">Client Portal</span>
      </span>
    </span>
  );
}
