/**
 * The HTTP half of scripts/smoke-production.sh, against a running `npm start`: waits for the server,
 * checks /api/health, follows the first admin's welcome link and sets the password through the real
 * reset-password form (posted as a browser without JavaScript does), logs in and opens /admin.
 *
 *   SMOKE_BASE_URL=http://localhost:4500 SMOKE_SERVER_PID=… SMOKE_MAIL_DIR=… SMOKE_ADMIN_EMAIL=… \
 *     npx tsx scripts/smoke-production.ts
 *
 * Prints "smoke: … ok" per check; exits 1 at the first failure.
 */
import { randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
// The forms are posted with the helpers the bench and the abuse tests use.
import { logInOverHttp, multipartBody, postToPage, readHiddenFields } from "../__tests__/e2e/support/http-forms";

const need = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const base = need("SMOKE_BASE_URL").replace(/\/$/, "");
const serverPid = Number(need("SMOKE_SERVER_PID"));
const mailDir = need("SMOKE_MAIL_DIR");
const adminEmail = need("SMOKE_ADMIN_EMAIL").toLowerCase();
const startTimeoutMs = Number(process.env.SMOKE_START_TIMEOUT_MS ?? 90_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ok = (what: string) => console.log(`smoke: ${what} ok`);

class SmokeFailure extends Error {}
const fail = (message: string): never => {
  throw new SmokeFailure(message);
};

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Until the server answers anything at all, or its process is gone, or time is up. */
async function waitForServer() {
  const started = Date.now();
  while (Date.now() - started < startTimeoutMs) {
    if (!isAlive(serverPid)) fail(`npm start (pid ${serverPid}) exited before ${base} answered`);
    try {
      await (await fetch(`${base}/api/health`)).arrayBuffer();
      return ok(`npm start answers on ${base} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch {
      await sleep(250);
    }
  }
  fail(`${base} did not answer within ${startTimeoutMs / 1000} s`);
}

async function checkHealth() {
  const response = await fetch(`${base}/api/health`);
  const body = await response.text();
  let status: unknown;
  try {
    status = (JSON.parse(body) as { status?: unknown }).status;
  } catch {
    // reported below
  }
  if (response.status !== 200 || status !== "ok") fail(`GET /api/health answered ${response.status} ${body}`);
  ok(`GET /api/health is 200 ${body}`);
}

type Mail = { to: string[]; subject: string; text: string };

/** The welcome email the admin command line sent, as the smoke SMTP server wrote it down. */
async function readWelcomeLink(): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const files = (await readdir(mailDir)).filter((name) => name.endsWith(".json"));
    for (const file of files) {
      const mail = JSON.parse(await readFile(path.join(mailDir, file), "utf8")) as Mail;
      if (!mail.to.includes(adminEmail) || !/welcome/i.test(mail.subject)) continue;
      const link = mail.text.match(/https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_%-]+/)?.[0];
      if (!link) fail(`the welcome email "${mail.subject}" has no reset-password link:\n${mail.text}`);
      if (!link!.startsWith(`${base}/`)) fail(`the welcome link ${link} does not start with AUTH_URL ${base}`);
      ok(`welcome email "${mail.subject}" received over SMTP, its link on AUTH_URL`);
      return link!;
    }
    await sleep(200);
  }
  return fail(`no welcome email to ${adminEmail} in ${mailDir}`);
}

/** GET the welcome link's page, then POST its form as a browser without JavaScript would. */
async function setPasswordThroughWelcomeLink(link: string, password: string) {
  const page = await fetch(link, { redirect: "manual" });
  const html = await page.text();
  if (page.status !== 200 || !html.includes("Change your password") || !html.includes('name="confirmPassword"')) {
    fail(`GET ${new URL(link).pathname} answered ${page.status} without the "Change your password" form`);
  }
  const hidden = readHiddenFields(html);
  if (!hidden.some(([name]) => name.startsWith("$ACTION_"))) fail("the reset-password form has no $ACTION_ hidden fields");
  if (!hidden.some(([name]) => name === "token")) fail("the reset-password form has no hidden token field");

  const { body: form, contentType } = multipartBody([...hidden, ["password", password], ["confirmPassword", password]]);
  const response = await postToPage(`${base}/reset-password`, form, { contentType });
  const body = await response.text();
  const location = response.headers.get("location") ?? "";
  if (response.status !== 303 || !location.includes("/login?notice=password-changed")) {
    const alert = body.match(/role="alert"[^>]*>([\s\S]*?)<\//)?.[1];
    fail(`the reset-password form answered ${response.status} ${location}${alert ? ` with "${alert}"` : ""}`);
  }
  ok("password set through the welcome link's reset-password form (303 to /login)");

  const again = await (await fetch(link, { redirect: "manual" })).text();
  if (!again.includes("This password reset link is invalid or has expired.")) fail("the welcome link still works after it was used");
  ok("the used welcome link is refused");
}

async function logInAndOpenAdmin(password: string) {
  const signedOut = await fetch(`${base}/admin`, { redirect: "manual" });
  await signedOut.arrayBuffer();
  if (![302, 303, 307, 308].includes(signedOut.status) || !(signedOut.headers.get("location") ?? "").includes("/login")) {
    fail(`GET /admin without a session answered ${signedOut.status} ${signedOut.headers.get("location") ?? ""}`);
  }
  ok(`GET /admin without a session redirects to /login (${signedOut.status})`);

  const login = await logInOverHttp(base, adminEmail, password);
  if (!login.ok || !login.cookie) fail(`log-in as ${adminEmail} answered ${login.status} ${login.cookie ? "" : "without a session cookie"}`);
  ok(`admin logs in over HTTP (${login.status}, authjs.session-token set)`);

  const admin = await fetch(`${base}/admin`, { redirect: "manual", headers: { cookie: login.cookie! } });
  const html = await admin.text();
  if (admin.status !== 200) fail(`GET /admin with the admin's session answered ${admin.status} ${admin.headers.get("location") ?? ""}`);
  if (!html.includes("Activate client") || !html.includes(adminEmail)) fail("GET /admin answered 200 without the client list and the Activate client form");
  ok("GET /admin is 200 with the client list for the admin");
}

async function main() {
  await waitForServer();
  await checkHealth();
  const link = await readWelcomeLink();
  const password = `Smoke ${randomBytes(12).toString("base64url")} harbour lantern`;
  await setPasswordThroughWelcomeLink(link, password);
  await logInAndOpenAdmin(password);
}

main().catch((error: unknown) => {
  console.error(`smoke: FAILED: ${error instanceof SmokeFailure ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
