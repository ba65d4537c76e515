import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { readRememberedEmail } from "@/lib/remember-me";
import { messages } from "@/lib/messages";
import { AuthCard } from "@/components/auth-card";
import { LoginForm } from "./login-form";
import { logIn } from "./actions";

export const metadata: Metadata = { title: "Log in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const notices: Record<string, string> = { "password-changed": messages.passwordChanged, "signed-out": "You have signed out." };

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  const session = await auth();
  if (session?.user) redirect(callbackUrl);

  const errorCode = first(params.error);
  return (
    <AuthCard title="Log in">
      <LoginForm
        action={logIn}
        rememberedEmail={await readRememberedEmail()}
        callbackUrl={callbackUrl}
        notice={notices[first(params.notice) ?? ""] ?? null}
        error={errorCode ? messages.signInFailed : null}
      />
    </AuthCard>
  );
}
