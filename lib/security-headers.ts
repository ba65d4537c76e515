/** Edge-safe: used by middleware.ts (the CSP, per request) and next.config.mjs (the rest). */
export function contentSecurityPolicy(nonce: string, development: boolean) {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonce-carrying Next.js scripts load their chunks; eval only for dev's fast refresh.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function createNonce() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
