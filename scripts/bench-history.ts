/**
 * `npm run bench:history`: how the read side holds up as history grows. For the default seed and for the default
 * seed plus 10,000 payments, each on a fresh anvil: deploy, seed, `next start` the production build (built first
 * if missing), then time server responses to the full body:
 *
 * - `/` (the agents list)
 * - the page of the agent with the most payments
 * - the last page of its history table, as a page (`/agents/<rune>?cursor=…`) and as the API
 *   (`/api/runes/<rune>/payments?cursor=…`), the cursor found by following the API's own `next` cursors
 * - its full CSV export (`/api/runes/<rune>/payments?format=csv`)
 *
 * Each URL: its first request in the fresh server (cold: in table order, so `/` pays for reading the logs the
 * others then reuse), one warm-up, then the median of several runs. Prints a table and the ratio between the two
 * sizes. A benchmark print, not a test: nothing fails on a slow figure.
 *
 * Options: `--runs N` (default 5), `--payments N` (the larger size, default 10,000). Ports are picked free, so it
 * runs next to `npm run dev` and the e2e suites.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { type Hex, createPublicClient, http } from "viem";
import { runeRegistryAbi } from "../contracts-abi/generated";
import { deployAurorune, describeDeployFailure } from "./deploy";
import { AnvilStartError, freePort, startAnvil, stopProcess } from "./lib/anvil";
import { ensureContractsBuilt, projectRoot } from "./lib/artifacts";
import { SEED_HISTORY_DAYS, SeedOptionError, parsePaymentsOption, progressPrinter, seedDemo } from "./seed";

const DAY = 86_400n;

/** One timed URL. */
interface Timing {
  label: string;
  url: string;
  coldMs: number;
  medianMs: number;
  bytes: number;
  /** Responses (of all timed ones) that were the app's "can't reach the chain" state rather than the page. */
  errorStates: number;
}

/** What a page renders instead of its content when a chain read failed (components/ChainError.tsx). */
const ERROR_STATE_TEXT = "reach the chain";

/** Everything measured on one chain. */
interface SizeResult {
  extraPayments: number;
  payments: number;
  agentPayments: number;
  lastPage: number;
  seedSeconds: number;
  timings: Timing[];
}

class BenchError extends Error {
  override name = "BenchError";
}

async function main(argv: string[]): Promise<void> {
  let values: { runs?: string; payments?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { runs: { type: "string" }, payments: { type: "string" } }, strict: true }));
  } catch (error) {
    throw new SeedOptionError(error instanceof Error ? error.message : String(error));
  }
  const runs = values.runs === undefined ? 5 : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 100) throw new SeedOptionError(`--runs must be a whole number from 1 to 100 (got "${values.runs}")`);
  const larger = values.payments === undefined ? 10_000 : parsePaymentsOption(values.payments);

  process.env.NEXT_TELEMETRY_DISABLED = "1";
  ensureContractsBuilt();
  ensureNextBuild();
  const results: SizeResult[] = [];
  for (const extraPayments of [0, larger]) results.push(await benchOneSize(extraPayments, runs));
  printTable(results, runs);
}

/** `next build` when there is no production build yet (an existing one is used as it is). */
function ensureNextBuild(): void {
  if (existsSync(path.join(projectRoot, ".next", "BUILD_ID"))) return;
  console.log("no production build: running next build…");
  const result = spawnSync(path.join(projectRoot, "node_modules", ".bin", "next"), ["build"], { cwd: projectRoot, stdio: "inherit" });
  if (result.status !== 0) throw new BenchError("next build failed");
}

