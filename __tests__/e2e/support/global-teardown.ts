import { rmSync } from "node:fs";

export default async function globalTeardown() {
  await globalThis.e2eFixtures?.stop();
  if (process.env.E2E_RUN_DIR && !process.env.E2E_KEEP) rmSync(process.env.E2E_RUN_DIR, { recursive: true, force: true });
}
