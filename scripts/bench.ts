/**
 * npm run bench: builds if needed, starts `next start` on loopback with a fresh database and seeded
 * users, measures logins and pages, prints a table, writes bench/results.json and bench/logins.svg.
 * Not part of the tests: nothing here asserts a time.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import bcrypt from "bcryptjs";
import { SMTPServer } from "smtp-server";
// A browser's log-in over HTTP, as the end-to-end tests and the smoke test post it too.
import { loginBody, logInOverHttp, readHiddenFields } from "../__tests__/e2e/support/http-forms";
import { loginsChart, measurePageScripts, median, percentile } from "./bench-lib";

const ROOT = process.cwd();
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next-bench";
const TMP = path.join(ROOT, "bench", "tmp");
const PORT = Number(process.env.BENCH_PORT || 4200);
const SMTP_PORT = PORT + 1;
const BARE_PORT = PORT + 2;
const BASE = `http://localhost:${PORT}`;
const COST = 12;
const PASSWORD = "bench-password-correct-horse";
const CONCURRENCY = [1, 2, 4, 8];
const SCALE = Number(process.env.BENCH_SCALE || 1);
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const PRISMA_BIN = path.join(ROOT, "node_modules", "prisma", "build", "index.js");

const cores = os.availableParallelism();
const log = (message: string) => console.error(`[bench] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [command, ...args], { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(" ")} failed:\n${output}`))));
  });
}

// ---------------------------------------------------------------- the hash itself

function measureHash() {
  const hash = bcrypt.hashSync(PASSWORD, COST);
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const started = performance.now();
    bcrypt.compareSync(PASSWORD, hash);
    times.push(performance.now() - started);
  }
  return { hash, tHashMs: median(times) };
}

// ---------------------------------------------------------------- builds

const SOURCES = ["app", "lib", "components", "middleware.ts", "next.config.mjs", "package-lock.json", "prisma/schema.prisma", "postcss.config.mjs"];

function newestSource(entry: string): number {
  const full = path.join(ROOT, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(full).map((name) => newestSource(path.join(entry, name))));
}

type Env = Record<string, string | undefined>;

function productionEnv(extra: Env = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TSCONFIG_PATH: path.join("bench", "tmp", "tsconfig.json"),
    AUTH_URL: BASE,
    AUTH_SECRET: process.env.BENCH_AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    EMAIL_SERVER: `smtp://127.0.0.1:${SMTP_PORT}`,
    BCRYPT_COST: String(COST),
    ...extra,
  };
}

async function buildPortalIfNeeded() {
  const buildId = path.join(ROOT, DIST_DIR, "BUILD_ID");
  const stale = !existsSync(buildId) || SOURCES.some((entry) => newestSource(entry) > statSync(buildId).mtimeMs);
  if ((!stale || process.env.BENCH_SKIP_BUILD) && existsSync(buildId) && !process.env.BENCH_REBUILD) return log(`using the build in ${DIST_DIR}`);
  if (!existsSync(path.join(ROOT, "lib", "generated"))) await run(PRISMA_BIN, ["generate"]);
  writeFileSync(path.join(TMP, "tsconfig.json"), `{ "extends": "../../tsconfig.json" }\n`);
  log(`building the portal into ${DIST_DIR} …`);
  await run(NEXT_BIN, ["build"], { env: productionEnv({ DATABASE_URL: `file:${path.join(TMP, "build.db")}` }) });
}

/**
 * A page with nothing on it, same Next.js and React, to tell the portal's JavaScript from the
 * framework's. It is built outside this repository: inside it, Turbopack also compiles the portal's
 * middleware.ts and instrumentation.ts into the bare build (whose start then fails the portal's
 * configuration check). Its node_modules are hard links to ours, since Turbopack refuses symlinks
 * that leave its root; making them takes under a second and no extra space.
 */
const bareNextBin = (dir: string) => path.join(dir, "node_modules", "next", "dist", "bin", "next");

