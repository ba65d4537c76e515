import { ConfigurationError, getEnv } from "@/lib/env";

/** Node only: stops the server at start-up with one message naming each bad variable. */
export function stopOnInvalidConfiguration() {
  try {
    getEnv();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    console.error(`\nThe portal cannot start. ${error.message}\n`);
    process.exit(1);
  }
}
