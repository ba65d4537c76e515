import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

/** @type {import('jest').Config} */
const config = {
  testEnvironment: "node",
  setupFiles: ["<rootDir>/__tests__/setup/env.ts"],
  testMatch: ["<rootDir>/__tests__/**/*.test.ts?(x)"],
  testPathIgnorePatterns: ["<rootDir>/__tests__/e2e/"],
  setupFilesAfterEnv: ["<rootDir>/__tests__/setup/jest-setup.ts"],
  moduleNameMapper: {
    "^server-only$": "<rootDir>/__tests__/setup/empty-module.ts",
    "^@/(.*)$": "<rootDir>/$1",
  },
  testTimeout: 30000,
};

export default createJestConfig(config);
