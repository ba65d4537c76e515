import { db } from "@/lib/db";
import { normalizeEmail } from "@/lib/auth/email";
import { AuthEventType, recordEvent } from "@/lib/auth/events";
import type { RequestContext } from "@/lib/auth/request-context";
import type { SessionUser } from "@/lib/auth/session";

/** What a provider told us about the person who just signed in there. */
export type SocialIdentity = { provider: string; providerAccountId: string; email?: string | null };

export type LinkRefusal = "no-email" | "email-mismatch" | "linked-elsewhere" | "provider-taken";
export type SocialLoginRefusal = "not-linked" | "locked" | "deactivated";

export type LinkDecision = { ok: true } | { ok: false; reason: LinkRefusal };
export type SocialLoginResult = { ok: true; user: SessionUser } | { ok: false; reason: SocialLoginRefusal };

const findAccount = ({ provider, providerAccountId }: SocialIdentity) =>
  db.account.findUnique({ where: { provider_providerAccountId: { provider, providerAccountId } }, select: { userId: true } });

/**
 * While signed in: may this social account be linked to the user? Only when the provider vouches
 * for the portal email itself, and the account is nobody else's (next-auth #3300 would link any).
 */
export async function checkLink(userId: string, identity: SocialIdentity): Promise<LinkDecision> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!identity.email) return { ok: false, reason: "no-email" };
  if (!user || normalizeEmail(identity.email) !== user.email) return { ok: false, reason: "email-mismatch" };

  const existing = await findAccount(identity);
  if (existing) return existing.userId === userId ? { ok: true } : { ok: false, reason: "linked-elsewhere" };

  const sameProvider = await db.account.count({ where: { userId, provider: identity.provider } });
  if (sameProvider > 0) return { ok: false, reason: "provider-taken" };
  return { ok: true };
}

/**
 * Not signed in: the linked user this social account signs in, refused as a password would be when
 * locked or deactivated. An unknown account is refused here, before Auth.js would create a user.
 * Password lockout is left as it is: a social sign-in proves nothing about the password.
 */
export async function logInWithSocialAccount(identity: SocialIdentity, context: RequestContext): Promise<SocialLoginResult> {
  const account = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: identity.provider, providerAccountId: identity.providerAccountId } },
    select: { user: { select: { id: true, email: true, name: true, role: true, sessionVersion: true, lockedAt: true, deactivatedAt: true } } },
  });
  const provider = identity.provider;
  if (!account) {
    const email = identity.email ? normalizeEmail(identity.email) : null;
    await recordEvent({ type: AuthEventType.signInRefused, email, provider, context });
    return { ok: false, reason: "not-linked" };
  }

  const { lockedAt, deactivatedAt, ...user } = account.user;
  const refusal = lockedAt ? "locked" : deactivatedAt ? "deactivated" : null;
  if (refusal) {
    await recordEvent({ type: AuthEventType.signInRefused, userId: user.id, email: user.email, provider, context });
    return { ok: false, reason: refusal };
  }
  await recordEvent({ type: AuthEventType.signIn, userId: user.id, email: user.email, provider, context });
  return { ok: true, user };
}

/** Called by Auth.js once the account row exists. */
export async function recordAccountLinked(userId: string, provider: string, context: RequestContext) {
  await recordEvent({ type: AuthEventType.accountLinked, userId, provider, context });
}

export async function listLinkedAccounts(userId: string) {
  return db.account.findMany({ where: { userId }, select: { provider: true, createdAt: true }, orderBy: { createdAt: "asc" } });
}

/** Returns whether something was unlinked, so a second click reads as "not linked" rather than failing. */
export async function unlinkAccount(userId: string, provider: string, context: RequestContext): Promise<boolean> {
  const { count } = await db.account.deleteMany({ where: { userId, provider } });
  if (count > 0) await recordEvent({ type: AuthEventType.accountUnlinked, userId, provider, context });
  return count > 0;
}
