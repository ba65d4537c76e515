import type { Page } from "playwright-core";
import { seriousAccessibilityViolations } from "./accessibility";
import { submitLogIn } from "./browser";
import { waitForMail, type ReceivedMail } from "./mailbox";

export const LOCKED_MESSAGE = 'Your account is locked after 3 failed attempts. Use "Forgot your password?" to reset your password.';
export const INVALID_MESSAGE = "Invalid email address or password";
export const FORGOT_NOTICE =
  "If your email address exists in our database, you will receive a password recovery link at your email address in a few minutes.";
export const INVALID_LINK_MESSAGE = "This password reset link is invalid or has expired.";
export const PASSWORD_CHANGED_NOTICE = "Your password has been changed. You can now log in.";
export const COOKIE_MESSAGE = "This site uses cookies to keep you signed in and to remember your preferences.";

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let counter = 0;
export const uniqueEmail = (name: string) => `${name}.${process.pid}.${++counter}@client.example`;

/** The Reset Password link of an email, as a path on the portal (the test's browser has its own base URL). */
export function resetLinkOf(mail: ReceivedMail): string {
  const link = mail.text.match(/https?:\/\/\S+\/reset-password\?token=[\w-]+/)?.[0];
  if (!link) throw new Error(`no Reset Password link in "${mail.subject}":\n${mail.text}`);
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
}

export async function waitForResetLink(to: string, subject: RegExp, since: Date) {
  return resetLinkOf(await waitForMail(to, { subject, since }));
}

/** The text of the page's first alert that says something (Next.js keeps an empty one for route announcements). */
export async function alertText(page: Page) {
  const alert = page.getByRole("alert").filter({ hasText: /\S/ }).first();
  await alert.waitFor();
  return alert.innerText();
}

/** Fails the test with the list of serious or critical axe violations of the page in this state. */
export async function expectAccessible(page: Page, state: string) {
  expect({ state, violations: await seriousAccessibilityViolations(page) }).toEqual({ state, violations: [] });
}

export async function attemptLogIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await submitLogIn(page, email, password);
}

export async function changePasswordAt(page: Page, link: string, password: string) {
  await page.goto(link);
  await page.getByRole("heading", { name: "Change your password", level: 1 }).waitFor();
  await page.getByLabel("New Password", { exact: true }).fill(password);
  await page.getByLabel("Confirm New Password").fill(password);
  await page.getByRole("button", { name: "Change my password" }).click();
}

export async function requestReset(page: Page, email: string) {
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.getByRole("heading", { name: "Forgot your password?", level: 1 }).waitFor();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me reset password instructions" }).click();
  await page.getByText(FORGOT_NOTICE).waitFor();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign Out" }).click();
  await page.waitForURL("**/login?notice=signed-out");
}
