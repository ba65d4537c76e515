import { randomBytes, randomUUID } from "node:crypto";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { distDir } from "./build";
import { openDatabase, type TestDatabase } from "./database";
import { fixturesPlan, portalPort, socialClient, type SocialProviderKey, SOCIAL_PROVIDER_KEYS } from "./ports";
import { startService, waitUntilReady } from "./processes";

export type Portal = { url: string; port: number; db: TestDatabase; env: NodeJS.ProcessEnv; output: () => string; stop: () => Promise<void> };

export type PortalOptions = {
  /** Which social providers to configure, pointed at the fixtures; all four by default. */
  providers?: SocialProviderKey[];
  /** Anything else for the portal's environment; undefined removes a variable. */
  env?: Record<string, string | undefined>;
};

const envPrefix: Record<SocialProviderKey, string> = {
  facebook: "AUTH_FACEBOOK",
  google: "AUTH_GOOGLE",
  linkedin: "AUTH_LINKEDIN",
  "microsoft-entra-id": "AUTH_MICROSOFT_ENTRA_ID",
};

/** The variables an operator would set, with the contract's overrides aimed at the fixtures. */
export function socialProviderEnv(providers: SocialProviderKey[]): Record<string, string> {
  const { fixturesUrl, issuer } = fixturesPlan();
  const env: Record<string, string> = {};
  for (const provider of providers) {
    const prefix = envPrefix[provider];
    env[`${prefix}_ID`] = socialClient(provider).client_id;
    env[`${prefix}_SECRET`] = socialClient(provider).client_secret;
  }
  if (providers.includes("google")) env.AUTH_GOOGLE_ISSUER = issuer;
  if (providers.includes("linkedin")) env.AUTH_LINKEDIN_ISSUER = issuer;
  if (providers.includes("microsoft-entra-id")) env.AUTH_MICROSOFT_ENTRA_ID_ISSUER = issuer;
  if (providers.includes("facebook")) {
    env.AUTH_FACEBOOK_AUTHORIZATION_URL = `${fixturesUrl}/facebook/dialog/oauth`;
    env.AUTH_FACEBOOK_TOKEN_URL = `${fixturesUrl}/facebook/oauth/access_token`;
    env.AUTH_FACEBOOK_USERINFO_URL = `${fixturesUrl}/facebook/me?fields=id,name,email,picture`;
  }
  return env;
}

let nextSlot = 0;

/**
 * `next start` of the production build on its own port and its own copy of the migrated database,
 * with mail going to the fixtures' SMTP server. Stop it in afterAll.
 */
export async function startPortal(options: PortalOptions = {}): Promise<Portal> {
  const runDir = process.env.E2E_RUN_DIR;
  const template = process.env.E2E_TEMPLATE_DB;
  if (!runDir || !template) throw new Error("E2E_RUN_DIR is not set: run these tests with npm run test:e2e");

  const port = portalPort(nextSlot++);
  const url = `http://localhost:${port}`;
  const dbFile = path.join(runDir, `portal-${port}-${randomUUID()}.db`);
  copyFileSync(template, dbFile);

  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(AUTH_|DATABASE_|EMAIL_)/.test(name)));
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: distDir(),
    PORT: String(port),
    DATABASE_URL: `file:${dbFile}`,
    AUTH_URL: url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    EMAIL_SERVER: `smtp://localhost:${fixturesPlan().smtpPort}`,
    EMAIL_FROM: "Caliper Client Portal <no-reply@caliper.test>",
    BCRYPT_COST: "4",
    // Every test logs in from the same address; the limits have tests of their own.
    RATE_LIMIT_LOGIN_PER_MINUTE: "10000",
    RATE_LIMIT_EMAILS_PER_HOUR: "10000",
    ...socialProviderEnv(options.providers ?? SOCIAL_PROVIDER_KEYS),
  };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }

  const service = startService(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-H", "localhost", "-p", String(port)], env);
  const db = openDatabase(`file:${dbFile}`);
  try {
    await waitUntilReady(`${url}/login`, service);
  } catch (error) {
    await service.stop();
    await db.close();
    throw error;
  }
  return {
    url,
    port,
    db,
    env,
    output: service.output,
    async stop() {
      await service.stop();
      await db.close();
    },
  };
}
