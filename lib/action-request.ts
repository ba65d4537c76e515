/**
 * Edge-safe. Next.js reads a server action's body before any of our code runs and answers 500 when
 * it cannot parse it (a multipart body cut short or without its boundary, a JavaScript call whose
 * arguments are not JSON). Middleware parses a copy first, so such a request gets a 400 instead.
 */
export async function isUnreadableActionBody(request: Request): Promise<boolean> {
  if (request.method !== "POST") return false;
  const type = request.headers.get("content-type")?.toLowerCase() ?? "";
  try {
    if (type.startsWith("multipart/form-data")) await request.clone().formData();
    else if (request.headers.has("next-action")) JSON.parse(await request.clone().text());
    return false;
  } catch {
    return true;
  }
}

export function unreadableBodyResponse() {
  return new Response("The form could not be read. Please reload the page and try again.", {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
