import { RPC_RELAY_PATH } from "@/lib/config/parse";
import { RELAY_MAX_BODY_BYTES, checkRelayRequest } from "@/lib/config/rpc-relay";
import { getConfig } from "@/lib/config/server";

export const dynamic = "force-dynamic";

function rpcError(status: number, code: number, message: string): Response {
  return Response.json({ jsonrpc: "2.0", id: null, error: { code, message } }, { status });
}

/**
 * The browser's JSON-RPC endpoint when no PUBLIC_RPC_URL is set on a public network: forwards read calls to the
 * server's RPC_URL, whose API key (if any) never leaves the server. Off (404) when the browser has its own URL.
 */
export async function POST(request: Request): Promise<Response> {
  let config;
  try {
    config = getConfig();
  } catch {
    return rpcError(503, -32603, "the app's chain configuration is invalid");
  }
  if (config.publicRpcUrl !== RPC_RELAY_PATH) return rpcError(404, -32601, "this app has no RPC relay: use its public RPC URL");

  const text = await request.text();
  if (text.length > RELAY_MAX_BODY_BYTES) return rpcError(413, -32600, "request too large");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return rpcError(400, -32700, "parse error");
  }
  const refusal = checkRelayRequest(body);
  if (refusal) return rpcError(refusal.status, refusal.code, refusal.message);

  try {
    const upstream = await fetch(config.rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: text,
      signal: AbortSignal.timeout(15_000),
      cache: "no-store",
    });
    return new Response(upstream.body, {
      status: upstream.ok ? 200 : 502,
      headers: { "content-type": "application/json", "cache-control": "no-store" },
    });
  } catch {
    // No upstream URL in the message: it may carry an API key.
    return rpcError(502, -32603, "the chain's RPC node did not answer");
  }
}
