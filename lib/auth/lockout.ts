import { db, type Role } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AuthEventType, recordEvent } from "@/lib/auth/events";
import { runAfterResponse } from "@/lib/auth/deferred";
import { sendAccountLockedEmail } from "@/lib/auth/recovery";
import type { RequestContext } from "@/lib/auth/request-context";

export type LockedAccount = { id: string; email: string; name: string | null };

/** What a password log-in needs to know about the account, if there is one. */
export type LoginAccount = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  passwordHash: string | null;
  lockedAt: Date | null;
  deactivatedAt: Date | null;
  sessionVersion: number;
};

type StoredAccount = Omit<LoginAccount, "lockedAt" | "deactivatedAt"> & { lockedAt: string | null; deactivatedAt: string | null };

/** Prisma stores DateTime in SQLite as ISO text with "+00:00"; raw SQL writes the same form. */
const sqliteTime = (date: Date) => date.toISOString().replace("Z", "+00:00");
const dateOrNull = (value: string | null) => (value === null ? null : new Date(value));

/**
 * Counts an attempt before its password is checked, in one atomic statement, so that concurrent
 * attempts cannot get more checks than the limit. The same statement reads the account, so a log-in
 * makes one round trip before its hash. Returns the attempt's place in the series and the account.
 */
export async function countLoginAttempt(email: string): Promise<{ attempt: number; account: LoginAccount | null }> {
  const [row] = await db.$queryRaw<Array<{ failures: number | bigint; account: string | null }>>`
    INSERT INTO "LoginAttempt" ("email", "failures", "updatedAt") VALUES (${email}, 1, ${sqliteTime(new Date())})
    ON CONFLICT ("email") DO UPDATE SET "failures" = "LoginAttempt"."failures" + 1, "updatedAt" = excluded."updatedAt"
    RETURNING "failures", (
      SELECT json_object('id', "id", 'email', "email", 'name', "name", 'role', "role", 'passwordHash', "passwordHash",
        'lockedAt', "lockedAt", 'deactivatedAt', "deactivatedAt", 'sessionVersion', "sessionVersion")
      FROM "User" WHERE "User"."email" = ${email}
    ) AS "account"`;
  const stored = row!.account ? (JSON.parse(row!.account) as StoredAccount) : null;
  const account = stored && { ...stored, lockedAt: dateOrNull(stored.lockedAt), deactivatedAt: dateOrNull(stored.deactivatedAt) };
  return { attempt: Number(row!.failures), account };
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
