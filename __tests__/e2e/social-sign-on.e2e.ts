import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, logInWithPassword, openPage } from "./support/browser";
import { createSocialUser, signInAtProvider, type SocialUser } from "./support/identity";
import { expectAccessible } from "./support/journey";
import { startPortal, type Portal } from "./support/portal";
import type { SocialProviderKey } from "./support/ports";

let portal: Portal;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
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

const label: Record<SocialProviderKey, string> = { facebook: "Facebook", google: "Google", linkedin: "LinkedIn", "microsoft-entra-id": "Office365" };
let counter = 0;
const uniqueEmail = (name: string) => `${name}.${process.pid}.${++counter}@client.example`;

const notLinked = (provider: string) =>
  `That ${provider} account is not linked to a Caliper Portal account. Log in with your email and password, then link it from My Account.`;
const mismatch = (provider: string) => `The email address of that ${provider} account does not match your portal email address.`;
const lockedMessage = 'Your account is locked after 3 failed attempts. Use "Forgot your password?" to reset your password.';

async function openMyAccount() {
  await page.getByRole("link", { name: "Casey Client" }).click();
  await page.waitForURL("**/account");
  await page.getByRole("heading", { name: "My Account", level: 1 }).waitFor();
}

async function linkFromMyAccount(provider: SocialProviderKey, user: SocialUser) {
  await openMyAccount();
  await page.getByRole("button", { name: `Link ${label[provider]}`, exact: true }).click();
  await signInAtProvider(page, user);
  await page.waitForURL((url) => url.pathname === "/account");
}

async function clickLogInWith(provider: SocialProviderKey) {
  await page.goto("/login");
  await page.getByRole("button", { name: `Log in with ${label[provider]}`, exact: true }).click();
}

const alertText = () => page.getByRole("alert").first().innerText();
const statusText = () => page.getByRole("status").first().innerText();

