import type { PasswordLoginFailure } from "@/lib/auth/credentials";

/** The contract's words, in one place. */
export const messages = {
  invalidLogin: "Invalid email address or password",
  locked: (attempts: number) =>
    `Your account is locked after ${attempts} failed attempts. Use "Forgot your password?" to reset your password.`,
  deactivated: "This account has been deactivated. Please contact Caliper if you need access again.",
  signInFailed: "We could not sign you in. Please try again.",
  forgotNotice:
    "If your email address exists in our database, you will receive a password recovery link at your email address in a few minutes.",
  invalidToken: "This password reset link is invalid or has expired.",
  passwordChanged: "Your password has been changed. You can now log in.",
  cookies: "This site uses cookies to keep you signed in and to remember your preferences.",
  signedOutElsewhere: "Your session has ended. Please log in again.",
  socialNotLinked: (provider: string) =>
    `That ${provider} account is not linked to a Caliper Portal account. Log in with your email and password, then link it from My Account.`,
  socialEmailMismatch: (provider: string) =>
    `The email address of that ${provider} account does not match your portal email address.`,
  socialNoEmail: (provider: string) =>
    `That ${provider} account did not share an email address, so it cannot be linked. Allow ${provider} to share your email address and try again.`,
  socialLinkedElsewhere: (provider: string) => `That ${provider} account is already linked to another Caliper Portal account.`,
  socialProviderTaken: (provider: string) =>
    `Your portal account is already linked to another ${provider} account. Unlink it first, then link the one you want.`,
  socialLinked: (provider: string) => `Your ${provider} account is now linked. Next time, use "Log in with ${provider}" on the Log in page.`,
  socialUnlinked: (provider: string) => `Your ${provider} account has been unlinked.`,
  socialNotCompleted: "The sign-in with that account did not complete. Please try again.",
  socialUnavailable: "Single sign-on is not available right now. Please log in with your email and password.",
  pageExpired: "This page had expired. Please try again.",
} as const;

export function loginFailureMessage(reason: PasswordLoginFailure | string, maxAttempts: number, retryAfterSeconds = 60): string {
  if (reason === "locked") return messages.locked(maxAttempts);
  if (reason === "rate-limited") return tooManyAttemptsMessage(retryAfterSeconds);
  if (reason === "deactivated") return messages.deactivated;
  return messages.invalidLogin;
}

export function tooManyAttemptsMessage(retryAfterSeconds: number) {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts, try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}
