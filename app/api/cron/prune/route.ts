import { timingSafeEqual } from "node:crypto";
import { pruneExpiredData } from "@/lib/auth/prune";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

const matches = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** For hosts with scheduled jobs (Vercel Cron sends "Authorization: Bearer $CRON_SECRET"). */
export async function GET(request: Request) {
  const secret = getEnv().CRON_SECRET;
  const given = request.headers.get("authorization") ?? "";
  if (!secret || !matches(given, `Bearer ${secret}`)) return Response.json({ error: "unauthorized" }, { status: 401 });
  return Response.json({ pruned: await pruneExpiredData() });
}
