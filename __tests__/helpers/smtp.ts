import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";

export type Inbox = {
  url: string;
  messages: ParsedMail[];
  /** Resolves with the next message to `to` (or one already received and not yet taken). */
  waitFor(to: string, timeoutMs?: number): Promise<ParsedMail>;
  to(address: string): ParsedMail[];
  clear(): void;
  close(): Promise<void>;
};

export const recipients = (mail: ParsedMail) =>
  [mail.to].flat().flatMap((group) => group?.value ?? []).map((address) => address.address?.toLowerCase() ?? "");

export type InboxOptions = {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Runs for each message before the server answers "250 OK" to its sender. */
  onMessage?: (mail: ParsedMail) => Promise<void>;
};

/** A real SMTP server on loopback that keeps what it receives, parsed. */
export async function startInbox({ port: requestedPort = 0, onMessage }: InboxOptions = {}): Promise<Inbox> {
  const messages: ParsedMail[] = [];
  const taken = new Set<ParsedMail>();
  const waiters: Array<{ to: string; resolve: (mail: ParsedMail) => void }> = [];

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          await onMessage?.(mail);
          messages.push(mail);
          const waiter = waiters.find((w) => recipients(mail).includes(w.to));
          if (waiter) {
            waiters.splice(waiters.indexOf(waiter), 1);
            taken.add(mail);
            waiter.resolve(mail);
          }
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(requestedPort, "127.0.0.1", resolve);
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to: (address) => messages.filter((mail) => recipients(mail).includes(address.toLowerCase())),
    waitFor(to, timeoutMs = 5000) {
      const address = to.toLowerCase();
      const ready = messages.find((mail) => !taken.has(mail) && recipients(mail).includes(address));
      if (ready) {
        taken.add(ready);
        return Promise.resolve(ready);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no mail to ${to} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ to: address, resolve: (mail) => (clearTimeout(timer), resolve(mail)) });
      });
    },
    clear() {
      messages.length = 0;
      taken.clear();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The reset link's token, as a person would click it in the email's text. */
export function linkToken(mail: ParsedMail): string {
  const match = mail.text?.match(/\/reset-password\?token=([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no reset link in "${mail.subject}"`);
  return decodeURIComponent(match[1]!);
}
