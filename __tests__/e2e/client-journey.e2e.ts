import { mkdtempSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { browserArgs, chromiumPath, launchBrowser, logInWithPassword, openPage, submitLogIn } from "./support/browser";
import { TEST_PASSWORD } from "./support/database";
import {
  alertText,
  attemptLogIn,
  changePasswordAt,
  COOKIE_MESSAGE,
  expectAccessible,
  FORGOT_NOTICE,
  INVALID_LINK_MESSAGE,
  INVALID_MESSAGE,
  LOCKED_MESSAGE,
  PASSWORD_CHANGED_NOTICE,
  requestReset,
  signOut,
  uniqueEmail,
  waitForResetLink,
} from "./support/journey";
import { readMailbox } from "./support/mailbox";
import { startPortal, type Portal } from "./support/portal";

let portal: Portal;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [portal, browser] = await Promise.all([startPortal({ providers: [] }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});
beforeEach(async () => {
  ({ context, page } = await openPage(browser, portal.url));
});
afterEach(async () => {
  await context.close();
});

const NEW_PASSWORD = "Lantern-Orchard-Ferry-42";

describe("a client's first day", () => {
  it("is activated by an admin, sets a password from the welcome email, and is asked about cookies once", async () => {
    const admin = uniqueEmail("admin");
    await portal.db.seedUser({ email: admin, name: "Ada Admin", role: "ADMIN" });
    const client = uniqueEmail("first-day");

    await logInWithPassword(page, admin);
    await page.getByRole("link", { name: "Admin", exact: true }).click();
    await page.waitForURL("**/admin");
    await expectAccessible(page, "admin console");
    const since = new Date();
    await page.getByLabel("Name").fill("Fiona First");
    await page.getByLabel("Email").fill(client);
    await page.getByRole("button", { name: "Activate client" }).click();
    await page.getByText("Fiona First has been activated").waitFor();
    const row = page.getByRole("row").filter({ hasText: client });
    expect(await row.getByText("invited", { exact: true }).isVisible()).toBe(true);
    expect(await row.getByRole("button", { name: "Resend welcome email" }).isVisible()).toBe(true);
    await expectAccessible(page, "admin console after activating");
    const welcomeLink = await waitForResetLink(client, /^Welcome to the Caliper Client Portal$/, since);

    // Opened in the admin's own browser, still signed in, as a person trying the flow would.
    await page.goto(welcomeLink);
    await page.getByRole("heading", { name: "Change your password", level: 1 }).waitFor();
    await expectAccessible(page, "Change your password");
    await changePasswordAt(page, welcomeLink, NEW_PASSWORD);
    await page.waitForURL("**/login?notice=password-changed");
    expect(await page.getByText(PASSWORD_CHANGED_NOTICE).isVisible()).toBe(true);
    await expectAccessible(page, "Log in with the password-changed notice");

    await logInWithPassword(page, client, NEW_PASSWORD);
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    const header = page.getByRole("navigation", { name: "Account" });
    expect(await header.getByRole("link", { name: "Fiona First" }).getAttribute("href")).toBe("/account");
    const cookieMessage = page.getByRole("region", { name: "Cookie message" });
    expect(await cookieMessage.innerText()).toContain(COOKIE_MESSAGE);
    await expectAccessible(page, "Dashboard with the cookie message");
    await cookieMessage.getByRole("button", { name: "Accept" }).click();
    await cookieMessage.waitFor({ state: "detached" });
    await page.reload();
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    expect(await cookieMessage.count()).toBe(0);

    // Accepted on the user, not only in this browser: a new browser profile is not asked again.
    await signOut(page);
    await context.clearCookies();
    await logInWithPassword(page, client, NEW_PASSWORD);
    expect(await page.getByText(COOKIE_MESSAGE).count()).toBe(0);
    expect(await portal.db.prisma.user.findUnique({ where: { email: client }, select: { activatedAt: true, cookiesAcceptedAt: true } })).toEqual({
      activatedAt: expect.any(Date),
      cookiesAcceptedAt: expect.any(Date),
    });

    await header.getByRole("link", { name: "Fiona First" }).click();
    await page.waitForURL("**/account");
    await page.getByRole("heading", { name: "My Account", level: 1 }).waitFor();
    await expectAccessible(page, "My Account");
  });

  it("logs in and recovers a password by keyboard alone", async () => {
    const email = uniqueEmail("keyboard");
    await portal.db.seedUser({ email });
    await page.goto("/login");
    await expectAccessible(page, "Log in");
    // The Email field has the focus when the page opens.
    await page.keyboard.type(email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL("**/dashboard");
    await signOut(page);

    await page.goto("/login");
    await page.getByRole("link", { name: "Forgot your password?" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL("**/forgot-password");
    await expectAccessible(page, "Forgot your password?");
    await page.keyboard.type(email);
    await page.keyboard.press("Tab");
    const since = new Date();
    await page.keyboard.press("Enter");
    await page.getByText(FORGOT_NOTICE).waitFor();
    await expectAccessible(page, "Forgot your password? with its notice");

    // Change your password opens with the cursor in New Password.
    await page.goto(await waitForResetLink(email, /^Reset password instructions$/, since));
    await page.keyboard.type(NEW_PASSWORD);
    await page.keyboard.press("Tab");
    await page.keyboard.type(NEW_PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL("**/login?notice=password-changed");
  });
});

describe("three wrong passwords", () => {
  it("lock the account, email its owner, and a reset unlocks it", async () => {
    const email = uniqueEmail("locked");
    await portal.db.seedUser({ email });
    const since = new Date();

    for (const expected of [INVALID_MESSAGE, INVALID_MESSAGE, LOCKED_MESSAGE]) {
      await attemptLogIn(page, email, "not-my-password-at-all");
      await page.getByRole("alert").filter({ hasText: expected }).waitFor();
      expect(await alertText(page)).toBe(expected);
    }
    await expectAccessible(page, "Log in with the locked message");
    await attemptLogIn(page, email, TEST_PASSWORD);
    await page.getByRole("alert").filter({ hasText: LOCKED_MESSAGE }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");

    const unlockLink = await waitForResetLink(email, /^Your account has been locked$/, since);
    await changePasswordAt(page, unlockLink, NEW_PASSWORD);
    await page.waitForURL("**/login?notice=password-changed");
    await logInWithPassword(page, email, NEW_PASSWORD);
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
  });

  it("answer an email without an account exactly as one with an account", async () => {
    const known = uniqueEmail("known");
    await portal.db.seedUser({ email: known });
    const unknown = uniqueEmail("nobody");
    const answers: Record<string, string[]> = { [known]: [], [unknown]: [] };
    for (const email of [known, unknown]) {
      for (let attempt = 0; attempt < 4; attempt++) {
        await attemptLogIn(page, email, "not-my-password-at-all");
        answers[email]!.push(await alertText(page));
      }
    }
    expect(answers[unknown]).toEqual(answers[known]);
    expect(answers[known]).toEqual([INVALID_MESSAGE, INVALID_MESSAGE, LOCKED_MESSAGE, LOCKED_MESSAGE]);
  });
});

describe("Forgot your password?", () => {
  it("shows the same notice for an unknown email and sends nothing", async () => {
    const unknown = uniqueEmail("no-account");
    await requestReset(page, unknown);
    expect(await page.getByRole("status").first().innerText()).toBe(FORGOT_NOTICE);
    // A known email asked right after: once its mail is in, the unknown one's turn has passed too.
    const known = uniqueEmail("has-account");
    await portal.db.seedUser({ email: known });
    const since = new Date();
    await requestReset(page, known);
    await waitForResetLink(known, /^Reset password instructions$/, since);
    expect(await readMailbox(unknown)).toEqual([]);
  });

  it("sends a link that works once", async () => {
    const email = uniqueEmail("once");
    await portal.db.seedUser({ email });
    const since = new Date();
    await requestReset(page, email);
    const link = await waitForResetLink(email, /^Reset password instructions$/, since);

    await changePasswordAt(page, link, NEW_PASSWORD);
    await page.waitForURL("**/login?notice=password-changed");
    await page.goto(link);
    expect(await alertText(page)).toBe(INVALID_LINK_MESSAGE);
    await expectAccessible(page, "Change your password with a used link");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.waitForURL("**/forgot-password");
  });

  it("refuses a link whose 24 hours have passed", async () => {
    const email = uniqueEmail("expired");
    const user = await portal.db.seedUser({ email });
    const since = new Date();
    await requestReset(page, email);
    const link = await waitForResetLink(email, /^Reset password instructions$/, since);
    await portal.db.prisma.passwordToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    await page.goto(link);
    expect(await alertText(page)).toBe(INVALID_LINK_MESSAGE);
    expect(await page.getByLabel("New Password", { exact: true }).count()).toBe(0);
  });
});

describe("the gate in front of the portal", () => {
  it("sends a signed-out visitor to Log in and back to where they were going", async () => {
    const email = uniqueEmail("returning");
    await portal.db.seedUser({ email });
    await page.goto("/dashboard");
    await page.waitForURL((url) => url.pathname === "/login");
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/dashboard");
    // Somewhere other than the Dashboard, where a log-in lands anyway, shows the return is real.
    await page.goto("/account");
    await page.waitForURL((url) => url.pathname === "/login");
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/account");
    await submitLogIn(page, email);
    await page.waitForURL("**/account");
    await page.getByRole("heading", { name: "My Account", level: 1 }).waitFor();
  });

  it("never sends anyone to another site after logging in", async () => {
    const email = uniqueEmail("phished");
    await portal.db.seedUser({ email });
    for (const callbackUrl of ["https://evil.example/steal", "//evil.example/steal", "/\\evil.example"]) {
      await page.goto(`/login?${new URLSearchParams({ callbackUrl })}`);
      await submitLogIn(page, email);
      await page.waitForURL("**/dashboard");
      expect(new URL(page.url()).origin).toBe(portal.url);
      await signOut(page);
    }
  });

  it("keeps a client out of /admin", async () => {
    const email = uniqueEmail("curious");
    await portal.db.seedUser({ email });
    await logInWithPassword(page, email);
    expect(await page.getByRole("link", { name: "Admin", exact: true }).count()).toBe(0);
    await page.goto("/admin");
    await page.waitForURL("**/dashboard");
    expect(await page.getByRole("heading", { name: "Clients" }).count()).toBe(0);
  });

  it("signs out: the Dashboard is closed again afterwards", async () => {
    const email = uniqueEmail("leaving");
    await portal.db.seedUser({ email });
    await logInWithPassword(page, email);
    await signOut(page);
    expect(await page.getByText("You have signed out.").isVisible()).toBe(true);
    await page.goto("/dashboard");
    await page.waitForURL((url) => url.pathname === "/login");
  });
});

describe("Remember me on this computer", () => {
  it("fills the email after the browser restarts, and forgets it once unchecked", async () => {
    const email = uniqueEmail("remembered");
    await portal.db.seedUser({ email });
    // Inside the run's folder, which the global teardown removes once every browser has exited.
    const profile = mkdtempSync(path.join(process.env.E2E_RUN_DIR!, "profile-"));
    // The same profile folder across launches, as a person's own browser keeps its cookies.
    const launchProfile = async () => {
      const persistent = await chromium.launchPersistentContext(profile, {
        executablePath: chromiumPath(),
        headless: true,
        args: browserArgs,
        baseURL: portal.url,
      });
      const tab = persistent.pages()[0] ?? (await persistent.newPage());
      tab.setDefaultTimeout(15_000);
      return { persistent, tab };
    };
    let { persistent, tab } = await launchProfile();
    try {
      await logInWithPassword(tab, email, TEST_PASSWORD, { remember: true });
      const remembered = (await persistent.cookies()).find((cookie) => cookie.name === "portal_remembered_email");
      expect(remembered).toMatchObject({ httpOnly: true, sameSite: "Lax" });
      expect(decodeURIComponent(remembered!.value)).toBe(email);
      expect(remembered!.expires * 1000 - Date.now()).toBeGreaterThan(364 * 24 * 60 * 60 * 1000);
      await signOut(tab);
      await persistent.close();

      ({ persistent, tab } = await launchProfile());
      await tab.goto("/login");
      expect(await tab.getByLabel("Email").inputValue()).toBe(email);
      expect(await tab.getByLabel("Remember me on this computer").isChecked()).toBe(true);
      await submitLogIn(tab, email, TEST_PASSWORD, { remember: false });
      await tab.waitForURL("**/dashboard");
      await signOut(tab);
      await persistent.close();

      ({ persistent, tab } = await launchProfile());
      await tab.goto("/login");
      expect(await tab.getByLabel("Email").inputValue()).toBe("");
      expect(await tab.getByLabel("Remember me on this computer").isChecked()).toBe(false);
    } finally {
      await persistent.close();
    }
  });
});

describe("with JavaScript turned off", () => {
  it("logs in, shows the login errors, and resets a password with plain form posts", async () => {
    const noScript = await browser.newContext({ baseURL: portal.url, javaScriptEnabled: false });
    const tab = await noScript.newPage();
    tab.setDefaultTimeout(15_000);
    try {
      const email = uniqueEmail("no-js");
      await portal.db.seedUser({ email });

      await attemptLogIn(tab, email, "not-my-password-at-all");
      await tab.getByRole("alert").filter({ hasText: INVALID_MESSAGE }).waitFor();
      await attemptLogIn(tab, email, TEST_PASSWORD);
      await tab.waitForURL("**/dashboard");
      await tab.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
      await tab.getByRole("button", { name: "Accept" }).click();
      await tab.waitForURL("**/dashboard");
      expect(await tab.getByText(COOKIE_MESSAGE).count()).toBe(0);
      await signOut(tab);

      const since = new Date();
      await requestReset(tab, email);
      const link = await waitForResetLink(email, /^Reset password instructions$/, since);
      await tab.goto(link);
      await tab.getByLabel("New Password", { exact: true }).fill("short");
      await tab.getByLabel("Confirm New Password").fill("short");
      await tab.getByRole("button", { name: "Change my password" }).click();
      await tab.getByText("Use at least 12 characters.").waitFor();
      await changePasswordAt(tab, link, NEW_PASSWORD);
      await tab.waitForURL("**/login?notice=password-changed");
      await attemptLogIn(tab, email, NEW_PASSWORD);
      await tab.waitForURL("**/dashboard");
    } finally {
      await noScript.close();
    }
  });
});
