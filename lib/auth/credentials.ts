import { normalizeEmail } from "@/lib/auth/email";
import { verifyPassword } from "@/lib/auth/password";
import { AuthEventType, recordEvent } from "@/lib/auth/events";
import { clearLoginAttempts, countLoginAttempt, lockAccount, maxLoginAttempts } from "@/lib/auth/lockout";
import { consumeLimit } from "@/lib/auth/rate-limit";
import type { RequestContext } from "@/lib/auth/request-context";
import type { SessionUser } from "@/lib/auth/session";

export type PasswordLoginFailure = "invalid" | "locked" | "deactivated" | "rate-limited";
export type PasswordLoginResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: PasswordLoginFailure; retryAfterSeconds?: number };

/**
 * The whole email/password rule: count first, refuse locked accounts without a password check,
 * compare (against a dummy hash when there is no such user), lock on the last allowed failure.
 * Known and unknown emails take the same path and get the same answers.
 */
export async function logInWithPassword(
  input: { email: string; password: string },
  context: RequestContext,
): Promise<PasswordLoginResult> {
  const email = normalizeEmail(input.email);
  // The per-IP limit comes first and checks no password, so a flood neither hashes nor locks.
  const limit = await consumeLimit("login", context.ip);
  if (!limit.allowed) return { ok: false, reason: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };
  const { attempt, account: user } = await countLoginAttempt(email);
  const max = maxLoginAttempts();

  if (attempt > max || user?.lockedAt) {
    await recordEvent({ type: AuthEventType.signInRefused, userId: user?.id, email, context });
    return { ok: false, reason: "locked" };
  }

  if (!(await verifyPassword(input.password, user?.passwordHash)) || !user) {
    if (attempt === max) {
      if (user) await lockAccount(user, context);
      else await recordEvent({ type: AuthEventType.accountLocked, email, context });
      return { ok: false, reason: "locked" };
    }
    await recordEvent({ type: AuthEventType.signInFailed, userId: user?.id, email, context });
    return { ok: false, reason: "invalid" };
  }

  await clearLoginAttempts(email);
  if (user.deactivatedAt) {
    await recordEvent({ type: AuthEventType.signInRefused, userId: user.id, email, context });
    return { ok: false, reason: "deactivated" };
  }
  await recordEvent({ type: AuthEventType.signIn, userId: user.id, email, provider: "credentials", context });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion } };
}
