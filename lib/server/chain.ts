import "server-only";
import { type PublicClient, createPublicClient, http } from "viem";
import { getConfig } from "../config/server";

let cached: PublicClient | undefined;

/** The server's viem client: batched JSON-RPC, short timeout so a dead RPC fails fast into the error state. */
export function getPublicClient(): PublicClient {
  const config = getConfig();
  cached ??= createPublicClient({
    transport: http(config.rpcUrl, { batch: true, timeout: 8_000, retryCount: 1 }),
  }) as PublicClient;
  return cached;
}
