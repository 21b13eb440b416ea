import { existsSync } from "node:fs";
import { type PlaywrightTestConfig, defineConfig } from "@playwright/test";
import {
  E2E_ALT_APP_PORT,
  E2E_ALT_CHAIN_NAME,
  E2E_ALT_RPC_SECRET,
  E2E_APP_PORT,
  E2E_DEPLOYMENT_DIR,
  E2E_HISTORY_SOURCE,
  E2E_INDEXER_URL,
  E2E_RPC_URL,
  E2E_SERVER_RPC_PATH,
} from "./e2e/support/ports";

// Debian's chromium where present (Playwright cannot download browsers offline); elsewhere Playwright's own.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

/**
 * Two passes over one build. The normal pass (default) runs every spec with the app reading history straight from
 * the chain. The indexer pass (`E2E_HISTORY_SOURCE=indexer`, run after it by `npm test`) runs the specs that
 * read payment history and totals again, with the app reading them from the Ponder indexer (INDEXER_URL), plus
 * e2e/history-fallback.spec.ts (the indexer stopped or backfilling). Its ports are shifted (e2e/support/ports.ts).
 */
const indexerPass = E2E_HISTORY_SOURCE === "indexer";
/** Specs that are history through and through: every test of them runs in the indexer pass too. */
const HISTORY_SPECS = ["agent-history.spec.ts", "payments-api.spec.ts", "usd-totals.spec.ts"];
/** Specs with some history tests, tagged `@history`: only those run in the indexer pass. */
const TAGGED_SPECS = ["agents.spec.ts", "developer.spec.ts", "pay.spec.ts"];
/** Only meaningful with an indexer to stop. */
const INDEXER_ONLY_SPECS = ["history-fallback.spec.ts"];

const passOptions: PlaywrightTestConfig = indexerPass
  ? {
      testMatch: [...HISTORY_SPECS, ...TAGGED_SPECS, ...INDEXER_ONLY_SPECS],
      // Matched against "<file> <title> <tags>": whole history files, tagged tests elsewhere.
      grep: [new RegExp(`(${[...HISTORY_SPECS, ...INDEXER_ONLY_SPECS].map((file) => file.replace(/\./g, "\\.")).join("|")})`), /@history\b/],
      outputDir: "test-results/indexer",
      reporter: [["list"], ["json", { outputFile: "test-results/e2e-indexer-report.json" }]],
    }
  : {
      testIgnore: INDEXER_ONLY_SPECS,
      reporter: [["list"], ["json", { outputFile: "test-results/e2e-report.json" }]],
    };

const chainServer = {
  command: "npx tsx e2e/support/chain-server.ts",
  url: `${E2E_RPC_URL}/__health`,
  reuseExistingServer: false,
  stdout: "pipe" as const,
};
const appEnv = {
  NEXT_TELEMETRY_DISABLED: "1",
  CHAIN_ID: "31337",
  DEPLOYMENT_FILE: `${E2E_DEPLOYMENT_DIR}/31337.json`,
};

/** `next start` of the build on a port, with the app configuration plus `env`. */
function appServer(port: number, env: Record<string, string>) {
  return {
    command: `npx next start --port ${port} --hostname 127.0.0.1`,
    url: `http://127.0.0.1:${port}/verify`,
    timeout: 60_000,
    reuseExistingServer: false,
    env: { ...appEnv, ...env },
  };
}

const webServer: PlaywrightTestConfig["webServer"] = indexerPass
  ? [
      {
        ...chainServer,
        // Healthy once the indexer has the seeded chain's head. SIGINT (not Playwright's default SIGKILL), so the
        // chain server stops the indexer as PGlite needs and removes its database.
        timeout: 180_000,
        gracefulShutdown: { signal: "SIGINT", timeout: 30_000 },
      },
      appServer(E2E_APP_PORT, {
        INDEXER_URL: E2E_INDEXER_URL,
        // The server's reads on a path of their own, so the proxy counts them apart from the browser's.
        RPC_URL: `${E2E_RPC_URL}${E2E_SERVER_RPC_PATH}`,
        PUBLIC_RPC_URL: E2E_RPC_URL,
      }),
    ]
  : [
      { ...chainServer, timeout: 120_000 },
      appServer(E2E_APP_PORT, { RPC_URL: E2E_RPC_URL }),
      // The same build, started with another configuration: a different chain name, a server RPC URL that holds
      // an API key (the proxy forwards any path), and the browser's reads through the app's own relay.
      appServer(E2E_ALT_APP_PORT, {
        CHAIN_NAME: E2E_ALT_CHAIN_NAME,
        RPC_URL: `${E2E_RPC_URL}/${E2E_ALT_RPC_SECRET}`,
        PUBLIC_RPC_URL: "/api/rpc",
      }),
    ];

export default defineConfig({
  testDir: "e2e",
  // One chain shared by every spec; each spec reverts it to the seeded snapshot (e2e/support/fixtures.ts).
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  ...passOptions,
  use: {
    baseURL: `http://127.0.0.1:${E2E_APP_PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer,
});
