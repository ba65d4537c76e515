import bcrypt from "bcryptjs";
import { getEnv } from "@/lib/env";

/** bcrypt reads only the first 72 bytes; longer passwords are refused rather than cut. */
export const PASSWORD_MAX_BYTES = 72;

let dummyHash: Promise<string> | undefined;

// Compared against when there is no such user (or no password yet), so every path costs one hash.
function getDummyHash() {
  dummyHash ??= bcrypt.hash("no-such-user-dummy-password", getEnv().BCRYPT_COST);
  return dummyHash;
}

export const passwordByteLength = (password: string) => Buffer.byteLength(password, "utf8");

export function hashPassword(password: string): Promise<string> {
  if (passwordByteLength(password) > PASSWORD_MAX_BYTES) throw new RangeError("password longer than 72 bytes");
  return bcrypt.hash(password, getEnv().BCRYPT_COST);
}

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const usable = Boolean(hash) && passwordByteLength(password) <= PASSWORD_MAX_BYTES;
  const matches = await bcrypt.compare(usable ? password : "", usable ? hash! : await getDummyHash());
  return usable && matches;
}
