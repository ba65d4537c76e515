import { SOCIAL_PROVIDERS } from "@/lib/env";
import { loginFailureMessage, messages } from "@/lib/messages";

/** "Office365" for microsoft-entra-id and so on; an id we do not know reads as a plain "social". */
export function providerLabel(id: unknown): string {
  return SOCIAL_PROVIDERS.find((provider) => provider.id === id)?.label ?? "social";
}

/** What the login page and My Account receive in their query string after a social round trip. */
export type SignInOutcome = { error?: string; code?: string; provider?: string };

/**
 * Every code a user can be sent back with, ours (from the signIn callback) and Auth.js's (its error
 * redirects to pages.error), as the contract's words. Unknown codes get the generic message, so no
 * raw code or Auth.js screen ever shows.
 */
export function describeSignInError({ error, code, provider }: SignInOutcome, maxAttempts: number): string | null {
  if (!error) return null;
  const label = providerLabel(provider);
  switch (error) {
    case "not-linked":
      return messages.socialNotLinked(label);
    case "locked":
    case "deactivated":
      return loginFailureMessage(error, maxAttempts);
    case "no-email":
      return messages.socialNoEmail(label);
    case "email-mismatch":
      return messages.socialEmailMismatch(label);
    case "linked-elsewhere":
    // Auth.js: the account belongs to another user than the one in the session cookie.
    case "OAuthAccountNotLinked":
    case "AccountNotLinked":
      return messages.socialLinkedElsewhere(label);
    case "provider-taken":
      return messages.socialProviderTaken(label);
    case "CredentialsSignin":
      return loginFailureMessage(code ?? "invalid", maxAttempts);
    // The provider sent the user back with an error, typically "access_denied" after Cancel.
    case "OAuthCallbackError":
    case "AccessDenied":
      return messages.socialNotCompleted;
    case "MissingCSRF":
      return messages.pageExpired;
    case "Configuration":
      return messages.socialUnavailable;
    default:
      return messages.signInFailed;
  }
}
