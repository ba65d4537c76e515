import "server-only";
import { cookies } from "next/headers";
import { normalizeEmail } from "@/lib/auth/email";
import { emailField } from "@/lib/validation";

const COOKIE = "portal_remembered_email";
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** "Remember me on this computer": the email only, HttpOnly, for a year. It never lengthens a session. */
export async function rememberEmail(email: string | null) {
  const jar = await cookies();
  if (!email) {
    jar.delete(COOKIE);
    return;
  }
  jar.set(COOKIE, normalizeEmail(email), {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.NODE_ENV === "production",
    path: "/",
    maxAge: ONE_YEAR_SECONDS,
  });
}

export async function readRememberedEmail(): Promise<string | null> {
  const value = (await cookies()).get(COOKIE)?.value;
  const parsed = emailField.safeParse(value);
  return parsed.success ? parsed.data : null;
}
