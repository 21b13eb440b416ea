/**
 * The e2e chain: a fresh anvil started in the past, Aurorune deployed and the demo economy seeded, behind a
 * small JSON-RPC proxy that a spec can switch off (POST /__rpc-down, /__rpc-up) to see the app's error state.
 * Playwright starts it as a web server and waits for GET /__health.
 */
import { createServer } from "node:http";
import { deployAurorune } from "../../scripts/deploy";
import { startAnvil } from "../../scripts/lib/anvil";
import { SEED_HISTORY_DAYS, seedDemo } from "../../scripts/seed";
import { E2E_ANVIL_PORT, E2E_DEPLOYMENT_DIR, E2E_RPC_PORT } from "./ports";

const now = BigInt(Math.floor(Date.now() / 1000));
const anvil = await startAnvil({ port: E2E_ANVIL_PORT, timestamp: now - BigInt(SEED_HISTORY_DAYS + 1) * 86_400n, accounts: 20 });
const deployment = await deployAurorune({ rpcUrl: anvil.rpcUrl, deploymentsDir: E2E_DEPLOYMENT_DIR, env: {} });
const seed = await seedDemo({ rpcUrl: anvil.rpcUrl, deployment, endAt: now });
console.log(`e2e chain ready: ${seed.payments} payments seeded in ${seed.seconds.toFixed(1)} s`);

let rpcUp = true;
const server = createServer((request, response) => {
  const cors = {
    "access-control-allow-origin": "*",
    "access-control-allow-headers": "content-type",
    "access-control-allow-methods": "POST, GET, OPTIONS",
  };
  if (request.method === "OPTIONS") return void response.writeHead(204, cors).end();
  if (request.url === "/__health") return void response.writeHead(200, cors).end("ok");
  if (request.url === "/__rpc-down" || request.url === "/__rpc-up") {
    rpcUp = request.url === "/__rpc-up";
    return void response.writeHead(200, cors).end(rpcUp ? "up" : "down");
  }
  if (!rpcUp) {
    // Behave like a dead node: drop the connection.
    return void request.socket.destroy();
  }
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    fetch(anvil.rpcUrl, { method: "POST", headers: { "content-type": "application/json" }, body: Buffer.concat(chunks) })
      .then(async (upstream) => {
        response.writeHead(upstream.status, { ...cors, "content-type": "application/json" });
        response.end(Buffer.from(await upstream.arrayBuffer()));
      })
      .catch(() => request.socket.destroy());
  });
});
server.listen(E2E_RPC_PORT, "127.0.0.1");

const shutdown = () => {
  server.close();
  void anvil.stop().then(() => process.exit(0));
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
