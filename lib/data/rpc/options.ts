import { ConfigError } from "../../config/parse";

/** How the RPC history source reads logs, tunable per node (public RPCs differ in what they accept). */
export interface RpcReadOptions {
  /** Blocks per `eth_getLogs` call to start with (halved on the fly when the node refuses a range). */
  logChunkBlocks: bigint;
  /** For nodes without a `finalized` block tag: how many blocks below the head count as final. */
  finalityConfirmations: bigint;
}

/** Environment variables of {@link parseRpcReadOptions} (documented in .env.example). */
export interface RpcReadEnv {
  LOG_CHUNK_BLOCKS?: string;
  FINALITY_CONFIRMATIONS?: string;
}

export const DEFAULT_LOG_CHUNK_BLOCKS = 10_000n;
export const DEFAULT_FINALITY_CONFIRMATIONS = 64n;

/**
 * Reads the log-reading options from the environment; unset means the defaults.
 *
 * @example
 * parseRpcReadOptions({ LOG_CHUNK_BLOCKS: "2000" }) // { logChunkBlocks: 2000n, finalityConfirmations: 64n }
 */
export function parseRpcReadOptions(env: RpcReadEnv): RpcReadOptions {
  return {
    logChunkBlocks: wholeNumber(env.LOG_CHUNK_BLOCKS, "LOG_CHUNK_BLOCKS", DEFAULT_LOG_CHUNK_BLOCKS, 1n),
    finalityConfirmations: wholeNumber(env.FINALITY_CONFIRMATIONS, "FINALITY_CONFIRMATIONS", DEFAULT_FINALITY_CONFIRMATIONS, 0n),
  };
}

function wholeNumber(text: string | undefined, name: string, fallback: bigint, min: bigint): bigint {
  const value = text?.trim();
  if (!value) return fallback;
  if (!/^\d{1,12}$/.test(value) || BigInt(value) < min) {
    throw new ConfigError(`${name} must be a whole number of blocks, at least ${min} (got "${value}")`);
  }
  return BigInt(value);
}
