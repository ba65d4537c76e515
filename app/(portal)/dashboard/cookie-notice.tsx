import { SubmitButton } from "@/components/button";
import { messages } from "@/lib/messages";

export function CookieNotice({ action }: { action: () => Promise<void> }) {
  return (
    <section
      aria-label="Cookie message"
      className="fixed inset-x-0 bottom-0 z-10 border-t border-slate-200 bg-white/95 px-4 py-4 shadow-lg backdrop-blur sm:px-6"
    >
      <form action={action} className="mx-auto flex max-w-5xl flex-col items-start gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-slate-700">{messages.cookies}</p>
        <SubmitButton>Accept</SubmitButton>
      </form>
    </section>
  );
}
