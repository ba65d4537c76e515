import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";

/** Prisma writes DateTime to SQLite as ISO text with "+00:00"; raw SQL must compare the same form. */
const sqliteTime = (date: Date) => date.toISOString().replace("Z", "+00:00");

/**
 * rate-limiter-flexible's Prisma store, with its two-statement upsert (delete the expired window,
 * then upsert) folded into one atomic statement: a login pays one round trip for its rate limit.
 */
class RateLimiterDatabase extends RateLimiterPrisma {
  async _upsert(key: string, points: number, msDuration: number, forceExpire = false) {
    const now = new Date();
    const now_ = sqliteTime(now);
    const expire = msDuration > 0 ? sqliteTime(new Date(now.getTime() + msDuration)) : null;
    const rows = await db.$queryRaw<Array<{ points: number | bigint; expire: string | null }>>`
      INSERT INTO "RateLimiterFlexible" ("key", "points", "expire") VALUES (${key}, ${points}, ${expire})
      ON CONFLICT ("key") DO UPDATE SET
        "points" = CASE WHEN ${forceExpire ? 1 : 0} = 1 OR ("RateLimiterFlexible"."expire" IS NOT NULL AND "RateLimiterFlexible"."expire" <= ${now_})
                        THEN excluded."points" ELSE "RateLimiterFlexible"."points" + excluded."points" END,
        "expire" = CASE WHEN ${forceExpire ? 1 : 0} = 1 OR ("RateLimiterFlexible"."expire" IS NOT NULL AND "RateLimiterFlexible"."expire" <= ${now_})
                        THEN excluded."expire" ELSE "RateLimiterFlexible"."expire" END
      RETURNING "points", "expire"`;
    const row = rows[0]!;
    return { points: Number(row.points), expire: row.expire };
  }
}

export type LimitName = "login" | "password" | "email" | "link";

const windows: Record<LimitName, { points: () => number; seconds: number }> = {
  login: { points: () => getEnv().RATE_LIMIT_LOGIN_PER_MINUTE, seconds: 60 },
  password: { points: () => getEnv().RATE_LIMIT_LOGIN_PER_MINUTE, seconds: 60 },
  link: { points: () => getEnv().RATE_LIMIT_LOGIN_PER_MINUTE, seconds: 60 },
  email: { points: () => getEnv().RATE_LIMIT_EMAILS_PER_HOUR, seconds: 60 * 60 },
};

const limiters = new Map<string, RateLimiterDatabase>();

function limiterFor(name: LimitName) {
  const { points, seconds } = windows[name];
  const id = `${name}:${points()}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    limiter = new RateLimiterDatabase({
      storeClient: db,
      tableName: "rateLimiterFlexible",
      keyPrefix: name,
      points: points(),
      duration: seconds,
      clearExpiredByTimeout: false,
    });
    limiters.set(id, limiter);
  }
  return limiter;
}

export type LimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Takes one attempt from each key's allowance (an IP, an email) and says whether it may go ahead.
 * Every instance shares the counts through the database.
 */
export async function consumeLimit(name: LimitName, ...keys: Array<string | null | undefined>): Promise<LimitResult> {
  let retryAfterMs = 0;
  for (const key of keys) {
    try {
      await limiterFor(name).consume(key || "unknown");
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      retryAfterMs = Math.max(retryAfterMs, rejection.msBeforeNext);
    }
  }
  return retryAfterMs > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) } : { allowed: true };
}
