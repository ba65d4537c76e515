/**
 * Runs once when a server instance starts: a missing or malformed variable stops it here, with one
 * message naming each, instead of failing later on some request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv, ConfigurationError } = await import("@/lib/env");
  try {
    getEnv();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    console.error(`\nThe portal cannot start. ${error.message}\n`);
    process.exit(1);
  }
}
