import { type Address, type Hex, formatUnits } from "viem";
import type { TokenInfo } from "../domain/agent";
import type { PaymentPage, PaymentRow } from "./history-source";
import { formatCursor } from "./payment-params";

/** An amount both ways: the integer in the token's smallest unit, and the exact decimal in whole tokens. */
export interface AmountJson {
  raw: string;
  decimal: string;
}

/** One payment as `GET /api/runes/{rune}/payments` returns it. */
export interface PaymentRowJson {
  /** `<block>-<logIndex>`: the payment's place in the chain, usable as a cursor. */
  position: string;
  blockNumber: number;
  logIndex: number;
  transactionHash: Hex;
  /** The transaction on the configured block explorer, or `null` when none is configured. */
  explorerUrl: string | null;
  /** Chain time, ISO-8601 UTC. */
  time: string;
  /** Chain time, seconds since the epoch. */
  timestamp: number;
  serviceId: Hex;
  payer: Address;
  token: { address: Address; symbol: string; decimals: number };
  amount: AmountJson;
  developerAmount: AmountJson;
  infraAmount: AmountJson;
  stakersAmount: AmountJson;
  collaborative: { totalAmount: AmountJson; runes: Hex[]; weightsBps: number[] } | null;
}

/** A page as the API returns it. `next` / `previous` go in `cursor` / `newer`. */
export interface PaymentPageJson {
  rune: Hex;
  blockNumber: number;
  total: number;
  rows: PaymentRowJson[];
  next: string | null;
  previous: string | null;
}

/** The tokens a page's rows may name, and where transactions can be looked at. */
export interface PaymentEncodingContext {
  tokens: readonly TokenInfo[];
  /** Block explorer base URL, no trailing slash. */
  explorerUrl?: string;
}

/**
 * A page of payments as JSON-safe values (amounts as strings: they do not fit a JSON number).
 *
 * @example
 * Response.json(paymentPageJson(rune, page, { tokens, explorerUrl: config.explorerUrl }))
 */
export function paymentPageJson(rune: Hex, page: PaymentPage, context: PaymentEncodingContext): PaymentPageJson {
  return {
    rune,
    blockNumber: Number(page.blockNumber),
    total: page.total,
    rows: page.rows.map((row) => paymentRowJson(row, context)),
    next: page.older ? formatCursor(page.older) : null,
    previous: page.newer ? formatCursor(page.newer) : null,
  };
}

/**
 * One payment as JSON-safe values.
 *
 * @example
 * paymentRowJson(row, { tokens }).amount // { raw: "1500000000000000000", decimal: "1.5" }
 */
export function paymentRowJson(row: PaymentRow, context: PaymentEncodingContext): PaymentRowJson {
  const token = tokenOf(row.token, context.tokens);
  const amount = (value: bigint): AmountJson => ({ raw: value.toString(), decimal: formatUnits(value, token.decimals) });
  return {
    position: formatCursor(row),
    blockNumber: Number(row.blockNumber),
    logIndex: row.logIndex,
    transactionHash: row.transactionHash,
    explorerUrl: context.explorerUrl ? `${context.explorerUrl}/tx/${row.transactionHash}` : null,
    time: isoTime(row.timestamp),
    timestamp: row.timestamp,
    serviceId: row.serviceId,
    payer: row.payer,
    token,
    amount: amount(row.amount),
    developerAmount: amount(row.developerAmount),
    infraAmount: amount(row.infraAmount),
    stakersAmount: amount(row.stakersAmount),
    collaborative: row.collaborative
      ? { totalAmount: amount(row.collaborative.totalAmount), runes: row.collaborative.runes, weightsBps: row.collaborative.weightsBps }
      : null,
  };
}

/**
 * A chain time as ISO-8601 UTC to the second.
 *
 * @example
 * isoTime(1767225600) // "2026-01-01T00:00:00Z"
 */
export function isoTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(".000Z", "Z");
}

/** The token of a row: from the distributor's list, which keeps every token ever allowed (so it is always there). */
function tokenOf(address: Address, tokens: readonly TokenInfo[]): { address: Address; symbol: string; decimals: number } {
  const token = tokens.find((t) => t.address.toLowerCase() === address.toLowerCase());
  // Unreachable with the contracts as written; raw amounts stay exact even so.
  if (!token) return { address, symbol: address, decimals: 0 };
  return { address: token.address, symbol: token.symbol, decimals: token.decimals };
}
