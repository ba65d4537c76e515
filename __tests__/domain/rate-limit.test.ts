import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { logInWithPassword } from "@/lib/auth/credentials";
import { consumeLimit } from "@/lib/auth/rate-limit";
import { tooManyAttemptsMessage } from "@/lib/messages";
import { createActiveUser } from "@/lib/auth/users";
import { resendWelcome, activateClient } from "@/lib/auth/admin";
import { resetDatabase, useTestDatabase } from "../helpers/database";

useTestDatabase();
beforeAll(() => {
  process.env.RATE_LIMIT_LOGIN_PER_MINUTE = "10";
  process.env.RATE_LIMIT_EMAILS_PER_HOUR = "5";
  resetEnvCache();
});
beforeEach(resetDatabase);

const PASSWORD = "harbour pebble orchard kite";
const reasonOf = (result: Awaited<ReturnType<typeof logInWithPassword>>) => (result.ok ? "ok" : result.reason);

describe("rate limits", () => {
  it("allows 10 log-in attempts a minute from one IP, then says when to try again", async () => {
    const context = { ip: "192.0.2.10", userAgent: null };
    for (let i = 0; i < 10; i++) {
      expect(reasonOf(await logInWithPassword({ email: `person${i}@example.com`, password: "x" }, context))).toBe("invalid");
    }
    const limited = await logInWithPassword({ email: "another@example.com", password: "x" }, context);
    expect(limited).toMatchObject({ ok: false, reason: "rate-limited" });
    expect(tooManyAttemptsMessage(limited.ok ? 0 : limited.retryAfterSeconds!)).toBe("Too many attempts, try again in 1 minute.");
    expect(reasonOf(await logInWithPassword({ email: "another@example.com", password: "x" }, { ip: "192.0.2.11", userAgent: null }))).toBe("invalid");
  });

  it("does not check the password or count toward lockout once limited", async () => {
    await createActiveUser({ email: "casey@example.com", name: "Casey", password: PASSWORD });
    const context = { ip: "192.0.2.20", userAgent: null };
    for (let i = 0; i < 10; i++) await logInWithPassword({ email: `person${i}@example.com`, password: "x" }, context);
    for (let i = 0; i < 5; i++) await logInWithPassword({ email: "casey@example.com", password: "wrong" }, context);
    expect(await db.loginAttempt.findUnique({ where: { email: "casey@example.com" } })).toBeNull();
    expect((await logInWithPassword({ email: "casey@example.com", password: PASSWORD }, { ip: "192.0.2.21", userAgent: null })).ok).toBe(true);
  });

  it("keeps the account lockout independent of the IP limit", async () => {
    await createActiveUser({ email: "casey@example.com", name: "Casey", password: PASSWORD });
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await logInWithPassword({ email: "casey@example.com", password: "wrong" }, { ip: `192.0.2.${30 + i}`, userAgent: null }));
    expect(results.map(reasonOf)).toEqual(["invalid", "invalid", "locked"]);
  });

  it("counts a window per key and starts a new one when it expires", async () => {
    for (let i = 0; i < 5; i++) expect((await consumeLimit("email", "address:a@example.com")).allowed).toBe(true);
    expect(await consumeLimit("email", "address:a@example.com")).toMatchObject({ allowed: false });
    expect((await consumeLimit("email", "address:b@example.com")).allowed).toBe(true);
    await db.rateLimiterFlexible.updateMany({ data: { expire: new Date(Date.now() - 1000) } });
    expect((await consumeLimit("email", "address:a@example.com")).allowed).toBe(true);
  });

  it("refuses when any of the keys is spent", async () => {
    for (let i = 0; i < 5; i++) await consumeLimit("email", `address:n${i}@example.com`, "ip:192.0.2.40");
    expect(await consumeLimit("email", "address:fresh@example.com", "ip:192.0.2.40")).toMatchObject({ allowed: false });
  });

  it("is exact under concurrency: 20 simultaneous attempts, 10 allowed", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => consumeLimit("login", "ip:192.0.2.50")));
    expect(results.filter((result) => result.allowed)).toHaveLength(10);
  });

  it("limits welcome emails per address", async () => {
    const admin = await createActiveUser({ email: "admin@example.com", name: "Admin", password: PASSWORD, role: "ADMIN" });
    const created = await activateClient({ name: "Ivy", email: "ivy@example.com" }, { userId: admin.id });
    if (!created.ok) throw new Error("not created");
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await resendWelcome(created.userId, { userId: admin.id }));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.at(-1)).toEqual({ ok: false, reason: "rate-limited" });
  });
});
