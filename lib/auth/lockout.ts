import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AuthEventType, recordEvent } from "@/lib/auth/events";
import type { RequestContext } from "@/lib/auth/request-context";

export type LockedAccount = { id: string; email: string; name: string | null };
type LockListener = (user: LockedAccount, context: RequestContext) => Promise<void>;

const lockListeners: LockListener[] = [];

/** Called once per lock, after it is stored; the mail module sends the owner a reset link. */
export function onAccountLocked(listener: LockListener) {
  if (!lockListeners.includes(listener)) lockListeners.push(listener);
}

/**
 * Counts an attempt before its password is checked, in one atomic statement, so that concurrent
 * attempts cannot get more checks than the limit. Returns the attempt's place in the series.
 */
export async function countLoginAttempt(email: string): Promise<number> {
  const { failures } = await db.loginAttempt.upsert({
    where: { email },
    create: { email, failures: 1 },
    update: { failures: { increment: 1 } },
    select: { failures: true },
  });
  return failures;
}

export async function clearLoginAttempts(email: string) {
  await db.loginAttempt.deleteMany({ where: { email } });
}

export const maxLoginAttempts = () => getEnv().LOCKOUT_MAX_ATTEMPTS;

/** Marks the account locked; only the request that locks it tells the owner. */
export async function lockAccount(user: LockedAccount, context: RequestContext) {
  const { count } = await db.user.updateMany({ where: { id: user.id, lockedAt: null }, data: { lockedAt: new Date() } });
  if (count === 0) return;
  await recordEvent({ type: AuthEventType.accountLocked, userId: user.id, email: user.email, context });
  for (const listener of lockListeners) {
    await listener(user, context).catch((error: unknown) => console.error("lock notification failed", error));
  }
}

/** Clears the lock and the count, as a reset or an admin does. */
export async function unlockAccount(userId: string, email: string) {
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { lockedAt: null } }),
    db.loginAttempt.deleteMany({ where: { email } }),
  ]);
}
