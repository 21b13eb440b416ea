/**
 * `npm run bench:history`: how the two read sides hold up as history grows, the direct RPC reads and the history
 * indexer, side by side. For each size (default: the default seed, + 10,000 and + 100,000 payments), on one fresh
 * anvil: deploy, seed, then
 *
 * 1. the indexer (scripts/indexer, PGlite in a temporary directory): its backfill time (start → its /status
 *    block is the chain's head) and the events it indexed per second (the chain's logs of the events it handles);
 * 2. `next start` of the production build (built first if missing or older than a source file) with INDEXER_URL,
 *    then without it (the RPC reads), one after the other on the same chain, each timed to the full body on:
 *    - `/` (the agents list)
 *    - the page of the agent with the most payments (its history table's first page), and that page as the API
 *    - the last page of its history table, as a page (`/agents/<rune>?cursor=…`) and as the API
 *      (`/api/runes/<rune>/payments?cursor=…`), the cursor the one the table's own "next" links lead to
 *    - its full CSV export (`/api/runes/<rune>/payments?format=csv`)
 *
 * Each URL: its first request in the fresh server (cold: in table order, so `/` pays for reading what the others
 * then reuse), one warm-up, then the median of several runs. Each app reaches the chain through a relay that
 * counts its JSON-RPC calls: the indexer's app must read no logs (and show no "catching up" notice), or it did not
 * answer from the indexer. Prints a table per size, both implementations side by side, with the goals (a 50-row
 * page under 300 ms and `/` flat with the indexer), and the ratios between sizes. A benchmark print, not a test:
 * nothing fails on a slow figure. The run exits 1 when the indexer's app did not read from the indexer, or when the
 * two implementations' API or CSV answers differ (they must be byte for byte the same).
 *
 * Options: `--sizes 0,10000,100000` (extra payments per size, ascending), `--runs N` (default 5). Ports are
 * picked free, so it runs next to `npm run dev` and the e2e suites. Seeding 100,000 payments takes a few minutes.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { connect } from "node:net";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { type Abi, type AbiEvent, type Hex, createPublicClient, getAbiItem, http, toEventSelector } from "viem";
import { revenueDistributorAbi, runeRegistryAbi } from "../contracts-abi/generated";
import { DEFAULT_PAGE_SIZE } from "../lib/data/history-source";
import { IndexerClient, IndexerUnavailableError } from "../lib/data/indexer/indexer-client";
import { type AuroruneDeployment, deployAurorune, describeDeployFailure } from "./deploy";
import { AnvilStartError, freePort, startAnvil, stopProcess } from "./lib/anvil";
import { ensureContractsBuilt, projectRoot } from "./lib/artifacts";
import { INDEXER_ROOT, IndexerStartError, type RunningIndexer, startIndexer } from "./lib/indexer";
import { type RpcCountingProxy, startRpcCountingProxy } from "./lib/rpc-counting-proxy";
import { SEED_HISTORY_DAYS, SeedOptionError, parsePaymentsOption, progressPrinter, seedDemo } from "./seed";

const DAY = 86_400n;
/** The goal for one page of the history table (50 rows) with the indexer. */
const PAGE_GOAL_MS = 300;
/** `/` counts as flat while its median at the largest size stays within this factor of the smallest's. */
const FLAT_FACTOR = 1.5;
/** Longest wait for the indexer to reach the chain's head. */
const BACKFILL_TIMEOUT_MS = 60 * 60_000;

/** What a page renders instead of its content when a chain read failed (components/ChainError.tsx). */
const ERROR_STATE_TEXT = "reach the chain";
/** What a page says when history came from the chain although an indexer is configured (HistoryFreshnessNotice). */
const CATCHING_UP_TEXT = "History is catching up";

type Implementation = "rpc" | "indexer";
const IMPLEMENTATIONS: readonly Implementation[] = ["rpc", "indexer"];
const IMPLEMENTATION_NAME: Record<Implementation, string> = { rpc: "RPC", indexer: "indexer" };

