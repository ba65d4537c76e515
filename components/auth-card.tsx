import type { ReactNode } from "react";
import { Brand } from "@/components/brand";

/** The centred card every sign-in screen sits in. */
export function AuthCard({ title, children, aside, wide = false }: { title: string; children: ReactNode; aside?: ReactNode; wide?: boolean }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-10">
      <div className="mb-8">
        <Brand />
      </div>
      <div className={`w-full ${wide ? "max-w-3xl" : "max-w-md"} overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm`}>
        <div className={aside ? "grid md:grid-cols-[minmax(0,16rem)_1fr]" : ""}>
          {aside}
          <section className="px-6 py-8 sm:px-8">
            <h1 className="mb-6 text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
            {children}
          </section>
        </div>
      </div>
      <p className="mt-8 text-xs text-slate-500">© Caliper. For clients of Caliper only.</p>
    </main>
  );
}
