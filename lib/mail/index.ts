import nodemailer, { type Transporter } from "nodemailer";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { MailContent } from "@/lib/mail/templates";

export type MailResult = { sent: true } | { sent: false; reason: string };

let transport: { url: string; transporter: Transporter } | undefined;

function getTransporter(url: string) {
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  return transport.transporter;
}

/**
 * Sends over SMTP when EMAIL_SERVER is set; in development without it, keeps the message in the
 * outbox shown at /dev/mail. Never throws: a failed send is logged (without its links) and reported.
 */
export async function sendMail(to: string, content: MailContent): Promise<MailResult> {
  const { EMAIL_SERVER, EMAIL_FROM, NODE_ENV } = getEnv();
  try {
    if (EMAIL_SERVER) {
      await getTransporter(EMAIL_SERVER).sendMail({ from: EMAIL_FROM, to, ...content });
    } else if (NODE_ENV !== "production") {
      await db.outboxMessage.create({ data: { to, ...content } });
      const links = content.text.match(/https?:\/\/\S+/g) ?? [];
      console.log(`[mail] to ${to}: ${content.subject}${links.map((link) => `\n  ${link}`).join("")}`);
    } else {
      throw new Error("EMAIL_SERVER is not configured");
    }
    return { sent: true };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(JSON.stringify({ event: "EMAIL_FAILED", to, subject: content.subject, reason }));
    return { sent: false, reason };
  }
}

export async function listOutbox(limit = 50) {
  return db.outboxMessage.findMany({ orderBy: { createdAt: "desc" }, take: limit });
}