/** One timed URL. */
interface Timing {
  label: string;
  url: string;
  /** Whether the answer is one page of the history table (50 rows): the page goal applies. */
  tablePage: boolean;
  coldMs: number;
  medianMs: number;
  bytes: number;
  /** Answers (of all timed ones) that were the app's "can't reach the chain" state rather than the page. */
  errorStates: number;
  /** Answers with the "History is catching up" notice (history read from the chain despite the indexer). */
  catchingUp: number;
  /** eth_getLogs calls the app sent to the chain while answering this URL (all its requests). */
  logReads: number;
  /** Why timing stopped, when a request failed. */
  failure?: string;
  /** SHA-256 of the last body, for answers that are not pages (JSON, CSV): both implementations must agree. */
  digest?: string;
}

/** One implementation's figures on one chain. */
interface AppResult {
  timings: Timing[];
  /** Load average (1, 5, 15 min) when its timing started. */
  load: number[];
}

/** Everything measured on one chain. */
interface SizeResult {
  extraPayments: number;
  payments: number;
  agentPayments: number;
  lastPage: number;
  seedSeconds: number;
  blocks: bigint;
  /** Logs of the events the indexer handles. */
  events: number;
  /** From starting the indexer to /ready (backfill up to its finality depth) and to its /status at the head. */
  readyMs: number;
  backfillMs: number;
  apps: Record<Implementation, AppResult>;
  /** Requests whose answers (JSON, CSV) differ between the implementations. */
  mismatches: string[];
}

/** The agent and history pages every app is timed on. */
interface Targets {
  rune: Hex;
  total: number;
  lastPage: number;
  /** `?cursor=…` of the history table's last page, empty when it has one page. */
  lastQuery: string;
}

class BenchError extends Error {
  override name = "BenchError";
}

async function main(argv: string[]): Promise<void> {
  let values: { runs?: string; sizes?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { runs: { type: "string" }, sizes: { type: "string" } }, strict: true }));
  } catch (error) {
    throw new SeedOptionError(error instanceof Error ? error.message : String(error));
  }
  const runs = values.runs === undefined ? 5 : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 100) throw new SeedOptionError(`--runs must be a whole number from 1 to 100 (got "${values.runs}")`);
  const sizes = parseSizes(values.sizes ?? "0,10000,100000");

  process.env.NEXT_TELEMETRY_DISABLED = "1";
  ensureContractsBuilt();
  ensureNextBuild();
  console.log(`load average at the start (1 / 5 / 15 min): ${formatLoad(loadavg())}; ${runs} timed runs per URL`);
  const results: SizeResult[] = [];
  for (const extraPayments of sizes) {
    results.push(await benchOneSize(extraPayments, runs));
    printSize(results.at(-1)!, runs);
  }
  console.log("\n================ summary");
  for (const result of results) printSize(result, runs);
  if (results.length > 1) printRatios(results);
  console.log(`\nload average at the end (1 / 5 / 15 min): ${formatLoad(loadavg())} on ${availableParallelism()} cores`);

  const fellBack = results.flatMap((r) => r.apps.indexer.timings.filter((t) => t.catchingUp > 0 || t.logReads > 0).map((t) => `${r.payments} payments, ${t.label}`));
  if (fellBack.length > 0) {
    console.error(`\nbench:history: THE INDEXER'S APP READ HISTORY FROM THE CHAIN, its figures are not the indexer's: ${fellBack.join("; ")}`);
    process.exitCode = 1;
  }
  const differ = results.flatMap((r) => r.mismatches.map((label) => `${r.payments} payments, ${label}`));
  if (differ.length > 0) {
    console.error(`\nbench:history: THE IMPLEMENTATIONS ANSWERED DIFFERENTLY, one of them is wrong: ${differ.join("; ")}`);
    process.exitCode = 1;
  }
}

