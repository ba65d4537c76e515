import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { TEST_PASSWORD } from "./database";

export const chromiumPath = () => process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// Without the networking flags Chromium keeps calling home, which this machine's network refuses.
export const browserArgs = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

/** Headless Chromium as installed by the system (CI installs it with apt); a fresh profile each launch. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: browserArgs });
}

/** A new, empty browser profile per test: no cookies, no identity-provider session. */
export async function openPage(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/** Fills the Log in form already on the page and clicks Log In; `remember` sets the checkbox when given. */
export async function submitLogIn(page: Page, email: string, password = TEST_PASSWORD, { remember }: { remember?: boolean } = {}) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  if (remember !== undefined) await page.getByLabel("Remember me on this computer").setChecked(remember);
  await page.getByRole("button", { name: "Log In", exact: true }).click();
}

export async function logInWithPassword(page: Page, email: string, password = TEST_PASSWORD, options: { remember?: boolean } = {}) {
  await page.goto("/login");
  await submitLogIn(page, email, password, options);
  await page.waitForURL("**/dashboard");
}
