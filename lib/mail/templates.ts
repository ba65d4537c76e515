export type MailContent = { subject: string; text: string; html: string };

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);

const hoursText = (hours: number) => (hours % 24 === 0 ? `${hours / 24 === 1 ? "24 hours" : `${hours / 24} days`}` : `${hours} hours`);

type Layout = { greeting: string; paragraphs: string[]; button: { label: string; url: string }; after: string[] };

/** One HTML layout and its plain-text twin, so every message reads the same in any mail client. */
function compose(subject: string, { greeting, paragraphs, button, after }: Layout): MailContent {
  const text = [greeting, "", ...paragraphs.flatMap((p) => [p, ""]), `${button.label}: ${button.url}`, "", ...after.flatMap((p) => [p, ""]), "— Caliper Client Portal"].join("\n");
  const p = (content: string) => `<p style="margin:0 0 16px;font-size:15px;line-height:1.5;color:#1e293b">${escapeHtml(content)}</p>`;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f8fafc;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
<table role="presentation" width="560" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border:1px solid #e2e8f0;border-radius:12px">
<tr><td style="padding:28px 32px">
<p style="margin:0 0 24px;font-size:16px;font-weight:600;color:#184c9c">Caliper Client Portal</p>
${p(greeting)}
${paragraphs.map(p).join("\n")}
<p style="margin:24px 0"><a href="${escapeHtml(button.url)}" style="display:inline-block;background:#184c9c;color:#ffffff;text-decoration:none;font-weight:600;padding:12px 20px;border-radius:6px">${escapeHtml(button.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;line-height:1.5;color:#475569">If the button does not work, copy this link into your browser:<br><a href="${escapeHtml(button.url)}" style="color:#184c9c;word-break:break-all">${escapeHtml(button.url)}</a></p>
${after.map(p).join("\n")}
</td></tr></table>
</td></tr></table>
</body></html>`;
  return { subject, text, html };
}

const hello = (name: string | null) => (name ? `Hello ${name},` : "Hello,");

export function resetPasswordEmail({ name, url, ttlHours }: { name: string | null; url: string; ttlHours: number }): MailContent {
  return compose("Reset password instructions", {
    greeting: hello(name),
    paragraphs: ["Someone asked to reset the password of your Caliper Client Portal account. Click Reset Password to choose a new one."],
    button: { label: "Reset Password", url },
    after: [
      `For your security this link expires in ${hoursText(ttlHours)}, or as soon as your password has been changed, whichever comes first.`,
      "If you did not ask for this, you can ignore this email: your password stays as it is.",
    ],
  });
}

export function welcomeEmail({ name, url, ttlHours }: { name: string | null; url: string; ttlHours: number }): MailContent {
  return compose("Welcome to the Caliper Client Portal", {
    greeting: hello(name),
    paragraphs: ["You have been activated for the Caliper Client Portal. To begin, click Reset Password and choose your password."],
    button: { label: "Reset Password", url },
    after: [`This link expires in ${hoursText(ttlHours)}. If it has expired, use "Forgot your password?" on the Log in page to get a new one.`],
  });
}

export function accountLockedEmail({ name, url, ttlHours, attempts }: { name: string | null; url: string; ttlHours: number; attempts: number }): MailContent {
  return compose("Your account has been locked", {
    greeting: hello(name),
    paragraphs: [
      `Your Caliper Client Portal account has been locked after ${attempts} failed log-in attempts in a row.`,
      "To unlock it, click Reset Password and choose a new password.",
    ],
    button: { label: "Reset Password", url },
    after: [
      `This link expires in ${hoursText(ttlHours)}.`,
      "If these attempts were not yours, someone may know your email address; choosing a new, unique password keeps your account safe.",
    ],
  });
}