/** `--sizes`: extra payments per size, comma-separated, each as `--payments` takes it, ascending. */
function parseSizes(text: string): number[] {
  const sizes = text.split(",").map((part) => parsePaymentsOption(part.trim()));
  if (sizes.length === 0 || sizes.some((size, i) => i > 0 && size <= sizes[i - 1]!)) {
    throw new SeedOptionError(`--sizes must be extra payment counts in ascending order, e.g. 0,10000,100000 (got "${text}")`);
  }
  return sizes;
}

/** `next build` when there is no production build yet, or when a source file changed since it was built. */
function ensureNextBuild(): void {
  const buildId = path.join(projectRoot, ".next", "BUILD_ID");
  if (existsSync(buildId)) {
    const changed = newestSource(statSync(buildId).mtimeMs);
    if (changed === undefined) return;
    console.log(`${path.relative(projectRoot, changed)} changed since the production build: running next build…`);
  } else {
    console.log("no production build: running next build…");
  }
  const result = spawnSync(path.join(projectRoot, "node_modules", ".bin", "next"), ["build"], { cwd: projectRoot, stdio: "inherit" });
  if (result.status !== 0) throw new BenchError("next build failed");
}

/** A source file of the app modified after `since` (ms since the epoch), if any. */
function newestSource(since: number): string | undefined {
  const roots = ["app", "components", "lib", "contracts-abi", "next.config.js", "package.json"].map((name) => path.join(projectRoot, name));
  const visit = (entry: string): string | undefined => {
    if (!existsSync(entry)) return undefined;
    const stat = statSync(entry);
    if (!stat.isDirectory()) return stat.mtimeMs > since ? entry : undefined;
    for (const name of readdirSync(entry)) {
      const found = visit(path.join(entry, name));
      if (found) return found;
    }
    return undefined;
  };
  for (const root of roots) {
    const found = visit(root);
    if (found) return found;
  }
  return undefined;
}

