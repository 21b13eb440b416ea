import type { Address, Hex, PublicClient } from "viem";
import { type AgentsSnapshot, RECENT_REVENUE_WINDOW, type TokenInfo } from "../../domain/agent";
import { summarizeAgent } from "../agent-summary";
import type {
  AgentSnapshot,
  DailyRevenue,
  HistorySource,
  PaymentPage,
  PaymentQuery,
  RevenueSeriesQuery,
  RevenueTotals,
  RevenueTotalsQuery,
} from "../history-source";
import { type AgentReadContracts, readAllAgents, readOneAgent, readTokens } from "./agent-reads";
import { DEFAULT_FINALITY_CONFIRMATIONS, DEFAULT_LOG_CHUNK_BLOCKS } from "./options";
import { PaymentLogCache } from "./payment-log-cache";
import { dailyRevenue, pagePayments, sumRevenue } from "./payment-query";

/** Options of {@link RpcHistorySource}. */
export interface RpcHistorySourceOptions {
  contracts: AgentReadContracts;
  /** Block of the distributor's deployment: no payment is older. */
  deploymentBlock: bigint;
  /** Blocks per `eth_getLogs` to start with (default 10,000; halved when the node refuses a range). */
  logChunkBlocks?: bigint;
  /** Blocks below the head taken as final when the node has no `finalized` tag (default 64). */
  finalityConfirmations?: bigint;
  /** `eth_getLogs` calls in flight while filling the cache (default 4). */
  logConcurrency?: number;
  /** Client for `eth_getLogs`, best unbatched (see PaymentLogCacheOptions.logClient); default: `client`. */
  logClient?: PublicClient;
}

/**
 * {@link HistorySource} over direct JSON-RPC reads: agent records through Multicall3 at the head block, payments
 * from ServicePaid / CollaborativeServicePaid logs kept in a per-process cache of final blocks (see
 * PaymentLogCache), so a request reads only the blocks since finality, and one agent's page reads that agent only.
 *
 * @example
 * const source = new RpcHistorySource(client, { contracts, deploymentBlock: 0n });
 * const page = await source.listPayments({ rune, pageSize: 50 });
 */
export class RpcHistorySource implements HistorySource {
  private readonly cache: PaymentLogCache;

  constructor(
    private readonly client: PublicClient,
    private readonly options: RpcHistorySourceOptions,
  ) {
    this.cache = new PaymentLogCache(client, {
      distributor: options.contracts.revenueDistributor,
      fromBlock: options.deploymentBlock,
      chunkSize: options.logChunkBlocks ?? DEFAULT_LOG_CHUNK_BLOCKS,
      concurrency: options.logConcurrency ?? 4,
      confirmations: options.finalityConfirmations ?? DEFAULT_FINALITY_CONFIRMATIONS,
      logClient: options.logClient,
    });
  }

  /** Payments held in the cache of final blocks, and its newest block (diagnostics and tests). */
  cacheState(): { rows: number; tip?: bigint } {
    return { rows: this.cache.cachedRows, tip: this.cache.cachedTip };
  }

  async listAgents(): Promise<AgentsSnapshot> {
    const head = await this.cache.readHead();
    const [view, { tokens, records }] = await Promise.all([
      this.cache.view(head),
      readAllAgents(this.client, this.options.contracts, head.number),
    ]);
    const recent = sumRevenue(view.select({}), head.timestamp - RECENT_REVENUE_WINDOW);
    return {
      agents: records.map((record) => summarizeAgent(record, tokens, recent.get(record.rune))),
      tokens,
      blockNumber: head.number,
      blockTimestamp: head.timestamp,
    };
  }

  async getAgent(rune: Hex): Promise<AgentSnapshot | undefined> {
    const key = rune.toLowerCase() as Hex;
    const head = await this.cache.readHead();
    const [view, found] = await Promise.all([
      this.cache.view(head),
      readOneAgent(this.client, this.options.contracts, key, head.number),
    ]);
    if (!found) return undefined;
    const recent = sumRevenue(view.select({ rune: key }), head.timestamp - RECENT_REVENUE_WINDOW);
    return {
      agent: summarizeAgent(found.record, found.tokens, recent.get(key)),
      tokens: found.tokens,
      blockNumber: head.number,
      blockTimestamp: head.timestamp,
    };
  }

  async listTokens(): Promise<TokenInfo[]> {
    // Not getBlockNumber: viem caches it for a few seconds, and a cached number can be ahead of a local chain just reverted.
    const { number } = await this.client.getBlock();
    return readTokens(this.client, this.options.contracts, number);
  }

  async revenueTotals(query: RevenueTotalsQuery): Promise<RevenueTotals> {
    const view = await this.cache.view(await this.cache.readHead());
    return sumRevenue(view.select({ rune: query.rune }), query.since);
  }

  async listPayments(query: PaymentQuery): Promise<PaymentPage> {
    const head = await this.cache.readHead();
    const view = await this.cache.view(head);
    return pagePayments(view.select({ rune: query.rune, token: query.token }), query, head.number);
  }

  async revenueSeries(query: RevenueSeriesQuery): Promise<DailyRevenue[]> {
    const view = await this.cache.view(await this.cache.readHead());
    return dailyRevenue(view.select({ rune: query.rune }), query.from, query.to);
  }
}
