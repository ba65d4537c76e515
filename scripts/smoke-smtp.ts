/**
 * The production smoke test's mail server (scripts/smoke-production.sh): SMTP on loopback that
 * accepts every message and writes each to <dir>/<n>.json ({ to, from, subject, text }) before it
 * answers, so a sender that got "250 OK" finds its message on disk.
 *
 *   SMOKE_SMTP_PORT=4501 SMOKE_MAIL_DIR=/tmp/mail tsx scripts/smoke-smtp.ts
 *
 * It runs in a process of its own and does nothing synchronous that waits on others (NOTES).
 */
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";

const port = Number(process.env.SMOKE_SMTP_PORT);
const dir = process.env.SMOKE_MAIL_DIR;
if (!Number.isInteger(port) || port <= 0 || !dir) {
  console.error("smoke-smtp: set SMOKE_SMTP_PORT and SMOKE_MAIL_DIR");
  process.exit(1);
}

let received = 0;

const server = new SMTPServer({
  authOptional: true,
  allowInsecureAuth: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onAuth(auth, _session, callback) {
    callback(null, { user: auth.username ?? "anyone" });
  },
  onData(stream, session, callback) {
    simpleParser(stream)
      .then(async (parsed) => {
        const file = path.join(dir, `${++received}.json`);
        const message = {
          to: session.envelope.rcptTo.map(({ address }) => address.toLowerCase()),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          subject: parsed.subject ?? "",
          text: parsed.text ?? "",
        };
        // Written whole, then renamed: a reader never sees half a message.
        await writeFile(`${file}.partial`, JSON.stringify(message, null, 2));
        await rename(`${file}.partial`, file);
        console.log(`smoke-smtp: ${message.subject} to ${message.to.join(", ")}`);
        callback();
      })
      .catch((error: Error) => callback(error));
  },
});

async function main() {
  await mkdir(dir!, { recursive: true });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  console.log(`smoke-smtp: listening on 127.0.0.1:${port}, writing to ${dir}`);
}

main().catch((error: unknown) => {
  console.error("smoke-smtp: could not start:", error);
  process.exit(1);
});

const stop = () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
