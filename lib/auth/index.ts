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
  constructor(readonly reason: PasswordLoginFailure) {
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
        if (!result.ok) throw new PasswordLoginError(result.reason);
        return result.user;
      },
    }),
  ],
  callbacks: {
    ...authConfig.callbacks,
    async jwt(params) {
      const token = await authConfig.callbacks.jwt(params);
      if (params.user) return token;
      if (params.trigger === "update") token.sv = readSignedSessionVersion(token.sub, params.session) ?? token.sv;
      const user = await loadSessionUser(token);
      if (!user) return null;
      return { ...token, name: user.name, email: user.email, role: user.role };
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
