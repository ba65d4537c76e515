const production = process.env.NODE_ENV === "production";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets a benchmark or test build live beside the usual one (NEXT_DIST_DIR=.next-bench).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Such a build points here at a tsconfig that extends ours, so Next does not add its types folder to ours.
  typescript: { tsconfigPath: process.env.NEXT_TSCONFIG_PATH || "tsconfig.json" },
  // Native and driver packages stay out of the server bundles (smaller functions, working bindings).
  serverExternalPackages: ["@libsql/client", "@prisma/adapter-libsql", "libsql", "bcryptjs", "piscina"],
  // The bcrypt worker is loaded by path at run time (lib/auth/password.ts), which tracing cannot see.
  outputFileTracingIncludes: {
    "/**": ["./lib/auth/bcrypt-worker.cjs", "./node_modules/bcryptjs/**", "./node_modules/piscina/dist/**"],
  },
  poweredByHeader: false,
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // The token is in this page's URL: it must never leave our origin as a referrer. Not
      // "no-referrer": with it the browser posts the form with "Origin: null", which Next.js
      // refuses as a cross-site server action, so the page would not work without JavaScript.
      { source: "/reset-password", headers: [{ key: "Referrer-Policy", value: "same-origin" }] },
      { source: "/api/:path*", headers: [{ key: "Cache-Control", value: "no-store" }] },
    ];
  },
  agentRules: false,
  experimental: { agentUpgrade: false },
};

export default nextConfig;
