/**
 * Abuse: what an attacker can do with plain HTTP requests and a second browser. Floods of wrong
 * passwords, malformed and hostile input on every form, forged and expired session cookies, reused
 * reset links, sessions that outlive a password reset. Telling known from unknown emails by the
 * answer or its timing is timing.e2e.ts, which runs alone so other tests do not blur its clock.
 */
import { createHash, randomBytes } from "node:crypto";
import fc from "fast-check";
import type { Browser } from "playwright-core";
import { launchBrowser, logInWithPassword, openPage } from "./support/browser";
import { TEST_PASSWORD } from "./support/database";
import {
  decodeEntities,
  getHtml,
  logInOverHttp,
  multipartBody,
  postToPage,
  readForms,
  readHiddenFields,
  type FormField,
  type HtmlForm,
  type MultipartField,
} from "./support/http-forms";
import {
  changePasswordAt,
  INVALID_LINK_MESSAGE,
  INVALID_MESSAGE,
  LOCKED_MESSAGE,
  requestReset,
  sleep,
  uniqueEmail,
  waitForResetLink,
} from "./support/journey";
import { startPortal, type Portal } from "./support/portal";
import { run } from "./support/processes";

let portal: Portal;
let browser: Browser;

beforeAll(async () => {
  [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

const NEW_PASSWORD = "Violet-Harbor-Lantern-4821";

async function postLogin(base: string, hidden: FormField[], email: string, password: string) {
  const { body, contentType } = multipartBody([...hidden, ["email", email], ["password", password]]);
  const response = await postToPage(`${base}/login`, body, { contentType });
  return { status: response.status, html: decodeEntities(await response.text()) };
}

/** Server errors since the watcher started, though portal.output() keeps only its last 20 000 characters. */
function watchServerErrors(target: Portal) {
  let seen = target.output();
  let fresh = "";
  return () => {
    const now = target.output();
    const tail = seen.slice(-2000);
    const at = tail ? now.lastIndexOf(tail) : -1;
    fresh += at >= 0 ? now.slice(at + tail.length) : now;
    seen = now;
    return errorLines(fresh);
  };
}

/**
 * What next start prints for an uncaught error: "⨯ TypeError: …" and its stack. Left out: Next's own
 * note that it refused a POST naming no server action or an unknown one (it answers 4xx, and any
 * client can send those), so that everything else that looks like an error counts.
 */
function errorLines(output: string) {
  const refusal = /^Error: (Invalid Server Actions request\.|The Server Reference ID did not match|Failed to find Server Action)/;
  const errors: string[] = [];
  let inRefusal = false;
  for (const line of output.split("\n")) {
    if (refusal.test(line)) inRefusal = true;
    else if (!/^\s+at |^Read more:/.test(line)) inRefusal = false;
    if (!inRefusal && /⨯|\bError:|unhandledRejection|uncaughtException|^\s+at .+:\d+:\d+\)?$/.test(line)) errors.push(line);
  }
  return errors;
}

describe("a flood of wrong passwords", () => {
  it("makes at most 3 password checks for 50 concurrent attempts on one account, and leaves it locked", async () => {
    const email = uniqueEmail("flood");
    const user = await portal.db.seedUser({ email });
    const hidden = readHiddenFields(await getHtml(`${portal.url}/login`));

    const answers = await Promise.all(Array.from({ length: 50 }, () => postLogin(portal.url, hidden, email, "not-the-password-at-all")));

    expect(answers.map(({ status }) => status)).toEqual(Array(50).fill(200));
    const events = await portal.db.prisma.authEvent.groupBy({ by: ["type"], where: { email }, _count: true });
    const count = (type: string) => events.find((event) => event.type === type)?._count ?? 0;
    const passwordChecks = count("SIGN_IN_FAILED") + count("ACCOUNT_LOCKED");
    console.log(`50 concurrent wrong passwords: ${passwordChecks} password checks, ${count("SIGN_IN_REFUSED")} refused without a check`);
    expect(passwordChecks).toBeLessThanOrEqual(3);
    expect(passwordChecks + count("SIGN_IN_REFUSED")).toBe(50);
    expect(answers.filter(({ html }) => html.includes(INVALID_MESSAGE)).length).toBe(count("SIGN_IN_FAILED"));
    expect(answers.filter(({ html }) => html.includes(LOCKED_MESSAGE)).length).toBe(50 - count("SIGN_IN_FAILED"));
    expect((await portal.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).lockedAt).not.toBeNull();

    const rightPassword = await logInOverHttp(portal.url, email, TEST_PASSWORD);
    expect(rightPassword).toMatchObject({ ok: false, status: 200, cookie: null });
    expect((await postLogin(portal.url, hidden, email, TEST_PASSWORD)).html).toContain(LOCKED_MESSAGE);
  });
});

// ---------------------------------------------------------------- bad input on every form

const HUGE = 100_000;
const lookalikes = [
  "аdmin@client.example", // Cyrillic а
  "admin＠client.example", // fullwidth at sign
  "admin@client.example\u200b", // zero-width space
  "ADMİN@CLIENT.EXAMPLE", // dotted capital I
  "\u202eelpmaxe.tneilc@nimda", // right-to-left override
  "a\u0301dmin@client.example", // combining accent
  "admin@xn--clent-q1a.example",
];
const hostile = ["' OR 1=1 --", "<script>alert(1)</script>", "%00", "../../etc/passwd", "__proto__", "constructor", "toString", "null", "undefined", "[object Object]", "NaN", "-1", "1e309", "$$", "$ACTION_ID_0"];

/** A text a browser may or may not send: empty, huge, control characters, NUL, lone surrogates, lookalikes. */
const badText: fc.Arbitrary<string> = fc.oneof(
  fc.constant(""),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 3 }).map((piece) => piece.repeat(Math.ceil(HUGE / piece.length))),
  fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 1, maxLength: 20 }).map((codes) => String.fromCharCode(...codes, 127)),
  fc.constantFrom("\0", "a\0@client.example", "\ud800", "\udfff@client.example", "x\ud83d", "\ufeff\ufffe\uffff"),
  fc.constantFrom(...lookalikes, ...hostile),
  fc.emailAddress(),
  fc.emailAddress().map((email) => `  ${email.toUpperCase()}\t`),
);

