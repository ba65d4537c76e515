import type { Metadata } from "next";
import Link from "next/link";
import { getPreviousSignIn } from "@/lib/auth/events";
import { getProfile } from "@/lib/auth/users";
import { describeBrowser } from "@/lib/user-agent";
import { requireUser } from "@/lib/guards";
import { CookieNotice } from "./cookie-notice";
import { acceptCookiesAction } from "./actions";

export const metadata: Metadata = { title: "Dashboard" };

const statusLabels = { invited: "Invited", active: "Active", locked: "Locked", deactivated: "Deactivated" } as const;

export default async function DashboardPage() {
  const sessionUser = await requireUser();
  const [profile, previous] = await Promise.all([getProfile(sessionUser.id), getPreviousSignIn(sessionUser.id)]);
  if (!profile) return null;

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Dashboard</h1>
      <p className="mt-1 text-slate-600">Welcome back, {profile.name ?? profile.email}.</p>

      <div className="mt-8 grid gap-4 sm:grid-cols-2">
        <section aria-labelledby="account-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="account-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
            Your account
          </h2>
          <dl className="mt-3 space-y-2 text-sm">
            <div className="flex justify-between gap-4">
              <dt className="text-slate-600">Email</dt>
              <dd className="font-medium text-slate-900">{profile.email}</dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-slate-600">Status</dt>
              <dd className="font-medium text-emerald-700">{statusLabels[profile.status]}</dd>
            </div>
          </dl>
          <Link href="/account" className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
            Manage My Account
          </Link>
        </section>

        <section aria-labelledby="previous-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="previous-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
            Previous sign-in
          </h2>
          {previous ? (
            <dl className="mt-3 space-y-2 text-sm">
              <div className="flex justify-between gap-4">
                <dt className="text-slate-600">When</dt>
                <dd className="font-medium text-slate-900">
                  <time dateTime={previous.createdAt.toISOString()}>{formatWhen(previous.createdAt)}</time>
                </dd>
              </div>
              <div className="flex justify-between gap-4">
                <dt className="text-slate-600">From</dt>
                <dd className="font-medium text-slate-900">{previous.ip ?? "Unknown address"}</dd>
              </div>
              <div className="flex justify-between gap-4">
                <dt className="text-slate-600">Browser</dt>
                <dd className="font-medium text-slate-900">{describeBrowser(previous.userAgent)}</dd>
              </div>
            </dl>
          ) : (
            <p className="mt-3 text-sm text-slate-600">This is your first sign-in. Welcome to the Caliper Client Portal.</p>
          )}
          <p className="mt-4 text-xs text-slate-500">If you do not recognise a sign-in, change your password from My Account.</p>
        </section>
      </div>

      {!profile.cookiesAcceptedAt && <CookieNotice action={acceptCookiesAction} />}
    </>
  );
}

function formatWhen(date: Date) {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(date) + " UTC";
}
