/**
 * Runs before `npm run dev`: a secret in .env.local, the SQLite file migrated, and, into an empty
 * database only, a demo admin and a demo client.
 */
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { loadProjectEnv } from "./load-env";

export const DEMO_ACCOUNTS = [
  { email: "admin@caliper.example", name: "Avery Admin", password: "Caliper-Demo-Admin-2026", role: "ADMIN" },
  { email: "client@caliper.example", name: "Casey Client", password: "Caliper-Demo-Client-2026", role: "CLIENT" },
] as const;

function ensureSecret() {
  const file = path.join(process.cwd(), ".env.local");
  const existing = existsSync(file) ? readFileSync(file, "utf8") : "";
  if (process.env.AUTH_SECRET || /^AUTH_SECRET=/m.test(existing)) return;
  const secret = randomBytes(32).toString("base64url");
  appendFileSync(file, `${existing && !existing.endsWith("\n") ? "\n" : ""}# Generated for development by scripts/setup-dev.ts\nAUTH_SECRET=${secret}\n`);
  process.env.AUTH_SECRET = secret;
  console.log("Generated AUTH_SECRET into .env.local");
}

function migrate() {
  const url = process.env.DATABASE_URL ?? "file:./data/portal.db";
  if (url.startsWith("file:")) mkdirSync(path.dirname(path.resolve(url.slice("file:".length))), { recursive: true });
  const result = spawnSync(path.join("node_modules", ".bin", "prisma"), ["migrate", "deploy"], { stdio: "inherit", env: process.env });
  if (result.status !== 0) throw new Error("prisma migrate deploy failed");
}

async function seedDemo() {
  const { db } = await import("@/lib/db");
  const { createActiveUser } = await import("@/lib/auth/users");
  if ((await db.user.count()) > 0) return;
  for (const account of DEMO_ACCOUNTS) await createActiveUser(account);
  console.log("\nDemo accounts (development only):");
  for (const { role, email, password } of DEMO_ACCOUNTS) console.log(`  ${role.padEnd(6)}  ${email}  /  ${password}`);
  console.log("");
}

async function main() {
  if (process.env.NODE_ENV === "production") throw new Error("setup-dev is for development only");
  loadProjectEnv(true);
  ensureSecret();
  migrate();
  await seedDemo();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
