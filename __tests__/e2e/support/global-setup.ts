import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildPortal, distDir, isBuildCurrent } from "./build";
import { fixturesPlan } from "./ports";
import { run, startService, waitUntilReady, type Service } from "./processes";

declare global {
  var e2eFixtures: Service | undefined;
}

/**
 * Once per `npm run test:e2e`: the production build (reused when current), one migrated database
 * that every portal copies, and the fixtures process (identity providers and SMTP). Each test file
 * then starts its own portals (portal.ts). Handed to the workers through the environment.
 */
export default async function globalSetup() {
  const started = Date.now();
  const plan = fixturesPlan();
  const runDir = path.join(os.tmpdir(), "caliper-portal-e2e", `${process.pid}-${Date.now()}`);
  mkdirSync(runDir, { recursive: true });
  const templateDb = path.join(runDir, "template.db");

  const base = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  await run("npx", ["prisma", "migrate", "deploy"], { ...base, DATABASE_URL: `file:${templateDb}` });

  if (process.env.E2E_SKIP_BUILD || isBuildCurrent()) {
    console.log(`\ne2e: using the existing build in ${distDir()}`);
  } else {
    console.log(`\ne2e: building the portal into ${distDir()} …`);
    await buildPortal({
      ...base,
      NODE_ENV: "production",
      DATABASE_URL: `file:${templateDb}`,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      AUTH_URL: `http://localhost:${plan.portalPorts[0]}`,
      EMAIL_SERVER: `smtp://localhost:${plan.smtpPort}`,
    });
  }

  const fixtures = startService(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), path.join("__tests__", "e2e", "support", "fixtures-server.ts")], base);
  globalThis.e2eFixtures = fixtures;
  await waitUntilReady(`${plan.fixturesUrl}/__fixtures/health`, fixtures, 30_000);

  process.env.E2E_RUN_DIR = runDir;
  process.env.E2E_TEMPLATE_DB = templateDb;
  console.log(`e2e: ready in ${((Date.now() - started) / 1000).toFixed(1)} s (fixtures on ${plan.fixturesUrl}, SMTP on ${plan.smtpPort})`);
}
