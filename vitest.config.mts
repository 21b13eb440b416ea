import { defineConfig } from "vitest/config";

// Two projects: `unit` is pure and needs nothing; `anvil` gets a fresh local chain with Aurorune deployed
// (lib/test/anvil-setup.ts), shared by every `*.anvil.test.ts` file of the run. scripts/ holds tests of the
// command-line tools (scripts/receipt.ts is run as a subprocess against that chain).
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["lib/**/*.anvil.test.ts", "scripts/**/*.anvil.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "anvil",
          include: ["lib/**/*.anvil.test.ts", "scripts/**/*.anvil.test.ts"],
          globalSetup: ["lib/test/anvil-setup.ts"],
          // One chain for the whole project: files must not send transactions concurrently.
          fileParallelism: false,
          testTimeout: 15_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
