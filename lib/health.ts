import { db } from "@/lib/db";

export type Health = { status: "ok" } | { status: "unavailable"; reason: string };

/** Whether the database answers, within a short time. Says nothing an attacker could use. */
export async function checkHealth(timeoutMs = 2000): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1 FROM "User" LIMIT 1`,
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), timeoutMs))),
    ]);
    return { status: "ok" };
  } catch {
    return { status: "unavailable", reason: "database unreachable" };
  } finally {
    clearTimeout(timer);
  }
}
