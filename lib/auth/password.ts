import os from "node:os";
import path from "node:path";
import Piscina from "piscina";
import { getEnv } from "@/lib/env";

/** bcrypt reads only the first 72 bytes; longer passwords are refused rather than cut. */
export const PASSWORD_MAX_BYTES = 72;

// Found from the project root at run time (next dev/start, jest, tsx) and traced into serverless
// output by outputFileTracingIncludes in next.config.mjs.
const WORKER_FILE = path.join(process.cwd(), "lib", "auth", "bcrypt-worker.cjs");

const globalForPool = globalThis as unknown as { bcryptPool?: Piscina };

// bcryptjs is plain JavaScript: on the request thread one hash blocks every other request and
// uses one core. One worker per core hashes in parallel; idle workers do not keep a process alive.
function getPool() {
  const threads = os.availableParallelism();
  globalForPool.bcryptPool ??= new Piscina({ filename: WORKER_FILE, minThreads: threads, maxThreads: threads });
  return globalForPool.bcryptPool;
}

/** Every bcrypt operation goes through here, off the request thread; tests count its calls. */
export const bcryptWorkers = {
  hash: (password: string, cost: number): Promise<string> => getPool().run({ op: "hash", password, cost }),
  compare: (password: string, hash: string): Promise<boolean> => getPool().run({ op: "compare", password, hash }),
};

let dummyHash: Promise<string> | undefined;

// Compared against when there is no such user (or no password yet), so every path costs one hash.
function getDummyHash() {
  dummyHash ??= bcryptWorkers.hash("no-such-user-dummy-password", getEnv().BCRYPT_COST);
  return dummyHash;
}

export const passwordByteLength = (password: string) => Buffer.byteLength(password, "utf8");

export function hashPassword(password: string): Promise<string> {
  if (passwordByteLength(password) > PASSWORD_MAX_BYTES) throw new RangeError("password longer than 72 bytes");
  return bcryptWorkers.hash(password, getEnv().BCRYPT_COST);
}

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const usable = Boolean(hash) && passwordByteLength(password) <= PASSWORD_MAX_BYTES;
  const matches = await bcryptWorkers.compare(usable ? password : "", usable ? hash! : await getDummyHash());
  return usable && matches;
}
