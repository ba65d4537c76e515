/**
 * npm run admin -- invite <email> --name "<name>" [--admin]
 * npm run admin -- unlock <email>
 * npm run admin -- list
 * npm run admin -- prune     (expired links, stale failure counts, old rate-limit windows)
 * The same domain functions as /admin, for a first admin on a fresh deployment.
 */
import { parseArgs } from "node:util";
import { loadProjectEnv } from "./load-env";

const usage = `Usage:
  npm run admin -- invite <email> --name "<name>" [--admin]
  npm run admin -- unlock <email>
  npm run admin -- list
  npm run admin -- prune`;

async function main(argv: string[]): Promise<number> {
  loadProjectEnv();
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: "string" }, admin: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } },
  });
  const [command, email] = positionals;
  if (values.help || !command) {
    console.log(usage);
    return command ? 0 : 1;
  }

  const { getEnv } = await import("@/lib/env");
  getEnv();
  const admin = await import("@/lib/auth/admin");
  const { activateClientSchema, emailField } = await import("@/lib/validation");

  switch (command) {
    case "invite": {
      const parsed = activateClientSchema.safeParse({ email, name: values.name });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) console.error(`${issue.path.join(".") === "name" ? "--name" : "email"}: ${issue.message}`);
        return 1;
      }
      const result = await admin.activateClient({ ...parsed.data, role: values.admin ? "ADMIN" : "CLIENT" }, "command-line");
      if (!result.ok) {
        console.error(`A user with the email ${parsed.data.email} already exists.`);
        return 1;
      }
      console.log(`Activated ${parsed.data.name} <${parsed.data.email}>${values.admin ? " as an admin" : ""}.`);
      if (!result.emailSent) {
        console.error("The welcome email could not be sent (see the error above). Fix the mail settings, then resend it from /admin.");
        return 2;
      }
      console.log("A welcome email with a link to set the password has been sent.");
      return 0;
    }
    case "unlock": {
      const parsed = emailField.safeParse(email);
      const userId = parsed.success ? await admin.findUserIdByEmail(parsed.data, "command-line") : null;
      if (!userId) {
        console.error(parsed.success ? `No user has the email ${parsed.data}.` : `email: ${parsed.error.issues[0]?.message}`);
        return 1;
      }
      await admin.unlockClient(userId, "command-line");
      console.log(`Unlocked ${parsed.data}. Its failure count is cleared and its other sessions have ended.`);
      return 0;
    }
    case "list": {
      const clients = await admin.listClients("command-line");
      const rows = clients.map((c) => [c.email, c.name ?? "", c.role.toLowerCase(), c.status, c.lastSignInAt?.toISOString() ?? "never"]);
      const header = ["email", "name", "role", "status", "last sign-in"];
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
      for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join("  "));
      return 0;
    }
    case "prune": {
      const { pruneExpiredData } = await import("@/lib/auth/prune");
      const pruned = await pruneExpiredData();
      console.log(`Removed ${pruned.tokens} links, ${pruned.attempts} stale failure counts, ${pruned.rateLimits} rate-limit windows, ${pruned.outbox} outbox messages, ${pruned.events} old events.`);
      return 0;
    }
    default:
      console.error(`Unknown command "${command}".\n${usage}`);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
