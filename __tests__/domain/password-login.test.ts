import { db } from "@/lib/db";
import { logInWithPassword } from "@/lib/auth/credentials";
import { createActiveUser } from "@/lib/auth/users";
import { noRequestContext } from "@/lib/auth/request-context";
import { flushDeferred } from "@/lib/auth/deferred";
import { bcryptWorkers } from "@/lib/auth/password";
import { resetDatabase, useTestDatabase } from "../helpers/database";

useTestDatabase();

const PASSWORD = "correct horse battery staple";
const context = { ip: "203.0.113.7", userAgent: "jest" };
const logIn = (email: string, password: string) => logInWithPassword({ email, password }, context);

async function createClient(email = "client@example.com") {
  return createActiveUser({ email, name: "Casey Client", password: PASSWORD });
}

beforeEach(resetDatabase);

describe("logging in with email and password", () => {
  it("signs in with the right password and returns the database user's id", async () => {
    const user = await createClient();
    const result = await logIn("client@example.com", PASSWORD);
    expect(result).toEqual({ ok: true, user: expect.objectContaining({ id: user.id, email: "client@example.com", role: "CLIENT" }) });
    const event = await db.authEvent.findFirstOrThrow({ where: { type: "SIGN_IN" } });
    expect(event).toMatchObject({ userId: user.id, ip: "203.0.113.7", userAgent: "jest", provider: "credentials" });
  });

  it("refuses a wrong password", async () => {
    await createClient();
    expect(await logIn("client@example.com", "not the password")).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses an unknown email with the same answer", async () => {
    expect(await logIn("nobody@example.com", PASSWORD)).toEqual({ ok: false, reason: "invalid" });
  });

  it("matches the email whatever its case and surrounding spaces", async () => {
    await createClient();
    expect((await logIn("  Client@EXAMPLE.com ", PASSWORD)).ok).toBe(true);
  });

  it("refuses a password longer than bcrypt reads, even when its first 72 bytes are right", async () => {
    const password = "x".repeat(72);
    await createActiveUser({ email: "long@example.com", name: "Long", password });
    expect((await logIn("long@example.com", `${password}extra`)).ok).toBe(false);
    expect((await logIn("long@example.com", password)).ok).toBe(true);
  });

  it("refuses an invited user who has not set a password yet", async () => {
    await db.user.create({ data: { email: "invited@example.com", name: "Ivy", invitedAt: new Date() } });
    expect(await logIn("invited@example.com", "")).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a deactivated user even with the right password", async () => {
    const user = await createClient();
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect(await logIn("client@example.com", PASSWORD)).toEqual({ ok: false, reason: "deactivated" });
    expect(await db.authEvent.count({ where: { type: "SIGN_IN" } })).toBe(0);
  });
});

describe("lockout", () => {
  it("locks the account on the third successive failure", async () => {
    const user = await createClient();
    expect((await logIn("client@example.com", "wrong 1")).ok).toBe(false);
    expect(await logIn("client@example.com", "wrong 2")).toEqual({ ok: false, reason: "invalid" });
    expect(await logIn("client@example.com", "wrong 3")).toEqual({ ok: false, reason: "locked" });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.lockedAt).toBeInstanceOf(Date);
    expect(await db.authEvent.count({ where: { type: "ACCOUNT_LOCKED", userId: user.id } })).toBe(1);
  });

  it("refuses a locked account even with the right password", async () => {
    await createClient();
    for (const attempt of ["a", "b", "c"]) await logIn("client@example.com", attempt);
    expect(await logIn("client@example.com", PASSWORD)).toEqual({ ok: false, reason: "locked" });
  });

  it("resets the count on a success before the third failure", async () => {
    await createClient();
    await logIn("client@example.com", "wrong 1");
    await logIn("client@example.com", "wrong 2");
    expect((await logIn("client@example.com", PASSWORD)).ok).toBe(true);
    expect(await logIn("client@example.com", "wrong 3")).toEqual({ ok: false, reason: "invalid" });
    expect(await logIn("client@example.com", "wrong 4")).toEqual({ ok: false, reason: "invalid" });
    expect(await logIn("client@example.com", "wrong 5")).toEqual({ ok: false, reason: "locked" });
  });

  it("counts unknown emails and answers at each step exactly as for a real account", async () => {
    await createClient();
    const answers = async (email: string) => {
      const results = [];
      for (let attempt = 0; attempt < 5; attempt++) results.push(await logIn(email, `wrong ${attempt}`));
      return results;
    };
    const known = await answers("client@example.com");
    const unknown = await answers("nobody@example.com");
    expect(unknown).toEqual(known);
    expect(known.map((result) => (result.ok ? "ok" : result.reason))).toEqual(["invalid", "invalid", "locked", "locked", "locked"]);
  });

  it("counts attempts on the normalized email, so changing case does not buy more tries", async () => {
    await createClient();
    await logIn("client@example.com", "wrong");
    await logIn("CLIENT@example.com", "wrong");
    expect(await logIn(" client@Example.com", "wrong")).toEqual({ ok: false, reason: "locked" });
  });

  it("makes at most three password checks for 20 concurrent wrong attempts, and stays locked", async () => {
    await createClient();
    const compare = jest.spyOn(bcryptWorkers, "compare");
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => logIn("client@example.com", `wrong ${i}`)));
    expect(compare).toHaveBeenCalledTimes(3);
    compare.mockRestore();
    expect(results.every((result) => !result.ok)).toBe(true);
    expect(results.filter((result) => !result.ok && result.reason === "locked").length).toBeGreaterThanOrEqual(18);
    expect(await logIn("client@example.com", PASSWORD)).toEqual({ ok: false, reason: "locked" });
  });

  it("mails the owner once per lock, with a reset link", async () => {
    await createClient();
    await Promise.all(Array.from({ length: 6 }, (_, i) => logIn("client@example.com", `wrong ${i}`)));
    await logIn("client@example.com", "wrong again");
    await flushDeferred();
    const mail = await db.outboxMessage.findMany();
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ to: "client@example.com", subject: "Your account has been locked" });
    expect(mail[0]!.text).toMatch(/Reset Password: http:\/\/localhost:3999\/reset-password\?token=[\w-]{43}/);
  });

  it("sends no lock email for an email without an account", async () => {
    for (const attempt of ["a", "b", "c", "d"]) await logIn("nobody@example.com", attempt);
    await flushDeferred();
    expect(await db.outboxMessage.count()).toBe(0);
  });

  it("checks every path with bcrypt, also for unknown emails", async () => {
    const compare = jest.spyOn(bcryptWorkers, "compare");
    await logIn("nobody@example.com", "whatever");
    expect(compare).toHaveBeenCalledTimes(1);
    compare.mockRestore();
  });
});

describe("request context", () => {
  it("records failures with where they came from", async () => {
    await logInWithPassword({ email: "nobody@example.com", password: "x" }, noRequestContext);
    const event = await db.authEvent.findFirstOrThrow({ where: { type: "SIGN_IN_FAILED" } });
    expect(event).toMatchObject({ email: "nobody@example.com", userId: null, ip: null });
  });
});
