/**
 * Rules of the app's read-only JSON-RPC relay (app/api/rpc/route.ts): which calls the browser may forward to the
 * server's RPC node, so a key in the server's RPC URL is used for reads only and never sent to the browser.
 */

/** Read methods the app's browser code (viem / wagmi) uses. Sending transactions goes through the wallet's own RPC. */
export const RELAYED_METHODS: ReadonlySet<string> = new Set([
  "eth_blockNumber",
  "eth_call",
  "eth_chainId",
  "eth_estimateGas",
  "eth_feeHistory",
  "eth_gasPrice",
  "eth_getBalance",
  "eth_getBlockByHash",
  "eth_getBlockByNumber",
  "eth_getCode",
  "eth_getFilterChanges",
  "eth_getLogs",
  "eth_getStorageAt",
  "eth_getTransactionByHash",
  "eth_getTransactionCount",
  "eth_getTransactionReceipt",
  "eth_maxPriorityFeePerGas",
  "eth_newBlockFilter",
  "eth_newFilter",
  "eth_uninstallFilter",
  "net_version",
]);

/** Largest request body and batch the relay accepts. */
export const RELAY_MAX_BODY_BYTES = 64 * 1024;
export const RELAY_MAX_BATCH = 50;

/** Why a relay request is refused, as a JSON-RPC error. */
export interface RelayRefusal {
  status: number;
  code: number;
  message: string;
}

/**
 * Checks a JSON-RPC request body (single or batch) against the relay's rules.
 *
 * @returns `undefined` when it may be forwarded, else the refusal to send back.
 * @example
 * checkRelayRequest({ jsonrpc: "2.0", id: 1, method: "eth_sendTransaction", params: [] })?.message
 * // "eth_sendTransaction is not relayed: send transactions through your wallet"
 */
export function checkRelayRequest(body: unknown): RelayRefusal | undefined {
  const calls = Array.isArray(body) ? body : [body];
  if (calls.length === 0 || calls.length > RELAY_MAX_BATCH) {
    return { status: 400, code: -32600, message: `a batch holds 1 to ${RELAY_MAX_BATCH} calls` };
  }
  for (const call of calls) {
    const method = typeof call === "object" && call !== null ? (call as { method?: unknown }).method : undefined;
    if (typeof method !== "string") return { status: 400, code: -32600, message: "not a JSON-RPC request" };
    if (!RELAYED_METHODS.has(method)) {
      return { status: 403, code: -32601, message: `${method.slice(0, 64)} is not relayed: send transactions through your wallet` };
    }
  }
  return undefined;
}
