/** What a probe of the chain's RPC found. */
export type RpcReachability = "reachable" | "unreachable" | "wrong-chain";

/** Options of {@link probeRpc}. */
export interface ProbeRpcOptions {
  /** A node that has not answered in this long counts as down. Default 5 s. */
  timeoutMs?: number;
  /** The fetch to use (tests pass a stub). */
  fetch?: typeof fetch;
}

/**
 * Asks an RPC node for its chain id with one plain `fetch` (no viem: the network dot is in every page's first
 * load). Never throws: a failed request, a timeout or a malformed answer is "unreachable".
 *
 * @example
 * await probeRpc("/api/rpc", 31337) // "reachable"
 */
export async function probeRpc(rpcUrl: string, chainId: number, options: ProbeRpcOptions = {}): Promise<RpcReachability> {
  const { timeoutMs = 5_000, fetch: doFetch = fetch } = options;
  try {
    const response = await doFetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      signal: AbortSignal.timeout(timeoutMs),
      cache: "no-store",
    });
    if (!response.ok) return "unreachable";
    const body = (await response.json()) as { result?: unknown };
    if (typeof body.result !== "string" || !/^0x[0-9a-fA-F]+$/.test(body.result)) return "unreachable";
    return Number.parseInt(body.result, 16) === chainId ? "reachable" : "wrong-chain";
  } catch {
    return "unreachable";
  }
}
