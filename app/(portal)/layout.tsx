import Link from "next/link";
import type { ReactNode } from "react";
import { Brand } from "@/components/brand";
import { buttonClass } from "@/components/button-styles";
import { requireUser } from "@/lib/guards";
import { signOutAction } from "./actions";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
          <Link href="/dashboard" className="rounded-md">
            <Brand />
          </Link>
          <nav aria-label="Account" className="flex items-center gap-2 sm:gap-4">
            {user.role === "ADMIN" && (
              <Link href="/admin" className="rounded-md px-2 py-1 text-sm font-medium text-slate-700 hover:text-brand-700">
                Admin
              </Link>
            )}
            <Link
              href="/account"
              className="flex items-center gap-2 rounded-md px-2 py-1 text-sm font-medium text-slate-800 hover:text-brand-700"
              title="My Account"
            >
              <span aria-hidden="true" className="flex size-8 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-800">
                {initials(user.name ?? user.email ?? "?")}
              </span>
              <span>{user.name ?? user.email}</span>
            </Link>
            <form action={signOutAction}>
              <button type="submit" className={buttonClass("secondary", "px-3 py-1.5")}>
                Sign Out
              </button>
            </form>
          </nav>
        </div>
      </header>
      <main className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}

function initials(name: string) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");
}
