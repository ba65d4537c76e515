"use server";

import { after } from "next/server";
import { headers } from "next/headers";
import { requestPasswordReset } from "@/lib/auth/recovery";
import { readRequestContext } from "@/lib/auth/request-context";
import { consumeLimit } from "@/lib/auth/rate-limit";
import { tooManyAttemptsMessage } from "@/lib/messages";
import { normalizeEmail } from "@/lib/auth/email";
import { messages } from "@/lib/messages";
import { firstFieldErrors, forgotPasswordSchema, formText } from "@/lib/validation";
import type { FormState } from "@/components/form-state";

export async function requestResetAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const email = (formText(formData, "email") ?? "").slice(0, 320);
  const parsed = forgotPasswordSchema.safeParse({ email });
  if (!parsed.success) return { fieldErrors: firstFieldErrors(parsed.error), values: { email } };
  const context = readRequestContext(await headers());
  // Counted per address and per IP, whether or not the address has an account.
  const limit = await consumeLimit("email", `address:${normalizeEmail(parsed.data.email)}`, `ip:${context.ip}`);
  if (!limit.allowed) return { error: tooManyAttemptsMessage(limit.retryAfterSeconds), values: { email: parsed.data.email } };
  // The lookup and the mail happen after the response, so its timing says nothing about the email.
  after(() => requestPasswordReset(parsed.data.email, context));
  return { success: messages.forgotNotice, values: { email: parsed.data.email } };
}
