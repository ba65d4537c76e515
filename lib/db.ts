import "server-only";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";

function createClient() {
  const { DATABASE_URL, DATABASE_AUTH_TOKEN } = getEnv();
  const adapter = new PrismaLibSQL({ url: DATABASE_URL, authToken: DATABASE_AUTH_TOKEN });
  if (process.env.DB_LOG_QUERIES !== "1") return new PrismaClient({ adapter });
  // Opt-in diagnostics for the benchmark: one JSON line per statement on stdout, parameters left out.
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => console.log(JSON.stringify({ dbQuery: event.query, ms: event.duration })));
  return client;
}

// One client per server instance: dev reloads and serverless warm starts reuse it.
const globalForDb = globalThis as unknown as { portalDb?: PrismaClient };

export const db = (globalForDb.portalDb ??= createClient());

export { Prisma } from "@/lib/generated/prisma/client";
export type { User, Role, TokenPurpose } from "@/lib/generated/prisma/client";
