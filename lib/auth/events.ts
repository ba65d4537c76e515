import { db } from "@/lib/db";
import type { RequestContext } from "@/lib/auth/request-context";

export const AuthEventType = {
  signIn: "SIGN_IN",
  signInFailed: "SIGN_IN_FAILED",
  signInRefused: "SIGN_IN_REFUSED",
  accountLocked: "ACCOUNT_LOCKED",
  accountUnlocked: "ACCOUNT_UNLOCKED",
  passwordReset: "PASSWORD_RESET",
  passwordChanged: "PASSWORD_CHANGED",
  resetRequested: "RESET_REQUESTED",
  clientActivated: "CLIENT_ACTIVATED",
  welcomeResent: "WELCOME_RESENT",
  accountDeactivated: "ACCOUNT_DEACTIVATED",
  accountReactivated: "ACCOUNT_REACTIVATED",
  accountLinked: "ACCOUNT_LINKED",
  accountUnlinked: "ACCOUNT_UNLINKED",
  emailFailed: "EMAIL_FAILED",
} as const;

export type AuthEventType = (typeof AuthEventType)[keyof typeof AuthEventType];

export type AuthEventInput = {
  type: AuthEventType;
  userId?: string | null;
  actorId?: string | null;
  email?: string | null;
  provider?: string | null;
  context?: RequestContext;
};

export async function recordEvent({ type, userId, actorId, email, provider, context }: AuthEventInput) {
  const event = await db.authEvent.create({
    data: { type, userId, actorId, email, provider, ip: context?.ip, userAgent: context?.userAgent },
    select: { id: true, createdAt: true },
  });
  // One JSON line per event for the host's log drain; never passwords or tokens.
  console.info(JSON.stringify({ event: type, userId: userId ?? null, actorId: actorId ?? null, provider: provider ?? null, ip: context?.ip ?? null, at: event.createdAt.toISOString() }));
  return event;
}

/** The sign-in before the current one, for "last signed in" on the Dashboard. */
export async function getPreviousSignIn(userId: string) {
  return db.authEvent.findFirst({
    where: { userId, type: AuthEventType.signIn },
    orderBy: { createdAt: "desc" },
    skip: 1,
    select: { createdAt: true, ip: true, userAgent: true, provider: true },
  });
}
