import "server-only";
import { getConfig } from "../config/server";
import { getLogClient, getPublicClient } from "../server/chain";
import type { HistorySource } from "./history-source";
import { parseRpcReadOptions } from "./rpc/options";
import { RpcHistorySource } from "./rpc/rpc-history-source";

// On globalThis, not in a module variable: the server may load this module once per route bundle, and the
// cache of final blocks must be one per process.
const SOURCES = Symbol.for("aurorune.historySources");
type SourceRegistry = Map<string, HistorySource>;

/**
 * The read side for the configured chain: one instance per process and (chain, distributor), so its cache of
 * final blocks is shared by every page and route. Today direct RPC reads; the indexer (issue 11) will be chosen
 * here by configuration. Throws ConfigError on a bad configuration (readChain turns it into the error state).
 *
 * @example
 * const result = await readChain(() => getHistorySource().listAgents());
 */
export function getHistorySource(): HistorySource {
  const config = getConfig();
  const registry = ((globalThis as { [SOURCES]?: SourceRegistry })[SOURCES] ??= new Map());
  const key = `${config.chainId}:${config.contracts.revenueDistributor.toLowerCase()}`;
  let source = registry.get(key);
  if (!source) {
    const { logChunkBlocks, finalityConfirmations } = parseRpcReadOptions({
      LOG_CHUNK_BLOCKS: process.env.LOG_CHUNK_BLOCKS,
      FINALITY_CONFIRMATIONS: process.env.FINALITY_CONFIRMATIONS,
    });
    source = new RpcHistorySource(getPublicClient(), {
      contracts: config.contracts,
      deploymentBlock: BigInt(config.deploymentBlock),
      logChunkBlocks,
      finalityConfirmations,
      logClient: getLogClient(),
    });
    registry.set(key, source);
  }
  return source;
}