async function benchOneSize(extraPayments: number, runs: number): Promise<SizeResult> {
  const label = extraPayments === 0 ? "default seed" : `default seed + ${extraPayments.toLocaleString("en-US")} payments`;
  console.log(`\n== ${label} (load average ${formatLoad(loadavg())})`);
  const now = BigInt(Math.floor(Date.now() / 1000));
  const scratch = mkdtempSync(path.join(tmpdir(), "aurorune-bench-"));
  const deploymentFile = path.join(scratch, "31337.json");
  const indexerLog = path.join(scratch, "indexer.log");
  const anvil = await startAnvil({ timestamp: now - BigInt(SEED_HISTORY_DAYS + 1) * DAY, accounts: 20 });
  let proxy: RpcCountingProxy | undefined;
  let indexer: RunningIndexer | undefined;
  try {
    const deployment = await deployAurorune({ rpcUrl: anvil.rpcUrl, deploymentsDir: scratch, env: {} });
    const seed = await seedDemo({ rpcUrl: anvil.rpcUrl, deployment, endAt: now, extraPayments, progress: progressPrinter("  ") });
    const chain = createPublicClient({ transport: http(anvil.rpcUrl) });
    const head = await chain.getBlockNumber({ cacheTime: 0 });
    console.log(`  anvil on port ${anvil.port}: ${seed.payments.toLocaleString("en-US")} payments seeded in ${seed.seconds.toFixed(1)} s, ${head} blocks`);

    // 1. The indexer's backfill, alone on the machine (no app yet).
    const indexerPort = await freePort();
    const started = performance.now();
    indexer = await startIndexer({
      port: indexerPort,
      env: {
        ...process.env,
        CHAIN_ID: "31337",
        RPC_URL: anvil.rpcUrl,
        DEPLOYMENT_FILE: deploymentFile,
        INDEXER_PGLITE_DIR: path.join(scratch, "pglite"),
        INDEXER_POLLING_INTERVAL_MS: "250",
        DATABASE_URL: "",
      },
      log: indexerLog,
    });
    const { readyMs, backfillMs } = await waitForHead(indexer, head, started, indexerLog);
    const events = await countIndexedEvents(anvil.rpcUrl, deployment, head);
    console.log(
      `  indexer on port ${indexerPort}: ready after ${seconds(readyMs)}, at the head after ${seconds(backfillMs)}: ` +
        `${events.toLocaleString("en-US")} events, ${Math.round(events / (backfillMs / 1000)).toLocaleString("en-US")} events/s`,
    );

    // 2. The app with the indexer, then without: the same chain, one app at a time.
    proxy = await startRpcCountingProxy(anvil.rpcUrl);
    const withIndexer = await benchApp("indexer", { deploymentFile, rpcUrl: proxy.url, indexerUrl: indexer.url }, proxy, runs, (base) =>
      findTargets(base, deployment, anvil.rpcUrl),
    );
    const targets = withIndexer.targets;
    // The indexer stays up (idle at the head) only as long as its app is timed.
    await indexer.stop();
    indexer = undefined;
    const rpc = await benchApp("rpc", { deploymentFile, rpcUrl: proxy.url }, proxy, runs, async () => targets);
    const mismatches = rpc.result.timings
      .filter((t, i) => t.digest !== undefined && t.digest !== withIndexer.result.timings[i]!.digest)
      .map((t) => t.label);
    return {
      extraPayments,
      payments: seed.payments,
      agentPayments: targets.total,
      lastPage: targets.lastPage,
      seedSeconds: seed.seconds,
      blocks: head,
      events,
      readyMs,
      backfillMs,
      apps: { rpc: rpc.result, indexer: withIndexer.result },
      mismatches,
    };
  } catch (error) {
    if (error instanceof IndexerStartError) printTail(indexerLog);
    throw error;
  } finally {
    if (indexer) await indexer.stop();
    await proxy?.close();
    await anvil.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Waits for the indexer's /status block to be the chain's head; times /ready and the head from `started`. */
async function waitForHead(indexer: RunningIndexer, head: bigint, started: number, logFile: string): Promise<{ readyMs: number; backfillMs: number }> {
  const client = new IndexerClient(indexer.url, { timeoutMs: 2_000 });
  const deadline = Date.now() + BACKFILL_TIMEOUT_MS;
  let readyMs: number | undefined;
  while (Date.now() < deadline) {
    if (indexer.process.exitCode !== null || indexer.process.signalCode !== null) {
      throw new IndexerStartError(`the indexer exited (${indexer.process.signalCode ?? `code ${indexer.process.exitCode}`}) during its backfill: see its log above`);
    }
    try {
      const progress = await client.progress();
      const now = performance.now();
      if (progress.ready && readyMs === undefined) readyMs = now - started;
      if (progress.ready && progress.block?.number === head) return { readyMs: readyMs ?? now - started, backfillMs: now - started };
    } catch (error) {
      // Not listening yet, or too busy to answer within 2 s.
      if (!(error instanceof IndexerUnavailableError)) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  printTail(logFile);
  throw new IndexerStartError(`the indexer did not reach block ${head} within ${BACKFILL_TIMEOUT_MS / 60_000} minutes`);
}

/**
 * How many logs the indexer had to index: those of the two contracts whose events have a handler in
 * scripts/indexer/src (read from its `ponder.on("Contract:Event", …)` registrations), counted on the chain.
 */
async function countIndexedEvents(rpcUrl: string, deployment: AuroruneDeployment, head: bigint): Promise<number> {
  const abis: Record<string, Abi> = { RevenueDistributor: revenueDistributorAbi, RuneRegistry: runeRegistryAbi };
  const sourceDir = path.join(INDEXER_ROOT, "src");
  const selectors = new Set<Hex>();
  for (const file of readdirSync(sourceDir).filter((name) => name.endsWith(".ts"))) {
    for (const [, contract, event] of readFileSync(path.join(sourceDir, file), "utf8").matchAll(/ponder\.on\(\s*"(\w+):(\w+)"/g)) {
      const abi = abis[contract!];
      const item = abi && (getAbiItem({ abi, name: event! }) as AbiEvent | undefined);
      if (!item || item.type !== "event") throw new BenchError(`the indexer handles ${contract}:${event}, an event this benchmark does not know`);
      selectors.add(toEventSelector(item));
    }
  }
  if (selectors.size === 0) throw new BenchError(`no event handlers found in ${path.relative(projectRoot, sourceDir)}`);
  const address = [deployment.contracts.revenueDistributor, deployment.contracts.runeRegistry];
  let count = 0;
  // Ranges small enough that one answer (a few thousand logs) stays a few MB.
  const step = 100n;
  for (let from = BigInt(deployment.deploymentBlock); from <= head; from += step) {
    const to = from + step - 1n < head ? from + step - 1n : head;
    const response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "eth_getLogs",
        params: [{ fromBlock: `0x${from.toString(16)}`, toBlock: `0x${to.toString(16)}`, address, topics: [[...selectors]] }],
      }),
    });
    const body = (await response.json()) as { result?: unknown[]; error?: { message: string } };
    if (!body.result) throw new BenchError(`eth_getLogs: ${body.error?.message ?? "no result"}`);
    count += body.result.length;
  }
  return count;
}

/**
 * Starts `next start` for one implementation, times every URL (the targets are asked for after `/`, so `/` is
 * the fresh server's first request) and stops it.
 */
async function benchApp(
  implementation: Implementation,
  config: { deploymentFile: string; rpcUrl: string; indexerUrl?: string },
  proxy: RpcCountingProxy,
  runs: number,
  targetsOf: (base: string) => Promise<Targets>,
): Promise<{ result: AppResult; targets: Targets }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    CHAIN_ID: "31337",
    RPC_URL: config.rpcUrl,
    DEPLOYMENT_FILE: config.deploymentFile,
  };
  delete env.INDEXER_URL;
  if (config.indexerUrl) env.INDEXER_URL = config.indexerUrl;
  const next = spawn(path.join(projectRoot, "node_modules", ".bin", "next"), ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: projectRoot,
    stdio: ["ignore", "ignore", "inherit"],
    env,
  });
  try {
    // Wait for the port to accept connections, without an HTTP request that would warm any route.
    await waitForPort(port, next);
    const base = `http://127.0.0.1:${port}`;
    const load = loadavg();
    console.log(`  ${IMPLEMENTATION_NAME[implementation]}: next start on port ${port} (load average ${formatLoad(load)})`);
    const timings: Timing[] = [];
    const time = async (label: string, url: string, tablePage: boolean) => {
      const timing = await timeUrl({ label, url, tablePage }, base, runs, proxy);
      timings.push(timing);
      const notes = [
        timing.errorStates > 0 ? `${timing.errorStates} chain-error answers` : "",
        timing.catchingUp > 0 ? `${timing.catchingUp} "catching up" answers` : "",
        timing.logReads > 0 ? `${timing.logReads} eth_getLogs` : "",
        timing.failure ? `FAILED: ${timing.failure}` : "",
      ].filter(Boolean);
      console.log(`    ${label.padEnd(22)} cold ${ms(timing.coldMs)}  median ${ms(timing.medianMs)}  ${kb(timing.bytes)}${notes.length ? `  (${notes.join(", ")})` : ""}`);
    };
    await time("/", "/", false);
    const targets = await targetsOf(base);
    const { rune, lastQuery } = targets;
    await time("agent page (1st page)", `/agents/${rune}`, true);
    await time("API, 1st page", `/api/runes/${rune}/payments`, true);
    await time("history, last page", `/agents/${rune}${lastQuery}`, true);
    await time("API, last page", `/api/runes/${rune}/payments${lastQuery}`, true);
    await time("CSV export (all rows)", `/api/runes/${rune}/payments?format=csv`, false);
    return { result: { timings, load }, targets };
  } finally {
    await stopProcess(next);
  }
}

