/**
 * The indexer's own settings, read from the environment by the Ponder project (ponder.config.ts)
 * and by the scripts that start it. The chain and deployment are the app's (CHAIN_ID, RPC_URL, DEPLOYMENT_FILE).
 */
export interface IndexerOptions {
  /** Postgres connection string (`DATABASE_URL`): the production database. Unset: embedded PGlite. */
  databaseUrl?: string;
  /** PGlite's directory (`INDEXER_PGLITE_DIR`, default `.ponder/pglite`, relative to the working directory). */
  pgliteDirectory: string;
  /** An RPC only for the indexer (`INDEXER_RPC_URL`), e.g. a paid endpoint with higher limits; default RPC_URL. */
  rpcUrl?: string;
  /** How often to ask for a new block, ms (`INDEXER_POLLING_INTERVAL_MS`, default 1000, at least 100). */
  pollingIntervalMs: number;
  /** Most blocks per eth_getLogs (`INDEXER_LOG_BLOCK_RANGE`): a public RPC's cap. Unset: learned from errors. */
  logBlockRange?: number;
}

/** A bad indexer setting, with a message naming the variable. */
export class IndexerOptionError extends Error {
  override name = "IndexerOptionError";
}

/** Environment variables {@link parseIndexerOptions} reads. */
export interface IndexerEnv {
  DATABASE_URL?: string;
  INDEXER_PGLITE_DIR?: string;
  INDEXER_RPC_URL?: string;
  INDEXER_POLLING_INTERVAL_MS?: string;
  INDEXER_LOG_BLOCK_RANGE?: string;
  [name: string]: string | undefined;
}

export const DEFAULT_PGLITE_DIRECTORY = ".ponder/pglite";

/**
 * @example
 * parseIndexerOptions({ INDEXER_LOG_BLOCK_RANGE: "2000" }) // { pgliteDirectory: ".ponder/pglite", pollingIntervalMs: 1000, logBlockRange: 2000 }
 */
export function parseIndexerOptions(env: IndexerEnv): IndexerOptions {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\/\S+$/.test(databaseUrl)) {
    // Not echoed: a connection string carries a password.
    throw new IndexerOptionError("DATABASE_URL must be a postgres:// or postgresql:// connection string");
  }
  const rpcUrl = env.INDEXER_RPC_URL?.trim() || undefined;
  if (rpcUrl && !/^(https?|wss?):\/\/\S+$/.test(rpcUrl)) {
    throw new IndexerOptionError("INDEXER_RPC_URL must be an http(s) or ws(s) URL");
  }
  return {
    databaseUrl,
    pgliteDirectory: env.INDEXER_PGLITE_DIR?.trim() || DEFAULT_PGLITE_DIRECTORY,
    rpcUrl,
    pollingIntervalMs: integer(env, "INDEXER_POLLING_INTERVAL_MS", 100, 60_000) ?? 1_000,
    logBlockRange: integer(env, "INDEXER_LOG_BLOCK_RANGE", 1, 10_000_000),
  };
}

function integer(env: IndexerEnv, name: string, min: number, max: number): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new IndexerOptionError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}
