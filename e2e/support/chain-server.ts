/**
 * The e2e chain: a fresh anvil started in the past, Aurorune deployed and the demo economy seeded, behind a
 * small JSON-RPC proxy that a spec can switch off (POST /__rpc-down, /__rpc-up) to see the app's error state.
 * The proxy counts the JSON-RPC calls it forwards, per request path and method (GET /__rpc-counts). Playwright
 * starts it as a web server and waits for GET /__health.
 *
 * In the indexer pass (E2E_HISTORY_SOURCE=indexer) it also runs the history indexer on anvil directly (not
 * through the proxy, so cutting the app's RPC leaves it be), answers /__health only once the indexer is in step
 * with the chain, and takes POST /__indexer-stop, /__indexer-start, /__indexer-backfill and /__indexer-gate-open
 * (e2e/support/e2e-indexer.ts). On SIGINT or SIGTERM it stops the indexer with SIGINT and removes its database.
 */
import { createServer } from "node:http";
import path from "node:path";
import { deployAurorune } from "../../scripts/deploy";
import { startAnvil } from "../../scripts/lib/anvil";
import { SEED_HISTORY_DAYS, seedDemo } from "../../scripts/seed";
import { E2eIndexer, callsOf } from "./e2e-indexer";
import { indexerStep } from "./indexer-sync";
import { E2E_ANVIL_PORT, E2E_DEPLOYMENT_DIR, E2E_HISTORY_SOURCE, E2E_INDEXER_GATE_PORT, E2E_INDEXER_PORT, E2E_RPC_PORT } from "./ports";

const now = BigInt(Math.floor(Date.now() / 1000));
const anvil = await startAnvil({ port: E2E_ANVIL_PORT, timestamp: now - BigInt(SEED_HISTORY_DAYS + 1) * 86_400n, accounts: 20 });
const deployment = await deployAurorune({ rpcUrl: anvil.rpcUrl, deploymentsDir: E2E_DEPLOYMENT_DIR, env: {} });
const seed = await seedDemo({ rpcUrl: anvil.rpcUrl, deployment, endAt: now });
console.log(`e2e chain ready: ${seed.payments} payments seeded in ${seed.seconds.toFixed(1)} s`);

let indexer: E2eIndexer | undefined;
if (E2E_HISTORY_SOURCE === "indexer") {
  indexer = new E2eIndexer({
    anvilUrl: anvil.rpcUrl,
    deploymentFile: path.resolve(E2E_DEPLOYMENT_DIR, "31337.json"),
    port: E2E_INDEXER_PORT,
    gatePort: E2E_INDEXER_GATE_PORT,
  });
  await indexer.startMain();
  console.log(`e2e history indexer starting at ${indexer.url}`);
}

let rpcUp = true;
/** `<path> <method>` (and `<path> <method>:<block tag>`) → how many such calls the proxy forwarded. */
const counts = new Map<string, number>();
const control: Record<string, (target: E2eIndexer) => Promise<void> | void> = {
  "/__indexer-stop": (target) => target.stop(),
  "/__indexer-start": (target) => target.startMain(),
  "/__indexer-backfill": (target) => target.startBackfillBehindClosedGate(),
  "/__indexer-gate-open": (target) => target.openGate(),
};

const server = createServer((request, response) => {
  const cors = {
    "access-control-allow-origin": "*",
    "access-control-allow-headers": "content-type",
    "access-control-allow-methods": "POST, GET, OPTIONS",
  };
  if (request.method === "OPTIONS") return void response.writeHead(204, cors).end();
  if (request.url === "/__health") {
    if (!indexer) return void response.writeHead(200, cors).end("ok");
    // The indexer pass starts its specs only once the indexer has the chain's head.
    void indexerStep(indexer.url, anvil.rpcUrl).then(
      (step) => response.writeHead(step.inStep ? 200 : 503, cors).end(step.inStep ? "ok" : "indexer catching up"),
      () => response.writeHead(503, cors).end("indexer catching up"),
    );
    return;
  }
  if (request.url === "/__rpc-counts") {
    return void response.writeHead(200, { ...cors, "content-type": "application/json" }).end(JSON.stringify(Object.fromEntries(counts)));
  }
  if (request.url === "/__rpc-down" || request.url === "/__rpc-up") {
    rpcUp = request.url === "/__rpc-up";
    return void response.writeHead(200, cors).end(rpcUp ? "up" : "down");
  }
  const action = request.url ? control[request.url] : undefined;
  if (action) {
    if (!indexer) return void response.writeHead(404, cors).end("no indexer in this pass");
    const target = indexer;
    void Promise.resolve(action(target)).then(
      () => response.writeHead(200, { ...cors, "content-type": "application/json" }).end(JSON.stringify(target.state)),
      (error: unknown) => response.writeHead(500, cors).end(error instanceof Error ? error.message : String(error)),
    );
    return;
  }
  if (!rpcUp) {
    // Behave like a dead node: drop the connection.
    return void request.socket.destroy();
  }
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks);
    const route = (request.url ?? "/").split("?")[0];
    for (const call of callsOf(body)) counts.set(`${route} ${call}`, (counts.get(`${route} ${call}`) ?? 0) + 1);
    fetch(anvil.rpcUrl, { method: "POST", headers: { "content-type": "application/json" }, body })
      .then(async (upstream) => {
        response.writeHead(upstream.status, { ...cors, "content-type": "application/json" });
        response.end(Buffer.from(await upstream.arrayBuffer()));
      })
      .catch(() => request.socket.destroy());
  });
});
server.listen(E2E_RPC_PORT, "127.0.0.1");

let stopping = false;
const shutdown = () => {
  if (stopping) return;
  stopping = true;
  server.close();
  void (indexer?.close() ?? Promise.resolve())
    .catch((error: unknown) => console.error(`e2e chain: stopping the indexer failed: ${String(error)}`))
    .then(() => anvil.stop())
    .then(() => process.exit(0));
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
