import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AuthEventType, recordEvent } from "@/lib/auth/events";
import { runAfterResponse } from "@/lib/auth/deferred";
import { sendAccountLockedEmail } from "@/lib/auth/recovery";
import type { RequestContext } from "@/lib/auth/request-context";

export type LockedAccount = { id: string; email: string; name: string | null };

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

/**
 * Marks the account locked; only the request that locks it tells the owner, after the response, so
 * the time a third failure takes does not reveal that the email has an account.
 */
export async function lockAccount(user: LockedAccount, context: RequestContext) {
  const { count } = await db.user.updateMany({ where: { id: user.id, lockedAt: null }, data: { lockedAt: new Date() } });
  if (count === 0) return;
  await recordEvent({ type: AuthEventType.accountLocked, userId: user.id, email: user.email, context });
  runAfterResponse(() => sendAccountLockedEmail(user, context));
}
