import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import {
  E2E_ALT_APP_PORT,
  E2E_ALT_CHAIN_NAME,
  E2E_ALT_RPC_SECRET,
  E2E_APP_PORT,
  E2E_DEPLOYMENT_DIR,
  E2E_RPC_URL,
} from "./e2e/support/ports";

// Debian's chromium where present (Playwright cannot download browsers offline); elsewhere Playwright's own.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  // One chain shared by every spec; each spec reverts it to the seeded snapshot (e2e/support/fixtures.ts).
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-report.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_APP_PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: [
    {
      command: "npx tsx e2e/support/chain-server.ts",
      url: `${E2E_RPC_URL}/__health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      command: `npx next start --port ${E2E_APP_PORT} --hostname 127.0.0.1`,
      url: `http://127.0.0.1:${E2E_APP_PORT}/verify`,
      timeout: 60_000,
      reuseExistingServer: false,
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        CHAIN_ID: "31337",
        RPC_URL: E2E_RPC_URL,
        DEPLOYMENT_FILE: `${E2E_DEPLOYMENT_DIR}/31337.json`,
      },
    },
    {
      // The same build, started with another configuration: a different chain name, a server RPC URL that holds
      // an API key (the proxy forwards any path), and the browser's reads through the app's own relay.
      command: `npx next start --port ${E2E_ALT_APP_PORT} --hostname 127.0.0.1`,
      url: `http://127.0.0.1:${E2E_ALT_APP_PORT}/verify`,
      timeout: 60_000,
      reuseExistingServer: false,
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        CHAIN_ID: "31337",
        CHAIN_NAME: E2E_ALT_CHAIN_NAME,
        RPC_URL: `${E2E_RPC_URL}/${E2E_ALT_RPC_SECRET}`,
        PUBLIC_RPC_URL: "/api/rpc",
        DEPLOYMENT_FILE: `${E2E_DEPLOYMENT_DIR}/31337.json`,
      },
    },
  ],
});
