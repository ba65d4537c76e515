export const DEFAULT_AFTER_LOGIN = "/dashboard";

/**
 * Where to go after logging in: only a path on our own origin. Absolute URLs, protocol-relative
 * "//host", backslash tricks and anything that is not a plain path fall back to the Dashboard.
 */
export function safeCallbackPath(value: unknown, fallback = DEFAULT_AFTER_LOGIN): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || /[\\\u0000-\u001f]/.test(value)) return fallback;
  try {
    const base = "http://portal.invalid";
    const url = new URL(value, base);
    if (url.origin !== base) return fallback;
    if (url.pathname === "/login" || url.pathname.startsWith("/api/auth")) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
