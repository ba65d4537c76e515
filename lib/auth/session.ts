import { createHmac, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";
import { db, type Role } from "@/lib/db";

export type SessionUser = { id: string; email: string; name: string | null; role: Role; sessionVersion: number };

export type SessionClaims = { sub?: string; sv?: number };

/**
 * JWTs cannot be revoked, so each carries the user's session version; a password change, reset,
 * deactivation or unlock bumps it and every older token stops working at its next request.
 */
export async function loadSessionUser(claims: SessionClaims): Promise<SessionUser | null> {
  if (!claims.sub || typeof claims.sv !== "number") return null;
  const user = await db.user.findUnique({
    where: { id: claims.sub },
    select: { id: true, email: true, name: true, role: true, sessionVersion: true, deactivatedAt: true },
  });
  if (!user || user.deactivatedAt || user.sessionVersion !== claims.sv) return null;
  const { deactivatedAt: _, ...sessionUser } = user;
  return sessionUser;
}

export async function bumpSessionVersion(userId: string): Promise<number> {
  const { sessionVersion } = await db.user.update({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return sessionVersion;
}

const proofFor = (userId: string, sessionVersion: number) =>
  createHmac("sha256", getEnv().AUTH_SECRET ?? "").update(`session-version:${userId}:${sessionVersion}`).digest("base64url");

/**
 * Lets the server move *this* session to a new version after it bumped it (a password change keeps
 * the session it was made in). Signed, because a browser can ask Auth.js to update its session too.
 */
export function signSessionVersion(userId: string, sessionVersion: number) {
  return { sv: sessionVersion, proof: proofFor(userId, sessionVersion) };
}

export function readSignedSessionVersion(userId: string | undefined, data: unknown): number | null {
  if (!userId || typeof data !== "object" || data === null) return null;
  const { sv, proof } = data as { sv?: unknown; proof?: unknown };
  if (typeof sv !== "number" || typeof proof !== "string") return null;
  const expected = Buffer.from(proofFor(userId, sv));
  const given = Buffer.from(proof);
  return expected.length === given.length && timingSafeEqual(expected, given) ? sv : null;
}