/** Bytes that are not UTF-8 at all: surrogates encoded as CESU-8, an overlong NUL, stray continuation bytes. */
const badBytes: fc.Arbitrary<Buffer> = fc.oneof(
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
  fc.constantFrom(Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xc0, 0x80]), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from([0x80, 0xbf])),
);

type Part = { kind: "text"; value: string } | { kind: "bytes"; value: Buffer } | { kind: "file"; value: Buffer };

/** One field as sent: missing, once, several times (an array), or as a file instead of text. */
const fieldParts = (candidates: string[]) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant<Part[]>([]) },
    { weight: 6, arbitrary: fc.oneof(fc.constantFrom(...candidates, ""), badText).map<Part[]>((value) => [{ kind: "text", value }]) },
    { weight: 1, arbitrary: badBytes.map<Part[]>((value) => [{ kind: "bytes", value }]) },
    { weight: 1, arbitrary: fc.array(badText, { minLength: 2, maxLength: 4 }).map<Part[]>((values) => values.map((value) => ({ kind: "text", value }))) },
    { weight: 1, arbitrary: badBytes.map<Part[]>((value) => [{ kind: "file", value }]) },
  );

/** How the request is wrapped: as the form would send it, or broken in a way no browser would. */
const envelope = fc.oneof(
  { weight: 10, arbitrary: fc.constant({ kind: "multipart" as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: "without-action-fields" as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: "urlencoded" as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("truncated" as const), keep: fc.double({ min: 0, max: 1, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: "no-boundary" as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("wrong-content-type" as const), type: fc.constantFrom("application/json", "text/plain", "multipart/mixed; boundary=x", "application/x-www-form-urlencoded", "") }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("javascript-call" as const), args: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("javascript-call-garbage" as const), text: badText }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("extra-fields" as const), fields: fc.array(fc.tuple(fc.oneof(badText, fc.constantFrom("email[]", "a\"b", "$ACTION_KEY")), badText), { minLength: 1, maxLength: 5 }) }) },
);
type Envelope = typeof envelope extends fc.Arbitrary<infer T> ? T : never;

