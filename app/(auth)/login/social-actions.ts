"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth";
import { findSocialProvider } from "@/lib/auth/providers";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { formText } from "@/lib/validation";

/** One click: hand the browser to the provider; the signIn callback decides what happens on return. */
export async function logInWithProvider(formData: FormData) {
  const provider = findSocialProvider(formText(formData, "provider"));
  if (!provider) redirect("/login?error=Configuration");
  try {
    await signIn(provider.id, { redirectTo: safeCallbackPath(formText(formData, "callbackUrl")) });
  } catch (error) {
    // The provider could not be reached to start the sign-in (discovery failed, misconfigured).
    if (error instanceof AuthError) redirect(`/login?${new URLSearchParams({ error: "Configuration", provider: provider.id })}`);
    throw error;
  }
}
