import { type SQL, sql } from "@ponder/client";
import type { Address, Hex } from "viem";
import type { PaymentFilter, PaymentPosition } from "../history-source";
import type { IndexedBlock } from "./indexer-client";

// The SQL the indexer read side sends (views of the tables of scripts/indexer/ponder.schema.ts: never the tables by
// name, which a temporary table of Ponder's can hide on PGlite, see there). Every query is bounded by the
// block the caller checked the indexer had reached, so the parts of one page agree with each other. Numbers that
// may pass 2^53 come back as text (Postgres' int8 and numeric would be strings anyway; PGlite's int8 would not).
//
// The bound names the block by its number and its time: Ponder's SQL over HTTP caches each answer by the query's
// text and forgets it when a table changes, but not when a reorg reverts rows (it drops its change triggers for
// the revert), so a query bounded by block number N alone would get the answer cached before the reorg for the
// block N the chain no longer has. The replacing block has another time (mostly: see fallback-history-source.ts),
// so its queries are others.

export const DAY_SECONDS = 86_400;

/** One payment row as selected by {@link paymentRows}. */
export interface PaymentRecord {
  block_number: string;
  log_index: number;
  transaction_hash: Hex;
  timestamp: string;
  rune: Hex;
  service_id: Hex;
  payer: Address;
  token: Address;
  amount: string;
  developer_amount: string;
  infra_amount: string;
  stakers_amount: string;
  collaborative_amount: string | null;
  collaborative_runes: Hex[] | null;
  collaborative_weights: number[] | null;
}

/** Sums of payments, grouped as each query says. */
export interface PartsRecord {
  rune: Hex;
  token: Address;
  day?: number;
  amount: string;
  developer_amount: string;
  infra_amount: string;
  stakers_amount: string;
  payment_count: number;
}

/** `where` of the payments matching a filter, up to a block (and so up to its time). */
export function paymentConditions(filter: PaymentFilter, upTo: IndexedBlock): SQL {
  const conditions: SQL[] = [upToBlock(upTo)];
  if (filter.rune !== undefined) conditions.push(sql`p.rune = ${filter.rune.toLowerCase()}`);
  if (filter.token !== undefined) conditions.push(sql`p.token = ${filter.token.toLowerCase()}`);
  if (filter.from !== undefined) conditions.push(sql`p.timestamp >= ${filter.from}`);
  if (filter.to !== undefined) conditions.push(sql`p.timestamp < ${filter.to}`);
  if (filter.collaborative === true) conditions.push(sql`p.collaborative_id is not null`);
  if (filter.collaborative === false) conditions.push(sql`p.collaborative_id is null`);
  return allOf(...conditions);
}

/** Payments of blocks up to this one: by number, and by time, which names the block in the query's text. */
function upToBlock(block: IndexedBlock): SQL {
  return sql`p.block_number <= ${block.number.toString()} and p.timestamp <= ${block.timestamp}`;
}

/** Every condition at once. */
export function allOf(...conditions: SQL[]): SQL {
  return sql.join(conditions, sql` and `);
}

/**
 * Payments strictly older (`"<"`) or newer (`">"`) than a position. One row comparison, not `block < b or (block = b
 * and log < l)`: Postgres starts its scan of the (rune, block_number, log_index) index at the position, where the
 * `or` made it read every payment of the rune and filter them (the last page of 30,000 payments read them all).
 */
export function positionCondition(operator: "<" | ">", position: PaymentPosition): SQL {
  const block = position.blockNumber.toString();
  return operator === "<"
    ? sql`(p.block_number, p.log_index) < (${block}, ${position.logIndex})`
    : sql`(p.block_number, p.log_index) > (${block}, ${position.logIndex})`;
}

/** Up to `limit` payments matching `where`, newest first (`desc`) or oldest first, with their collaborative payment. */
export function paymentRows(where: SQL, order: "desc" | "asc", limit: number): SQL {
  const direction = order === "desc" ? sql`desc` : sql`asc`;
  return sql`select p.block_number::text as block_number, p.log_index, p.transaction_hash, p.timestamp::text as timestamp,
      p.rune, p.service_id, p.payer, p.token, p.amount::text as amount, p.developer_amount::text as developer_amount,
      p.infra_amount::text as infra_amount, p.stakers_amount::text as stakers_amount,
      c.amount::text as collaborative_amount, c.runes as collaborative_runes, c.weights_bps as collaborative_weights
    from payment_view p left join collaborative_payment_view c on c.id = p.collaborative_id
    where ${where}
    order by p.block_number ${direction}, p.log_index ${direction}
    limit ${limit}`;
}

/** `[{ n }]`: how many payments match `where`. */
export function paymentCount(where: SQL): SQL {
  return sql`select count(*)::int as n from payment_view p where ${where}`;
}

/** `[{ found }]`: 1 row when a payment matches `where`, none otherwise. */
export function anyPayment(where: SQL): SQL {
  return sql`select 1 as found from payment_view p where ${where} limit 1`;
}

/**
 * Sums per rune and token of the payments in `[from, to)` (chain time) up to a block, read from whole days of
 * revenue_day plus the payments of the partial days at either end: the cost follows the days and runes, not the
 * payments. `perDay` groups by UTC day as well. Pass `to` no later than the block's time + 1, so that no whole
 * day can hold a payment past the block.
 */
export function revenueParts(range: { from: number; to: number; rune?: Hex; perDay: boolean; upTo: IndexedBlock }): SQL {
  const { from, to } = range;
  const firstWholeDay = Math.ceil(from / DAY_SECONDS);
  const endDay = Math.floor(to / DAY_SECONDS);
  const runeCondition = range.rune === undefined ? sql`true` : sql`p.rune = ${range.rune.toLowerCase()}`;
  const paymentsIn = (start: number, end: number) => sql`(p.timestamp >= ${start} and p.timestamp < ${end})`;

  let partialRanges: SQL;
  let wholeDays = sql``;
  if (firstWholeDay >= endDay) {
    partialRanges = paymentsIn(from, to);
  } else {
    partialRanges = sql`(${paymentsIn(from, firstWholeDay * DAY_SECONDS)} or ${paymentsIn(endDay * DAY_SECONDS, to)})`;
    const dayRune = range.rune === undefined ? sql`true` : sql`d.rune = ${range.rune.toLowerCase()}`;
    wholeDays = sql`union all
      select d.rune, d.token, d.day, d.amount, d.developer_amount, d.infra_amount, d.stakers_amount, d.payment_count
      from revenue_day_view d where ${dayRune} and d.day >= ${firstWholeDay} and d.day < ${endDay}`;
  }
  const dayColumn = range.perDay ? sql`, day` : sql``;
  return sql`select rune, token${dayColumn}, sum(amount)::text as amount, sum(developer_amount)::text as developer_amount,
      sum(infra_amount)::text as infra_amount, sum(stakers_amount)::text as stakers_amount,
      sum(payment_count)::int as payment_count
    from (
      select p.rune, p.token, floor(p.timestamp / ${DAY_SECONDS})::int as day, p.amount, p.developer_amount,
        p.infra_amount, p.stakers_amount, 1 as payment_count
      from payment_view p
      where ${runeCondition} and ${upToBlock(range.upTo)} and ${partialRanges}
      ${wholeDays}
    ) parts
    group by rune, token${dayColumn}`;
}
