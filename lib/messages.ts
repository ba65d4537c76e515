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
} as const;

export function loginFailureMessage(reason: PasswordLoginFailure | string, maxAttempts: number): string {
  if (reason === "locked") return messages.locked(maxAttempts);
  if (reason === "deactivated") return messages.deactivated;
  return messages.invalidLogin;
}