/** React's encoding of a call's arguments marks references with a leading $; a literal $ is doubled. */
const escapeReply = (value: unknown): unknown =>
  typeof value === "string" ? (value.startsWith("$") ? `$${value}` : value)
  : Array.isArray(value) ? value.map(escapeReply)
  : value && typeof value === "object" ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, escapeReply(inner)]))
  : value;

/** The server action behind a form, for a call as the page's JavaScript makes it (Next-Action header). */
function actionIdOf(form: HtmlForm) {
  const plain = form.hidden.find(([name]) => name.startsWith("$ACTION_ID_"));
  if (plain) return plain[0].slice("$ACTION_ID_".length);
  const bound = form.hidden.find(([name]) => /^\$ACTION_\d+:0$/.test(name));
  return (JSON.parse(bound![1]) as { id: string }).id;
}

type FormTarget = {
  name: string;
  page: string;
  /** The POST's URL when it is not the page's own (a fresh reset link for each request). */
  postUrl?: () => Promise<string>;
  pick: (forms: HtmlForm[]) => HtmlForm | undefined;
  /** Each field with values worth trying often (the right ones, near misses); the rest is generated. */
  fields: Record<string, string[]>;
  cookie?: () => string;
  runs: number;
};

function buildRequest(form: HtmlForm, fields: [string, Part[]][], wrap: Envelope) {
  const parts: MultipartField[] = fields.flatMap(([name, values]) =>
    values.map((part): MultipartField => (part.kind === "file" ? [name, part.value, "upload.bin"] : [name, part.value])),
  );
  const hidden = wrap.kind === "without-action-fields" ? form.hidden.filter(([name]) => !name.startsWith("$ACTION_")) : form.hidden;
  const extra: MultipartField[] = wrap.kind === "extra-fields" ? wrap.fields : [];
  const multipart = multipartBody([...hidden, ...parts, ...extra]);
  switch (wrap.kind) {
    case "urlencoded": {
      const encoded = [...hidden, ...parts].map(([name, value]) => `${encodeURIComponent(name)}=${Buffer.from(value).toString("latin1").replace(/[^\w.-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`)}`);
      return { body: encoded.join("&"), contentType: "application/x-www-form-urlencoded" };
    }
    case "truncated":
      return { body: multipart.body.subarray(0, Math.floor(multipart.body.length * wrap.keep)), contentType: multipart.contentType };
    case "no-boundary":
      return { body: multipart.body, contentType: "multipart/form-data" };
    case "wrong-content-type":
      return { body: multipart.body, contentType: wrap.type || undefined };
    case "javascript-call":
      return { body: JSON.stringify(escapeReply(wrap.args)), contentType: "text/plain;charset=UTF-8", headers: { "next-action": actionIdOf(form) } };
    case "javascript-call-garbage":
      return { body: wrap.text, contentType: "text/plain;charset=UTF-8", headers: { "next-action": actionIdOf(form) } };
    default:
      return multipart;
  }
}

describe("bad input on every form", () => {
  let client: { id: string; cookie: string };
  let admin: { id: string; cookie: string };
  let clientIds: string[];
  let resetUserId: string;

  const signedIn = async (email: string) => {
    const login = await logInOverHttp(portal.url, email, TEST_PASSWORD);
    if (!login.cookie) throw new Error(`could not log in as ${email}`);
    return login.cookie;
  };

  /** A fresh reset link for the reset user, as its email would carry it. */
  async function issueResetToken() {
    const token = randomBytes(32).toString("base64url");
    await portal.db.prisma.passwordToken.create({
      data: { userId: resetUserId, purpose: "RESET", tokenHash: createHash("sha256").update(token).digest("hex"), expiresAt: new Date(Date.now() + 3_600_000) },
    });
    return token;
  }

  beforeAll(async () => {
    const clientEmail = uniqueEmail("fuzz-client");
    const adminEmail = uniqueEmail("fuzz-admin");
    const clientUser = await portal.db.seedUser({ email: clientEmail });
    const adminUser = await portal.db.seedUser({ email: adminEmail, role: "ADMIN", name: "Ada Admin" });
    await portal.db.linkAccount(clientUser.id, "google", `fuzz-${clientUser.id}`);
    const others = await Promise.all([
      portal.db.seedUser({ email: uniqueEmail("fuzz-locked"), lockedAt: new Date() }),
      portal.db.seedUser({ email: uniqueEmail("fuzz-deactivated"), deactivatedAt: new Date() }),
      portal.db.seedUser({ email: uniqueEmail("fuzz-reset") }),
    ]);
    resetUserId = others[2].id;
    client = { id: clientUser.id, cookie: await signedIn(clientEmail) };
    admin = { id: adminUser.id, cookie: await signedIn(adminEmail) };
    clientIds = [adminUser.id, ...others.map(({ id }) => id)];
  });

  const withField = (name: string) => (forms: HtmlForm[]) => forms.find(({ names }) => names.includes(name));
  const emails = () => ["casey@client.example", " CASEY@client.example "];

  // numRuns add up to about 1,000 requests; the seed makes every run send the same ones.
  const targets = (): FormTarget[] => [
    { name: "Log in", page: "/login", pick: withField("password"), fields: { email: emails(), password: [TEST_PASSWORD], remember: ["on"], callbackUrl: ["/dashboard", "//evil.example", "javascript:alert(1)"] }, runs: 150 },
    { name: "Log in with a provider", page: "/login", pick: withField("provider"), fields: { provider: ["google", "facebook", "nope"], callbackUrl: ["/account", "https://evil.example/"] }, runs: 40 },
    { name: "Forgot your password?", page: "/forgot-password", pick: withField("email"), fields: { email: emails() }, runs: 120 },
    {
      name: "Change your password, valid link",
      page: "/reset-password?token=PAGE",
      postUrl: async () => `/reset-password?token=${await issueResetToken()}`,
      pick: withField("confirmPassword"),
      fields: { token: ["FRESH"], password: [NEW_PASSWORD, "short"], confirmPassword: [NEW_PASSWORD] },
      runs: 110,
    },
    { name: "Change your password, invalid link", page: "/reset-password?token=PAGE", postUrl: async () => "/reset-password?token=not-a-token", pick: withField("confirmPassword"), fields: { token: ["not-a-token", "A".repeat(43)], password: [NEW_PASSWORD], confirmPassword: [NEW_PASSWORD] }, runs: 70 },
    { name: "My Account: name", page: "/account", pick: withField("name"), fields: { name: ["Casey Client"] }, cookie: () => client.cookie, runs: 90 },
    { name: "My Account: change password", page: "/account", pick: withField("currentPassword"), fields: { currentPassword: ["wrong-current-password"], password: [NEW_PASSWORD], confirmPassword: [NEW_PASSWORD] }, cookie: () => client.cookie, runs: 90 },
    { name: "My Account: link", page: "/account", pick: withField("provider"), fields: { provider: ["facebook", "nope"] }, cookie: () => client.cookie, runs: 30 },
    { name: "My Account: unlink", page: "/account/unlink/google", pick: withField("provider"), fields: { provider: ["google", "linkedin", "nope"] }, cookie: () => client.cookie, runs: 30 },
    { name: "Dashboard: accept cookies", page: "/dashboard", pick: (forms) => forms[1], fields: {}, cookie: () => client.cookie, runs: 20 },
    { name: "Sign Out", page: "/dashboard", pick: (forms) => forms[0], fields: {}, cookie: () => client.cookie, runs: 20 },
    { name: "Admin: activate client", page: "/admin", pick: withField("email"), fields: { name: ["Nadia New"], email: emails() }, cookie: () => admin.cookie, runs: 90 },
    { name: "Admin: per-client actions", page: "/admin", pick: withField("userId"), fields: { userId: clientIds, intent: ["resend", "unlock", "deactivate", "reactivate", "__proto__", "constructor"], q: ["casey"] }, cookie: () => admin.cookie, runs: 110 },
  ];

  it("answers ~1,000 generated bad requests to every form and action below 500, with no error in the server's output", async () => {
    const serverErrors = watchServerErrors(portal);
    let sent = 0;
    for (const target of targets()) {
      const cookie = target.cookie?.();
      // A fuzzed reset may succeed, which voids every other link: each reset target opens the page with a new one.
      const page = target.page.replace("PAGE", target.page.includes("PAGE") ? await issueResetToken() : "");
      const form = target.pick(readForms(await getHtml(`${portal.url}${page}`, cookie)));
      if (!form) throw new Error(`no form for ${target.name} on ${target.page}`);
      const fields = Object.entries(target.fields).map(([name, candidates]) => fieldParts(candidates).map((parts) => [name, parts] as [string, Part[]]));

      await fc.assert(
        fc.asyncProperty(fc.tuple(...fields), envelope, async (generated, wrap) => {
          const url = `${portal.url}${target.postUrl ? await target.postUrl() : target.page}`;
          const token = new URL(url).searchParams.get("token") ?? "";
          const filled = generated.map(([name, parts]): [string, Part[]] => [name, parts.map((part) => (part.kind === "text" && part.value === "FRESH" ? { ...part, value: token } : part))]);
          const { body, contentType, headers } = { headers: undefined, ...buildRequest(form, filled, wrap) };
          const response = await postToPage(url, body, { cookie, contentType, headers });
          await response.arrayBuffer();
          sent++;
          expect({ form: target.name, wrap: wrap.kind, status: response.status < 500 ? "below 500" : response.status }).toEqual({ form: target.name, wrap: wrap.kind, status: "below 500" });
          expect({ form: target.name, wrap: wrap.kind, serverErrors: serverErrors() }).toEqual({ form: target.name, wrap: wrap.kind, serverErrors: [] });
        }),
        { numRuns: target.runs, seed: 20261204, endOnFailure: true },
      );
    }
    // Work after the response (mail, events) may still fail: give it a moment, then look again.
    await sleep(1000);
    expect(serverErrors()).toEqual([]);
    console.log(`bad input: ${sent} requests to ${targets().length} forms, none answered 500`);
  }, 600_000);
});

// ---------------------------------------------------------------- session cookies

/** A session cookie as Auth.js makes it, with the portal's secret. next-auth/jwt is an ES module, so a child Node runs it. */
async function mintSessionToken(token: Record<string, unknown>, maxAge: number) {
  const script = `import { encode } from "next-auth/jwt";
const { token, secret, maxAge } = JSON.parse(process.env.MINT);
console.log("TOKEN=" + await encode({ token, secret, maxAge, salt: "authjs.session-token" }));`;
  const output = await run(process.execPath, ["--input-type=module", "-e", script], { ...process.env, MINT: JSON.stringify({ token, secret: portal.env.AUTH_SECRET, maxAge }) });
  return /TOKEN=(\S+)/.exec(output)![1]!;
}

describe("session cookies", () => {
  const dashboardWith = async (sessionToken: string) => {
    const response = await fetch(`${portal.url}/dashboard`, { headers: { cookie: `authjs.session-token=${sessionToken}` }, redirect: "manual" });
    await response.arrayBuffer();
    return { status: response.status, at: response.headers.get("location") ? new URL(response.headers.get("location")!, portal.url).pathname : "/dashboard" };
  };

  it("treats a tampered session cookie as signed out", async () => {
    const email = uniqueEmail("tamper");
    await portal.db.seedUser({ email });
    const { cookie } = await logInOverHttp(portal.url, email, TEST_PASSWORD);
    const token = cookie!.slice("authjs.session-token=".length);
    expect(await dashboardWith(token)).toEqual({ status: 200, at: "/dashboard" });

    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === "A" ? "B" : "A") + text.slice(at + 1);
    for (const at of [10, Math.floor(token.length / 2), token.length - 5]) {
      const answer = await dashboardWith(flip(token, at));
      expect({ at, status: answer.status >= 300 && answer.status < 400, path: answer.at }).toEqual({ at, status: true, path: "/login" });
    }
    expect(await dashboardWith("not-a-jwt")).toMatchObject({ at: "/login" });
  });

  it("treats an expired session cookie as signed out", async () => {
    const email = uniqueEmail("expired");
    const user = await portal.db.seedUser({ email });
    const claims = { sub: user.id, sv: user.sessionVersion, role: user.role, name: user.name, email };
    // The same cookie, unexpired, is a working session: so only the expiry refuses the other.
    expect(await dashboardWith(await mintSessionToken(claims, 3600))).toEqual({ status: 200, at: "/dashboard" });

    const answer = await dashboardWith(await mintSessionToken(claims, -3600));
    expect({ redirect: answer.status >= 300 && answer.status < 400, at: answer.at }).toEqual({ redirect: true, at: "/login" });
  });
});

// ---------------------------------------------------------------- reset links and other sessions

describe("password reset", () => {
  async function requestResetLink(email: string) {
    const { context, page } = await openPage(browser, portal.url);
    const since = new Date();
    await requestReset(page, email);
    await context.close();
    return waitForResetLink(email, /^Reset password instructions$/, since);
  }

  async function setNewPassword(link: string) {
    const { context, page } = await openPage(browser, portal.url);
    await changePasswordAt(page, link, NEW_PASSWORD);
    await page.waitForURL("**/login?notice=password-changed");
    await context.close();
  }

  it("refuses a reset link in a second browser once the first has used it", async () => {
    const email = uniqueEmail("reused-link");
    await portal.db.seedUser({ email });
    const link = await requestResetLink(email);
    // The second browser opens the link while it is still good, like a second tab.
    const second = await openPage(browser, portal.url);
    await second.page.goto(link);
    await second.page.getByLabel("New Password", { exact: true }).fill("Another-Harbor-Lantern-77");
    await second.page.getByLabel("Confirm New Password").fill("Another-Harbor-Lantern-77");

    await setNewPassword(link);

    await second.page.getByRole("button", { name: "Change my password" }).click();
    await second.page.getByRole("alert").filter({ hasText: INVALID_LINK_MESSAGE }).waitFor();
    await second.page.goto(link);
    await second.page.getByRole("alert").filter({ hasText: INVALID_LINK_MESSAGE }).waitFor();
    expect(await second.page.getByRole("button", { name: "Change my password" }).count()).toBe(0);
    await second.context.close();
    expect((await logInOverHttp(portal.url, email, NEW_PASSWORD)).ok).toBe(true);
  });

  it("signs out another browser at its next request once the password is reset", async () => {
    const email = uniqueEmail("other-session");
    await portal.db.seedUser({ email });
    const signedIn = await openPage(browser, portal.url);
    await logInWithPassword(signedIn.page, email);

    await setNewPassword(await requestResetLink(email));

    await signedIn.page.goto("/dashboard");
    expect(new URL(signedIn.page.url()).pathname).toBe("/login");
    await signedIn.context.close();
  });
});
