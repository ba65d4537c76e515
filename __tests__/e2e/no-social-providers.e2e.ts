import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, logInWithPassword, openPage } from "./support/browser";
import { expectAccessible } from "./support/journey";
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

describe("a portal with no social provider configured", () => {
  it("shows the Log in form alone, with no social column", async () => {
    await page.goto("/login");
    await page.getByRole("heading", { name: "Log in", level: 1 }).waitFor();
    expect(await page.getByRole("complementary").count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Log in with/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Log In", exact: true }).isVisible()).toBe(true);
    await expectAccessible(page, "Log in without a social column");
  });

  it("offers nothing to link on My Account, and a social sign-in URL ends on our Log in page", async () => {
    const email = `nobody-social.${process.pid}@client.example`;
    await portal.db.seedUser({ email });
    await logInWithPassword(page, email);
    await page.goto("/account");
    await page.getByRole("heading", { name: "My Account", level: 1 }).waitFor();
    expect(await page.getByRole("button", { name: /^Link / }).count()).toBe(0);
    expect(await page.getByRole("heading", { name: "Linked accounts" }).count()).toBe(0);

    await page.getByRole("button", { name: "Sign Out" }).click();
    await page.waitForURL("**/login?notice=signed-out");
    await page.goto("/api/auth/callback/google?code=anything&state=anything");
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await page.getByRole("alert").first().innerText()).toBe("Single sign-on is not available right now. Please log in with your email and password.");
  });
});