async function buildBarePage() {
  const dir = path.join(os.tmpdir(), "caliper-bench-bare");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "app"), { recursive: true });
  execFileSync("cp", ["-al", path.join(ROOT, "node_modules"), path.join(dir, "node_modules")]);
  writeFileSync(path.join(dir, "package.json"), `{ "name": "bare-next-page", "private": true }\n`);
  writeFileSync(path.join(dir, "next.config.mjs"), "export default { poweredByHeader: false };\n");
  writeFileSync(path.join(dir, "app", "layout.js"), "export default function Layout({ children }) {\n  return <html lang=\"en\"><body>{children}</body></html>;\n}\n");
  writeFileSync(path.join(dir, "app", "page.js"), "export default function Page() {\n  return <h1>Bare</h1>;\n}\n");
  log("building a bare Next.js page …");
  await run(bareNextBin(dir), ["build"], { cwd: dir, env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: "" } });
  return dir;
}

// ---------------------------------------------------------------- database, mail, server

async function createDatabase(users: number) {
  const file = path.join(TMP, `bench-${Date.now()}.db`);
  const url = `file:${file}`;
  await run(PRISMA_BIN, ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url } });
  process.env.DATABASE_URL = url;
  const { db } = await import("@/lib/db");
  // One hash for every seeded user: seeding 1,000 users at cost 12 would take minutes.
  const passwordHash = bcrypt.hashSync(PASSWORD, COST);
  const now = new Date();
  const emails = Array.from({ length: users }, (_, i) => `bench-${i}@example.com`);
  await db.user.createMany({ data: emails.map((email, i) => ({ email, name: `Bench User ${i}`, passwordHash, invitedAt: now, activatedAt: now })) });
  await db.$disconnect();
  return { file, url, emails };
}

async function startSmtp() {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on("end", () => callback());
    },
  });
  await new Promise<void>((resolve) => server.listen(SMTP_PORT, "127.0.0.1", resolve));
  return server;
}

type Statement = { sql: string; ms: number };
type Server = { child: ChildProcess; firstOkMs: number; queries: Statement[] };

async function startServer(args: string[], cwd: string, env: NodeJS.ProcessEnv, url: string, nextBin = NEXT_BIN): Promise<Server> {
  const started = performance.now();
  const child = spawn(process.execPath, [nextBin, "start", ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  const server: Server = { child, firstOkMs: Number.NaN, queries: [] };
  let pending = "";
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    output += chunk;
    const lines = (pending + chunk.toString()).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (line.startsWith('{"dbQuery"')) {
      const { dbQuery, ms } = JSON.parse(line) as { dbQuery: string; ms: number };
      server.queries.push({ sql: dbQuery, ms });
    }
  });
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk));
  while (performance.now() - started < 30_000) {
    if (child.exitCode !== null) throw new Error(`next start exited:\n${output}`);
    const status = await fetch(url).then((response) => response.arrayBuffer().then(() => response.status), () => 0);
    if (status === 200) {
      server.firstOkMs = performance.now() - started;
      return server;
    }
    await sleep(10);
  }
  throw new Error(`no 200 from ${url} within 30 s:\n${output}`);
}

function stopServer(server: Server) {
  return new Promise<void>((resolve) => {
    if (server.child.exitCode !== null) return resolve();
    server.child.once("exit", () => resolve());
    server.child.kill("SIGTERM");
  });
}

// ---------------------------------------------------------------- measurements

async function countStatements(server: Server, login: () => Promise<unknown>) {
  await sleep(100);
  const before = server.queries.length;
  await login();
  await sleep(300); // the server's stdout arrives a little after its response
  return server.queries.slice(before);
}

type LoginContext = { email: string; hidden: [string, string][] };

