import { createHash, randomBytes } from "node:crypto";
import { db, type TokenPurpose } from "@/lib/db";
import { getEnv } from "@/lib/env";

const TOKEN_BYTES = 32;
const HOUR_MS = 60 * 60 * 1000;

/** Only this digest is stored: a copy of the database gives nobody a working link. */
export const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export function tokenTtlHours(purpose: TokenPurpose) {
  const env = getEnv();
  return purpose === "WELCOME" ? env.WELCOME_TOKEN_TTL_HOURS : env.RESET_TOKEN_TTL_HOURS;
}

/** A new link supersedes every outstanding one of the user's. Returns the raw token, for the email only. */
export async function issueToken(userId: string, purpose: TokenPurpose, now = new Date()): Promise<string> {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  await db.$transaction([
    db.passwordToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } }),
    db.passwordToken.create({
      data: { userId, purpose, tokenHash: hashToken(token), createdAt: now, expiresAt: new Date(now.getTime() + tokenTtlHours(purpose) * HOUR_MS) },
    }),
  ]);
  return token;
}

const looksLikeToken = (token: unknown): token is string => typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);

/** The token's user, if the link is still good: unused, unexpired, not superseded, user not deactivated. */
export async function findUsableToken(token: unknown, now = new Date()) {
  if (!looksLikeToken(token)) return null;
  const row = await db.passwordToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, purpose: true, usedAt: true, expiresAt: true, user: { select: { id: true, email: true, name: true, deactivatedAt: true } } },
  });
  if (!row || row.usedAt || row.expiresAt <= now || row.user.deactivatedAt) return null;
  return row;
}

/** Marks the link used in one conditional statement, so of two tabs submitting it only one wins. */
export async function consumeToken(token: string, now = new Date()): Promise<boolean> {
  if (!looksLikeToken(token)) return false;
  const { count } = await db.passwordToken.updateMany({
    where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return count === 1;
}

export async function voidTokens(userId: string, now = new Date()) {
  await db.passwordToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
}
