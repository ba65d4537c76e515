import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// Each test file gets its own SQLite file; it is migrated by useTestDatabase().
const dir = path.join(os.tmpdir(), "caliper-portal-tests");
mkdirSync(dir, { recursive: true });
process.env.DATABASE_URL = `file:${path.join(dir, `${randomUUID()}.db`)}`;
process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-0123456789";
process.env.AUTH_URL = "http://localhost:3999";
process.env.BCRYPT_COST = "4";
// Generous limits by default; the rate-limit tests set their own.
process.env.RATE_LIMIT_LOGIN_PER_MINUTE = "1000";
process.env.RATE_LIMIT_EMAILS_PER_HOUR = "1000";
delete process.env.EMAIL_SERVER;
