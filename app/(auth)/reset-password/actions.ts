"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth";
import { resetPasswordWithToken } from "@/lib/auth/password-change";
import { describePasswordProblem } from "@/lib/auth/password-policy";
import { readRequestContext } from "@/lib/auth/request-context";
import { findUsableToken } from "@/lib/auth/tokens";
import { consumeLimit } from "@/lib/auth/rate-limit";
import { tooManyAttemptsMessage } from "@/lib/messages";
import { messages } from "@/lib/messages";
import { firstFieldErrors, formText, resetPasswordSchema } from "@/lib/validation";
import type { FormState } from "@/components/form-state";

export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = resetPasswordSchema.safeParse({
    token: formText(formData, "token"),
    password: formText(formData, "password"),
    confirmPassword: formText(formData, "confirmPassword"),
  });
  if (!parsed.success) return { fieldErrors: firstFieldErrors(parsed.error) };

  const { token, password } = parsed.data;
  const context = readRequestContext(await headers());
  const limit = await consumeLimit("password", `ip:${context.ip}`);
  if (!limit.allowed) return { error: tooManyAttemptsMessage(limit.retryAfterSeconds) };
  const found = await findUsableToken(token);
  if (!found) return { error: messages.invalidToken };
  const problem = describePasswordProblem(password, [found.user.email, found.user.name ?? ""]);
  if (problem) return { fieldErrors: { password: problem } };

  const result = await resetPasswordWithToken(token, password, context);
  if (!result.ok) return { error: messages.invalidToken };
  // "You can now log in" must be what this browser sees next: whoever was signed in here (an admin
  // trying the welcome link, or the owner, whose sessions the reset has just ended) is signed out.
  await signOut({ redirect: false });
  redirect("/login?notice=password-changed");
}
