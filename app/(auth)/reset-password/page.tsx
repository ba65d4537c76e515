import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth-card";
import { Alert } from "@/components/alert";
import { findUsableToken } from "@/lib/auth/tokens";
import { messages } from "@/lib/messages";
import { ResetPasswordForm } from "./reset-password-form";
import { resetPasswordAction } from "./actions";

// The token is in this page's URL: next.config.mjs sends its Referrer-Policy.
export const metadata: Metadata = { title: "Change your password" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const { token } = await searchParams;
  const usable = typeof token === "string" ? await findUsableToken(token) : null;

  return (
    <AuthCard title="Change your password">
      {usable && typeof token === "string" ? (
        <ResetPasswordForm action={resetPasswordAction} token={token} />
      ) : (
        <div className="space-y-5">
          <Alert>{messages.invalidToken}</Alert>
          <p className="text-sm text-slate-600">
            Links expire after a while and work only once. You can ask for a new one.
          </p>
          <Link href="/forgot-password" className="inline-block font-medium text-brand-700 underline-offset-2 hover:underline">
            Forgot your password?
          </Link>
        </div>
      )}
    </AuthCard>
  );
}
