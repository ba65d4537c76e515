import { db, Prisma, type Role } from "@/lib/db";
import { normalizeEmail } from "@/lib/auth/email";
import { AuthEventType, recordEvent } from "@/lib/auth/events";
import { sendWelcomeEmail } from "@/lib/auth/recovery";
import { statusOf, type AccountStatus } from "@/lib/auth/users";
import { consumeLimit } from "@/lib/auth/rate-limit";

/** Who acts: a signed-in admin (checked against the database each time) or the command line on the server. */
export type Actor = { userId: string } | "command-line";

export class NotAdminError extends Error {
  constructor() {
    super("Only an admin can do this.");
    this.name = "NotAdminError";
  }
}

async function authorizeAdmin(actor: Actor): Promise<string | null> {
  if (actor === "command-line") return null;
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { role: true, deactivatedAt: true } });
  if (user?.role !== "ADMIN" || user.deactivatedAt) throw new NotAdminError();
  return actor.userId;
}

export type ClientRow = {
  id: string;
  name: string | null;
  email: string;
  role: Role;
  status: AccountStatus;
  lastSignInAt: Date | null;
};

/** The admin list, newest first, optionally narrowed by a search on name or email. */
export async function listClients(actor: Actor, search = ""): Promise<ClientRow[]> {
  await authorizeAdmin(actor);
  const term = search.trim().slice(0, 100);
  const users = await db.user.findMany({
    where: term ? { OR: [{ name: { contains: term } }, { email: { contains: term.toLowerCase() } }] } : undefined,
    orderBy: { createdAt: "desc" },
    take: 500,
    select: {
      id: true, name: true, email: true, role: true, lockedAt: true, deactivatedAt: true, activatedAt: true,
      events: { where: { type: AuthEventType.signIn }, orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
    },
  });
  return users.map(({ events, lockedAt, deactivatedAt, activatedAt, ...user }) => ({
    ...user,
    status: statusOf({ lockedAt, deactivatedAt, activatedAt }),
    lastSignInAt: events[0]?.createdAt ?? null,
  }));
}

export type ActivateResult =
  | { ok: true; userId: string; emailSent: boolean }
  | { ok: false; reason: "exists" };

/** Activating creates the user as invited and mails a welcome link; the user is kept even if mail fails. */
export async function activateClient(input: { name: string; email: string; role?: Role }, actor: Actor): Promise<ActivateResult> {
  const actorId = await authorizeAdmin(actor);
  const email = normalizeEmail(input.email);
  let user;
  try {
    user = await db.user.create({
      data: { email, name: input.name.trim(), role: input.role ?? "CLIENT", invitedAt: new Date() },
      select: { id: true, email: true, name: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, reason: "exists" };
    throw error;
  }
  await recordEvent({ type: AuthEventType.clientActivated, userId: user.id, actorId, email });
  const mail = await sendWelcomeEmail(user);
  return { ok: true, userId: user.id, emailSent: mail.sent };
}

async function findUser(userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, activatedAt: true } });
}

export type AdminResult = { ok: true; emailSent?: boolean } | { ok: false; reason: "not-found" | "not-invited" | "self" | "rate-limited" };

export async function resendWelcome(userId: string, actor: Actor): Promise<AdminResult> {
  const actorId = await authorizeAdmin(actor);
  const user = await findUser(userId);
  if (!user) return { ok: false, reason: "not-found" };
  if (user.activatedAt) return { ok: false, reason: "not-invited" };
  if (!(await consumeLimit("email", `address:${user.email}`)).allowed) return { ok: false, reason: "rate-limited" };
  await recordEvent({ type: AuthEventType.welcomeResent, userId, actorId, email: user.email });
  const mail = await sendWelcomeEmail(user);
  return { ok: true, emailSent: mail.sent };
}

/** An unlock clears the lock and the count and ends the user's other sessions. */
export async function unlockClient(userId: string, actor: Actor): Promise<AdminResult> {
  const actorId = await authorizeAdmin(actor);
  const user = await findUser(userId);
  if (!user) return { ok: false, reason: "not-found" };
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { lockedAt: null, sessionVersion: { increment: 1 } } }),
    db.loginAttempt.deleteMany({ where: { email: user.email } }),
  ]);
  await recordEvent({ type: AuthEventType.accountUnlocked, userId, actorId, email: user.email });
  return { ok: true };
}

export async function setDeactivated(userId: string, deactivated: boolean, actor: Actor): Promise<AdminResult> {
  const actorId = await authorizeAdmin(actor);
  if (deactivated && userId === actorId) return { ok: false, reason: "self" };
  const user = await findUser(userId);
  if (!user) return { ok: false, reason: "not-found" };
  await db.user.update({
    where: { id: userId },
    data: deactivated ? { deactivatedAt: new Date(), sessionVersion: { increment: 1 } } : { deactivatedAt: null },
  });
  if (deactivated) await db.passwordToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
  await recordEvent({ type: deactivated ? AuthEventType.accountDeactivated : AuthEventType.accountReactivated, userId, actorId, email: user.email });
  return { ok: true };
}

export async function findUserIdByEmail(email: string, actor: Actor) {
  await authorizeAdmin(actor);
  return (await db.user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true } }))?.id ?? null;
}
