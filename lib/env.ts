import { z } from "zod";

const DEFAULT_DATABASE_URL = "file:./data/portal.db";

const blankAsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUnset, schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess(blankAsUnset, schema.default(fallback as never));
const wholeNumber = (min: number, max: number) =>
  z.coerce.number({ error: `a whole number from ${min} to ${max}` }).int(`a whole number from ${min} to ${max}`)
    .min(min, `a whole number from ${min} to ${max}`).max(max, `a whole number from ${min} to ${max}`);
const httpUrl = z.url({ protocol: /^https?$/, error: "an http(s) URL such as https://portal.example.com" });

export const SOCIAL_PROVIDERS = [
  { id: "facebook", label: "Facebook", prefix: "AUTH_FACEBOOK" },
  { id: "google", label: "Google", prefix: "AUTH_GOOGLE" },
  { id: "linkedin", label: "LinkedIn", prefix: "AUTH_LINKEDIN" },
  { id: "microsoft-entra-id", label: "Office365", prefix: "AUTH_MICROSOFT_ENTRA_ID" },
] as const;

const schema = z
  .object({
    NODE_ENV: withDefault(z.enum(["development", "production", "test"]), "development"),
    DATABASE_URL: withDefault(
      z.string().regex(/^(file:|libsql:\/\/|https?:\/\/|wss?:\/\/)/, "a file: path or a libsql:// URL"),
      DEFAULT_DATABASE_URL,
    ),
    DATABASE_AUTH_TOKEN: optional(z.string()),
    AUTH_SECRET: optional(z.string().min(32, "a random string of at least 32 characters")),
    AUTH_URL: optional(httpUrl),
    EMAIL_SERVER: optional(z.string().regex(/^smtps?:\/\/[^\s]+$/, "an SMTP URL such as smtp://user:pass@host:587")),
    EMAIL_FROM: withDefault(z.string().min(3, "a sender such as Portal <no-reply@example.com>"), "Caliper Client Portal <no-reply@localhost>"),
    AUTH_GOOGLE_ID: optional(z.string()),
    AUTH_GOOGLE_SECRET: optional(z.string()),
    AUTH_GOOGLE_ISSUER: optional(httpUrl),
    AUTH_FACEBOOK_ID: optional(z.string()),
    AUTH_FACEBOOK_SECRET: optional(z.string()),
    AUTH_FACEBOOK_AUTHORIZATION_URL: optional(httpUrl),
    AUTH_FACEBOOK_TOKEN_URL: optional(httpUrl),
    AUTH_FACEBOOK_USERINFO_URL: optional(httpUrl),
    AUTH_LINKEDIN_ID: optional(z.string()),
    AUTH_LINKEDIN_SECRET: optional(z.string()),
    AUTH_LINKEDIN_ISSUER: optional(httpUrl),
    AUTH_MICROSOFT_ENTRA_ID_ID: optional(z.string()),
    AUTH_MICROSOFT_ENTRA_ID_SECRET: optional(z.string()),
    AUTH_MICROSOFT_ENTRA_ID_ISSUER: optional(
      z.url({ error: "the full issuer URL https://login.microsoftonline.com/<tenant>/v2.0" }),
    ),
    BCRYPT_COST: withDefault(wholeNumber(4, 15), 12),
    LOCKOUT_MAX_ATTEMPTS: withDefault(wholeNumber(1, 100), 3),
    RESET_TOKEN_TTL_HOURS: withDefault(wholeNumber(1, 720), 24),
    WELCOME_TOKEN_TTL_HOURS: withDefault(wholeNumber(1, 2160), 168),
    RATE_LIMIT_LOGIN_PER_MINUTE: withDefault(wholeNumber(1, 10000), 10),
    RATE_LIMIT_EMAILS_PER_HOUR: withDefault(wholeNumber(1, 10000), 5),
    PORT: withDefault(wholeNumber(1, 65535), 3000),
    CRON_SECRET: optional(z.string().min(16, "a random string of at least 16 characters")),
  });

type Source = Record<string, string | undefined>;

/** Rules across variables, checked on the raw values so that they are reported beside malformed ones. */
function findMissing(source: Source): string[] {
  const isSet = (name: string) => blankAsUnset(source[name]) !== undefined;
  const missing: string[] = [];
  if ((source.NODE_ENV ?? "development") === "production") {
    if (!isSet("AUTH_SECRET")) missing.push("AUTH_SECRET is required in production: a random string of at least 32 characters (openssl rand -base64 32)");
    if (!isSet("AUTH_URL")) missing.push("AUTH_URL is required in production: the public URL of the portal, such as https://portal.example.com");
    if (!isSet("EMAIL_SERVER")) missing.push("EMAIL_SERVER is required in production: an SMTP URL such as smtp://user:pass@host:587");
  }
  for (const { prefix } of SOCIAL_PROVIDERS) {
    if (isSet(`${prefix}_ID`) && !isSet(`${prefix}_SECRET`)) missing.push(`${prefix}_SECRET is required when ${prefix}_ID is set`);
    if (isSet(`${prefix}_SECRET`) && !isSet(`${prefix}_ID`)) missing.push(`${prefix}_ID is required when ${prefix}_SECRET is set`);
  }
  if (isSet("AUTH_MICROSOFT_ENTRA_ID_ID") && !isSet("AUTH_MICROSOFT_ENTRA_ID_ISSUER")) {
    missing.push("AUTH_MICROSOFT_ENTRA_ID_ISSUER is required when AUTH_MICROSOFT_ENTRA_ID_ID is set: https://login.microsoftonline.com/<tenant>/v2.0");
  }
  return missing;
}

export type Env = z.output<typeof schema>;

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigurationError";
  }
}

export function parseEnv(source: Source): Env {
  const result = schema.safeParse(source);
  const problems = [
    ...(result.error?.issues.map(({ path, message }) => `${path.join(".")} must be ${message}`) ?? []),
    ...findMissing(source),
  ];
  if (problems.length > 0 || !result.success) throw new ConfigurationError(problems);
  return result.data;
}

let cached: Env | undefined;

/** The validated configuration, read once from process.env. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function resetEnvCache() {
  cached = undefined;
}

export const isProduction = () => getEnv().NODE_ENV === "production";
