#!/usr/bin/env node
// `npm test`: runs every suite even when one fails, then prints one line of its own: "N passed, N failed".
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const scratch = mkdtempSync(path.join(tmpdir(), "aurorune-test-"));
const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.FORCE_COLOR ?? "1" };

/** Runs a command, echoing its output, and resolves with its exit code and captured text. */
function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...baseEnv, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const echo = (stream) => (chunk) => {
      output += chunk.toString();
      stream.write(chunk);
    };
    child.stdout.on("data", echo(process.stdout));
    child.stderr.on("data", echo(process.stderr));
    child.on("error", (error) => resolve({ code: 1, output: `${output}\n${error.message}` }));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

const stripAnsi = (text) => text.replace(/\u001b\[[0-9;]*m/g, "");

/** A suite that reports nothing countable counts as one result: its exit code. */
function byExitCode(code) {
  return code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

/** One Playwright pass, counted from its JSON report (test-results/<report>, written by playwright.config.ts). */
async function playwrightPass(reportName, env) {
  const report = path.join("test-results", reportName);
  rmSync(report, { force: true });
  const { code } = await run("npx", ["playwright", "test"], env);
  if (!existsSync(report)) return byExitCode(1);
  const { stats } = JSON.parse(readFileSync(report, "utf8"));
  const failed = stats.unexpected + stats.flaky + (code !== 0 && stats.unexpected === 0 ? 1 : 0);
  return { passed: stats.expected, failed };
}

const suites = [
  {
    name: "contracts (forge, ci profile)",
    async run() {
      const { code, output } = await run("npx", ["forge", "test"], { FOUNDRY_PROFILE: "ci" });
      const summary = stripAnsi(output).match(/(\d+) tests passed, (\d+) failed/g)?.pop();
      if (!summary) return byExitCode(1);
      const [, passed, failed] = summary.match(/(\d+) tests passed, (\d+) failed/).map(Number);
      return { passed, failed: code !== 0 && failed === 0 ? 1 : failed };
    },
  },
  {
    // Hot-path gas against the committed .gas-snapshot: any line more than 2% off fails (re-record an intended
    // change with `npm run gas`). forge's own check, so the figures are the ones `npm run gas` prints. The npm
    // wrapper of forge 1.7.1 exits 0 whatever forge reports, so the verdict is read from the output: forge prints
    // a `Diff in "<test>"` line for each figure beyond the tolerance.
    name: "gas guard (forge snapshot --check, 2% tolerance)",
    async run() {
      const { output } = await run("npx", ["forge", "snapshot", "--match-contract", "GasBenchmark", "--check", "--tolerance", "2"]);
      const text = stripAnsi(output);
      const beyond = text.match(/^Diff in "[^"]+"/gm) ?? [];
      const summary = text.match(/(\d+) tests passed, (\d+) failed/);
      const healthy = summary !== null && Number(summary[1]) > 0 && summary[2] === "0";
      if (beyond.length > 0) console.log(`gas guard: ${beyond.length} figure(s) more than 2% off .gas-snapshot`);
      return byExitCode(healthy && beyond.length === 0 ? 0 : 1);
    },
  },
  {
    name: "typecheck (tsc)",
    async run() {
      return byExitCode((await run("npx", ["tsc", "--noEmit"])).code);
    },
  },
  {
    name: "unit (vitest)",
    async run() {
      const report = path.join(scratch, "vitest.json");
      const { code } = await run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${report}`]);
      if (!existsSync(report)) return byExitCode(1);
      const result = JSON.parse(readFileSync(report, "utf8"));
      const failed = result.numFailedTests + (code !== 0 && result.numFailedTests === 0 ? 1 : 0);
      return { passed: result.numPassedTests, failed };
    },
  },
  {
    name: "build (next build)",
    async run() {
      return byExitCode((await run("npx", ["next", "build"])).code);
    },
  },
  {
    name: "e2e (playwright, production build on a fresh seeded chain)",
    run: () => playwrightPass("e2e-report.json", { E2E_HISTORY_SOURCE: "rpc" }),
  },
  {
    // The specs that read payment history again, on the same build, with the app reading it from the Ponder
    // indexer, plus the indexer's fallback spec (playwright.config.ts).
    name: "e2e, history from the indexer (playwright, same build)",
    run: () => playwrightPass("e2e-indexer-report.json", { E2E_HISTORY_SOURCE: "indexer" }),
  },
];

let passed = 0;
let failed = 0;
for (const suite of suites) {
  console.log(`\n=== ${suite.name} ===`);
  const started = Date.now();
  const result = await suite.run();
  passed += result.passed;
  failed += result.failed;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`=== ${suite.name}: ${result.passed} passed, ${result.failed} failed (${seconds} s) ===`);
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
