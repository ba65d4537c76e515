/**
 * The outside world of the portal, on loopback, in one process of its own (a test runner blocked in
 * a synchronous call can then never starve it): an OpenID provider standing in for Google, LinkedIn
 * and Entra ID, a Facebook stand-in speaking Facebook's three endpoints and field names, and an
 * SMTP server that keeps every message. Tests drive it through /__fixtures/ (see identity.ts, mailbox.ts).
 *
 *   tsx __tests__/e2e/support/fixtures-server.ts     (ports from ports.ts, E2E_PORT_BASE to move them)
 */
import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import type Provider from "oidc-provider";
import type { Configuration, KoaContextWithOIDC } from "oidc-provider";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";
import { fixturesPlan, OPENID_PROVIDERS, socialClient, type SocialProviderKey } from "./ports";

type TestUser = { login: string; sub: string; provider: SocialProviderKey; email?: string; name: string };
type Mail = { to: string[]; from: string; subject: string; text: string; html: string; receivedAt: string };

const plan = fixturesPlan();
const users = new Map<string, TestUser>();
const mail: Mail[] = [];
const facebookCodes = new Map<string, { sub: string; redirectUri: string; expires: number }>();
const facebookTokens = new Map<string, string>();
const facebookSessions = new Map<string, string>();

const labels: Record<SocialProviderKey, string> = { google: "Google", facebook: "Facebook", linkedin: "LinkedIn", "microsoft-entra-id": "Office365" };
const redirectUris = (provider: SocialProviderKey) => plan.portalPorts.map((port) => `http://localhost:${port}/api/auth/callback/${provider}`);
const findUser = (provider: SocialProviderKey, login: string) => {
  const user = users.get(login.trim());
  return user?.provider === provider ? user : undefined;
};

// ---------------------------------------------------------------- OpenID Connect (Google, LinkedIn, Entra)

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const configuration: Configuration = {
  clients: OPENID_PROVIDERS.map((provider) => ({
    ...socialClient(provider),
    redirect_uris: redirectUris(provider),
    grant_types: ["authorization_code"],
    response_types: ["code"],
    // What each real provider expects from Auth.js (LinkedIn takes the secret in the body).
    token_endpoint_auth_method: provider === "linkedin" ? "client_secret_post" : "client_secret_basic",
  })),
  jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "e2e", use: "sig", alg: "RS256" }] as never },
  cookies: { keys: [randomBytes(32).toString("hex")] },
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  // Auth.js reads the profile from the ID token, as Google, LinkedIn and Entra put it there.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx, sub) {
    const user = [...users.values()].find((candidate) => candidate.sub === sub);
    if (!user) return undefined;
    return {
      accountId: sub,
      async claims() {
        return { sub, name: user.name, ...(user.email !== undefined && { email: user.email, email_verified: true }) };
      },
    };
  },
  // First-party style: no consent screen, the grant is made on the spot.
  async loadExistingGrant(ctx: KoaContextWithOIDC) {
    const { client, session, result } = ctx.oidc;
    if (!client || !session?.accountId) return undefined;
    const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
};
// Assigned in main(): oidc-provider is an ES module, loaded with import() from this CommonJS script.
let oidc: Provider;
const providerOfClient = (clientId: unknown) => OPENID_PROVIDERS.find((provider) => socialClient(provider).client_id === clientId);

