import { db, type Role } from "@/lib/db";
import { normalizeEmail } from "@/lib/auth/email";
import { hashPassword } from "@/lib/auth/password";

export type AccountStatus = "invited" | "active" | "locked" | "deactivated";

export function statusOf(user: { passwordHash?: string | null; lockedAt: Date | null; deactivatedAt: Date | null; activatedAt: Date | null }): AccountStatus {
  if (user.deactivatedAt) return "deactivated";
  if (user.lockedAt) return "locked";
  return user.activatedAt ? "active" : "invited";
}

export async function getProfile(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, lockedAt: true, deactivatedAt: true, activatedAt: true, cookiesAcceptedAt: true },
  });
  return user && { ...user, status: statusOf(user) };
}

export async function updateName(userId: string, name: string) {
  await db.user.update({ where: { id: userId }, data: { name } });
}

/** Consent is kept on the user, so the message is asked once per person, not once per browser. */
export async function acceptCookies(userId: string) {
  await db.user.updateMany({ where: { id: userId, cookiesAcceptedAt: null }, data: { cookiesAcceptedAt: new Date() } });
}

/** An active user with a password, for demo accounts and tests; clients normally come by invitation. */
export async function createActiveUser(input: { email: string; name: string; password: string; role?: Role }) {
  const now = new Date();
  return db.user.create({
    data: {
      email: normalizeEmail(input.email),
      name: input.name,
      role: input.role ?? "CLIENT",
      passwordHash: await hashPassword(input.password),
      invitedAt: now,
      activatedAt: now,
    },
  });
}
