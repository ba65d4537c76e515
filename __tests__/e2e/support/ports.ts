/**
 * Where everything listens, all on http://localhost (one host name: mixing it with 127.0.0.1 breaks
 * the OAuth redirect_uri match). The block is 4100–4199 unless E2E_PORT_BASE moves it:
 *   base + 0  the identity providers and the fixtures' control API
 *   base + 1  SMTP
 *   base + 10 … base + 99  portals, ten per jest worker
 */
export const OPENID_PROVIDERS = ["google", "linkedin", "microsoft-entra-id"] as const;
export type SocialProviderKey = (typeof OPENID_PROVIDERS)[number] | "facebook";
export const SOCIAL_PROVIDER_KEYS: SocialProviderKey[] = ["facebook", "google", "linkedin", "microsoft-entra-id"];

const PORTALS_PER_WORKER = 10;
const FIRST_PORTAL_OFFSET = 10;
const PORTAL_SLOTS = 90;

export function fixturesPlan(env: NodeJS.ProcessEnv = process.env) {
  const base = Number(env.E2E_PORT_BASE ?? 4100);
  const fixturesPort = base;
  return {
    fixturesPort,
    smtpPort: base + 1,
    fixturesUrl: `http://localhost:${fixturesPort}`,
    issuer: `http://localhost:${fixturesPort}`,
    portalPorts: Array.from({ length: PORTAL_SLOTS }, (_, index) => base + FIRST_PORTAL_OFFSET + index),
  };
}

export const maxWorkersForPorts = () => PORTAL_SLOTS / PORTALS_PER_WORKER;

/** The n-th portal of this jest worker (JEST_WORKER_ID starts at 1). */
export function portalPort(slot: number, env: NodeJS.ProcessEnv = process.env) {
  if (slot >= PORTALS_PER_WORKER) throw new Error(`a test file can start at most ${PORTALS_PER_WORKER} portals`);
  const worker = Number(env.JEST_WORKER_ID ?? 1);
  if (worker > maxWorkersForPorts()) throw new Error(`at most ${maxWorkersForPorts()} jest workers fit the port block`);
  return fixturesPlan(env).portalPorts[(worker - 1) * PORTALS_PER_WORKER + slot]!;
}

/** The client each stand-in provider knows the portal by; the portal gets the same values in its env. */
export function socialClient(provider: SocialProviderKey) {
  return { client_id: `${provider}-e2e-client`, client_secret: `${provider}-e2e-secret-0123456789` };
}
