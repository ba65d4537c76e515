import { createClient, type Client } from "@libsql/client";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, logInWithPassword, openPage } from "./support/browser";
import { TEST_PASSWORD } from "./support/database";
import { alertText, attemptLogIn, expectAccessible, FORGOT_NOTICE, requestReset, sleep, uniqueEmail } from "./support/journey";
import { readMailbox } from "./support/mailbox";
import { fixturesPlan } from "./support/ports";
import { startPortal, type Portal } from "./support/portal";

let browser: Browser;
let context: BrowserContext;
let page: Page;
const portals: Portal[] = [];

async function portalWith(env: Record<string, string | undefined> = {}) {
  const portal = await startPortal({ providers: [], env });
  portals.push(portal);
  ({ context, page } = await openPage(browser, portal.url));
  return portal;
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterEach(async () => {
  await context?.close();
  await Promise.all(portals.splice(0).map((portal) => portal.stop()));
});
afterAll(async () => {
  await browser?.close();
});

async function poll<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await sleep(250);
  }
}

describe("headers and cookies", () => {
  it("serves every page with a nonce-based CSP and the protective headers, and sets only HttpOnly SameSite cookies", async () => {
    const portal = await portalWith();
    const response = await fetch(`${portal.url}/login`);
    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    // Next.js puts the nonce on its own scripts, so the page runs under the policy.
    expect(await response.text()).toContain(`nonce="${nonce}"`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    const second = await fetch(`${portal.url}/login`);
    expect(second.headers.get("content-security-policy")).not.toBe(csp);

    const reset = await fetch(`${portal.url}/reset-password?token=whatever`);
    expect(reset.headers.get("referrer-policy")).toBe("same-origin");

    const email = uniqueEmail("cookies");
    await portal.db.seedUser({ email });
    await logInWithPassword(page, email, TEST_PASSWORD, { remember: true });
    const cookies = await context.cookies();
    expect(cookies.map((cookie) => cookie.name)).toEqual(expect.arrayContaining(["authjs.session-token", "portal_remembered_email"]));
    for (const cookie of cookies) {
      expect({ name: cookie.name, httpOnly: cookie.httpOnly, sameSite: cookie.sameSite }).toEqual({ name: cookie.name, httpOnly: true, sameSite: "Lax" });
    }
    const session = cookies.find((cookie) => cookie.name === "authjs.session-token")!;
    // 12 hours, whether or not Remember me is checked.
    expect(session.expires * 1000 - Date.now()).toBeLessThanOrEqual(12 * 60 * 60 * 1000);

    // A page request made while signed in (a link prefetch, say) does not send the session cookie
    // again: one still in flight when the person signs out would sign them back in.
    const pageRequest = await fetch(`${portal.url}/account`, { headers: { cookie: `${session.name}=${session.value}` }, redirect: "manual" });
    expect(pageRequest.status).toBe(200);
    expect(pageRequest.headers.getSetCookie().filter((cookie) => cookie.startsWith("authjs.session-token"))).toEqual([]);
  });
});

describe("rate limits", () => {
  it("stops the fourth log-in a minute from one address with a clear message, without counting it toward the lock", async () => {
    const portal = await portalWith({ RATE_LIMIT_LOGIN_PER_MINUTE: "3" });
    const email = uniqueEmail("flooded");
    await portal.db.seedUser({ email });
    for (let attempt = 0; attempt < 2; attempt++) {
      await attemptLogIn(page, email, "not-my-password-at-all");
      expect(await alertText(page)).toBe("Invalid email address or password");
    }
    await logInWithPassword(page, email);
    await page.getByRole("button", { name: "Sign Out" }).click();
    await page.waitForURL("**/login?notice=signed-out");

    await attemptLogIn(page, email, TEST_PASSWORD);
    expect(await alertText(page)).toBe("Too many attempts, try again in 1 minute.");
    await expectAccessible(page, "Log in with the rate-limit message");
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await portal.db.prisma.user.findUnique({ where: { email }, select: { lockedAt: true } })).toEqual({ lockedAt: null });
  });

  it("sends at most the configured number of reset emails an hour to one address", async () => {
    const portal = await portalWith({ RATE_LIMIT_EMAILS_PER_HOUR: "2" });
    const email = uniqueEmail("mailbombed");
    await portal.db.seedUser({ email });
    await requestReset(page, email);
    await requestReset(page, email);
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send me reset password instructions" }).click();
    expect(await alertText(page)).toMatch(/^Too many attempts, try again in \d+ minutes?\.$/);
    // The mail goes out after the response: wait for the two allowed, then make sure no third follows.
    await poll("the reset emails", async () => (await readMailbox(email)).length, (count) => count >= 2);
    await sleep(1500);
    expect((await readMailbox(email)).length).toBe(2);
  });
});

