import "server-only";
import { getConfig } from "../config/server";
import { getLogClient, getPublicClient } from "../server/chain";
import { FallbackHistorySource, type HistoryFreshness } from "./fallback-history-source";
import type { HistorySource } from "./history-source";
import { IndexerClient } from "./indexer/indexer-client";
import { IndexerHistorySource } from "./indexer/indexer-history-source";
import { parseRpcReadOptions } from "./rpc/options";
import { RpcHistorySource } from "./rpc/rpc-history-source";

// On globalThis, not in a module variable: the server may load this module once per route bundle, and the
// cache of final blocks must be one per process.
const SOURCES = Symbol.for("aurorune.historySources");
type SourceRegistry = Map<string, HistorySource>;

/**
 * The read side for the configured chain: one instance per process and (chain, distributor), so its cache of
 * final blocks is shared by every page and route: direct RPC reads, or, when INDEXER_URL is set, the history
 * indexer whenever it is in step with the chain and the RPC reads meanwhile (FallbackHistorySource). Throws
 * ConfigError on a bad configuration (readChain turns it into the error state).
 *
 * @example
 * const result = await readChain(() => getHistorySource().listAgents());
 */
export function getHistorySource(): HistorySource {
  const config = getConfig();
  const registry = ((globalThis as { [SOURCES]?: SourceRegistry })[SOURCES] ??= new Map());
  const key = `${config.chainId}:${config.contracts.revenueDistributor.toLowerCase()}:${config.indexerUrl ?? "rpc"}`;
  let source = registry.get(key);
  if (!source) {
    const { logChunkBlocks, finalityConfirmations } = parseRpcReadOptions({
      LOG_CHUNK_BLOCKS: process.env.LOG_CHUNK_BLOCKS,
      FINALITY_CONFIRMATIONS: process.env.FINALITY_CONFIRMATIONS,
    });
    const rpc = new RpcHistorySource(getPublicClient(), {
      contracts: config.contracts,
      deploymentBlock: BigInt(config.deploymentBlock),
      logChunkBlocks,
      finalityConfirmations,
      logClient: getLogClient(),
    });
    source = config.indexerUrl
      ? new FallbackHistorySource(
          new IndexerHistorySource(new IndexerClient(config.indexerUrl), getPublicClient(), { contracts: config.contracts }),
          rpc,
          getPublicClient(),
        )
      : rpc;
    registry.set(key, source);
  }
  return source;
}

/**
 * Where history comes from right now when an indexer is configured (for the "catching up" notice); `undefined`
 * without one (history always comes straight from the chain, nothing to say).
 */
export async function getHistoryFreshness(): Promise<HistoryFreshness | undefined> {
  const source = getHistorySource();
  return source instanceof FallbackHistorySource ? source.freshness() : undefined;
}