describe.each<SocialProviderKey>(["google", "facebook", "linkedin", "microsoft-entra-id"])("social sign-on with %s", (provider) => {
  const name = label[provider];

  it(`links ${name} from My Account, then logs in with it in one click`, async () => {
    const email = uniqueEmail("link");
    const user = await portal.db.seedUser({ email });
    // Two wrong passwords before: a social log-in must leave the count alone.
    await portal.db.prisma.loginAttempt.create({ data: { email, failures: 2 } });
    const social = await createSocialUser({ provider, email: email.toUpperCase(), name: "Casey at the provider" });

    await logInWithPassword(page, email);
    const attemptsAfterPassword = await portal.db.prisma.loginAttempt.findUnique({ where: { email } });
    await linkFromMyAccount(provider, social);

    expect(await statusText()).toContain(`Your ${name} account is now linked.`);
    await expect(page.getByRole("link", { name: `Unlink ${name}`, exact: true }).isVisible()).resolves.toBe(true);
    expect(await page.getByText(`Linked to ${email}`).isVisible()).toBe(true);
    await expectAccessible(page, `My Account with ${name} linked`);
    expect(await portal.db.prisma.account.findMany({ where: { userId: user.id }, select: { provider: true, providerAccountId: true } })).toEqual([
      { provider, providerAccountId: social.sub },
    ]);
    expect(await portal.db.prisma.authEvent.count({ where: { userId: user.id, type: "ACCOUNT_LINKED", provider } })).toBe(1);

    await page.getByRole("button", { name: "Sign Out" }).click();
    await page.waitForURL("**/login?notice=signed-out");
    // The provider remembers the person, so this is the one click.
    await clickLogInWith(provider);
    await page.waitForURL("**/dashboard");
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
    expect(await portal.db.prisma.authEvent.count({ where: { userId: user.id, type: "SIGN_IN", provider } })).toBe(1);
    expect(await portal.db.prisma.loginAttempt.findUnique({ where: { email } })).toEqual(attemptsAfterPassword);
  });

  it(`refuses to link a ${name} account whose email is not the portal email`, async () => {
    const email = uniqueEmail("mismatch");
    const user = await portal.db.seedUser({ email });
    const social = await createSocialUser({ provider, email: uniqueEmail("someone-else") });

    await logInWithPassword(page, email);
    await linkFromMyAccount(provider, social);

    expect(await alertText()).toBe(mismatch(name));
    await expectAccessible(page, `My Account refusing a ${name} account with another email`);
    expect(await page.getByRole("button", { name: `Link ${name}`, exact: true }).isVisible()).toBe(true);
    expect(await portal.db.prisma.account.count({ where: { userId: user.id } })).toBe(0);
  });

  it(`refuses to log in with a ${name} account that is not linked, and creates nobody`, async () => {
    const email = uniqueEmail("stranger");
    const social = await createSocialUser({ provider, email });
    const usersBefore = await portal.db.prisma.user.count();

    await clickLogInWith(provider);
    await signInAtProvider(page, social);
    await page.waitForURL((url) => url.pathname === "/login");

    expect(await alertText()).toBe(notLinked(name));
    await expectAccessible(page, `Log in refusing an unlinked ${name} account`);
    expect(await portal.db.prisma.user.count()).toBe(usersBefore);
    expect(await portal.db.prisma.user.findUnique({ where: { email } })).toBeNull();
    expect(await portal.db.prisma.account.count({ where: { providerAccountId: social.sub } })).toBe(0);
  });

  it(`unlinks ${name} after a confirmation, and the account no longer logs in`, async () => {
    const email = uniqueEmail("unlink");
    const user = await portal.db.seedUser({ email });
    const social = await createSocialUser({ provider, email });
    await portal.db.linkAccount(user.id, provider, social.sub);

    await logInWithPassword(page, email);
    await openMyAccount();
    await page.getByRole("link", { name: `Unlink ${name}`, exact: true }).click();
    await page.getByRole("heading", { name: `Unlink ${name}?` }).waitFor();
    await expectAccessible(page, `the ${name} unlink confirmation`);
    expect(await portal.db.prisma.account.count({ where: { userId: user.id } })).toBe(1);
    await page.getByRole("button", { name: `Unlink ${name}`, exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/account");

    expect(await statusText()).toBe(`Your ${name} account has been unlinked.`);
    expect(await page.getByRole("button", { name: `Link ${name}`, exact: true }).isVisible()).toBe(true);
    expect(await portal.db.prisma.account.count({ where: { userId: user.id } })).toBe(0);
    expect(await portal.db.prisma.authEvent.count({ where: { userId: user.id, type: "ACCOUNT_UNLINKED", provider } })).toBe(1);

    await page.getByRole("button", { name: "Sign Out" }).click();
    await page.waitForURL("**/login?notice=signed-out");
    await clickLogInWith(provider);
    await signInAtProvider(page, social);
    await page.waitForURL((url) => url.pathname === "/login");
    expect(await alertText()).toBe(notLinked(name));
  });
});

describe.each<SocialProviderKey>(["google", "facebook"])("refusals with %s", (provider) => {
  const name = label[provider];

  it(`refuses to link a ${name} account that is already linked to another portal user`, async () => {
    const email = uniqueEmail("second");
    const owner = await portal.db.seedUser({ email: uniqueEmail("owner") });
    const user = await portal.db.seedUser({ email });
    const social = await createSocialUser({ provider, email });
    await portal.db.linkAccount(owner.id, provider, social.sub);

    await logInWithPassword(page, email);
    await linkFromMyAccount(provider, social);

    expect(await alertText()).toBe(`That ${name} account is already linked to another Caliper Portal account.`);
    expect(await portal.db.prisma.account.findMany({ where: { provider, providerAccountId: social.sub }, select: { userId: true } })).toEqual([{ userId: owner.id }]);
    expect(await portal.db.prisma.account.count({ where: { userId: user.id } })).toBe(0);
  });

  it(`refuses a locked user who logs in with ${name}`, async () => {
    const email = uniqueEmail("locked");
    const user = await portal.db.seedUser({ email, lockedAt: new Date() });
    const social = await createSocialUser({ provider, email });
    await portal.db.linkAccount(user.id, provider, social.sub);

    await clickLogInWith(provider);
    await signInAtProvider(page, social);
    await page.waitForURL((url) => url.pathname === "/login");

    expect(await alertText()).toBe(lockedMessage);
    await page.goto("/dashboard");
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await portal.db.prisma.authEvent.count({ where: { userId: user.id, type: "SIGN_IN" } })).toBe(0);
  });

  it(`refuses a deactivated user who logs in with ${name}`, async () => {
    const email = uniqueEmail("deactivated");
    const user = await portal.db.seedUser({ email, deactivatedAt: new Date() });
    const social = await createSocialUser({ provider, email });
    await portal.db.linkAccount(user.id, provider, social.sub);

    await clickLogInWith(provider);
    await signInAtProvider(page, social);
    await page.waitForURL((url) => url.pathname === "/login");

    expect(await alertText()).toBe("This account has been deactivated. Please contact Caliper if you need access again.");
    await page.goto("/dashboard");
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await portal.db.prisma.authEvent.count({ where: { userId: user.id, type: "SIGN_IN" } })).toBe(0);
  });

  it(`comes back to My Account with a clear message when the sign-in is cancelled at ${name}`, async () => {
    const email = uniqueEmail("cancel");
    const user = await portal.db.seedUser({ email });
    const social = await createSocialUser({ provider, email });

    await logInWithPassword(page, email);
    await openMyAccount();
    await page.getByRole("button", { name: `Link ${name}`, exact: true }).click();
    await signInAtProvider(page, social, "Cancel");
    await page.waitForURL((url) => url.pathname === "/account");

    expect(await alertText()).toBe("The sign-in with that account did not complete. Please try again.");
    expect(await portal.db.prisma.account.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("the Log in page", () => {
  it("shows one button per configured provider in the column at the left of the form", async () => {
    await page.goto("/login");
    const column = page.getByRole("complementary");
    const names = await column.getByRole("button").allInnerTexts();
    expect(names.map((text) => text.trim())).toEqual(["Log in with Facebook", "Log in with Google", "Log in with LinkedIn", "Log in with Office365"]);

    const columnBox = await column.boundingBox();
    const formBox = await page.getByLabel("Email").boundingBox();
    expect(columnBox!.x + columnBox!.width).toBeLessThanOrEqual(formBox!.x);
    await expectAccessible(page, "Log in with the social column");
  });

  it("refuses to link a Facebook account that shares no email address", async () => {
    const email = uniqueEmail("no-email");
    const user = await portal.db.seedUser({ email });
    const social = await createSocialUser({ provider: "facebook" });

    await logInWithPassword(page, email);
    await linkFromMyAccount("facebook", social);

    expect(await alertText()).toBe(
      "That Facebook account did not share an email address, so it cannot be linked. Allow Facebook to share your email address and try again.",
    );
    expect(await portal.db.prisma.account.count({ where: { userId: user.id } })).toBe(0);
  });

  it("lands on our own Log in page, in our words, wherever Auth.js would show its own screens", async () => {
    const cases: [string, string][] = [
      ["/api/auth/error?error=Configuration", "Single sign-on is not available right now. Please log in with your email and password."],
      ["/api/auth/error?error=AccessDenied", "The sign-in with that account did not complete. Please try again."],
      ["/api/auth/callback/google", "Single sign-on is not available right now. Please log in with your email and password."],
      ["/api/auth/callback/facebook?error=access_denied&state=forged", "The sign-in with that account did not complete. Please try again."],
      ["/api/auth/signin/google", "Single sign-on is not available right now. Please log in with your email and password."],
      ["/login?error=OAuthAccountNotLinked", "That social account is already linked to another Caliper Portal account."],
      ["/login?error=Something-else", "We could not sign you in. Please try again."],
    ];
    for (const [path, message] of cases) {
      const response = await page.goto(path);
      expect({ path, status: response?.status(), at: new URL(page.url()).pathname }).toEqual({ path, status: 200, at: "/login" });
      await page.getByRole("heading", { name: "Log in", level: 1 }).waitFor();
      expect({ path, alert: await alertText() }).toEqual({ path, alert: message });
    }

    for (const path of ["/api/auth/signin", "/api/auth/signout"]) {
      await page.goto(path);
      expect({ path, at: new URL(page.url()).pathname }).toEqual({ path, at: "/login" });
    }
  });
});
