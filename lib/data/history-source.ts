import type { Address, Hex } from "viem";
import type { AgentSummary, AgentsSnapshot, TokenInfo } from "../domain/agent";

/**
 * The read side of Aurorune: everything pages, API routes and CSV exports read about agents and their revenue
 * history. One interface, several implementations chosen by configuration (lib/data/factory.ts): direct RPC
 * reads now (lib/data/rpc/), an event indexer later. No page or route may read history any other way.
 *
 * Conventions: chain time in seconds (the events' own `timestamp`), amounts in the token's smallest unit as
 * `bigint`, tokens by address (`0x0000…0000` is native ETH), runes as lowercase 0x-hex `bytes32`.
 */
export interface HistorySource {
  /** Every agent with its totals, as of one block. */
  listAgents(): Promise<AgentsSnapshot>;
  /** One agent (no read of the others), or `undefined` when no agent has this rune. */
  getAgent(rune: Hex): Promise<AgentSnapshot | undefined>;
  /** The distributor's tokens (allowed or not: balances can be owed in a token no longer accepted), at the head. */
  listTokens(): Promise<TokenInfo[]>;
  /** Sums of payments since a chain time, per rune and token (all runes, or one). */
  revenueTotals(query: RevenueTotalsQuery): Promise<RevenueTotals>;
  /** One page of payments, newest first, matching a filter. */
  listPayments(query: PaymentQuery): Promise<PaymentPage>;
  /** Daily revenue of one rune per token, split into developer / infra / stakers parts (UTC days). */
  revenueSeries(query: RevenueSeriesQuery): Promise<DailyRevenue[]>;
}

/** One agent as of one block, with the distributor's tokens. */
export interface AgentSnapshot {
  agent: AgentSummary;
  tokens: TokenInfo[];
  blockNumber: bigint;
  /** Chain time of that block (seconds). */
  blockTimestamp: number;
}

/** The position of a payment in the chain: its log's block and index there. Orders payments totally. */
export interface PaymentPosition {
  blockNumber: bigint;
  logIndex: number;
}

/** Which payments a query covers. Every field narrows; absent fields do not filter. */
export interface PaymentFilter {
  rune?: Hex;
  token?: Address;
  /** Chain time, inclusive (seconds). */
  from?: number;
  /** Chain time, exclusive (seconds). */
  to?: number;
  /** `true`: only shares of collaborative payments; `false`: only single-agent payments. */
  collaborative?: boolean;
}

/** A page request. Without `before`/`after`: the newest page. */
export interface PaymentQuery extends PaymentFilter {
  /** Payments strictly older than this position (the "next page" cursor). */
  before?: PaymentPosition;
  /** Payments strictly newer than this position, the page closest to it (the "previous page" cursor). */
  after?: PaymentPosition;
  /** Rows per page; implementations cap it at {@link MAX_PAGE_SIZE}. */
  pageSize?: number;
}

/** Rows per page of the history table and the default of the API. */
export const DEFAULT_PAGE_SIZE = 50;
/** Most rows one page may hold (API `limit` above this is a 400). */
export const MAX_PAGE_SIZE = 1_000;

/** One rune's share of one payment: a `ServicePaid` event, joined with its collaborative payment if any. */
export interface PaymentRow extends PaymentPosition {
  transactionHash: Hex;
  /** Chain time of the payment (seconds). */
  timestamp: number;
  rune: Hex;
  serviceId: Hex;
  payer: Address;
  token: Address;
  /** What this rune received: for a collaborative payment, its weighted share of the whole. */
  amount: bigint;
  developerAmount: bigint;
  infraAmount: bigint;
  stakersAmount: bigint;
  /** Set when the payment was collaborative: the whole payment and every rune in it (this one included). */
  collaborative?: {
    totalAmount: bigint;
    runes: Hex[];
    weightsBps: number[];
  };
}

/** A page of payments, newest first. */
export interface PaymentPage {
  rows: PaymentRow[];
  /** Cursor for older payments (`before`), absent on the last page. */
  older?: PaymentPosition;
  /** Cursor for newer payments (`after`), absent on the first page. */
  newer?: PaymentPosition;
  /** How many payments match the filter (all pages). */
  total: number;
  /** The block the page was read at. */
  blockNumber: bigint;
}

/** Parameters of {@link HistorySource.revenueTotals}. */
export interface RevenueTotalsQuery {
  /** Chain time, inclusive (seconds). */
  since: number;
  rune?: Hex;
}

/** The parts of paid revenue, in one token. */
export interface RevenueParts {
  amount: bigint;
  developerAmount: bigint;
  infraAmount: bigint;
  stakersAmount: bigint;
  /** Number of payments summed. */
  count: number;
}

/** Totals keyed by rune (lowercase), then token address (lowercase). */
export type RevenueTotals = Map<Hex, Map<Address, RevenueParts>>;

/** Parameters of {@link HistorySource.revenueSeries}. */
export interface RevenueSeriesQuery {
  rune: Hex;
  /** Chain time, inclusive (seconds). */
  from: number;
  /** Chain time, exclusive (seconds). */
  to: number;
}

/** One UTC day of one token's revenue for one rune. Days without payments are absent. */
export interface DailyRevenue extends RevenueParts {
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  token: Address;
}
