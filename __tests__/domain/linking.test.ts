import { db } from "@/lib/db";
import { checkLink, logInWithSocialAccount, unlinkAccount } from "@/lib/auth/linking";
import { describeSignInError } from "@/lib/auth/sign-in-messages";
import { createActiveUser } from "@/lib/auth/users";
import { resetDatabase, useTestDatabase } from "../helpers/database";

useTestDatabase();
beforeEach(resetDatabase);

const context = { ip: "203.0.113.8", userAgent: "jest" };
const google = (providerAccountId: string, email?: string | null) => ({ provider: "google", providerAccountId, email });
const createClient = (email = "casey@client.example") => createActiveUser({ email, name: "Casey", password: "a long enough passphrase" });
const link = (userId: string, providerAccountId: string, provider = "google") =>
  db.account.create({ data: { userId, provider, providerAccountId, type: "oidc" } });

describe("linking a social account while signed in", () => {
  it("accepts the portal email, whatever its case and surrounding spaces at the provider", async () => {
    const user = await createClient();
    expect(await checkLink(user.id, google("g-1", "  Casey@CLIENT.example "))).toEqual({ ok: true });
  });

  it("refuses another email, and an account that shares none", async () => {
    const user = await createClient();
    expect(await checkLink(user.id, google("g-1", "someone@else.example"))).toEqual({ ok: false, reason: "email-mismatch" });
    expect(await checkLink(user.id, google("g-1", null))).toEqual({ ok: false, reason: "no-email" });
  });

  it("refuses an account already linked to someone else, and a second account of the same provider", async () => {
    const owner = await createClient("owner@client.example");
    const user = await createClient();
    await link(owner.id, "g-owned");
    expect(await checkLink(user.id, google("g-owned", user.email))).toEqual({ ok: false, reason: "linked-elsewhere" });

    await link(user.id, "g-first");
    expect(await checkLink(user.id, google("g-second", user.email))).toEqual({ ok: false, reason: "provider-taken" });
    expect(await checkLink(user.id, google("g-first", user.email))).toEqual({ ok: true });
  });
});

describe("logging in with a social account", () => {
  it("signs in the linked user, records the provider, and leaves the password lockout count alone", async () => {
    const user = await createClient();
    await link(user.id, "g-1");
    await db.loginAttempt.create({ data: { email: user.email, failures: 2 } });

    const result = await logInWithSocialAccount(google("g-1", "whatever@the.provider"), context);

    expect(result).toEqual({ ok: true, user: { id: user.id, email: user.email, name: "Casey", role: "CLIENT", sessionVersion: 0 } });
    expect(await db.authEvent.findFirstOrThrow({ where: { type: "SIGN_IN" } })).toMatchObject({ userId: user.id, provider: "google", ip: "203.0.113.8" });
    expect(await db.loginAttempt.findUniqueOrThrow({ where: { email: user.email } })).toMatchObject({ failures: 2 });
  });

  it("refuses an account that is not linked, even when its email is a portal user's, and creates nobody", async () => {
    await createClient();
    expect(await logInWithSocialAccount(google("g-unknown", "casey@client.example"), context)).toEqual({ ok: false, reason: "not-linked" });
    expect(await db.user.count()).toBe(1);
    expect(await db.account.count()).toBe(0);
    expect(await db.authEvent.findFirstOrThrow({ where: { type: "SIGN_IN_REFUSED" } })).toMatchObject({ userId: null, provider: "google" });
  });

  it("refuses locked and deactivated users", async () => {
    const locked = await createClient("locked@client.example");
    const gone = await createClient("gone@client.example");
    await db.user.update({ where: { id: locked.id }, data: { lockedAt: new Date() } });
    await db.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
    await link(locked.id, "g-locked");
    await link(gone.id, "g-gone");

    expect(await logInWithSocialAccount(google("g-locked"), context)).toEqual({ ok: false, reason: "locked" });
    expect(await logInWithSocialAccount(google("g-gone"), context)).toEqual({ ok: false, reason: "deactivated" });
    expect(await db.authEvent.count({ where: { type: "SIGN_IN" } })).toBe(0);
  });
});

describe("unlinking", () => {
  it("removes only that provider's account and records it once", async () => {
    const user = await createClient();
    await link(user.id, "g-1");
    await link(user.id, "f-1", "facebook");

    expect(await unlinkAccount(user.id, "google", context)).toBe(true);
    expect(await unlinkAccount(user.id, "google", context)).toBe(false);
    expect(await db.account.findMany({ select: { provider: true } })).toEqual([{ provider: "facebook" }]);
    expect(await db.authEvent.count({ where: { type: "ACCOUNT_UNLINKED", userId: user.id, provider: "google" } })).toBe(1);
  });
});

describe("the words for each way back from a provider", () => {
  const say = (error?: string, provider?: string, code?: string) => describeSignInError({ error, provider, code }, 3);

  it("uses the contract's messages with the provider's name", () => {
    expect(say("not-linked", "microsoft-entra-id")).toBe(
      "That Office365 account is not linked to a Caliper Portal account. Log in with your email and password, then link it from My Account.",
    );
    expect(say("email-mismatch", "linkedin")).toBe("The email address of that LinkedIn account does not match your portal email address.");
    expect(say("locked", "google")).toBe('Your account is locked after 3 failed attempts. Use "Forgot your password?" to reset your password.');
  });

  it("turns Auth.js's codes and anything unknown into our words, never the raw code", () => {
    expect(say("OAuthCallbackError")).toBe("The sign-in with that account did not complete. Please try again.");
    expect(say("Configuration")).toBe("Single sign-on is not available right now. Please log in with your email and password.");
    expect(say("CredentialsSignin", undefined, "invalid")).toBe("Invalid email address or password");
    expect(say("<script>", "<b>")).toBe("We could not sign you in. Please try again.");
    expect(say(undefined)).toBeNull();
  });
});
