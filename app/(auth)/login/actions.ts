"use server";

import { CredentialsSignin, AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { PasswordLoginError, signIn } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { maxLoginAttempts } from "@/lib/auth/lockout";
import { rememberEmail } from "@/lib/remember-me";
import { loginFailureMessage, messages } from "@/lib/messages";
import { firstFieldErrors, formText, loginSchema } from "@/lib/validation";
import type { LoginState } from "./login-form";

export async function logIn(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const email = (formText(formData, "email") ?? "").slice(0, 320);
  const remember = formText(formData, "remember") === "on";
  const echo = { email, remember };
  const parsed = loginSchema.safeParse({ email, password: formText(formData, "password") });
  if (!parsed.success) return { ...echo, fieldErrors: firstFieldErrors(parsed.error) };

  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const retryAfter = error instanceof PasswordLoginError ? error.retryAfterSeconds : undefined;
      return { ...echo, error: loginFailureMessage(error.code, maxLoginAttempts(), retryAfter) };
    }
    if (error instanceof AuthError) return { ...echo, error: messages.signInFailed };
    throw error;
  }
  await rememberEmail(remember ? parsed.data.email : null);
  redirect(safeCallbackPath(formText(formData, "callbackUrl")));
}