describe("when the mail server is down", () => {
  // Nothing listens on this port of the test block.
  const deadSmtp = () => ({ EMAIL_SERVER: `smtp://localhost:${fixturesPlan().fixturesPort + 9}` });

  it("still answers Forgot your password? with its notice, and logs the failure without the link", async () => {
    const portal = await portalWith(deadSmtp());
    const email = uniqueEmail("no-mail");
    await portal.db.seedUser({ email });
    await requestReset(page, email);
    expect(await page.getByRole("status").first().innerText()).toBe(FORGOT_NOTICE);
    // Two lines say EMAIL_FAILED, the mail module's and the event log's, on stderr and stdout: either may come first.
    const mailFailure = (text: string) => text.split("\n").find((line) => line.includes('"EMAIL_FAILED"') && line.includes('"subject"'));
    const output = await poll("the server log", async () => portal.output(), (text) => mailFailure(text) !== undefined);
    expect(JSON.parse(mailFailure(output)!)).toMatchObject({ event: "EMAIL_FAILED", to: email, subject: "Reset password instructions" });
    expect(output).not.toMatch(/token=/);
  });

  it("tells the admin the welcome email could not be sent, keeps the client, and offers to resend it", async () => {
    const portal = await portalWith(deadSmtp());
    const admin = uniqueEmail("admin");
    await portal.db.seedUser({ email: admin, name: "Ada Admin", role: "ADMIN" });
    const client = uniqueEmail("unmailed");
    await logInWithPassword(page, admin);
    await page.goto("/admin");
    await page.getByLabel("Name").fill("Una Unmailed");
    await page.getByLabel("Email").fill(client);
    await page.getByRole("button", { name: "Activate client" }).click();
    expect(await alertText(page)).toBe("Una Unmailed has been activated, but the welcome email could not be sent. Use Resend welcome email to try again.");
    const row = page.getByRole("row").filter({ hasText: client });
    await row.getByRole("button", { name: "Resend welcome email" }).click();
    await page.getByRole("alert").filter({ hasText: "The welcome email could not be sent. Check the mail settings, then use Resend welcome email to try again." }).waitFor();
    expect(await portal.db.prisma.user.findUnique({ where: { email: client }, select: { name: true, invitedAt: true } })).toEqual({
      name: "Una Unmailed",
      invitedAt: expect.any(Date),
    });
    expect(portal.output()).not.toMatch(/token=/);
  });
});

describe("when the database does not answer", () => {
  it("serves a clear 503 page instead of an error, and recovers by itself when it is back", async () => {
    const portal = await portalWith();
    const email = uniqueEmail("patient");
    await portal.db.seedUser({ email });
    await logInWithPassword(page, email);

    // Another connection holding an exclusive lock: every statement of the portal's fails at once.
    const blocker: Client = createClient({ url: portal.env.DATABASE_URL! });
    await blocker.execute("BEGIN EXCLUSIVE");
    try {
      const down = await poll("GET /dashboard", () => fetch(`${portal.url}/login`).then((r) => r.status), (status) => status === 503);
      expect(down).toBe(503);
      expect(await fetch(`${portal.url}/api/health`).then((r) => r.json())).toEqual({ status: "unavailable", reason: "database unreachable" });
      const response = await page.goto("/dashboard");
      expect(response?.status()).toBe(503);
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("The portal is temporarily unavailable");
      expect(await page.content()).not.toMatch(/at \w+ \(|Error:|node_modules/);
      await expectAccessible(page, "the temporarily unavailable page");
    } finally {
      await blocker.execute("COMMIT");
      blocker.close();
    }

    await poll("GET /login", () => fetch(`${portal.url}/login`).then((r) => r.status), (status) => status === 200);
    await page.goto("/dashboard");
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
  });
});
