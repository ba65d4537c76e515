export type RequestContext = { ip: string | null; userAgent: string | null };

/** Where a request came from, for the event log. The host in front of us sets x-forwarded-for. */
export function readRequestContext(headers: Headers): RequestContext {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headers.get("x-real-ip")?.trim() || null;
  return { ip: ip?.slice(0, 64) ?? null, userAgent: headers.get("user-agent")?.slice(0, 512) ?? null };
}

export const noRequestContext: RequestContext = { ip: null, userAgent: null };