/**
 * The agent with the most payments (by the chain's own list of runes and the API's totals) and the cursor of
 * its history table's last page: the position of the row just before that page, which is where the table's
 * "next" links lead (read 1,000 rows at a time, then checked against the API's last page).
 */
async function findTargets(base: string, deployment: AuroruneDeployment, rpcUrl: string): Promise<Targets> {
  const client = createPublicClient({ transport: http(rpcUrl) });
  const registry = deployment.contracts.runeRegistry;
  const count = await client.readContract({ address: registry, abi: runeRegistryAbi, functionName: "runeCount" });
  let busiest: { rune: Hex; total: number } | undefined;
  for (let i = 0n; i < count; i++) {
    const rune = await client.readContract({ address: registry, abi: runeRegistryAbi, functionName: "runeAt", args: [i] });
    const page = await getJson(`${base}/api/runes/${rune}/payments?limit=1`);
    if (!busiest || page.total > busiest.total) busiest = { rune, total: page.total };
  }
  if (!busiest) throw new BenchError("no agents on the seeded chain");
  if (busiest.total === 0) throw new BenchError("the app lists no payment for any agent: its history is empty");

  const positions: string[] = [];
  let page = await getJson(`${base}/api/runes/${busiest.rune}/payments?limit=1000`);
  for (;;) {
    positions.push(...page.rows.map((row) => row.position));
    if (page.next === null) break;
    page = await getJson(`${base}/api/runes/${busiest.rune}/payments?limit=1000&cursor=${page.next}`);
  }
  const total = positions.length;
  if (total !== busiest.total) throw new BenchError(`the API listed ${total} payments of ${busiest.rune}, its total says ${busiest.total}`);
  const lastStart = total === 0 ? 0 : Math.floor((total - 1) / DEFAULT_PAGE_SIZE) * DEFAULT_PAGE_SIZE;
  const lastQuery = lastStart === 0 ? "" : `?cursor=${positions[lastStart - 1]}`;
  const last = await getJson(`${base}/api/runes/${busiest.rune}/payments${lastQuery}`);
  if (last.next !== null || last.rows.length !== total - lastStart) {
    throw new BenchError(`the last page of ${busiest.rune}'s history is not where its cursors lead (${last.rows.length} rows, next ${last.next})`);
  }
  return { rune: busiest.rune, total, lastPage: lastStart / DEFAULT_PAGE_SIZE + 1, lastQuery };
}

