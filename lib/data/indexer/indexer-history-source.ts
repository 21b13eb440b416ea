import { type SQL } from "@ponder/client";
import { type Hex, type PublicClient, getAddress } from "viem";
import { type AgentsSnapshot, RECENT_REVENUE_WINDOW, type TokenInfo } from "../../domain/agent";
import { summarizeAgent } from "../agent-summary";
import {
  type AgentSnapshot,
  DEFAULT_PAGE_SIZE,
  type DailyRevenue,
  type HistorySource,
  MAX_PAGE_SIZE,
  type PaymentPage,
  type PaymentPosition,
  type PaymentQuery,
  type PaymentRow,
  type RevenueSeriesQuery,
  type RevenueTotals,
  type RevenueTotalsQuery,
} from "../history-source";
import { type AgentReadContracts, readAllAgents, readOneAgent, readTokens } from "../rpc/agent-reads";
import {
  DAY_SECONDS,
  type PartsRecord,
  type PaymentRecord,
  allOf,
  anyPayment,
  paymentConditions,
  paymentCount,
  paymentRows,
  positionCondition,
  revenueParts,
} from "./history-sql";
import { type IndexedBlock, type IndexerClient, IndexerUnavailableError } from "./indexer-client";

/**
 * {@link HistorySource} over the history indexer (scripts/indexer): payments, totals and daily series are SQL over
 * the indexer's tables, bounded by the block it has reached; agent records are still read from the contracts
 * (through Multicall3, at that same block), since they are the chain's current state, not history.
 *
 * Each method reads the indexer's progress first; `at(block)` gives the same reads at a block the caller has
 * already checked (lib/data/fallback-history-source.ts decides when the indexer may answer).
 *
 * @example
 * const source = new IndexerHistorySource(new IndexerClient(url), client, { contracts });
 * const page = await source.listPayments({ rune, pageSize: 50 });
 */
export class IndexerHistorySource implements HistorySource {
  constructor(
    readonly indexer: IndexerClient,
    private readonly client: PublicClient,
    private readonly options: { contracts: AgentReadContracts },
  ) {}

  /** The reads of this source, all bounded by one indexed block. */
  at(block: IndexedBlock): HistorySource {
    return new IndexedBlockReads(this.indexer, this.client, this.options.contracts, block);
  }

  listAgents(): Promise<AgentsSnapshot> {
    return this.current().then((reads) => reads.listAgents());
  }
  getAgent(rune: Hex): Promise<AgentSnapshot | undefined> {
    return this.current().then((reads) => reads.getAgent(rune));
  }
  listTokens(): Promise<TokenInfo[]> {
    return this.current().then((reads) => reads.listTokens());
  }
  revenueTotals(query: RevenueTotalsQuery): Promise<RevenueTotals> {
    return this.current().then((reads) => reads.revenueTotals(query));
  }
  listPayments(query: PaymentQuery): Promise<PaymentPage> {
    return this.current().then((reads) => reads.listPayments(query));
  }
  revenueSeries(query: RevenueSeriesQuery): Promise<DailyRevenue[]> {
    return this.current().then((reads) => reads.revenueSeries(query));
  }

  private async current(): Promise<HistorySource> {
    const progress = await this.indexer.progress();
    if (!progress.block) throw new IndexerUnavailableError("the indexer has not indexed any block yet");
    return this.at(progress.block);
  }
}

/** The reads at one indexed block. */
class IndexedBlockReads implements HistorySource {
  constructor(
    private readonly indexer: IndexerClient,
    private readonly client: PublicClient,
    private readonly contracts: AgentReadContracts,
    private readonly block: IndexedBlock,
  ) {}

  async listAgents(): Promise<AgentsSnapshot> {
    const [{ tokens, records }, recent] = await Promise.all([
      readAllAgents(this.client, this.contracts, this.block.number),
      this.revenueTotals({ since: this.block.timestamp - RECENT_REVENUE_WINDOW }),
    ]);
    return {
      agents: records.map((record) => summarizeAgent(record, tokens, recent.get(record.rune.toLowerCase() as Hex))),
      tokens,
      blockNumber: this.block.number,
      blockTimestamp: this.block.timestamp,
    };
  }

  async getAgent(rune: Hex): Promise<AgentSnapshot | undefined> {
    const key = rune.toLowerCase() as Hex;
    const [found, recent] = await Promise.all([
      readOneAgent(this.client, this.contracts, key, this.block.number),
      this.revenueTotals({ since: this.block.timestamp - RECENT_REVENUE_WINDOW, rune: key }),
    ]);
    if (!found) return undefined;
    return {
      agent: summarizeAgent(found.record, found.tokens, recent.get(key)),
      tokens: found.tokens,
      blockNumber: this.block.number,
      blockTimestamp: this.block.timestamp,
    };
  }

