import { getEnv } from "@/lib/env";

const baseUrl = () => getEnv().AUTH_URL ?? `http://localhost:${getEnv().PORT}`;

/** Links in emails always point at the public URL, never at whatever host a request claimed. */
export const resetPasswordUrl = (token: string) => `${baseUrl()}/reset-password?token=${encodeURIComponent(token)}`;