/** First request (cold), one warm-up, then `runs` timed requests; each timed to the last byte of the body. */
async function timeUrl(what: Pick<Timing, "label" | "url" | "tablePage">, base: string, runs: number, proxy: RpcCountingProxy): Promise<Timing> {
  const timing: Timing = { ...what, coldMs: Number.NaN, medianMs: Number.NaN, bytes: 0, errorStates: 0, catchingUp: 0, logReads: 0 };
  const logReadsBefore = proxy.count("eth_getLogs");
  const once = async () => {
    const started = performance.now();
    const response = await fetch(`${base}${what.url}`, { headers: { "accept-language": "en-US" } });
    const body = await response.arrayBuffer();
    const elapsed = performance.now() - started;
    const text = new TextDecoder().decode(body);
    if (!response.ok) throw new BenchError(`${what.url} answered ${response.status}: ${text.slice(0, 200)}`);
    // A page whose read failed still answers 200: count it, its time is not the page's.
    if (response.headers.get("content-type")?.includes("text/html")) {
      if (text.includes(ERROR_STATE_TEXT)) timing.errorStates++;
      if (text.includes(CATCHING_UP_TEXT)) timing.catchingUp++;
    } else {
      timing.digest = createHash("sha256").update(new Uint8Array(body)).digest("hex");
    }
    timing.bytes = body.byteLength;
    return elapsed;
  };
  try {
    timing.coldMs = await once();
    await once();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) samples.push(await once());
    timing.medianMs = median(samples);
  } catch (error) {
    timing.failure = error instanceof Error ? error.message.split("\n")[0] : String(error);
  }
  timing.logReads = proxy.count("eth_getLogs") - logReadsBefore;
  return timing;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface PageJson {
  total: number;
  next: string | null;
  rows: { position: string }[];
}

