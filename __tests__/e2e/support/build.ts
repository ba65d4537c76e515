import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT, run } from "./processes";

export const distDir = () => process.env.NEXT_DIST_DIR || ".next";

const INPUTS = ["app", "components", "lib", "middleware.ts", "next.config.mjs", "package-lock.json", "postcss.config.mjs", "prisma/schema.prisma", "tsconfig.json"];

function newestChange(entry: string): number {
  const full = path.join(ROOT, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(full).reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), stat.mtimeMs);
}

/** A production build is reused when it is newer than every source it was made from. */
export function isBuildCurrent(): boolean {
  const buildId = path.join(ROOT, distDir(), "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const builtAt = statSync(buildId).mtimeMs;
  return INPUTS.every((entry) => newestChange(entry) < builtAt);
}

/**
 * `npm run build` (prisma generate + next build) with a production environment. The values only
 * satisfy start-up validation while Next collects page data; every portal gets its own at start.
 */
export async function buildPortal(env: NodeJS.ProcessEnv) {
  const buildEnv = { ...env };
  if (distDir() !== ".next") {
    // next build adds its distDir's types to the tsconfig it uses: a side build gets one of its own,
    // which also skips the ignored scratch folders other tools write into a shared working tree.
    const tsconfig = path.join("test-results", "e2e-tsconfig.json");
    const exclude = ["../node_modules", "../lib/generated", "../bench/tmp", "../test-results", "../.next*"];
    mkdirSync(path.join(ROOT, "test-results"), { recursive: true });
    writeFileSync(path.join(ROOT, tsconfig), JSON.stringify({ extends: "../tsconfig.json", exclude }, null, 2));
    buildEnv.NEXT_TSCONFIG_PATH = tsconfig;
  }
  await run("npm", ["run", "build"], buildEnv);
}