// ---------------------------------------------------------------- HTML

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
function page(title: string, body: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}
function loginForm(provider: SocialProviderKey, action: string, hidden: Record<string, string>, error?: string) {
  const fields = Object.entries(hidden).map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`).join("");
  return page(
    `Sign in to ${labels[provider]} (test identity provider)`,
    `${error ? `<p role="alert">${escape(error)}</p>` : ""}
    <form method="post" action="${escape(action)}">${fields}
      <label for="login">Account</label> <input id="login" name="login" autocomplete="off" autofocus>
      <button type="submit" name="choice" value="login">Sign in</button>
      <button type="submit" name="choice" value="cancel">Cancel</button>
    </form>`,
  );
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
function send(res: http.ServerResponse, status: number, body: string, type = "text/html; charset=utf-8") {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}
const sendJson = (res: http.ServerResponse, status: number, body: unknown) => send(res, status, JSON.stringify(body), "application/json");

// ---------------------------------------------------------------- routes

async function handleInteraction(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
  const details = await oidc.interactionDetails(req, res);
  const provider = providerOfClient(details.params.client_id);
  if (!provider) return send(res, 400, page("Unknown client", ""));
  if (req.method === "GET") return send(res, 200, loginForm(provider, url.pathname, {}));

  const form = new URLSearchParams(await readBody(req));
  if (form.get("choice") === "cancel") {
    return oidc.interactionFinished(req, res, { error: "access_denied", error_description: "The user cancelled the sign-in" }, { mergeWithLastSubmission: false });
  }
  const user = findUser(provider, form.get("login") ?? "");
  if (!user) return send(res, 200, loginForm(provider, url.pathname, {}, "No such account."));
  return oidc.interactionFinished(req, res, { login: { accountId: user.sub } }, { mergeWithLastSubmission: false });
}

/** Facebook's dialog, token and Graph /me endpoints, as much of them as Auth.js uses. */
async function handleFacebook(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
  const client = socialClient("facebook");
  if (url.pathname === "/facebook/dialog/oauth") {
    const params = req.method === "POST" ? new URLSearchParams(await readBody(req)) : url.searchParams;
    const redirectUri = params.get("redirect_uri") ?? "";
    if (params.get("client_id") !== client.client_id || !redirectUris("facebook").includes(redirectUri)) {
      return send(res, 400, page("Invalid app", "<p>The app ID or redirect URI is not registered.</p>"));
    }
    const carried = Object.fromEntries(["client_id", "redirect_uri", "state"].map((name) => [name, params.get(name) ?? ""]));
    // Like Facebook, remember who signed in in this browser and let them straight through next time.
    const remembered = facebookSessions.get(req.headers.cookie?.match(/(?:^|; )fixtures_facebook=([^;]+)/)?.[1] ?? "");
    if (req.method === "GET" && !remembered) return send(res, 200, loginForm("facebook", url.pathname, carried));

    const back = new URL(redirectUri);
    const state = params.get("state");
    if (state) back.searchParams.set("state", state);
    if (remembered && req.method === "GET") {
      const code = randomUUID();
      facebookCodes.set(code, { sub: remembered, redirectUri, expires: Date.now() + 60_000 });
      back.searchParams.set("code", code);
    } else if (params.get("choice") === "cancel") {
      back.searchParams.set("error", "access_denied");
      back.searchParams.set("error_reason", "user_denied");
      back.searchParams.set("error_description", "Permissions error.");
    } else {
      const user = findUser("facebook", params.get("login") ?? "");
      if (!user) return send(res, 200, loginForm("facebook", url.pathname, carried, "No such account."));
      const code = randomUUID();
      facebookCodes.set(code, { sub: user.sub, redirectUri, expires: Date.now() + 60_000 });
      back.searchParams.set("code", code);
      const session = randomBytes(16).toString("hex");
      facebookSessions.set(session, user.sub);
      res.setHeader("set-cookie", `fixtures_facebook=${session}; Path=/facebook; HttpOnly; SameSite=Lax`);
    }
    res.writeHead(302, { location: back.toString() });
    return res.end();
  }

  if (url.pathname === "/facebook/oauth/access_token" && req.method === "POST") {
    const body = new URLSearchParams(await readBody(req));
    const basic = req.headers.authorization?.match(/^Basic (.+)$/)?.[1];
    const [id, secret] = basic
      ? Buffer.from(basic, "base64").toString().split(":").map(decodeURIComponent)
      : [body.get("client_id"), body.get("client_secret")];
    const code = facebookCodes.get(body.get("code") ?? "");
    facebookCodes.delete(body.get("code") ?? "");
    if (id !== client.client_id || secret !== client.client_secret || !code || code.expires < Date.now() || code.redirectUri !== body.get("redirect_uri")) {
      return sendJson(res, 400, { error: { message: "Invalid verification code format.", type: "OAuthException", code: 100 } });
    }
    const token = randomBytes(24).toString("hex");
    facebookTokens.set(token, code.sub);
    return sendJson(res, 200, { access_token: token, token_type: "bearer", expires_in: 5183944 });
  }

  if (url.pathname === "/facebook/me" && req.method === "GET") {
    const sub = facebookTokens.get(req.headers.authorization?.replace(/^Bearer /i, "") ?? "");
    const user = sub ? [...users.values()].find((candidate) => candidate.sub === sub) : undefined;
    if (!user) return sendJson(res, 401, { error: { message: "Invalid OAuth access token.", type: "OAuthException", code: 190 } });
    const fields = (url.searchParams.get("fields") ?? "id,name").split(",");
    const all: Record<string, unknown> = {
      id: user.sub,
      name: user.name,
      ...(user.email !== undefined && { email: user.email }),
      picture: { data: { height: 50, width: 50, is_silhouette: true, url: `http://localhost:${plan.fixturesPort}/facebook/picture/${user.sub}` } },
    };
    return sendJson(res, 200, Object.fromEntries(fields.filter((field) => field in all).map((field) => [field, all[field]])));
  }
  return send(res, 404, page("Not found", ""));
}

