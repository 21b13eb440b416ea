import type { Address } from "viem";
import {
  DEFAULT_PAGE_SIZE,
  type DailyRevenue,
  MAX_PAGE_SIZE,
  type PaymentPage,
  type PaymentPosition,
  type PaymentQuery,
  type PaymentRow,
  type RevenueParts,
  type RevenueTotals,
} from "../history-source";
import { type RowSequence, comparePositions, firstAtOrAfter, partitionPoint, rowsOf } from "./row-sequence";

/**
 * One page of payments from rows already narrowed to the query's rune and token (see PaymentRowIndex.select):
 * the time range and cursors are found by binary search, so the last page of a long history costs what the
 * first does; only the `collaborative` filter looks at each row of the time range.
 *
 * @example
 * const page = pagePayments(view.select({ rune }), { rune, before: cursor, pageSize: 50 }, view.blockNumber);
 */
export function pagePayments(rows: RowSequence, query: PaymentQuery, blockNumber: bigint): PaymentPage {
  const lo = query.from === undefined ? 0 : firstAtOrAfter(rows, query.from);
  const hi = query.to === undefined ? rows.length : firstAtOrAfter(rows, query.to, lo);
  const matching = query.collaborative === undefined ? new RangeView(rows, lo, hi) : collect(rows, lo, hi, query.collaborative);
  const size = Math.min(Math.max(1, Math.floor(query.pageSize ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE);

  let start: number;
  let end: number;
  if (query.before) {
    const before = query.before;
    end = matching.partition((row) => comparePositions(row, before) < 0);
    start = Math.max(0, end - size);
  } else if (query.after) {
    const after = query.after;
    start = matching.partition((row) => comparePositions(row, after) <= 0);
    end = Math.min(matching.length, start + size);
  } else {
    end = matching.length;
    start = Math.max(0, end - size);
  }

  const page: PaymentRow[] = [];
  for (let i = end - 1; i >= start; i--) page.push(matching.at(i));
  // A page beyond either end of the history is empty and points nowhere: the caller starts again from the newest.
  const older = start > 0 && start < end ? position(matching.at(start)) : undefined;
  const newer = end < matching.length && start < end ? position(matching.at(end - 1)) : undefined;
  return { rows: page, older, newer, total: matching.length, blockNumber };
}

/**
 * Sums per rune and token of the rows at or after a chain time.
 *
 * @example
 * const last30Days = sumRevenue(view.select({}), head.timestamp - 30 * 86_400);
 */
export function sumRevenue(rows: RowSequence, since: number): RevenueTotals {
  const totals: RevenueTotals = new Map();
  for (let i = firstAtOrAfter(rows, since); i < rows.length; i++) {
    const row = rows.at(i);
    const rune = row.rune.toLowerCase() as `0x${string}`;
    const token = row.token.toLowerCase() as Address;
    let byToken = totals.get(rune);
    if (!byToken) totals.set(rune, (byToken = new Map()));
    byToken.set(token, add(byToken.get(token), row));
  }
  return totals;
}

/**
 * Revenue per UTC day and token between two chain times (`to` exclusive), oldest day first, tokens in address
 * order within a day. Days without payments are absent.
 *
 * @example
 * const series = dailyRevenue(view.select({ rune }), from, to);
 */
export function dailyRevenue(rows: RowSequence, from: number, to: number): DailyRevenue[] {
  const days = new Map<string, DailyRevenue>();
  const end = firstAtOrAfter(rows, to);
  for (let i = firstAtOrAfter(rows, from, 0, end); i < end; i++) {
    const row = rows.at(i);
    const day = new Date(row.timestamp * 1000).toISOString().slice(0, 10);
    const token = row.token.toLowerCase() as Address;
    const key = `${day}:${token}`;
    const parts = add(days.get(key), row);
    days.set(key, { day, token, ...parts });
  }
  return [...days.values()].sort((a, b) => (a.day === b.day ? (a.token < b.token ? -1 : 1) : a.day < b.day ? -1 : 1));
}

/** The rows of a range that match the collaborative filter (the only filter no index answers). */
function collect(rows: RowSequence, lo: number, hi: number, collaborative: boolean): RangeView {
  const out: PaymentRow[] = [];
  for (let i = lo; i < hi; i++) {
    const row = rows.at(i);
    if ((row.collaborative !== undefined) === collaborative) out.push(row);
  }
  return new RangeView(rowsOf(out), 0, out.length);
}

/** `[lo, hi)` of a sequence, indexed from 0. */
class RangeView {
  readonly length: number;
  constructor(
    private readonly rows: RowSequence,
    private readonly lo: number,
    hi: number,
  ) {
    this.length = hi - lo;
  }
  at(index: number): PaymentRow {
    return this.rows.at(this.lo + index);
  }
  /** First index whose row is not `before(row)`. */
  partition(before: (row: PaymentRow) => boolean): number {
    return partitionPoint(this.rows, before, this.lo, this.lo + this.length) - this.lo;
  }
}

function position(row: PaymentRow): PaymentPosition {
  return { blockNumber: row.blockNumber, logIndex: row.logIndex };
}

function add(sum: RevenueParts | undefined, row: PaymentRow): RevenueParts {
  return {
    amount: (sum?.amount ?? 0n) + row.amount,
    developerAmount: (sum?.developerAmount ?? 0n) + row.developerAmount,
    infraAmount: (sum?.infraAmount ?? 0n) + row.infraAmount,
    stakersAmount: (sum?.stakersAmount ?? 0n) + row.stakersAmount,
    count: (sum?.count ?? 0) + 1,
  };
}
