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
