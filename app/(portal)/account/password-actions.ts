"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { updateSession } from "@/lib/auth";
import { changePassword } from "@/lib/auth/password-change";
import { describePasswordProblem } from "@/lib/auth/password-policy";
import { readRequestContext } from "@/lib/auth/request-context";
import { signSessionVersion } from "@/lib/auth/session";
import { consumeLimit } from "@/lib/auth/rate-limit";
import { tooManyAttemptsMessage } from "@/lib/messages";
import { requireUser } from "@/lib/guards";
import { changePasswordSchema, firstFieldErrors, formText } from "@/lib/validation";
import type { FormState } from "@/components/form-state";

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = changePasswordSchema.safeParse({
    currentPassword: formText(formData, "currentPassword"),
    password: formText(formData, "password"),
    confirmPassword: formText(formData, "confirmPassword"),
  });
  if (!parsed.success) return { fieldErrors: firstFieldErrors(parsed.error) };

  const { currentPassword, password } = parsed.data;
  const problem = describePasswordProblem(password, [user.email ?? "", user.name ?? ""]);
  if (problem) return { fieldErrors: { password: problem } };
  if (password === currentPassword) return { fieldErrors: { password: "Choose a password different from your current one." } };

  const limit = await consumeLimit("password", `user:${user.id}`);
  if (!limit.allowed) return { error: tooManyAttemptsMessage(limit.retryAfterSeconds) };
  const result = await changePassword(user.id, currentPassword, password, readRequestContext(await headers()));
  if (!result.ok) return { fieldErrors: { currentPassword: "That is not your current password." } };
  // Every other session has ended with the new version; this one moves to it.
  await updateSession(signSessionVersion(user.id, result.sessionVersion) as never);
  // A fresh request, so the page renders with the updated session cookie rather than the old one.
  redirect("/account?notice=password-changed");
}
