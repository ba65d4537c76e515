import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { readRememberedEmail } from "@/lib/remember-me";
import { messages } from "@/lib/messages";
import { AuthCard } from "@/components/auth-card";
import { LoginForm } from "./login-form";
import { logIn } from "./actions";
import { listSocialProviders } from "@/lib/auth/providers";
import { describeSignInError } from "@/lib/auth/sign-in-messages";
import { maxLoginAttempts } from "@/lib/auth/lockout";
import { SocialLogIn } from "./social-log-in";
import { logInWithProvider } from "./social-actions";

export const metadata: Metadata = { title: "Log in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const notices: Record<string, string> = { "password-changed": messages.passwordChanged, "signed-out": "You have signed out." };

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  const session = await auth();
  const errorCode = first(params.error);
  const provider = first(params.provider);
  // Auth.js sends every error here, also those of a signed-in user linking an account: show it there.
  if (session?.user && errorCode) redirect(`/account?${new URLSearchParams({ error: errorCode, ...(provider && { provider }) })}`);
  if (session?.user) redirect(callbackUrl);

  const socialProviders = listSocialProviders();
  return (
    <AuthCard
      title="Log in"
      wide={socialProviders.length > 0}
      aside={socialProviders.length > 0 && <SocialLogIn providers={socialProviders} callbackUrl={callbackUrl} action={logInWithProvider} />}
    >
      <LoginForm
        action={logIn}
        rememberedEmail={await readRememberedEmail()}
        callbackUrl={callbackUrl}
        notice={notices[first(params.notice) ?? ""] ?? null}
        error={describeSignInError({ error: errorCode, code: first(params.code), provider }, maxLoginAttempts())}
      />
    </AuthCard>
  );
}
