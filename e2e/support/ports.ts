/**
 * Ports of the e2e stack (fixed, so the app build and the specs agree; none is the dev default).
 * `E2E_PORT_OFFSET` shifts them all, so two checkouts can run their suites side by side. The pass that reads
 * history from the indexer (`E2E_HISTORY_SOURCE=indexer`, see playwright.config.ts) is shifted 50 further and
 * keeps its deployment file apart, so it never collides with the normal pass of the same checkout.
 */
/** Where the app reads payment history from in this pass: the chain (RPC, default) or the Ponder indexer. */
export const E2E_HISTORY_SOURCE: "rpc" | "indexer" = process.env.E2E_HISTORY_SOURCE === "indexer" ? "indexer" : "rpc";
const INDEXER_PASS_SHIFT = 50;
const offset = (Number.parseInt(process.env.E2E_PORT_OFFSET ?? "0", 10) || 0) + (E2E_HISTORY_SOURCE === "indexer" ? INDEXER_PASS_SHIFT : 0);
export const E2E_ANVIL_PORT = 8555 + offset;
/** The RPC proxy in front of anvil: the app and the browser talk to this one, so a spec can cut it. */
export const E2E_RPC_PORT = 8556 + offset;
export const E2E_APP_PORT = 3100 + offset;
/** The same build started with another configuration (e2e/runtime-config.spec.ts). */
export const E2E_ALT_APP_PORT = 3101 + offset;
/** `npm run dev` under test (e2e/dev-server.spec.ts): its own anvil and dev server. */
export const E2E_DEV_ANVIL_PORT = 8557 + offset;
export const E2E_DEV_APP_PORT = 3102 + offset;
/** Its history indexer (npm run dev starts one; the default 42069 would collide with other checkouts' runs). */
export const E2E_DEV_INDEXER_PORT = 8560 + offset;
/** The history indexer of the indexer pass (reads anvil directly, not through the cuttable proxy). */
export const E2E_INDEXER_PORT = 8558 + offset;
/** A gate between a restarted indexer and anvil that can hold its log reads (e2e/history-fallback.spec.ts). */
export const E2E_INDEXER_GATE_PORT = 8559 + offset;
export const E2E_RPC_URL = `http://127.0.0.1:${E2E_RPC_PORT}`;
export const E2E_ANVIL_URL = `http://127.0.0.1:${E2E_ANVIL_PORT}`;
export const E2E_INDEXER_URL = `http://127.0.0.1:${E2E_INDEXER_PORT}`;
/**
 * The app server's own path on the proxy in the indexer pass: the proxy counts the JSON-RPC methods per path, so
 * a spec can tell the server's history reads (eth_getLogs) from the browser's.
 */
export const E2E_SERVER_RPC_PATH = "/app-server";
export const E2E_DEPLOYMENT_DIR = E2E_HISTORY_SOURCE === "indexer" ? ".e2e/indexer" : ".e2e";
/** The indexer pass's indexer log: every run of it appends here (e2e/support/e2e-indexer.ts). */
export const E2E_INDEXER_LOG = `${E2E_DEPLOYMENT_DIR}/indexer.log`;

/** What the alternative server is started with: a chain name, a server RPC URL holding a "key", the relay. */
export const E2E_ALT_CHAIN_NAME = "Second network";
export const E2E_ALT_RPC_SECRET = "server-only-api-key-5f1c";
