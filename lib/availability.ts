/**
 * Edge-safe. Pages cannot choose their own status code, so middleware asks /api/health (at most once
 * every few seconds per instance) and, while the database does not answer, serves a short 503 page
 * itself; it asks again on the next interval, so the portal recovers by itself. (No meta refresh:
 * a page that reloads itself is an accessibility failure; the visitor reloads with Try again.)
 */
const RECHECK_MS = 5000;

let known: { available: boolean; checkedAt: number } = { available: true, checkedAt: 0 };
let checking: Promise<void> | null = null;

async function healthSaysUnavailable(origin: string) {
  try {
    const response = await fetch(new URL("/api/health", origin), { cache: "no-store", signal: AbortSignal.timeout(3000) });
    return response.status === 503;
  } catch {
    return false;
  }
}

// Only a definite answer of "unavailable", given twice in a row, turns visitors away: a slow or
// failed check, or one query caught behind a lock for a moment, does not.
async function check(origin: string) {
  const unavailable = (await healthSaysUnavailable(origin)) && (await healthSaysUnavailable(origin));
  known = { available: !unavailable, checkedAt: Date.now() };
}

export async function isAvailable(origin: string): Promise<boolean> {
  if (Date.now() - known.checkedAt > RECHECK_MS) {
    checking ??= check(origin).finally(() => (checking = null));
    // The first request of an interval waits for the answer only while the portal is known to be down.
    if (!known.available) await checking;
  }
  return known.available;
}

export function unavailableResponse() {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Temporarily unavailable · Caliper Client Portal</title>
<style>body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f8fafc;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#0f172a}main{max-width:28rem;margin:1rem;padding:2rem;background:#fff;border:1px solid #e2e8f0;border-radius:.75rem}h1{font-size:1.5rem;margin:0 0 .75rem}p{color:#475569;line-height:1.5}</style></head>
<body><main><h1>The portal is temporarily unavailable</h1><p>We cannot reach our database just now. Nothing you saved is lost. Please try again in a few seconds.</p><p><a href="">Try again</a></p></main></body></html>`;
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": "10", "Cache-Control": "no-store" } });
}
