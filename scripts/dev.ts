/**
 * `npm run dev`: the local economy in one command. Starts anvil (chain 31337) in the past, deploys the
 * contracts, seeds ~90 days of demo activity up to now, starts the history indexer (scripts/indexer, PGlite in
 * .ponder/) and serves the app with `next dev`. Ctrl-C stops everything it started (the indexer with SIGINT, as
 * PGlite needs). Ports: ANVIL_PORT (8545), INDEXER_PORT (42069) and PORT (3000). The app listens on 127.0.0.1
 * only (its dev accounts sign with anvil's keys); HOST=0.0.0.0 opens it to the network on purpose.
 *
 * `npm run dev -- --payments N` seeds N extra payments on top of the demo (long history);
 * `npm run dev -- --no-indexer` reads history straight from the chain only.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { deployAurorune, describeDeployFailure } from "./deploy";
import { AnvilStartError, type RunningAnvil, isPortFree, startAnvil, stopProcess } from "./lib/anvil";
import { ensureContractsBuilt, projectRoot } from "./lib/artifacts";
import { IndexerStartError, type RunningIndexer, startIndexer } from "./lib/indexer";
import { SEED_HISTORY_DAYS, SeedOptionError, parsePaymentsOption, progressPrinter, seedDemo } from "./seed";

const DAY = 86_400n;

function portFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new AnvilStartError(`${name} must be a port number (got "${raw}")`);
  return port;
}

/** `--payments N` and `--no-indexer`. */
function devOptionsFrom(argv: string[]): { extraPayments: number; indexer: boolean } {
  let values: { payments?: string; "no-indexer"?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { payments: { type: "string" }, "no-indexer": { type: "boolean" } }, strict: true }));
  } catch (error) {
    throw new SeedOptionError(error instanceof Error ? error.message : String(error));
  }
  return { extraPayments: parsePaymentsOption(values.payments), indexer: values["no-indexer"] !== true };
}

async function main(): Promise<void> {
  const { extraPayments, indexer: withIndexer } = devOptionsFrom(process.argv.slice(2));
  const anvilPort = portFrom("ANVIL_PORT", 8545);
  const appPort = portFrom("PORT", 3000);
  const indexerPort = portFrom("INDEXER_PORT", 42069);
  const host = process.env.HOST?.trim() || "127.0.0.1";
  if (!(await isPortFree(appPort))) throw new AnvilStartError(`port ${appPort} is already in use: stop the other server or set PORT`);
  if (withIndexer && !(await isPortFree(indexerPort))) {
    throw new AnvilStartError(`port ${indexerPort} is already in use: stop the other indexer, set INDEXER_PORT, or run with --no-indexer`);
  }

  const now = BigInt(Math.floor(Date.now() / 1000));
  let anvil: RunningAnvil | undefined;
  let next: ChildProcess | undefined;
  let indexer: RunningIndexer | undefined;
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (next) await stopProcess(next);
    if (indexer) await indexer.stop();
    if (anvil) await anvil.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stopAll(0));
  process.on("SIGTERM", () => void stopAll(0));

  // Build first (if needed), so its message comes before "Deploying…".
  ensureContractsBuilt();
  console.log(`starting anvil on port ${anvilPort}…`);
  anvil = await startAnvil({ port: anvilPort, timestamp: now - BigInt(SEED_HISTORY_DAYS + 1) * DAY, accounts: 20 });
  const deployment = await deployAurorune({ rpcUrl: anvil.rpcUrl, log: (line) => console.log(`  ${line}`) });
  console.log(`deployed: distributor ${deployment.contracts.revenueDistributor}`);
  const seed = await seedDemo({
    rpcUrl: anvil.rpcUrl,
    deployment,
    endAt: now,
    log: (line) => console.log(`  ${line}`),
    extraPayments,
    progress: progressPrinter("  "),
  });
  console.log(`seeded ${Object.keys(seed.runes).length} agents, ${seed.payments} payments (${seed.transactions} transactions) in ${seed.seconds.toFixed(1)} s`);

  if (withIndexer) {
    // A fresh chain every start: the last run's index belongs to a chain that is gone.
    const pgliteDirectory = path.join(projectRoot, ".ponder", `dev-${anvilPort}`);
    rmSync(pgliteDirectory, { recursive: true, force: true });
    const logFile = path.join(projectRoot, ".ponder", `dev-${anvilPort}.log`);
    rmSync(logFile, { force: true });
    indexer = await startIndexer({
      port: indexerPort,
      env: { ...process.env, CHAIN_ID: "31337", RPC_URL: anvil.rpcUrl, INDEXER_PGLITE_DIR: pgliteDirectory, INDEXER_POLLING_INTERVAL_MS: "250", DATABASE_URL: "" },
      log: logFile,
    });
    indexer.process.on("exit", (code, signal) => {
      if (!stopping) console.error(`\nnpm run dev: the history indexer stopped (${signal ?? `code ${code}`}); history now comes straight from the chain. Its log: ${logFile}`);
    });
    console.log(`indexer starting at ${indexer.url} (log: ${path.relative(projectRoot, logFile)}); pages read the chain directly until it has caught up`);
  }

  const loopbackOnly = host === "127.0.0.1" || host === "localhost" || host === "::1";
  next = spawn(path.join(projectRoot, "node_modules", ".bin", "next"), ["dev", "--hostname", host, "--port", String(appPort)], {
    cwd: projectRoot,
    stdio: "inherit",
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      CHAIN_ID: "31337",
      RPC_URL: anvil.rpcUrl,
      ...(indexer ? { INDEXER_URL: indexer.url } : {}),
      // Other devices cannot reach anvil on this machine's loopback: their browsers read through the app's relay.
      ...(loopbackOnly ? {} : { PUBLIC_RPC_URL: "/api/rpc" }),
    },
  });
  next.on("exit", (code) => void stopAll(code ?? 0));
  console.log(`\nAurorune is starting at http://localhost:${appPort} (or http://127.0.0.1:${appPort}); local chain at ${anvil.rpcUrl}. Ctrl-C stops everything.`);
  if (!loopbackOnly) {
    console.log(`Listening on ${host}: other machines on your network can open the app and use its dev accounts.`);
  }
  console.log("");
}

main().catch((error: unknown) => {
  if (error instanceof SeedOptionError) {
    console.error(`npm run dev: ${error.message.split("\n")[0]}`);
    process.exit(2);
  }
  const message =
    error instanceof AnvilStartError || error instanceof IndexerStartError ? error.message : describeDeployFailure(error);
  console.error(`npm run dev: ${message}`);
  process.exit(1);
});
