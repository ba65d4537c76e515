import type { ReactNode } from "react";

const tones = {
  error: "border-red-200 bg-red-50 text-red-800",
  success: "border-emerald-200 bg-emerald-50 text-emerald-800",
  info: "border-brand-100 bg-brand-50 text-brand-900",
} as const;

/** Errors interrupt (role="alert"); notices wait their turn (role="status"). */
export function Alert({ tone = "error", children, className = "" }: { tone?: keyof typeof tones; children: ReactNode; className?: string }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-4 py-3 text-left text-sm ${tones[tone]} ${className}`}>
      {children}
    </div>
  );
}
