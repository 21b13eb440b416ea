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

let cachedLogClient: PublicClient | undefined;

/**
 * The server's client for `eth_getLogs`: one HTTP request per call (a log reply can be megabytes; batched with
 * other reads it would fail them too when over the size limit) and a longer timeout for wide ranges.
 */
export function getLogClient(): PublicClient {
  const config = getConfig();
  cachedLogClient ??= createPublicClient({
    transport: http(config.rpcUrl, { batch: false, timeout: 30_000, retryCount: 1 }),
  }) as PublicClient;
  return cachedLogClient;
}
