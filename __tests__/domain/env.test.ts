import { ConfigurationError, parseEnv } from "@/lib/env";

const production = {
  NODE_ENV: "production",
  AUTH_SECRET: "s".repeat(40),
  AUTH_URL: "https://portal.example.com",
  EMAIL_SERVER: "smtp://user:pass@smtp.example.com:587",
};

const problemsOf = (source: Record<string, string | undefined>) => {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).problems;
  }
};

describe("configuration", () => {
  it("applies the contract's defaults in development", () => {
    expect(parseEnv({})).toMatchObject({
      DATABASE_URL: "file:./data/portal.db",
      EMAIL_FROM: "Caliper Client Portal <no-reply@localhost>",
      BCRYPT_COST: 12,
      LOCKOUT_MAX_ATTEMPTS: 3,
      RESET_TOKEN_TTL_HOURS: 24,
      WELCOME_TOKEN_TTL_HOURS: 168,
      RATE_LIMIT_LOGIN_PER_MINUTE: 10,
      RATE_LIMIT_EMAILS_PER_HOUR: 5,
      PORT: 3000,
    });
  });

  it("treats blank values as unset", () => {
    expect(parseEnv({ BCRYPT_COST: "", AUTH_SECRET: "  " })).toMatchObject({ BCRYPT_COST: 12, AUTH_SECRET: undefined });
  });

  it("accepts a complete production configuration", () => {
    expect(parseEnv(production).AUTH_URL).toBe("https://portal.example.com");
  });

  it("names every missing production variable in one message", () => {
    const problems = problemsOf({ NODE_ENV: "production" });
    expect(problems.join("\n")).toMatch(/AUTH_SECRET is required/);
    expect(problems.join("\n")).toMatch(/AUTH_URL is required/);
    expect(problems.join("\n")).toMatch(/EMAIL_SERVER is required/);
  });

  it("names malformed and missing variables together", () => {
    const problems = problemsOf({ ...production, AUTH_SECRET: undefined, BCRYPT_COST: "twelve", DATABASE_URL: "postgres://x" });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^BCRYPT_COST must be a whole number from 4 to 15/),
        expect.stringMatching(/^DATABASE_URL must be a file: path or a libsql:\/\/ URL/),
        expect.stringMatching(/^AUTH_SECRET is required in production/),
      ]),
    );
  });

  it("refuses a provider id without its secret", () => {
    expect(problemsOf({ AUTH_GOOGLE_ID: "id" })).toEqual(["AUTH_GOOGLE_SECRET is required when AUTH_GOOGLE_ID is set"]);
  });
});
