import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

/**
 * End-to-end tests: a real browser against `next start` of the production build, with identity
 * providers and SMTP on loopback (see __tests__/e2e/support/). `npm run test:e2e`.
 */
/** @type {import('jest').Config} */
const config = {
  testEnvironment: "node",
  testMatch: ["<rootDir>/__tests__/e2e/**/*.e2e.ts"],
  globalSetup: "<rootDir>/__tests__/e2e/support/global-setup.ts",
  globalTeardown: "<rootDir>/__tests__/e2e/support/global-teardown.ts",
  moduleNameMapper: {
    "^server-only$": "<rootDir>/__tests__/setup/empty-module.ts",
    "^@/(.*)$": "<rootDir>/$1",
  },
  // Each worker runs its own portal and browser; two keep a small CI machine responsive.
  maxWorkers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  testTimeout: 60_000,
  slowTestThreshold: 20,
  verbose: true,
};

export default createJestConfig(config);
