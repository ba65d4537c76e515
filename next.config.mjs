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
  agentRules: false,
  experimental: { agentUpgrade: false },
};

export default nextConfig;