/** A browser's log-in at c connections, one fresh user per log-in so lockout never interferes. */
function loginStorm(concurrency: number, logins: number, nextEmail: () => string) {
  let successes = 0;
  let failures = 0;
  let lastSuccess = 0;
  const started = performance.now();
  return new Promise<{ concurrency: number; logins: number; failures: number; seconds: number; loginsPerSecond: number }>((resolve, reject) => {
    autocannon(
      {
        url: BASE,
        connections: concurrency,
        amount: logins * 2,
        timeout: 60,
        requests: [
          {
            method: "GET",
            path: "/login",
            setupRequest: (request, context) => {
              (context as LoginContext).email = nextEmail();
              return request;
            },
            onResponse: (_status, body, context) => {
              (context as LoginContext).hidden = readHiddenFields(body);
            },
          },
          {
            method: "POST",
            path: "/login",
            setupRequest: (request, context) => {
              const { email, hidden } = context as LoginContext;
              const { body, contentType } = loginBody(hidden, email, PASSWORD);
              return { ...request, body, headers: { "content-type": contentType, origin: BASE, accept: "text/html" } };
            },
            onResponse: (status, _body, _context, headers) => {
              const location = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === "location")?.[1];
              if (status === 303 && String(location).includes("/dashboard")) {
                successes++;
                lastSuccess = performance.now();
              } else failures++;
            },
          },
        ],
      },
      (error) => {
        if (error) return reject(error);
        const seconds = (lastSuccess - started) / 1000;
        resolve({ concurrency, logins: successes, failures, seconds: round(seconds, 2), loginsPerSecond: round(successes / seconds, 2) });
      },
    );
  });
}

/** GET /login at a steady 20 requests a second on one connection, like people arriving at the page. */
function probeLoginPage(seconds: number) {
  const latencies: number[] = [];
  let stop = () => {};
  const done = new Promise<{ samples: number; medianMs: number; p95Ms: number; non200: number }>((resolve, reject) => {
    let non200 = 0;
    const instance = autocannon({ url: `${BASE}/login`, connections: 1, overallRate: 20, duration: seconds }, (error) => {
      if (error) return reject(error);
      resolve({ samples: latencies.length, medianMs: round(median(latencies)), p95Ms: round(percentile(latencies, 95)), non200 });
    });
    instance.on("response", (_client, status, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (status !== 200) non200++;
    });
    stop = () => (instance as unknown as { stop: () => void }).stop();
  });
  return { done, stop: () => stop() };
}

// ---------------------------------------------------------------- report

type Row = [string, string, string, string];

