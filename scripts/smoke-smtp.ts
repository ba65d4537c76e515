/**
 * The production smoke test's mail server (scripts/smoke-production.sh): the tests' SMTP inbox on
 * loopback, which writes each message to <dir>/<n>.json ({ to, subject, text }) before it answers,
 * so a sender that got "250 OK" finds its message on disk.
 *
 *   SMOKE_SMTP_PORT=4501 SMOKE_MAIL_DIR=/tmp/mail tsx scripts/smoke-smtp.ts
 *
 * It runs in a process of its own and does nothing synchronous that waits on others (NOTES).
 */
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { recipients, startInbox } from "../__tests__/helpers/smtp";

const port = Number(process.env.SMOKE_SMTP_PORT);
const dir = process.env.SMOKE_MAIL_DIR;
if (!Number.isInteger(port) || port <= 0 || !dir) {
  console.error("smoke-smtp: set SMOKE_SMTP_PORT and SMOKE_MAIL_DIR");
  process.exit(1);
}

let received = 0;

async function main() {
  await mkdir(dir!, { recursive: true });
  const inbox = await startInbox({
    port,
    async onMessage(mail) {
      const file = path.join(dir!, `${++received}.json`);
      const message = { to: recipients(mail), subject: mail.subject ?? "", text: mail.text ?? "" };
      // Written whole, then renamed: a reader never sees half a message.
      await writeFile(`${file}.partial`, JSON.stringify(message, null, 2));
      await rename(`${file}.partial`, file);
      console.log(`smoke-smtp: ${message.subject} to ${message.to.join(", ")}`);
    },
  });
  console.log(`smoke-smtp: listening on 127.0.0.1:${port}, writing to ${dir}`);

  const stop = () => {
    void inbox.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 1000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error("smoke-smtp: could not start:", error);
  process.exit(1);
});
