/**
 * Known and unknown emails must be indistinguishable: the same status, the same page and the same
 * time. This file runs on its own after the other end-to-end tests (npm run test:e2e), because a
 * browser busy in another jest worker on a 2-core machine blurs a clock more than the difference we
 * look for. The portal runs at the contract's bcrypt cost (12), so "one bcrypt check" is the real one.
 */
import bcrypt from "bcryptjs";
import { TEST_PASSWORD } from "./support/database";
import { decodeEntities, getHtml, multipartBody, postToPage, readHiddenFields, type FormField } from "./support/http-forms";
import { FORGOT_NOTICE, INVALID_MESSAGE, sleep, uniqueEmail } from "./support/journey";
import { waitForMail } from "./support/mailbox";
import { startPortal, type Portal } from "./support/portal";

const BCRYPT_COST = 12;
const SAMPLES = 20;

let portal: Portal;
let tHash: number;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

beforeAll(async () => {
  portal = await startPortal({ providers: [], env: { BCRYPT_COST: String(BCRYPT_COST) } });
  const hash = await bcrypt.hash(TEST_PASSWORD, BCRYPT_COST);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await bcrypt.compare("not-the-password", hash);
    times.push(performance.now() - started);
  }
  tHash = median(times);
}, 120_000);
afterAll(async () => {
  await portal?.stop();
});

/** Known accounts with a hash of the portal's cost, so both kinds of email cost one real check. */
async function seedKnownAccounts(name: string) {
  const passwordHash = await bcrypt.hash(TEST_PASSWORD, BCRYPT_COST);
  const emails = Array.from({ length: SAMPLES + 1 }, () => uniqueEmail(`known-${name}`));
  for (const email of emails) {
    const user = await portal.db.seedUser({ email });
    await portal.db.prisma.user.update({ where: { id: user.id }, data: { passwordHash } });
  }
  return emails;
}

/**
 * The same page for either email once what must differ is taken out: the email itself, which the
 * form shows again (known and unknown emails are different strings), and the CSP nonce, new on
 * every response (in the script tags and again in the page's RSC payload). Nothing else differs:
 * action ids and keys are the same on every render.
 */
function normalize(html: string, email: string) {
  const nonce = /nonce="([^"]+)"/.exec(html)?.[1];
  return (nonce ? html.replaceAll(nonce, "NONCE") : html).replaceAll(email, "EMAIL");
}

/** One POST per email, known and unknown alternating, each a fresh email so no lockout builds up. */
async function compare(pagePath: string, withField: string, known: string[], fieldsFor: (email: string) => FormField[]) {
  const hidden = readHiddenFields(await getHtml(`${portal.url}${pagePath}`), withField);
  const send = async (email: string) => {
    const { body, contentType } = multipartBody([...hidden, ...fieldsFor(email)]);
    const started = performance.now();
    const response = await postToPage(`${portal.url}${pagePath}`, body, { contentType });
    const html = await response.text();
    const ms = performance.now() - started;
    // Whatever runs after the response (the lookup, the mail) must not slow the next request down.
    await sleep(200);
    return { status: response.status, html: normalize(html, email), ms };
  };
  // The first request of each kind also warms up what is created once (the dummy hash, compiled code).
  await send(known[SAMPLES]!);
  await send(uniqueEmail("unknown"));
  const knownAnswers = [];
  const unknownAnswers = [];
  for (let i = 0; i < SAMPLES; i++) {
    knownAnswers.push(await send(known[i]!));
    unknownAnswers.push(await send(uniqueEmail("unknown")));
  }
  return { knownAnswers, unknownAnswers };
}

function expectIndistinguishable(label: string, { knownAnswers, unknownAnswers }: Awaited<ReturnType<typeof compare>>) {
  for (const answer of [...knownAnswers, ...unknownAnswers]) {
    expect({ status: answer.status, html: answer.html }).toEqual({ status: knownAnswers[0]!.status, html: knownAnswers[0]!.html });
  }
  const knownMedian = median(knownAnswers.map(({ ms }) => ms));
  const unknownMedian = median(unknownAnswers.map(({ ms }) => ms));
  const difference = Math.abs(knownMedian - unknownMedian);
  console.log(
    `${label}: median known ${knownMedian.toFixed(1)} ms, unknown ${unknownMedian.toFixed(1)} ms, difference ${difference.toFixed(1)} ms; one bcrypt check at cost ${BCRYPT_COST} ${tHash.toFixed(1)} ms`,
  );
  expect(difference).toBeLessThan(0.1 * tHash);
}

describe("known and unknown emails", () => {
  it("get the same answer from Log in, in the same time", async () => {
    const known = await seedKnownAccounts("login");
    const answers = await compare("/login", "password", known, (email) => [["email", email], ["password", "not-the-password-1"]]);
    expect(answers.knownAnswers[0]!.status).toBe(200);
    expect(decodeEntities(answers.knownAnswers[0]!.html)).toContain(INVALID_MESSAGE);
    expectIndistinguishable("Log in", answers);
  }, 120_000);

  it("get the same answer from Forgot your password?, in the same time", async () => {
    const known = await seedKnownAccounts("forgot");
    const answers = await compare("/forgot-password", "email", known, (email) => [["email", email]]);
    expect(answers.knownAnswers[0]!.status).toBe(200);
    expect(decodeEntities(answers.knownAnswers[0]!.html)).toContain(FORGOT_NOTICE);
    expectIndistinguishable("Forgot your password?", answers);
    // The known ones did get their mail, after the response.
    await waitForMail(known[0]!, { subject: /Reset password instructions/ });
  }, 120_000);
});