async function benchOneSize(extraPayments: number, runs: number): Promise<SizeResult> {
  const label = extraPayments === 0 ? "default seed" : `default seed + ${extraPayments.toLocaleString("en-US")} payments`;
  console.log(`\n== ${label}`);
  const now = BigInt(Math.floor(Date.now() / 1000));
  const scratch = mkdtempSync(path.join(tmpdir(), "aurorune-bench-"));
  const anvil = await startAnvil({ timestamp: now - BigInt(SEED_HISTORY_DAYS + 1) * DAY, accounts: 20 });
  let next: ChildProcess | undefined;
  try {
    const deployment = await deployAurorune({ rpcUrl: anvil.rpcUrl, deploymentsDir: scratch, env: {} });
    const seed = await seedDemo({ rpcUrl: anvil.rpcUrl, deployment, endAt: now, extraPayments, progress: progressPrinter("  ") });
    console.log(`  anvil on port ${anvil.port}: ${seed.payments.toLocaleString("en-US")} payments seeded in ${seed.seconds.toFixed(1)} s`);

    const port = await freePort();
    next = spawn(path.join(projectRoot, "node_modules", ".bin", "next"), ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
      cwd: projectRoot,
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: "1",
        CHAIN_ID: "31337",
        RPC_URL: anvil.rpcUrl,
        DEPLOYMENT_FILE: path.join(scratch, "31337.json"),
      },
    });
    // Wait for the port to accept connections, without an HTTP request that would warm any route.
    await waitForPort(port, next);
    const base = `http://127.0.0.1:${port}`;
    console.log(`  next start on port ${port}`);

    // The agent with the most payments, by the chain's own list of runes and the API's totals.
    const client = createPublicClient({ transport: http(anvil.rpcUrl) });
    const count = await client.readContract({ address: deployment.contracts.runeRegistry, abi: runeRegistryAbi, functionName: "runeCount" });
    const runes: Hex[] = [];
    for (let i = 0n; i < count; i++) {
      runes.push(await client.readContract({ address: deployment.contracts.runeRegistry, abi: runeRegistryAbi, functionName: "runeAt", args: [i] }));
    }

    const timings: Timing[] = [];
    const time = async (what: string, url: string) => {
      timings.push(await timeUrl(what, base, url, runs));
      const last = timings.at(-1)!;
      const errors = last.errorStates > 0 ? `  (${last.errorStates} of ${runs + 2} answers were the chain-error state)` : "";
      console.log(`  ${what.padEnd(22)} cold ${ms(last.coldMs)}  median ${ms(last.medianMs)}  ${kb(last.bytes)}${errors}`);
    };

    await time("/", "/");
    let busiest: { rune: Hex; total: number } | undefined;
    for (const rune of runes) {
      const page = await getJson(`${base}/api/runes/${rune}/payments?limit=1`);
      if (!busiest || page.total > busiest.total) busiest = { rune, total: page.total };
    }
    if (!busiest) throw new BenchError("no agents on the seeded chain");
    await time("agent page", `/agents/${busiest.rune}`);

    // Follow the API's own cursors (the default page size, the history table's) to the last page.
    let cursor: string | null = null;
    let pages = 1;
    for (let page = await getJson(`${base}/api/runes/${busiest.rune}/payments`); page.next !== null; pages++) {
      cursor = page.next;
      page = await getJson(`${base}/api/runes/${busiest.rune}/payments?cursor=${cursor}`);
    }
    const lastQuery = cursor === null ? "" : `?cursor=${cursor}`;
    await time("history, last page", `/agents/${busiest.rune}${lastQuery}`);
    await time("API, last page", `/api/runes/${busiest.rune}/payments${lastQuery}`);
    await time("CSV export (all rows)", `/api/runes/${busiest.rune}/payments?format=csv`);
    return { extraPayments, payments: seed.payments, agentPayments: busiest.total, lastPage: pages, seedSeconds: seed.seconds, timings };
  } finally {
    if (next) await stopProcess(next);
    await anvil.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** First request (cold), one warm-up, then `runs` timed requests; each timed to the last byte of the body. */
async function timeUrl(label: string, base: string, url: string, runs: number): Promise<Timing> {
  let errorStates = 0;
  const once = async () => {
    const started = performance.now();
    const response = await fetch(`${base}${url}`, { headers: { "accept-language": "en-US" } });
    const body = await response.arrayBuffer();
    const elapsed = performance.now() - started;
    const text = new TextDecoder().decode(body);
    if (!response.ok) throw new BenchError(`${url} answered ${response.status}: ${text.slice(0, 200)}`);
    // A page whose read failed still answers 200: count it, its time is not the page's.
    if (response.headers.get("content-type")?.includes("text/html") && text.includes(ERROR_STATE_TEXT)) errorStates++;
    return { elapsed, bytes: body.byteLength };
  };
  const cold = await once();
  await once();
  const samples: number[] = [];
  let bytes = cold.bytes;
  for (let i = 0; i < runs; i++) {
    const sample = await once();
    samples.push(sample.elapsed);
    bytes = sample.bytes;
  }
  samples.sort((a, b) => a - b);
  const mid = Math.floor(samples.length / 2);
  const median = samples.length % 2 === 1 ? samples[mid]! : (samples[mid - 1]! + samples[mid]!) / 2;
  return { label, url, coldMs: cold.elapsed, medianMs: median, bytes, errorStates };
}

async function getJson(url: string): Promise<{ total: number; next: string | null }> {
  const response = await fetch(url);
  if (!response.ok) throw new BenchError(`${url} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  return (await response.json()) as { total: number; next: string | null };
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  const giveUpAt = Date.now() + 60_000;
  while (Date.now() < giveUpAt) {
    if (child.exitCode !== null) throw new BenchError(`next start exited with code ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: "127.0.0.1", port });
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new BenchError(`next start did not listen on port ${port} within 60 s`);
}

const ms = (value: number) => `${value.toFixed(0)} ms`.padStart(8);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`.padStart(9);

function printTable(results: SizeResult[], runs: number): void {
  const [small, large] = results as [SizeResult, SizeResult];
  const head = (r: SizeResult) => `${r.payments.toLocaleString("en-US")} payments`;
  console.log(`\nServer time to the full body (cold = first request in a fresh server; median of ${runs} after one warm-up)\n`);
  console.log(`| ${"request".padEnd(22)} | ${head(small).padStart(32)} | ${head(large).padStart(32)} | median ratio |`);
  console.log(`| ${"-".repeat(22)} | ${"-".repeat(31)}: | ${"-".repeat(31)}: | -----------: |`);
  const cell = (t: Timing) => `${t.errorStates > 0 ? "(!) " : ""}${ms(t.coldMs).trim()} / ${ms(t.medianMs).trim()} / ${kb(t.bytes).trim()}`;
  small.timings.forEach((t, i) => {
    const l = large.timings[i]!;
    console.log(`| ${t.label.padEnd(22)} | ${cell(t).padStart(32)} | ${cell(l).padStart(32)} | ${`${(l.medianMs / t.medianMs).toFixed(1)}×`.padStart(12)} |`);
  });
  console.log(`\ncells: cold / median / body size; (!) = some answers were the chain-error state (see the lines above)`);
  for (const r of results) {
    console.log(
      `${head(r)}: busiest agent ${r.agentPayments.toLocaleString("en-US")} payments, last history page ${r.lastPage}; seeded in ${r.seedSeconds.toFixed(1)} s`,
    );
  }
  console.log(`size ratio: ${(large.payments / small.payments).toFixed(1)}× payments overall, ${(large.agentPayments / small.agentPayments).toFixed(1)}× for the busiest agent`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof SeedOptionError) {
    console.error(`bench:history: ${error.message.split("\n")[0]}`);
    process.exit(2);
  }
  const message = error instanceof BenchError || error instanceof AnvilStartError ? error.message : describeDeployFailure(error);
  console.error(`bench:history: ${message}`);
  process.exit(1);
});
