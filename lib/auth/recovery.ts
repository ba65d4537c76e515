import { db } from "@/lib/db";
import { normalizeEmail } from "@/lib/auth/email";
import { AuthEventType, recordEvent } from "@/lib/auth/events";
import { resetPasswordUrl } from "@/lib/auth/links";
import { issueToken, tokenTtlHours } from "@/lib/auth/tokens";
import type { RequestContext } from "@/lib/auth/request-context";
import { sendMail, type MailResult } from "@/lib/mail";
import { accountLockedEmail, resetPasswordEmail, welcomeEmail } from "@/lib/mail/templates";
import { getEnv } from "@/lib/env";

type Recipient = { id: string; email: string; name: string | null };

async function deliver(user: Recipient, result: Promise<MailResult>, context?: RequestContext): Promise<MailResult> {
  const outcome = await result;
  if (!outcome.sent) await recordEvent({ type: AuthEventType.emailFailed, userId: user.id, email: user.email, context });
  return outcome;
}

/**
 * "Forgot your password?": mail a reset link when the email belongs to a user who may sign in.
 * The caller answers with the same notice either way and runs this after the response.
 */
export async function requestPasswordReset(email: string, context: RequestContext): Promise<void> {
  const user = await db.user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { id: true, email: true, name: true, deactivatedAt: true },
  });
  if (!user || user.deactivatedAt) return;
  const token = await issueToken(user.id, "RESET");
  await recordEvent({ type: AuthEventType.resetRequested, userId: user.id, email: user.email, context });
  await deliver(user, sendMail(user.email, resetPasswordEmail({ name: user.name, url: resetPasswordUrl(token), ttlHours: tokenTtlHours("RESET") })), context);
}

export async function sendWelcomeEmail(user: Recipient): Promise<MailResult> {
  const token = await issueToken(user.id, "WELCOME");
  return deliver(user, sendMail(user.email, welcomeEmail({ name: user.name, url: resetPasswordUrl(token), ttlHours: tokenTtlHours("WELCOME") })));
}

/** The lock email carries a fresh reset link, since resetting is how the owner unlocks. */
export async function sendAccountLockedEmail(user: Recipient, context: RequestContext): Promise<MailResult> {
  const token = await issueToken(user.id, "RESET");
  const content = accountLockedEmail({ name: user.name, url: resetPasswordUrl(token), ttlHours: tokenTtlHours("RESET"), attempts: getEnv().LOCKOUT_MAX_ATTEMPTS });
  return deliver(user, sendMail(user.email, content), context);
}
