import { createClient } from "@libsql/client";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { activateClient, NotAdminError, resendWelcome, setDeactivated, unlockClient, listClients } from "@/lib/auth/admin";
import { logInWithPassword } from "@/lib/auth/credentials";
import { flushDeferred } from "@/lib/auth/deferred";
import { changePassword, resetPasswordWithToken } from "@/lib/auth/password-change";
import { requestPasswordReset } from "@/lib/auth/recovery";
import { findUsableToken, hashToken } from "@/lib/auth/tokens";
import { createActiveUser } from "@/lib/auth/users";
import { loadSessionUser } from "@/lib/auth/session";
import { resetDatabase, useTestDatabase } from "../helpers/database";
import { linkToken, startInbox, type Inbox } from "../helpers/smtp";

useTestDatabase();

let inbox: Inbox;
beforeAll(async () => {
  inbox = await startInbox();
  process.env.EMAIL_SERVER = inbox.url;
  resetEnvCache();
});
afterEach(flushDeferred);
afterAll(() => inbox.close());
beforeEach(async () => {
  await resetDatabase();
  inbox.clear();
});

const context = { ip: "198.51.100.4", userAgent: "jest" };
const NEW_PASSWORD = "lantern meadow copper violin";
const OLD_PASSWORD = "harbour pebble orchard kite";
const cli = "command-line" as const;

async function createAdmin() {
  return createActiveUser({ email: "admin@example.com", name: "Avery Admin", password: OLD_PASSWORD, role: "ADMIN" });
}

async function resetLinkFor(email: string) {
  await requestPasswordReset(email, context);
  return linkToken(await inbox.waitFor(email));
}

describe("activation", () => {
  it("creates an invited client whose welcome link sets the first password and activates them", async () => {
    const admin = await createAdmin();
    const result = await activateClient({ name: "Casey Client", email: " Casey@Example.com " }, { userId: admin.id });
    expect(result).toMatchObject({ ok: true, emailSent: true });

    const mail = await inbox.waitFor("casey@example.com");
    expect(mail.subject).toBe("Welcome to the Caliper Client Portal");
    expect(mail.from?.text).toContain("Caliper Client Portal");
    expect(mail.html).toContain(">Reset Password</a>");
    expect(mail.text).toContain("Reset Password: http://localhost:3999/reset-password?token=");
    expect((await db.user.findUniqueOrThrow({ where: { email: "casey@example.com" } })).activatedAt).toBeNull();
    expect(await logInWithPassword({ email: "casey@example.com", password: NEW_PASSWORD }, context)).toMatchObject({ ok: false });

    expect(await resetPasswordWithToken(linkToken(mail), NEW_PASSWORD, context)).toEqual({ ok: true, email: "casey@example.com" });
    const user = await db.user.findUniqueOrThrow({ where: { email: "casey@example.com" } });
    expect(user.activatedAt).toBeInstanceOf(Date);
    expect((await listClients(cli)).find((row) => row.email === "casey@example.com")?.status).toBe("active");
    await db.loginAttempt.deleteMany();
    expect((await logInWithPassword({ email: "casey@example.com", password: NEW_PASSWORD }, context)).ok).toBe(true);
  });

  it("says so when the email already has an account", async () => {
    await createAdmin();
    await activateClient({ name: "Casey", email: "casey@example.com" }, cli);
    expect(await activateClient({ name: "Casey again", email: "CASEY@example.com" }, cli)).toEqual({ ok: false, reason: "exists" });
  });

  it("keeps the client when the welcome email cannot be sent, and resending works once mail is back", async () => {
    process.env.EMAIL_SERVER = "smtp://127.0.0.1:9";
    resetEnvCache();
    const errors = jest.spyOn(console, "error").mockImplementation(() => {});
    const result = await activateClient({ name: "Casey", email: "casey@example.com" }, cli);
    process.env.EMAIL_SERVER = inbox.url;
    resetEnvCache();
    expect(result).toMatchObject({ ok: true, emailSent: false });
    expect(errors.mock.calls.flat().join(" ")).not.toMatch(/token=/);
    errors.mockRestore();
    const user = await db.user.findUniqueOrThrow({ where: { email: "casey@example.com" } });
    expect(await db.authEvent.count({ where: { type: "EMAIL_FAILED", userId: user.id } })).toBe(1);

    expect(await resendWelcome(user.id, cli)).toEqual({ ok: true, emailSent: true });
    expect((await inbox.waitFor("casey@example.com")).subject).toBe("Welcome to the Caliper Client Portal");
  });
});

