import bcrypt from "bcryptjs";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient, type Role } from "@/lib/generated/prisma/client";

export type TestDatabase = ReturnType<typeof openDatabase>;

export type SeedUser = {
  email: string;
  name?: string;
  password?: string;
  role?: Role;
  lockedAt?: Date | null;
  deactivatedAt?: Date | null;
};

export const TEST_PASSWORD = "Caliper-e2e-Password-2026";

/**
 * The portal's database file, opened beside the running server with the project's Prisma client.
 * The server may hold a write lock for a moment, hence the busy timeout.
 */
export function openDatabase(url: string) {
  const prisma = new PrismaClient({ adapter: new PrismaLibSQL({ url }) });
  const ready = prisma.$queryRawUnsafe("PRAGMA busy_timeout = 5000");

  return {
    prisma,
    /** An active user as an admin's invitation and the welcome link would leave them. */
    async seedUser({ email, name = "Casey Client", password = TEST_PASSWORD, role = "CLIENT", lockedAt = null, deactivatedAt = null }: SeedUser) {
      await ready;
      const now = new Date();
      return prisma.user.create({
        data: { email, name, role, passwordHash: await bcrypt.hash(password, 4), invitedAt: now, activatedAt: now, lockedAt, deactivatedAt },
      });
    },
    /** A social account linked as Auth.js would have linked it. */
    async linkAccount(userId: string, provider: string, providerAccountId: string) {
      await ready;
      return prisma.account.create({ data: { userId, provider, providerAccountId, type: provider === "facebook" ? "oauth" : "oidc" } });
    },
    async close() {
      await ready.catch(() => undefined);
      await prisma.$disconnect();
    },
  };
}
