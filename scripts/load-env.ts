import { loadEnvConfig } from "@next/env";

/** Scripts read .env files the way Next.js does, so the CLI and the server agree. */
export function loadProjectEnv(dev = process.env.NODE_ENV !== "production") {
  loadEnvConfig(process.cwd(), dev, { info: () => {}, error: console.error });
}
