"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { BrandMark } from "@/components/brand";

/** Whatever went wrong, the visitor sees plain words, never a stack trace, and the page retries itself. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      router.refresh();
      reset();
    }, 10_000);
    return () => clearInterval(timer);
  }, [reset, router]);

  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div role="alert" className="max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <BrandMark />
        <h1 className="mt-4 text-2xl font-semibold text-slate-900">The portal is temporarily unavailable</h1>
        <p className="mt-3 text-slate-600">Something on our side did not answer. Nothing you saved is lost. This page tries again by itself.</p>
        <button type="button" onClick={() => reset()} className="mt-6 rounded-md bg-brand-700 px-4 py-2.5 text-sm font-semibold text-white hover:bg-brand-800">
          Try again
        </button>
      </div>
    </main>
  );
}
