/**
 * Ports of the e2e stack (fixed, so the app build and the specs agree; none is the dev default).
 * `E2E_PORT_OFFSET` shifts all three, so two checkouts can run their suites side by side.
 */
const offset = Number.parseInt(process.env.E2E_PORT_OFFSET ?? "0", 10) || 0;
export const E2E_ANVIL_PORT = 8555 + offset;
/** The RPC proxy in front of anvil: the app and the browser talk to this one, so a spec can cut it. */
export const E2E_RPC_PORT = 8556 + offset;
export const E2E_APP_PORT = 3100 + offset;
/** The same build started with another configuration (e2e/runtime-config.spec.ts). */
export const E2E_ALT_APP_PORT = 3101 + offset;
/** `npm run dev` under test (e2e/dev-server.spec.ts): its own anvil and dev server. */
export const E2E_DEV_ANVIL_PORT = 8557 + offset;
export const E2E_DEV_APP_PORT = 3102 + offset;
export const E2E_DEV_INDEXER_PORT = 42_169 + offset;
export const E2E_RPC_URL = `http://127.0.0.1:${E2E_RPC_PORT}`;
export const E2E_ANVIL_URL = `http://127.0.0.1:${E2E_ANVIL_PORT}`;
export const E2E_DEPLOYMENT_DIR = ".e2e";

/** What the alternative server is started with: a chain name, a server RPC URL holding a "key", the relay. */
export const E2E_ALT_CHAIN_NAME = "Second network";
export const E2E_ALT_RPC_SECRET = "server-only-api-key-5f1c";