function printTable(rows: Row[]) {
  const header: Row = ["figure", "measured", "target", "met"];
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i]!.length)));
  const line = (row: Row) => `| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")} |`;
  console.log([line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n"));
}

const verdict = (ok: boolean) => (ok ? "yes" : "NO");

async function main() {
  mkdirSync(TMP, { recursive: true });
  const loadAtStart = os.loadavg();
  log(`${cores} cores, load ${loadAtStart.map((v) => v.toFixed(2)).join(" ")}`);

  const { tHashMs } = measureHash();
  const floor = (cores * 1000) / tHashMs;
  log(`t_hash ${tHashMs.toFixed(1)} ms at cost ${COST}`);

  await buildPortalIfNeeded();
  const bareDir = await buildBarePage();

  const perLevel = (c: number) => Math.round((16 + 8 * c) * SCALE / c) * c;
  const stormLogins = perLevel(8);
  const needed = 40 + CONCURRENCY.reduce((sum, c) => sum + perLevel(c), 0) + stormLogins;
  const { file: databaseFile, url: databaseUrl, emails } = await createDatabase(needed);
  let nextUser = 0;
  const nextEmail = () => {
    if (nextUser >= emails.length) throw new Error("ran out of seeded users");
    return emails[nextUser++]!;
  };

  const smtp = await startSmtp();
  const env = productionEnv({ DATABASE_URL: databaseUrl, PORT: String(PORT), DB_LOG_QUERIES: "1", RATE_LIMIT_LOGIN_PER_MINUTE: "10000" });
  log("starting next start …");
  const server = await startServer(["-p", String(PORT), "-H", "127.0.0.1"], ROOT, env, `${BASE}/login`);
  log(`first 200 from /login after ${server.firstOkMs.toFixed(0)} ms`);

  try {
    // Warm up: workers spawned, code paths compiled, as on a server that has been up a while.
    for (let i = 0; i < 3; i++) {
      const outcome = await logInOverHttp(BASE, nextEmail(), PASSWORD);
      if (!outcome.ok) throw new Error(`warm-up login failed with ${outcome.status}`);
    }

    const successStatements = await countStatements(server, () => logInOverHttp(BASE, nextEmail(), PASSWORD));
    const failedStatements = await countStatements(server, () => logInOverHttp(BASE, nextEmail(), "not-the-password"));
    log(`statements: ${successStatements.length} per successful login, ${failedStatements.length} per failed login`);

    const sequential: number[] = [];
    const pageTimes: number[] = [];
    const dbTimes: number[] = [];
    let dashboardCookie = "";
    for (let i = 0; i < Math.max(10, Math.round(20 * SCALE)); i++) {
      const before = server.queries.length;
      const outcome = await logInOverHttp(BASE, nextEmail(), PASSWORD);
      if (!outcome.ok) throw new Error(`login failed with ${outcome.status}`);
      sequential.push(outcome.ms);
      pageTimes.push(outcome.pageMs);
      await sleep(50);
      dbTimes.push(server.queries.slice(before).reduce((sum, statement) => sum + statement.ms, 0));
      dashboardCookie = outcome.cookie!;
    }
    const loginMedian = median(sequential);
    const loginP95 = percentile(sequential, 95);
    log(`login at concurrency 1: median ${loginMedian.toFixed(1)} ms, p95 ${loginP95.toFixed(1)} ms (GET /login ${median(pageTimes).toFixed(1)} ms, statements ${median(dbTimes).toFixed(1)} ms)`);

    // Usable without JavaScript: the page serves a plain form, and every log-in above was that form's POST.
    const loginHtml = await (await fetch(`${BASE}/login`)).text();
    const plainForm = /<form[^>]*method="POST"/i.test(loginHtml) && /name="email"/.test(loginHtml) && /name="password"/.test(loginHtml);

    const loginJs = await measurePageScripts(`${BASE}/login`);
    const dashboardJs = await measurePageScripts(`${BASE}/dashboard`, dashboardCookie);

    const levels = [];
    for (const c of CONCURRENCY) {
      const level = await loginStorm(c, perLevel(c), nextEmail);
      log(`concurrency ${c}: ${level.loginsPerSecond} logins/s (${level.logins} logins, ${level.failures} not signed in)`);
      levels.push(level);
    }

    const idle = probeLoginPage(10);
    const idleProbe = await idle.done;
    const storm = probeLoginPage(600);
    const stormLevel = await loginStorm(8, stormLogins, nextEmail);
    storm.stop();
    const stormProbe = await storm.done;
    log(`GET /login p95 ${idleProbe.p95Ms} ms idle, ${stormProbe.p95Ms} ms during the storm`);

    // The bare page, served by the same Next.js.
    const bare = await startServer(["-p", String(BARE_PORT), "-H", "127.0.0.1"], bareDir, { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: "" }, `http://localhost:${BARE_PORT}/`, bareNextBin(bareDir));
    const bareJs = await measurePageScripts(`http://localhost:${BARE_PORT}/`);
    await stopServer(bare);
    rmSync(bareDir, { recursive: true, force: true });

    const loadAtEnd = os.loadavg();
    const c8 = levels.find((level) => level.concurrency === 8)!;
    const kb = (bytes: number) => round(bytes / 1024, 1);
    const results = {
      measuredAt: new Date().toISOString(),
      machine: { cores, cpu: os.cpus()[0]?.model ?? "unknown", memoryGb: round(os.totalmem() / 2 ** 30, 1), node: process.version, platform: `${os.type()} ${os.release()}`, loadAverageAtStart: loadAtStart.map((v) => round(v, 2)), loadAverageAtEnd: loadAtEnd.map((v) => round(v, 2)) },
      bcrypt: { library: "bcryptjs", cost: COST, tHashMs: round(tHashMs), floorLoginsPerSecond: round(floor, 2) },
      login: { concurrency1: { samples: sequential.length, medianMs: round(loginMedian), p95Ms: round(loginP95), overheadMedianMs: round(loginMedian - tHashMs), overheadP95Ms: round(loginP95 - tHashMs), getLoginPageMedianMs: round(median(pageTimes)), statementsMedianMs: round(median(dbTimes)) } },
      loginsPerSecond: levels.map((level) => ({ ...level, ceiling: round((Math.min(level.concurrency, cores) * 1000) / tHashMs, 2) })),
      loginPage: { idle: idleProbe, duringStorm: { ...stormProbe, stormLoginsPerSecond: stormLevel.loginsPerSecond } },
      databaseStatements: { successfulLogin: successStatements.length, failedLogin: failedStatements.length, successfulStatements: successStatements.map(({ sql }) => shortStatement(sql)), failedStatements: failedStatements.map(({ sql }) => shortStatement(sql)) },
      usableWithoutJavaScript: plainForm,
      javascriptGzipKb: { login: { ...loginJs, kb: kb(loginJs.gzipBytes) }, dashboard: { ...dashboardJs, kb: kb(dashboardJs.gzipBytes) }, barePage: { ...bareJs, kb: kb(bareJs.gzipBytes) } },
      firstOkMs: Math.round(server.firstOkMs),
    };

    const overhead = loginMedian - tHashMs;
    const loginExtraKb = kb(loginJs.gzipBytes - bareJs.gzipBytes);
    const rows: Row[] = [
      ["cores · t_hash (bcryptjs, cost 12, median)", `${cores} · ${tHashMs.toFixed(0)} ms`, "", ""],
      ["login at c=1: median · p95", `${loginMedian.toFixed(0)} ms · ${loginP95.toFixed(0)} ms`, "", ""],
      ["login overhead beyond t_hash (median)", `${overhead.toFixed(1)} ms`, "≤ 30 ms", verdict(overhead <= 30)],
      ...levels.map((level): Row => [
        `logins/s at c=${level.concurrency} (ceiling min(c, cores)/t_hash)`,
        `${level.loginsPerSecond.toFixed(2)} (${((Math.min(level.concurrency, cores) * 1000) / tHashMs).toFixed(2)})`,
        level.concurrency === 8 ? `≥ ${(0.9 * floor).toFixed(2)} (0.9 × ${floor.toFixed(2)})` : "",
        level.concurrency === 8 ? verdict(c8.loginsPerSecond >= 0.9 * floor) : "",
      ]),
      ["GET /login idle: median · p95", `${idleProbe.medianMs} ms · ${idleProbe.p95Ms} ms`, "", ""],
      ["GET /login during c=8 storm: median · p95", `${stormProbe.medianMs} ms · ${stormProbe.p95Ms} ms`, `≤ ${round(Math.min(5 * idleProbe.p95Ms, 250))} ms (5 × idle p95, ≤ 250)`, verdict(stormProbe.p95Ms <= Math.min(5 * idleProbe.p95Ms, 250))],
      ["DB statements per successful login", String(successStatements.length), "≤ 4", verdict(successStatements.length <= 4)],
      ["DB statements per failed login", String(failedStatements.length), "≤ 3", verdict(failedStatements.length <= 3)],
      ["JS gzipped: /login · /dashboard · bare page", `${kb(loginJs.gzipBytes)} · ${kb(dashboardJs.gzipBytes)} · ${kb(bareJs.gzipBytes)} KB`, "", ""],
      ["/login JS above the bare page", `${loginExtraKb} KB`, "≤ 20 KB", verdict(loginExtraKb <= 20)],
      ["/login usable with JavaScript off (plain form POST logs in)", plainForm ? "yes" : "no", "yes", verdict(plainForm)],
      ["start to first 200 from /login", `${Math.round(server.firstOkMs)} ms`, "≤ 2000 ms", verdict(server.firstOkMs <= 2000)],
      ["load average (1 min) at start · end", `${loadAtStart[0]!.toFixed(2)} · ${loadAtEnd[0]!.toFixed(2)}`, "", ""],
    ];
    printTable(rows);

    mkdirSync(path.join(ROOT, "bench"), { recursive: true });
    writeFileSync(path.join(ROOT, "bench", "results.json"), `${JSON.stringify({ ...results, table: rows }, null, 2)}\n`);
    writeFileSync(path.join(ROOT, "bench", "logins.svg"), loginsChart(levels, cores, tHashMs));
    log("wrote bench/results.json and bench/logins.svg");
  } finally {
    await stopServer(server);
    smtp.close();
    for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${databaseFile}${suffix}`, { force: true });
  }
}

const shortStatement = (sql: string) => sql.replace(/`main`\./g, "").replace(/`/g, "").slice(0, 80);

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
