import type { Hex, PublicClient } from "viem";
import type { AgentsSnapshot, TokenInfo } from "../domain/agent";
import type {
  AgentSnapshot,
  DailyRevenue,
  HistorySource,
  PaymentPage,
  PaymentQuery,
  RevenueSeriesQuery,
  RevenueTotals,
  RevenueTotalsQuery,
} from "./history-source";
import { type IndexedBlock, type IndexerProgress, IndexerUnavailableError } from "./indexer/indexer-client";
import type { IndexerHistorySource } from "./indexer/indexer-history-source";

/** Where history comes from right now, and why (what the "catching up" notice says). */
export type HistoryFreshness =
  | { source: "indexer"; block: IndexedBlock }
  | { source: "rpc"; reason: "backfilling" | "behind" | "unreachable"; indexedBlock?: bigint; headBlock?: bigint };

/** Options of {@link FallbackHistorySource}. */
export interface FallbackHistorySourceOptions {
  /** How long a request waits for an indexer a few blocks behind before reading the RPC (default 3,000 ms). */
  maxWaitMs?: number;
  /** Pause between two looks at the indexer's progress while waiting (default 100 ms). */
  pollMs?: number;
}

/**
 * The indexer when it is in step with the chain, the RPC otherwise: every call first compares the indexer's last
 * block with the chain's head. At (or past) the head, on a block the chain has (same time at that height): the
 * indexer answers, bounded by that block. Behind (it polls for new blocks): the call waits up to `maxWaitMs` for
 * it. Still backfilling, unreachable, failing, or on blocks the chain no longer has (a reorg or a reverted local
 * chain it has not yet noticed) past the wait: the RPC answers.
 * So a page is never blank and never shows a total the chain does not have; it may be slower meanwhile, and
 * {@link freshness} says so.
 *
 * @example
 * const source = new FallbackHistorySource(indexerSource, rpcSource, client);
 * const page = await source.listPayments({ rune }); // from the indexer when it has the head block
 */
export class FallbackHistorySource implements HistorySource {
  private inFlight?: Promise<HistoryFreshness>;
  private readonly maxWaitMs: number;
  private readonly pollMs: number;

  constructor(
    readonly indexer: IndexerHistorySource,
    readonly rpc: HistorySource,
    private readonly client: PublicClient,
    options: FallbackHistorySourceOptions = {},
  ) {
    this.maxWaitMs = options.maxWaitMs ?? 3_000;
    this.pollMs = options.pollMs ?? 100;
  }

  /**
   * Whether the indexer can answer now. Concurrent callers share one look (a page's sections ask together);
   * nothing is kept after it, so a payment made a moment ago is never hidden by an earlier answer.
   */
  freshness(): Promise<HistoryFreshness> {
    this.inFlight ??= this.look().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  listAgents(): Promise<AgentsSnapshot> {
    return this.read((source) => source.listAgents());
  }
  getAgent(rune: Hex): Promise<AgentSnapshot | undefined> {
    return this.read((source) => source.getAgent(rune));
  }
  listTokens(): Promise<TokenInfo[]> {
    return this.read((source) => source.listTokens());
  }
  revenueTotals(query: RevenueTotalsQuery): Promise<RevenueTotals> {
    return this.read((source) => source.revenueTotals(query));
  }
  listPayments(query: PaymentQuery): Promise<PaymentPage> {
    return this.read((source) => source.listPayments(query));
  }
  revenueSeries(query: RevenueSeriesQuery): Promise<DailyRevenue[]> {
    return this.read((source) => source.revenueSeries(query));
  }

  private async read<T>(call: (source: HistorySource) => Promise<T>): Promise<T> {
    const freshness = await this.freshness();
    if (freshness.source === "rpc") return call(this.rpc);
    try {
      return await call(this.indexer.at(freshness.block));
    } catch (error) {
      // The indexer stopped answering mid-request: the chain still can.
      if (error instanceof IndexerUnavailableError) return call(this.rpc);
      throw error;
    }
  }

  private async look(): Promise<HistoryFreshness> {
    const deadline = Date.now() + this.maxWaitMs;
    let head: Block;
    try {
      // The head as of this request (not getBlockNumber: viem caches it for a few seconds). The indexer must have
      // reached it; a later block is as good, so a fast chain is not chased.
      const [progress, block] = await Promise.all([this.indexer.indexer.progress(), this.client.getBlock()]);
      head = { number: block.number, timestamp: Number(block.timestamp) };
      const verdict = await this.judge(progress, head);
      if (verdict) return verdict;
    } catch (error) {
      if (error instanceof IndexerUnavailableError) return { source: "rpc", reason: "unreachable" };
      throw error;
    }
    for (;;) {
      const progress = await this.indexer.indexer.progress().catch(() => undefined);
      if (!progress) return { source: "rpc", reason: "unreachable" };
      const verdict = await this.judge(progress, head);
      if (verdict) return verdict;
      if (Date.now() + this.pollMs > deadline) {
        return { source: "rpc", reason: "behind", indexedBlock: progress.block?.number, headBlock: head.number };
      }
      await new Promise((resolve) => setTimeout(resolve, this.pollMs));
    }
  }

  /** A verdict, or `undefined` while it is worth waiting for the indexer. */
  private async judge(progress: IndexerProgress, head: Block): Promise<HistoryFreshness | undefined> {
    const block = progress.block;
    if (!progress.ready) return { source: "rpc", reason: "backfilling", indexedBlock: block?.number, headBlock: head.number };
    if (!block || block.number < head.number) return undefined;
    // The chain's own block at that height must be the one indexed (same time): after a reorg, or a local chain
    // reverted to a snapshot, the indexer holds blocks the chain no longer has until it notices, at its next poll.
    const chainBlock =
      block.number === head.number
        ? head
        : await this.client.getBlock({ blockNumber: block.number }).then(
            (found) => ({ number: found.number, timestamp: Number(found.timestamp) }),
            () => undefined,
          );
    return chainBlock?.timestamp === block.timestamp ? { source: "indexer", block } : undefined;
  }
}

interface Block {
  number: bigint;
  timestamp: number;
}
