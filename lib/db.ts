import "server-only";
import { createClient as createLibsqlClient, type Client, type Config, type TransactionMode } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";

// How long a statement on the SQLite file waits for another process's lock (the admin command
// line, a second server instance) before it fails. SQLite's default is not to wait at all.
const BUSY_TIMEOUT = "PRAGMA busy_timeout = 1000";

/**
 * The libSQL adapter, mended for a SQLite file shared with other processes. Every connection waits
 * out a short lock; the client opens a new connection after each transaction, so that one gets the
 * setting too. A COMMIT that still finds the file busy leaves its transaction open, holding a lock
 * that would shut every later statement out: it is rolled back.
 */
class SharedFileLibSQL extends PrismaLibSQL {
  createClient(config: Config): Client {
    const client = createLibsqlClient(config);
    if (!config.url.startsWith("file:")) return client;
    void client.execute(BUSY_TIMEOUT);
    const transaction = client.transaction.bind(client);
    client.transaction = (async (mode?: TransactionMode) => {
      const tx = await transaction(mode);
      await client.execute(BUSY_TIMEOUT);
      const commit = tx.commit.bind(tx);
      tx.commit = async () => {
        try {
          await commit();
        } catch (error) {
          await tx.rollback().catch(() => undefined);
          throw error;
        }
      };
      return tx;
    }) as Client["transaction"];
    return client;
  }
}

function createClient() {
  const { DATABASE_URL, DATABASE_AUTH_TOKEN } = getEnv();
  const adapter = new SharedFileLibSQL({ url: DATABASE_URL, authToken: DATABASE_AUTH_TOKEN });
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
