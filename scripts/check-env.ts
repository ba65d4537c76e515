/** Before a production build: the same check a server makes at start, so a deploy fails early and says why. */
import { loadProjectEnv } from "./load-env";
import { ConfigurationError, parseEnv } from "@/lib/env";

loadProjectEnv(false);
try {
  parseEnv({ ...process.env, NODE_ENV: process.env.NODE_ENV ?? "production" });
} catch (error) {
  if (!(error instanceof ConfigurationError)) throw error;
  console.error(`\nThe portal cannot be built for production. ${error.message}\n`);
  process.exit(1);
}
