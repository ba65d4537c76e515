"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth";
import { unlinkAccount } from "@/lib/auth/linking";
import { findSocialProvider } from "@/lib/auth/providers";
import { readRequestContext } from "@/lib/auth/request-context";
import { requireUser } from "@/lib/guards";
import { SOCIAL_PROVIDERS } from "@/lib/env";
import { formText } from "@/lib/validation";

const accountPath = (params: Record<string, string>) => `/account?${new URLSearchParams(params)}`;

/** Starts the provider's sign-in while signed in; Auth.js links the account to this user on return. */
export async function linkProviderAction(formData: FormData) {
  await requireUser();
  const provider = findSocialProvider(formText(formData, "provider"));
  if (!provider) redirect("/account");
  try {
    await signIn(provider.id, { redirectTo: accountPath({ linked: provider.id }) });
  } catch (error) {
    if (error instanceof AuthError) redirect(accountPath({ error: "Configuration", provider: provider.id }));
    throw error;
  }
}

export async function unlinkProviderAction(formData: FormData) {
  const user = await requireUser();
  // Any provider we know, configured or not: an account linked before a provider was switched off can still go.
  const provider = SOCIAL_PROVIDERS.find(({ id }) => id === formText(formData, "provider"));
  if (!provider) redirect("/account");
  await unlinkAccount(user.id, provider.id, readRequestContext(await headers()));
  redirect(accountPath({ unlinked: provider.id }));
}