describe("forgot password", () => {
  it("mails only a known email, and says nothing different about an unknown one", async () => {
    await createActiveUser({ email: "casey@example.com", name: "Casey", password: OLD_PASSWORD });
    expect(await requestPasswordReset("casey@example.com", context)).toBeUndefined();
    expect(await requestPasswordReset("nobody@example.com", context)).toBeUndefined();
    const mail = await inbox.waitFor("casey@example.com");
    expect(mail.subject).toBe("Reset password instructions");
    expect(mail.text).toContain("expires in 24 hours");
    expect(mail.html).toContain(">Reset Password</a>");
    expect(inbox.messages).toHaveLength(1);
  });

  it("sends nothing to a deactivated user", async () => {
    const user = await createActiveUser({ email: "casey@example.com", name: "Casey", password: OLD_PASSWORD });
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    await requestPasswordReset("casey@example.com", context);
    expect(inbox.messages).toHaveLength(0);
  });
});

describe("reset links", () => {
  beforeEach(() => createActiveUser({ email: "casey@example.com", name: "Casey", password: OLD_PASSWORD }));

  it("works once", async () => {
    const token = await resetLinkFor("casey@example.com");
    expect((await resetPasswordWithToken(token, NEW_PASSWORD, context)).ok).toBe(true);
    expect(await resetPasswordWithToken(token, "another fine password", context)).toEqual({ ok: false, reason: "invalid-token" });
    expect((await logInWithPassword({ email: "casey@example.com", password: NEW_PASSWORD }, context)).ok).toBe(true);
  });

  it("expires after 24 hours", async () => {
    const token = await resetLinkFor("casey@example.com");
    const row = await db.passwordToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(24 * 60 * 60 * 1000);
    await db.passwordToken.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findUsableToken(token)).toBeNull();
    expect(await resetPasswordWithToken(token, NEW_PASSWORD, context)).toEqual({ ok: false, reason: "invalid-token" });
  });

  it("is superseded by a newer link", async () => {
    const first = await resetLinkFor("casey@example.com");
    const second = await resetLinkFor("casey@example.com");
    expect(await resetPasswordWithToken(first, NEW_PASSWORD, context)).toEqual({ ok: false, reason: "invalid-token" });
    expect((await resetPasswordWithToken(second, NEW_PASSWORD, context)).ok).toBe(true);
  });

  it("is voided by a password change", async () => {
    const token = await resetLinkFor("casey@example.com");
    const user = await db.user.findUniqueOrThrow({ where: { email: "casey@example.com" } });
    expect((await changePassword(user.id, OLD_PASSWORD, NEW_PASSWORD, context)).ok).toBe(true);
    expect(await resetPasswordWithToken(token, "another fine password", context)).toEqual({ ok: false, reason: "invalid-token" });
  });

  it("lets exactly one of two concurrent submissions succeed", async () => {
    const token = await resetLinkFor("casey@example.com");
    const results = await Promise.all([
      resetPasswordWithToken(token, "first tab password wins", context),
      resetPasswordWithToken(token, "second tab password wins", context),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });

  it("refuses malformed and unknown tokens", async () => {
    for (const token of ["", "short", "x".repeat(43), "'; drop table User; --", "a".repeat(5000)]) {
      expect(await resetPasswordWithToken(token, NEW_PASSWORD, context)).toEqual({ ok: false, reason: "invalid-token" });
    }
  });

  it("unlocks a locked account and clears its count, ending its other sessions", async () => {
    const before = await db.user.findUniqueOrThrow({ where: { email: "casey@example.com" } });
    for (const attempt of ["a", "b", "c"]) await logInWithPassword({ email: "casey@example.com", password: attempt }, context);
    await flushDeferred();
    const lockMail = await inbox.waitFor("casey@example.com");
    expect(lockMail.subject).toBe("Your account has been locked");

    expect((await resetPasswordWithToken(linkToken(lockMail), NEW_PASSWORD, context)).ok).toBe(true);
    const after = await db.user.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.lockedAt).toBeNull();
    expect(await db.loginAttempt.count()).toBe(0);
    expect(await loadSessionUser({ sub: before.id, sv: before.sessionVersion })).toBeNull();
    expect(await logInWithPassword({ email: "casey@example.com", password: "wrong" }, context)).toEqual({ ok: false, reason: "invalid" });
    expect((await logInWithPassword({ email: "casey@example.com", password: NEW_PASSWORD }, context)).ok).toBe(true);
  });

  it("sends the lock email once per lock", async () => {
    for (const attempt of ["a", "b", "c", "d", "e"]) await logInWithPassword({ email: "casey@example.com", password: attempt }, context);
    await flushDeferred();
    await inbox.waitFor("casey@example.com");
    expect(inbox.to("casey@example.com")).toHaveLength(1);
  });

  it("never stores a raw token anywhere in the database", async () => {
    const admin = await createAdmin();
    await activateClient({ name: "Nia", email: "nia@example.com" }, { userId: admin.id });
    const tokens = [linkToken(await inbox.waitFor("nia@example.com")), await resetLinkFor("casey@example.com")];
    const raw = createClient({ url: process.env.DATABASE_URL! });
    const tables = (await raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")).rows.map((row) => String(row.name));
    expect(tables).toEqual(expect.arrayContaining(["PasswordToken", "User", "AuthEvent", "VerificationToken", "Account"]));
    for (const table of tables) {
      const dump = JSON.stringify((await raw.execute(`SELECT * FROM "${table}"`)).rows);
      for (const token of tokens) expect(dump).not.toContain(token);
    }
    const stored = (await raw.execute("SELECT tokenHash FROM PasswordToken")).rows.map((row) => String(row.tokenHash));
    expect(stored).toEqual(expect.arrayContaining(tokens.map(hashToken)));
    raw.close();
  });
});

describe("the admin's powers", () => {
  it("are refused to a client", async () => {
    const client = await createActiveUser({ email: "casey@example.com", name: "Casey", password: OLD_PASSWORD });
    const asClient = { userId: client.id };
    await expect(activateClient({ name: "Eve", email: "eve@example.com" }, asClient)).rejects.toBeInstanceOf(NotAdminError);
    await expect(unlockClient(client.id, asClient)).rejects.toBeInstanceOf(NotAdminError);
    await expect(setDeactivated(client.id, false, asClient)).rejects.toBeInstanceOf(NotAdminError);
    await expect(resendWelcome(client.id, asClient)).rejects.toBeInstanceOf(NotAdminError);
    await expect(listClients(asClient)).rejects.toBeInstanceOf(NotAdminError);
    expect(await db.user.count({ where: { email: "eve@example.com" } })).toBe(0);
  });

  it("unlock clears the lock and the count and ends the client's sessions", async () => {
    const admin = await createAdmin();
    const client = await createActiveUser({ email: "casey@example.com", name: "Casey", password: OLD_PASSWORD });
    for (const attempt of ["a", "b", "c"]) await logInWithPassword({ email: "casey@example.com", password: attempt }, context);
    expect(await unlockClient(client.id, { userId: admin.id })).toEqual({ ok: true });
    expect(await loadSessionUser({ sub: client.id, sv: client.sessionVersion })).toBeNull();
    expect((await logInWithPassword({ email: "casey@example.com", password: OLD_PASSWORD }, context)).ok).toBe(true);
    expect(await db.authEvent.count({ where: { type: "ACCOUNT_UNLOCKED", actorId: admin.id } })).toBe(1);
  });

  it("deactivation refuses sign-in and ends sessions; reactivation restores access", async () => {
    const admin = await createAdmin();
    const client = await createActiveUser({ email: "casey@example.com", name: "Casey", password: OLD_PASSWORD });
    await setDeactivated(client.id, true, { userId: admin.id });
    expect(await loadSessionUser({ sub: client.id, sv: client.sessionVersion })).toBeNull();
    expect(await logInWithPassword({ email: "casey@example.com", password: OLD_PASSWORD }, context)).toEqual({ ok: false, reason: "deactivated" });
    expect((await listClients({ userId: admin.id })).find((row) => row.id === client.id)?.status).toBe("deactivated");
    await setDeactivated(client.id, false, { userId: admin.id });
    expect((await logInWithPassword({ email: "casey@example.com", password: OLD_PASSWORD }, context)).ok).toBe(true);
    expect(await setDeactivated(admin.id, true, { userId: admin.id })).toEqual({ ok: false, reason: "self" });
  });
});
