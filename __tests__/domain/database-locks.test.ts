import { spawn, type ChildProcess } from "node:child_process";
import { checkHealth } from "@/lib/health";
import { issueToken } from "@/lib/auth/tokens";
import { createActiveUser } from "@/lib/auth/users";
import { logInWithPassword } from "@/lib/auth/credentials";
import { resetDatabase, useTestDatabase } from "../helpers/database";

useTestDatabase();
beforeEach(resetDatabase);

const context = { ip: "192.0.2.1", userAgent: null };
const PASSWORD = "harbour pebble orchard kite";

/**
 * Another process on the same SQLite file (the admin command line, a second server instance) that
 * takes a lock and holds it. It must be a process of its own: the portal's driver waits for a lock
 * synchronously, so a lock held by this test's own event loop could never be released meanwhile.
 */
function holdLock(begin: "BEGIN EXCLUSIVE" | "BEGIN", forMs: number): Promise<{ done: Promise<void> }> {
  const script = `
    const { createClient } = require("@libsql/client");
    const client = createClient({ url: process.env.DATABASE_URL });
    (async () => {
      await client.execute(${JSON.stringify(begin)});
      await client.execute('SELECT count(*) FROM "User"');
      console.log("locked");
      setTimeout(async () => { await client.execute("COMMIT"); client.close(); }, ${forMs});
    })();`;
  const child: ChildProcess = spawn(process.execPath, ["-e", script], { env: process.env, stdio: ["ignore", "pipe", "inherit"] });
  const done = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("locked") && resolve({ done }));
    child.once("exit", (code) => reject(new Error(`the lock holder exited with ${code} before locking`)));
  });
}

describe("another process holding the database", () => {
  it("is waited out when it lets go soon: a log-in during a short write lock succeeds", async () => {
    await createActiveUser({ email: "casey@example.com", name: "Casey", password: PASSWORD });
    const lock = await holdLock("BEGIN EXCLUSIVE", 300);

    expect((await logInWithPassword({ email: "casey@example.com", password: PASSWORD }, context)).ok).toBe(true);
    await lock.done;
  });

  it("lets everyone read again after a write that gave up waiting for it", async () => {
    const user = await createActiveUser({ email: "casey@example.com", name: "Casey", password: PASSWORD });
    // A reader that stays longer than the portal waits: the write's commit gives up.
    const lock = await holdLock("BEGIN", 2500);

    await expect(issueToken(user.id, "RESET")).rejects.toThrow(/database is locked/);
    await lock.done;

    // The abandoned transaction would otherwise keep the file locked against every reader.
    expect(await checkHealth()).toEqual({ status: "ok" });
  });
});
