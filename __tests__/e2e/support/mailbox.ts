import { fixturesPlan } from "./ports";

export type ReceivedMail = { to: string[]; from: string; subject: string; text: string; html: string; receivedAt: string };

/** Everything the fixtures' SMTP server received for this address, oldest first. */
export async function readMailbox(to: string): Promise<ReceivedMail[]> {
  const response = await fetch(`${fixturesPlan().fixturesUrl}/__fixtures/mail?${new URLSearchParams({ to })}`);
  return (await response.json()) as ReceivedMail[];
}

/** Waits for the next message to this address that matches, sent after `since`. */
export async function waitForMail(to: string, { subject, since = new Date(0), timeoutMs = 10_000 }: { subject?: RegExp; since?: Date; timeoutMs?: number } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = (await readMailbox(to)).find((mail) => new Date(mail.receivedAt) >= since && (!subject || subject.test(mail.subject)));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail to ${to}${subject ? ` matching ${subject}` : ""} within ${timeoutMs} ms`);
}
