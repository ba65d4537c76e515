import type { Page } from "playwright-core";
import { fixturesPlan, type SocialProviderKey } from "./ports";

export type SocialUser = { login: string; sub: string; provider: SocialProviderKey; email?: string; name: string };

/** A person at a stand-in provider. Leave email out for an account that shares none (Facebook allows that). */
export async function createSocialUser(input: { provider: SocialProviderKey; email?: string; name?: string; sub?: string }): Promise<SocialUser> {
  const response = await fetch(`${fixturesPlan().fixturesUrl}/__fixtures/users`, { method: "POST", body: JSON.stringify(input) });
  if (!response.ok) throw new Error(`could not create a social user: ${await response.text()}`);
  return (await response.json()) as SocialUser;
}

/** On the stand-in provider's sign-in page: sign in as the user, or cancel. */
export async function signInAtProvider(page: Page, user: Pick<SocialUser, "login">, choice: "Sign in" | "Cancel" = "Sign in") {
  await page.waitForURL((url) => url.origin === fixturesPlan().fixturesUrl);
  await page.getByLabel("Account").fill(user.login);
  await page.getByRole("button", { name: choice, exact: true }).click();
}
