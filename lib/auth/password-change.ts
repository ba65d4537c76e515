import { db } from "@/lib/db";
import { AuthEventType, recordEvent } from "@/lib/auth/events";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { consumeToken, findUsableToken } from "@/lib/auth/tokens";
import type { RequestContext } from "@/lib/auth/request-context";

/**
 * Every way of setting a password ends the same: the lock and the failure count cleared, an invited
 * user made active, every outstanding link voided, and every other session ended.
 */
async function storeNewPassword(user: { id: string; email: string }, passwordHash: string, now = new Date()) {
  const [updated] = await db.$transaction([
    db.user.update({
      where: { id: user.id },
      data: { passwordHash, lockedAt: null, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    }),
    db.user.updateMany({ where: { id: user.id, activatedAt: null }, data: { activatedAt: now } }),
    db.passwordToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } }),
    db.loginAttempt.deleteMany({ where: { email: user.email } }),
  ]);
  return updated.sessionVersion;
}

export type ResetResult = { ok: true; email: string } | { ok: false; reason: "invalid-token" };

/** The welcome and reset links both lead here. The token is checked, then consumed atomically. */
export async function resetPasswordWithToken(token: string, password: string, context: RequestContext): Promise<ResetResult> {
  const found = await findUsableToken(token);
  if (!found) return { ok: false, reason: "invalid-token" };
  const passwordHash = await hashPassword(password);
  if (!(await consumeToken(token))) return { ok: false, reason: "invalid-token" };
  await storeNewPassword(found.user, passwordHash);
  await recordEvent({ type: AuthEventType.passwordReset, userId: found.user.id, email: found.user.email, context });
  return { ok: true, email: found.user.email };
}

export type ChangeResult = { ok: true; sessionVersion: number } | { ok: false; reason: "wrong-current" };

/** From My Account: the current password proves it is the owner, not someone at an unlocked screen. */
export async function changePassword(userId: string, current: string, next: string, context: RequestContext): Promise<ChangeResult> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, passwordHash: true } });
  if (!(await verifyPassword(current, user.passwordHash))) return { ok: false, reason: "wrong-current" };
  const sessionVersion = await storeNewPassword(user, await hashPassword(next));
  await recordEvent({ type: AuthEventType.passwordChanged, userId, email: user.email, context });
  return { ok: true, sessionVersion };
}
