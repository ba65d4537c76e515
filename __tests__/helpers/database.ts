import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { createClient } from "@libsql/client";

const migrationsDir = path.join(__dirname, "..", "..", "prisma", "migrations");

/** Applies the project's own migrations, in order, to this test file's fresh database. */
export async function migrateTestDatabase(url = process.env.DATABASE_URL!) {
  const client = createClient({ url });
  const folders = readdirSync(migrationsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  for (const folder of folders) await client.executeMultiple(readFileSync(path.join(migrationsDir, folder, "migration.sql"), "utf8"));
  client.close();
}

/** A migrated database for the whole test file, removed afterwards. */
export function useTestDatabase() {
  beforeAll(() => migrateTestDatabase());
  afterAll(async () => {
    const { db } = await import("@/lib/db");
    await db.$disconnect();
    const url = process.env.DATABASE_URL!;
    if (url.startsWith("file:")) rmSync(url.slice("file:".length), { force: true });
  });
}

/** Empties every table between tests, keeping the schema. */
export async function resetDatabase() {
  const { db } = await import("@/lib/db");
  // Work a previous test left running (a lock email) would otherwise land in this test's tables.
  await (await import("@/lib/auth/deferred")).flushDeferred();
  await db.$transaction([
    db.authEvent.deleteMany(),
    db.outboxMessage.deleteMany(),
    db.rateLimiterFlexible.deleteMany(),
    db.passwordToken.deleteMany(),
    db.loginAttempt.deleteMany(),
    db.account.deleteMany(),
    db.session.deleteMany(),
    db.user.deleteMany(),
  ]);
}
