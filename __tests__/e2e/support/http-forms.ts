/**
 * The portal's forms driven over plain HTTP, as a browser without JavaScript drives them: the page's
 * HTML carries React's hidden $ACTION_* fields, and a multipart POST of them to the page's URL runs
 * the server action. Used by the abuse tests and by `npm run bench`.
 */

export const decodeEntities = (text: string) =>
  text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

const attribute = (tag: string, name: string) => {
  const match = new RegExp(`\\s${name.replace(/\$/g, "\\$")}="([^"]*)"`).exec(tag);
  return match ? decodeEntities(match[1]!) : undefined;
};

export type FormField = [name: string, value: string];

/** A page's HTML, which must answer 200 (no redirect followed). */
export async function getHtml(url: string, cookie?: string | null) {
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return response.text();
}

export type HtmlForm = { hidden: FormField[]; names: string[] };

/** Every form of a page: its hidden fields and the names of all its fields and buttons. */
export function readForms(html: string): HtmlForm[] {
  return (html.match(/<form[\s\S]*?<\/form>/g) ?? []).map((form) => {
    const hidden: FormField[] = [];
    const names: string[] = [];
    for (const tag of form.match(/<(?:input|button|textarea|select)[^>]*>/g) ?? []) {
      const name = attribute(tag, "name");
      if (!name) continue;
      names.push(name);
      if (attribute(tag, "type") === "hidden") hidden.push([name, attribute(tag, "value") ?? ""]);
    }
    return { hidden, names };
  });
}

/**
 * The hidden fields (React's $ACTION_* fields, callbackUrl, ids) of the page's first form that has a
 * field of this name, none if there is no such form. By default the password form: on /login the
 * social sign-on buttons, forms of their own, come before it.
 */
export function readHiddenFields(html: string, withField = "password"): FormField[] {
  return readForms(html).find(({ names }) => names.includes(withField))?.hidden ?? [];
}

/** A part of a multipart body: a field, or with a filename an uploaded file. */
export type MultipartField = [name: string, value: string | Buffer, filename?: string];

/** A multipart/form-data body; values may be raw bytes or files, to send what no browser would. */
export function multipartBody(fields: MultipartField[]) {
  const boundary = `----caliperform${Math.random().toString(16).slice(2)}`;
  const header = (name: string, filename?: string) =>
    filename === undefined
      ? `Content-Disposition: form-data; name="${name}"\r\n\r\n`
      : `Content-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const parts = fields.flatMap(([name, value, filename]) => [Buffer.from(`--${boundary}\r\n${header(name, filename)}`), Buffer.from(value), Buffer.from("\r\n")]);
  return { body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The multipart body a browser without JavaScript sends for the log-in form. */
export function loginBody(hidden: FormField[], email: string, password: string) {
  const { body, contentType } = multipartBody([...hidden, ["email", email], ["password", password]]);
  return { body: body.toString("utf8"), contentType };
}

export type PostOptions = { cookie?: string | null; contentType?: string; headers?: Record<string, string> };

/** POSTs a body to a page as its form would (same origin, HTML accepted), without following redirects. */
export function postToPage(url: string, body: string | Buffer, { cookie, contentType, headers = {} }: PostOptions = {}) {
  return fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: { origin: new URL(url).origin, accept: "text/html", ...(contentType && { "content-type": contentType }), ...(cookie && { cookie }), ...headers },
    body: typeof body === "string" ? body : new Uint8Array(body),
  });
}

/** The session cookie a response sets, as a Cookie header value. */
export const sessionCookieOf = (response: Response) =>
  response.headers.getSetCookie().find((cookie) => cookie.startsWith("authjs.session-token="))?.split(";")[0] ?? null;

export type LoginOutcome = { ok: boolean; ms: number; pageMs: number; cookie: string | null; status: number };

/** GET /login, then the form POST, as a browser does; ok when it answers 303 with a session cookie. */
export async function logInOverHttp(base: string, email: string, password: string): Promise<LoginOutcome> {
  const started = performance.now();
  const page = await fetch(`${base}/login`);
  const hidden = readHiddenFields(await page.text());
  const pageMs = performance.now() - started;
  const { body, contentType } = loginBody(hidden, email, password);
  const response = await postToPage(`${base}/login`, body, { contentType });
  await response.arrayBuffer();
  const ms = performance.now() - started;
  const cookie = sessionCookieOf(response);
  return { ok: response.status === 303 && cookie !== null, ms, pageMs, cookie, status: response.status };
}
