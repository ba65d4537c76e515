import { db } from "@/lib/db";
import { checkHealth } from "@/lib/health";
import { pruneExpiredData } from "@/lib/auth/prune";
import { issueToken } from "@/lib/auth/tokens";
import { createActiveUser } from "@/lib/auth/users";
import { logInWithPassword } from "@/lib/auth/credentials";
import { resetDatabase, useTestDatabase } from "../helpers/database";

useTestDatabase();
beforeEach(resetDatabase);

const DAY = 24 * 60 * 60 * 1000;
const context = { ip: "192.0.2.1", userAgent: null };

describe("pruning", () => {
  it("removes expired links and stale partial failure counts, but keeps locks and live links", async () => {
    const user = await createActiveUser({ email: "casey@example.com", name: "Casey", password: "harbour pebble orchard kite" });
    await issueToken(user.id, "RESET", new Date(Date.now() - 2 * DAY));
    const live = await issueToken(user.id, "RESET");
    await logInWithPassword({ email: "partial@example.com", password: "x" }, context);
    for (const attempt of ["a", "b", "c"]) await logInWithPassword({ email: "locked@example.com", password: attempt }, context);
    await db.loginAttempt.updateMany({ data: { updatedAt: new Date(Date.now() - 31 * DAY) } });

    const pruned = await pruneExpiredData();
    expect(pruned.attempts).toBe(1);
    expect(await db.loginAttempt.findMany({ select: { email: true } })).toEqual([{ email: "locked@example.com" }]);
    expect(await db.passwordToken.count()).toBe(1);
    expect(live).toHaveLength(43);
    expect((await logInWithPassword({ email: "locked@example.com", password: "d" }, context)).ok).toBe(false);
  });
});

describe("health", () => {
  it("says ok while the database answers", async () => {
    expect(await checkHealth()).toEqual({ status: "ok" });
  });
});
