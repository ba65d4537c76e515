import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Fragment } from "react";
import { listOutbox } from "@/lib/mail";
import { isProduction } from "@/lib/env";

export const metadata: Metadata = { title: "Development outbox", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

/** Development only: what the portal would have mailed, newest first, links clickable. */
export default async function DevMailPage() {
  if (isProduction()) notFound();
  const messages = await listOutbox();
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-semibold text-slate-900">Development outbox</h1>
      <p className="mt-1 text-sm text-slate-600">Mail the portal sent while EMAIL_SERVER is not set. Newest first.</p>
      {messages.length === 0 && <p className="mt-8 text-slate-600">No mail yet.</p>}
      <ol className="mt-6 space-y-4">
        {messages.map((message) => (
          <li key={message.id} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="font-semibold text-slate-900">{message.subject}</h2>
            <p className="text-xs text-slate-500">
              To {message.to} · <time dateTime={message.createdAt.toISOString()}>{message.createdAt.toISOString()}</time>
            </p>
            <p className="mt-3 whitespace-pre-wrap text-sm text-slate-800">{linkify(message.text)}</p>
          </li>
        ))}
      </ol>
    </main>
  );
}

function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, index) =>
    /^https?:\/\//.test(part) ? (
      <a key={index} href={part} className="break-all text-brand-700 underline">
        {part}
      </a>
    ) : (
      <Fragment key={index}>{part}</Fragment>
    ),
  );
}
