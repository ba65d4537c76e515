import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { db } from "@/lib/db";
import { authConfig } from "@/lib/auth/config";
import { logInWithPassword, type PasswordLoginFailure } from "@/lib/auth/credentials";
import { loadSessionUser } from "@/lib/auth/session";
import { readRequestContext } from "@/lib/auth/request-context";
import { loginSchema } from "@/lib/validation";

/** The code tells the login page which of the contract's messages to show. */
export class PasswordLoginError extends CredentialsSignin {
  constructor(readonly reason: PasswordLoginFailure) {
    super(reason);
    this.code = reason;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
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
