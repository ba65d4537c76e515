import { db } from "@/lib/db";
import { maxLoginAttempts } from "@/lib/auth/lockout";

const DAY_MS = 24 * 60 * 60 * 1000;

export const RETENTION = { usedTokensDays: 7, staleAttemptsDays: 30, outboxDays: 7, eventsDays: 400 } as const;

/**
 * Clears what is no longer needed. A series of failures that stopped short of a lock goes stale after
 * 30 days, for emails with and without accounts alike; a lock is kept until a reset or an admin ends it.
 */
export async function pruneExpiredData(now = new Date()) {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const [tokens, attempts, rateLimits, outbox, events] = await db.$transaction([
    db.passwordToken.deleteMany({ where: { OR: [{ expiresAt: { lt: now } }, { usedAt: { lt: before(RETENTION.usedTokensDays) } }] } }),
    db.loginAttempt.deleteMany({ where: { updatedAt: { lt: before(RETENTION.staleAttemptsDays) }, failures: { lt: maxLoginAttempts() } } }),
    db.rateLimiterFlexible.deleteMany({ where: { expire: { lt: now } } }),
    db.outboxMessage.deleteMany({ where: { createdAt: { lt: before(RETENTION.outboxDays) } } }),
    db.authEvent.deleteMany({ where: { createdAt: { lt: before(RETENTION.eventsDays) } } }),
  ]);
  return { tokens: tokens.count, attempts: attempts.count, rateLimits: rateLimits.count, outbox: outbox.count, events: events.count };
}