  listTokens(): Promise<TokenInfo[]> {
    return readTokens(this.client, this.contracts, this.block.number);
  }

  async revenueTotals(query: RevenueTotalsQuery): Promise<RevenueTotals> {
    const records = await this.indexer.query<PartsRecord>(
      revenueParts({ from: query.since, to: this.block.timestamp + 1, rune: query.rune, perDay: false, upTo: this.block }),
    );
    const totals: RevenueTotals = new Map();
    for (const record of records) {
      let byToken = totals.get(record.rune);
      if (!byToken) totals.set(record.rune, (byToken = new Map()));
      byToken.set(record.token, parts(record));
    }
    return totals;
  }

  async listPayments(query: PaymentQuery): Promise<PaymentPage> {
    const size = Math.min(Math.max(1, Math.floor(query.pageSize ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE);
    const where = paymentConditions(query, this.block);
    const towardsOlder = query.after === undefined;
    const cursor = query.before ? positionCondition("<", query.before) : query.after ? positionCondition(">", query.after) : undefined;
    const pageWhere = cursor ? allOf(where, cursor) : where;

    const [records, [count]] = await Promise.all([
      this.indexer.query<PaymentRecord>(paymentRows(pageWhere, towardsOlder ? "desc" : "asc", size + 1)),
      this.indexer.query<{ n: number }>(paymentCount(where)),
    ]);
    const more = records.length > size;
    const page = records.slice(0, size).map(toRow);
    if (!towardsOlder) page.reverse();
    const total = count?.n ?? 0;
    if (page.length === 0) return { rows: [], total, blockNumber: this.block.number };

    const newest = page[0]!;
    const oldest = page[page.length - 1]!;
    // The side the page was read towards is known from the extra row; the other side takes one more look.
    let hasOlder: boolean;
    let hasNewer: boolean;
    if (towardsOlder) {
      hasOlder = more;
      hasNewer = query.before !== undefined && (await this.exists(allOf(where, positionCondition(">", newest))));
    } else {
      hasNewer = more;
      hasOlder = await this.exists(allOf(where, positionCondition("<", oldest)));
    }
    return {
      rows: page,
      older: hasOlder ? position(oldest) : undefined,
      newer: hasNewer ? position(newest) : undefined,
      total,
      blockNumber: this.block.number,
    };
  }

  async revenueSeries(query: RevenueSeriesQuery): Promise<DailyRevenue[]> {
    const records = await this.indexer.query<PartsRecord>(
      revenueParts({
        from: query.from,
        to: Math.min(query.to, this.block.timestamp + 1),
        rune: query.rune,
        perDay: true,
        upTo: this.block,
      }),
    );
    return records
      .map((record) => ({ day: utcDay(record.day ?? 0), token: record.token, ...parts(record) }))
      .sort((a, b) => (a.day === b.day ? (a.token < b.token ? -1 : 1) : a.day < b.day ? -1 : 1));
  }

  private async exists(where: SQL): Promise<boolean> {
    return (await this.indexer.query<{ found: number }>(anyPayment(where))).length > 0;
  }
}

function toRow(record: PaymentRecord): PaymentRow {
  const row: PaymentRow = {
    blockNumber: BigInt(record.block_number),
    logIndex: record.log_index,
    transactionHash: record.transaction_hash,
    timestamp: Number(record.timestamp),
    rune: record.rune,
    serviceId: record.service_id,
    // Checksummed, as viem decodes them from logs (the RPC implementation's rows).
    payer: getAddress(record.payer),
    token: getAddress(record.token),
    amount: BigInt(record.amount),
    developerAmount: BigInt(record.developer_amount),
    infraAmount: BigInt(record.infra_amount),
    stakersAmount: BigInt(record.stakers_amount),
  };
  if (record.collaborative_amount !== null && record.collaborative_runes && record.collaborative_weights) {
    row.collaborative = {
      totalAmount: BigInt(record.collaborative_amount),
      runes: record.collaborative_runes,
      weightsBps: record.collaborative_weights,
    };
  }
  return row;
}

function parts(record: PartsRecord) {
  return {
    amount: BigInt(record.amount),
    developerAmount: BigInt(record.developer_amount),
    infraAmount: BigInt(record.infra_amount),
    stakersAmount: BigInt(record.stakers_amount),
    count: record.payment_count,
  };
}

function position(row: PaymentRow): PaymentPosition {
  return { blockNumber: row.blockNumber, logIndex: row.logIndex };
}

function utcDay(day: number): string {
  return new Date(day * DAY_SECONDS * 1000).toISOString().slice(0, 10);
}
