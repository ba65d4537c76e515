import type { NextAuthConfig } from "next-auth";
import { NextResponse } from "next/server";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

const signedInOnly = ["/dashboard", "/account", "/admin"];
const startsWithSegment = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** Edge-safe: no database, no bcrypt, no Node APIs. middleware.ts runs exactly this. */
export const authConfig = {
  // Our own pages for everything Auth.js would otherwise render itself (sign-out: the Dashboard's Sign Out).
  pages: { signIn: "/login", error: "/login", signOut: "/dashboard" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  callbacks: {
    authorized({ auth, request: { nextUrl } }) {
      const path = nextUrl.pathname;
      if (!signedInOnly.some((prefix) => startsWithSegment(path, prefix))) return true;
      if (!auth?.user) {
        const login = new URL("/login", nextUrl);
        login.searchParams.set("callbackUrl", `${path}${nextUrl.search}`);
        return NextResponse.redirect(login);
      }
      if (startsWithSegment(path, "/admin") && auth.user.role !== "ADMIN") {
        return NextResponse.redirect(new URL("/dashboard", nextUrl));
      }
      return true;
    },
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (token.role) session.user.role = token.role;
      return session;
    },
  },
  providers: [],
} satisfies NextAuthConfig;
