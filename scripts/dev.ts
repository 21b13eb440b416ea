/**
 * `npm run dev`: the local economy in one command. Starts anvil (chain 31337) in the past, deploys the
 * contracts, seeds ~90 days of demo activity up to now, and serves the app with `next dev`. Ctrl-C stops
 * everything it started. Ports: ANVIL_PORT (8545) and PORT (3000). The app listens on 127.0.0.1 only (its
 * dev accounts sign with anvil's keys); HOST=0.0.0.0 opens it to the network on purpose.
 *
 * `npm run dev -- --payments N` seeds N extra payments on top of the demo (long history).
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { deployAurorune, describeDeployFailure } from "./deploy";
import { AnvilStartError, type RunningAnvil, isPortFree, startAnvil, stopProcess } from "./lib/anvil";
import { ensureContractsBuilt, projectRoot } from "./lib/artifacts";
import { SEED_HISTORY_DAYS, SeedOptionError, parsePaymentsOption, progressPrinter, seedDemo } from "./seed";

const DAY = 86_400n;

function portFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new AnvilStartError(`${name} must be a port number (got "${raw}")`);
  return port;
}

/** `--payments N` (the only option). */
function extraPaymentsFrom(argv: string[]): number {
  let values: { payments?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { payments: { type: "string" } }, strict: true }));
  } catch (error) {
    throw new SeedOptionError(error instanceof Error ? error.message : String(error));
  }
  return parsePaymentsOption(values.payments);
}

async function main(): Promise<void> {
  const extraPayments = extraPaymentsFrom(process.argv.slice(2));
  const anvilPort = portFrom("ANVIL_PORT", 8545);
  const appPort = portFrom("PORT", 3000);
  const host = process.env.HOST?.trim() || "127.0.0.1";
  if (!(await isPortFree(appPort))) throw new AnvilStartError(`port ${appPort} is already in use: stop the other server or set PORT`);

  const now = BigInt(Math.floor(Date.now() / 1000));
  let anvil: RunningAnvil | undefined;
  let next: ChildProcess | undefined;
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (next) await stopProcess(next);
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

  const loopbackOnly = host === "127.0.0.1" || host === "localhost" || host === "::1";
  next = spawn(path.join(projectRoot, "node_modules", ".bin", "next"), ["dev", "--hostname", host, "--port", String(appPort)], {
    cwd: projectRoot,
    stdio: "inherit",
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      CHAIN_ID: "31337",
      RPC_URL: anvil.rpcUrl,
      // Other devices cannot reach anvil on this machine's loopback: their browsers read through the app's relay.
      ...(loopbackOnly ? {} : { PUBLIC_RPC_URL: "/api/rpc" }),
    },
  });
  next.on("exit", (code) => void stopAll(code ?? 0));
  console.log(`\nAurorune is starting at http://localhost:${appPort} (or http://127.0.0.1:${appPort}); local chain at ${anvil.rpcUrl}. Ctrl-C stops both.`);
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
    error instanceof AnvilStartError ? error.message : describeDeployFailure(error);
  console.error(`npm run dev: ${message}`);
  process.exit(1);
});