async function getJson(url: string): Promise<PageJson> {
  const response = await fetch(url);
  if (!response.ok) throw new BenchError(`${url} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  return (await response.json()) as PageJson;
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

/** The last lines of the indexer's log, for a failed start. */
function printTail(logFile: string): void {
  if (!existsSync(logFile)) return;
  const lines = readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-20);
  console.error(`  the indexer's log, last lines:\n${lines.map((line) => `    ${line}`).join("\n")}`);
}

const ms = (value: number) => (Number.isNaN(value) ? "–" : `${value.toFixed(0)} ms`).padStart(8);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`.padStart(9);
const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`;
const count = (value: number) => value.toLocaleString("en-US");
const formatLoad = (load: number[]) => load.map((value) => value.toFixed(2)).join(" / ");

/** `cold / median / size`, `(!)` when some answers were not the page itself. */
function cell(t: Timing): string {
  if (t.failure && Number.isNaN(t.coldMs)) return "failed";
  const flag = t.errorStates > 0 || t.catchingUp > 0 || t.failure ? "(!) " : "";
  return `${flag}${ms(t.coldMs).trim()} / ${ms(t.medianMs).trim()} / ${kb(t.bytes).trim()}`;
}

/** ✓ or ✗ against the 50-row page goal (indexer only). */
function pageGoal(t: Timing): string {
  if (!t.tablePage) return "";
  return t.medianMs < PAGE_GOAL_MS ? `✓ < ${PAGE_GOAL_MS} ms` : `✗ ≥ ${PAGE_GOAL_MS} ms`;
}

function printSize(r: SizeResult, runs: number): void {
  const { rpc, indexer } = r.apps;
  console.log(
    `\n${count(r.payments)} payments (${r.extraPayments === 0 ? "default seed" : `default seed + ${count(r.extraPayments)}`}), ${r.blocks} blocks: ` +
      `busiest agent ${count(r.agentPayments)} payments, history table ${count(r.lastPage)} pages of ${DEFAULT_PAGE_SIZE}; seeded in ${r.seedSeconds.toFixed(1)} s`,
  );
  console.log(
    `indexer backfill: ready after ${seconds(r.readyMs)}, at the chain head after ${seconds(r.backfillMs)}; ` +
      `${count(r.events)} events → ${count(Math.round(r.events / (r.backfillMs / 1000)))} events/s`,
  );
  console.log(`load average (1 / 5 / 15 min) as timing started: RPC app ${formatLoad(rpc.load)}, indexer app ${formatLoad(indexer.load)}`);
  console.log(`server time to the full body: cold (first request in a fresh server) / median of ${runs} after one warm-up / body size\n`);
  const widths = [22, 30, 30, 10, 16];
  const row = (cells: string[]) => `| ${cells.map((text, i) => (i === 0 ? text.padEnd(widths[i]!) : text.padStart(widths[i]!))).join(" | ")} |`;
  console.log(row(["request", "RPC", "indexer", "RPC ÷ idx", "goal (indexer)"]));
  console.log(`| ${"-".repeat(widths[0]!)} | ${widths.slice(1).map((w) => `${"-".repeat(w - 1)}:`).join(" | ")} |`);
  rpc.timings.forEach((t, i) => {
    const x = indexer.timings[i]!;
    const speedup = Number.isNaN(t.medianMs) || Number.isNaN(x.medianMs) ? "–" : `${(t.medianMs / x.medianMs).toFixed(1)}×`;
    console.log(row([t.label, cell(t), cell(x), speedup, pageGoal(x)]));
  });
  const logReads = (app: AppResult) => app.timings.reduce((sum, t) => sum + t.logReads, 0);
  console.log(`eth_getLogs sent by the app while timed: RPC ${count(logReads(rpc))}, indexer ${count(logReads(indexer))} (must be 0)`);
  const compared = rpc.timings.filter((t) => t.digest !== undefined).length;
  console.log(
    r.mismatches.length === 0
      ? `the ${compared} API and CSV answers are byte for byte the same from both implementations`
      : `ANSWERS DIFFER between the implementations: ${r.mismatches.join(", ")}`,
  );
  for (const implementation of IMPLEMENTATIONS) {
    for (const t of r.apps[implementation].timings.filter((t) => t.failure)) console.log(`${IMPLEMENTATION_NAME[implementation]} ${t.label}: ${t.failure}`);
  }
}

/** Median ratios between consecutive sizes (and first → last), for both implementations, with the `/` goal. */
function printRatios(results: SizeResult[]): void {
  const pairs: [SizeResult, SizeResult][] = results.slice(1).map((r, i) => [results[i]!, r]);
  if (results.length > 2) pairs.push([results[0]!, results.at(-1)!]);
  const short = (payments: number) => (payments >= 10_000 ? `${Math.round(payments / 1000)}k` : String(payments));
  const pairName = ([a, b]: [SizeResult, SizeResult]) => `${short(a.payments)}→${short(b.payments)}`;
  console.log(`\nMedian ratios as history grows (larger size's median ÷ smaller size's)\n`);
  const columns = IMPLEMENTATIONS.flatMap((implementation) => pairs.map((pair) => `${IMPLEMENTATION_NAME[implementation]} ${pairName(pair)}`));
  const width = Math.max(...columns.map((c) => c.length), 8);
  console.log(`| ${"request".padEnd(22)} | ${columns.map((c) => c.padStart(width)).join(" | ")} |`);
  console.log(`| ${"-".repeat(22)} | ${columns.map(() => `${"-".repeat(width - 1)}:`).join(" | ")} |`);
  results[0]!.apps.rpc.timings.forEach((t, i) => {
    const cells = IMPLEMENTATIONS.flatMap((implementation) =>
      pairs.map(([a, b]) => {
        const ratio = b.apps[implementation].timings[i]!.medianMs / a.apps[implementation].timings[i]!.medianMs;
        return (Number.isNaN(ratio) ? "–" : `${ratio.toFixed(1)}×`).padStart(width);
      }),
    );
    console.log(`| ${t.label.padEnd(22)} | ${cells.join(" | ")} |`);
  });
  const sizeCells = pairs.map(([a, b]) => `${pairName([a, b])}: ${(b.payments / a.payments).toFixed(1)}× payments, ${(b.agentPayments / a.agentPayments).toFixed(1)}× for the busiest agent`);
  console.log(`\nsizes ${sizeCells.join("; ")}`);
  const first = results[0]!.apps.indexer.timings[0]!;
  const last = results.at(-1)!.apps.indexer.timings[0]!;
  const homeRatio = last.medianMs / first.medianMs;
  const flat = homeRatio <= FLAT_FACTOR;
  console.log(
    `goal "/ independent of history size" (indexer): ${ms(first.medianMs).trim()} → ${ms(last.medianMs).trim()} median, ` +
      `${homeRatio.toFixed(1)}× ${flat ? "✓" : "✗"} (flat = within ${FLAT_FACTOR}×)`,
  );
  const pages = results.at(-1)!.apps.indexer.timings.filter((t) => t.tablePage);
  const slowest = pages.reduce((a, b) => (b.medianMs > a.medianMs ? b : a));
  console.log(
    `goal "a 50-row page under ${PAGE_GOAL_MS} ms" (indexer, ${count(results.at(-1)!.payments)} payments): slowest ${slowest.label} ` +
      `${ms(slowest.medianMs).trim()} median ${slowest.medianMs < PAGE_GOAL_MS ? "✓" : "✗"}`,
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof SeedOptionError) {
    console.error(`bench:history: ${error.message.split("\n")[0]}`);
    process.exit(2);
  }
  const message =
    error instanceof BenchError || error instanceof AnvilStartError || error instanceof IndexerStartError ? error.message : describeDeployFailure(error);
  console.error(`bench:history: ${message}`);
  process.exit(1);
});