async function handleControl(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
  if (url.pathname === "/__fixtures/health") return sendJson(res, 200, { ok: true });
  if (url.pathname === "/__fixtures/users" && req.method === "POST") {
    const input = JSON.parse(await readBody(req)) as Partial<TestUser>;
    if (!input.provider || !(input.provider in labels)) return sendJson(res, 400, { error: "provider must be one of " + Object.keys(labels).join(", ") });
    const login = input.login ?? `${input.provider}-${randomUUID().slice(0, 8)}`;
    const user: TestUser = { login, sub: input.sub ?? randomUUID(), provider: input.provider, email: input.email, name: input.name ?? "Test User" };
    users.set(login, user);
    return sendJson(res, 201, user);
  }
  if (url.pathname === "/__fixtures/mail" && req.method === "GET") {
    const to = url.searchParams.get("to")?.toLowerCase();
    return sendJson(res, 200, to ? mail.filter((message) => message.to.includes(to)) : mail);
  }
  return sendJson(res, 404, { error: "unknown fixtures route" });
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", `http://localhost:${plan.fixturesPort}`);
  const route = url.pathname.startsWith("/__fixtures/")
    ? handleControl(req, res, url)
    : url.pathname.startsWith("/facebook/")
      ? handleFacebook(req, res, url)
      : url.pathname.startsWith("/interaction/")
        ? handleInteraction(req, res, url)
        : Promise.resolve(oidc.callback()(req, res));
  route.catch((error: unknown) => {
    console.error("fixtures server:", error);
    if (!res.headersSent) send(res, 500, page("Fixture error", `<pre>${escape(String(error))}</pre>`));
  });
});

// ---------------------------------------------------------------- SMTP

const smtp = new SMTPServer({
  authOptional: true,
  allowInsecureAuth: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onAuth(auth, _session, callback) {
    callback(null, { user: auth.username ?? "anyone" });
  },
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((parsed) => {
        mail.push({
          to: session.envelope.rcptTo.map(({ address }) => address.toLowerCase()),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          subject: parsed.subject ?? "",
          text: parsed.text ?? "",
          html: typeof parsed.html === "string" ? parsed.html : "",
          receivedAt: new Date().toISOString(),
        });
        callback();
      })
      .catch((error: Error) => callback(error));
  },
});

const listen = (target: { listen: (port: number, host: string, done: () => void) => unknown; once: (event: "error", fn: (error: Error) => void) => unknown }, port: number) =>
  new Promise<void>((resolve, reject) => {
    target.once("error", reject);
    target.listen(port, "localhost", resolve);
  });

async function main() {
  const { default: OpenIdProvider } = await import("oidc-provider");
  oidc = new OpenIdProvider(plan.issuer, configuration);
  await listen(server, plan.fixturesPort);
  await listen(smtp.server, plan.smtpPort);
  console.log(`fixtures ready: identity providers on http://localhost:${plan.fixturesPort}, SMTP on localhost:${plan.smtpPort}`);
}

main().catch((error: unknown) => {
  console.error("fixtures server failed to start:", error);
  process.exit(1);
});

const stop = () => {
  server.close();
  smtp.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
