import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/config";
import { contentSecurityPolicy, createNonce } from "@/lib/security-headers";
import { isAvailable, unavailableResponse } from "@/lib/availability";
import { isUnreadableActionBody, unreadableBodyResponse } from "@/lib/action-request";

const { auth } = NextAuth(authConfig);

// The authorized callback in authConfig turns away whoever may not see a page; what gets through
// is served with a Content-Security-Policy whose nonce Next.js puts on its own scripts.
export default auth(async (request) => {
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
});

export const config = {
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};
