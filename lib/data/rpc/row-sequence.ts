import type { PaymentPosition, PaymentRow } from "../history-source";

/**
 * Payments in chain order (oldest first), read by index: a cached prefix and the fresh head behind it, seen as one
 * list without copying either. Chain order is also time order (block timestamps never decrease), so both
 * positions and times can be found by binary search.
 */
export interface RowSequence {
  readonly length: number;
  at(index: number): PaymentRow;
}

/**
 * The first `storedLength` rows of `stored` followed by every row of `head`.
 *
 * @example
 * const rows = joinRows(cachedRows, cachedRows.length, headRows);
 */
export function joinRows(stored: readonly PaymentRow[], storedLength: number, head: readonly PaymentRow[]): RowSequence {
  return {
    length: storedLength + head.length,
    at: (index) => (index < storedLength ? stored[index]! : head[index - storedLength]!),
  };
}

/** A plain array as a sequence. */
export function rowsOf(rows: readonly PaymentRow[]): RowSequence {
  return joinRows(rows, rows.length, []);
}

/**
 * Orders two positions: negative when `a` comes first in the chain.
 *
 * @example
 * comparePositions({ blockNumber: 5n, logIndex: 9 }, { blockNumber: 6n, logIndex: 0 }) // -1
 */
export function comparePositions(a: PaymentPosition, b: PaymentPosition): number {
  if (a.blockNumber !== b.blockNumber) return a.blockNumber < b.blockNumber ? -1 : 1;
  return a.logIndex - b.logIndex;
}

/** The first index in `[lo, hi)` whose row is not `before(row)`, for a predicate true on a prefix of the range. */
export function partitionPoint(rows: RowSequence, before: (row: PaymentRow) => boolean, lo = 0, hi = rows.length): number {
  let low = lo;
  let high = hi;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (before(rows.at(mid))) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the first row at or after a chain time (`length` when none). */
export function firstAtOrAfter(rows: RowSequence, timestamp: number, lo = 0, hi = rows.length): number {
  return partitionPoint(rows, (row) => row.timestamp < timestamp, lo, hi);
}

/** Number of rows of an array (ascending by block) in blocks at or below `blockNumber`. */
export function countThroughBlock(rows: readonly PaymentRow[], blockNumber: bigint): number {
  return partitionPoint(rowsOf(rows), (row) => row.blockNumber <= blockNumber);
}
