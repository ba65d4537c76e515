/**
 * Runs once when a server instance starts: a missing or malformed variable stops it here, with one
 * message naming each, instead of failing later on some request. The check lives in a module that
 * only the Node.js runtime imports, so the Edge build of this file never sees process.exit.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { stopOnInvalidConfiguration } = await import("@/lib/startup-check");
    stopOnInvalidConfiguration();
  }
}
