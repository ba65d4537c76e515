/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and driver packages stay out of the server bundles (smaller functions, working bindings).
  serverExternalPackages: ["@libsql/client", "@prisma/adapter-libsql", "libsql", "bcryptjs"],
  poweredByHeader: false,
  agentRules: false,
  experimental: { agentUpgrade: false },
};

export default nextConfig;
