import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { db } from "@/lib/db";
import { authConfig } from "@/lib/auth/config";
import { logInWithPassword, type PasswordLoginFailure } from "@/lib/auth/credentials";
import { loadSessionUser, readSignedSessionVersion } from "@/lib/auth/session";
import { readRequestContext } from "@/lib/auth/request-context";
import { loginSchema } from "@/lib/validation";
import { setDeferredScheduler } from "@/lib/auth/deferred";
import { after } from "next/server";
import { headers } from "next/headers";
import { createSocialProviders } from "@/lib/auth/providers";
import { checkLink, logInWithSocialAccount, recordAccountLinked, type SocialIdentity } from "@/lib/auth/linking";

// Inside a request, mail and other follow-up work runs after the response has been sent.
setDeferredScheduler((task) => {
  try {
    after(task);
  } catch {
    void task().catch((error: unknown) => console.error("deferred task failed", error));
  }
});

/** The code tells the login page which of the contract's messages to show. */
export class PasswordLoginError extends CredentialsSignin {
  constructor(
    readonly reason: PasswordLoginFailure,
    readonly retryAfterSeconds?: number,
  ) {
    super(reason);
    this.code = reason;
  }
}

export const { handlers, auth, signIn, signOut, unstable_update: updateSession } = NextAuth({
  ...authConfig,
  adapter: PrismaAdapter(db as never),
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = loginSchema.safeParse(credentials);
        if (!parsed.success) throw new PasswordLoginError("invalid");
        const result = await logInWithPassword(parsed.data, readRequestContext(request.headers));
        if (!result.ok) throw new PasswordLoginError(result.reason, result.retryAfterSeconds);
        return result.user;
      },
    }),
    ...createSocialProviders(),
  ],
  callbacks: {
    ...authConfig.callbacks,
    async signIn({ account, profile }) {
      if (!account || account.type === "credentials") return true;
      const email = typeof profile?.email === "string" ? profile.email : null;
      return admitSocialAccount({ provider: account.provider, providerAccountId: account.providerAccountId, email });
    },
    async jwt(params) {
      const token = await authConfig.callbacks.jwt(params);
      if (params.user) return token;
      if (params.trigger === "update") token.sv = readSignedSessionVersion(token.sub, params.session) ?? token.sv;
      const user = await loadSessionUser(token);
      if (!user) return null;
      return { ...token, name: user.name, email: user.email, role: user.role };
    },
  },
  events: {
    async linkAccount({ user, account }) {
      if (user.id) await recordAccountLinked(user.id, account.provider, readRequestContext(await headers()));
    },
  },
  logger: {
    error(error) {
      // A refused password is an answer, not a fault.
      if (error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
});

/**
 * The signIn callback for social accounts. With a valid, current session this is linking from My
 * Account; without one, only an account linked beforehand signs in and nobody is ever created.
 * A refusal is a redirect to our own page with a code that page turns into the contract's words.
 */
async function admitSocialAccount(identity: SocialIdentity): Promise<true | string> {
  const outcome = (error: string) => `?${new URLSearchParams({ error, provider: identity.provider })}`;
  const session = await auth();
  if (session?.user?.id) {
    const decision = await checkLink(session.user.id, identity);
    return decision.ok || `/account${outcome(decision.reason)}`;
  }
  const result = await logInWithSocialAccount(identity, readRequestContext(await headers()));
  return result.ok || `/login${outcome(result.reason)}`;
}
