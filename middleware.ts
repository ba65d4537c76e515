import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/config";
import { contentSecurityPolicy, createNonce } from "@/lib/security-headers";
import { isAvailable, unavailableResponse } from "@/lib/availability";
import { isUnreadableActionBody, unreadableBodyResponse } from "@/lib/action-request";

const { auth } = NextAuth(authConfig);

// The authorized callback in authConfig turns away whoever may not see a page; what gets through
// is served with a Content-Security-Policy whose nonce Next.js puts on its own scripts.
// Used as middleware, auth() always answers with a Response (its types also cover route handlers).
const gate = auth(async (request) => {
  if (!(await isAvailable(request.nextUrl.origin))) return unavailableResponse();
  if (await isUnreadableActionBody(request)) return unreadableBodyResponse();
  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}) as unknown as (request: NextRequest, event: NextFetchEvent) => Promise<Response>;

const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token/;

/**
 * Auth.js's middleware sends the session cookie again, with a new expiry, on every request that
 * carries one. A request still in flight when the person clicks Sign Out (a link prefetch, say)
 * then answered after the sign-out and signed them back in. Middleware therefore sends no session
 * cookie: a session lasts its 12 hours from sign-in, and Sign Out stays signed out.
 */
export default async function middleware(request: NextRequest, event: NextFetchEvent) {
  const response = await gate(request, event);
  const kept = response.headers.getSetCookie().filter((cookie) => !SESSION_COOKIE.test(cookie));
  response.headers.delete("set-cookie");
  for (const cookie of kept) response.headers.append("set-cookie", cookie);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};
