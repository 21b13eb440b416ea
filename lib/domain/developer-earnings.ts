import type { Address, Hex } from "viem";
import type { RevenueParts, RevenueTotals } from "../data/history-source";
import type { TokenInfo } from "./agent";
import { type TokenPrices, type UsdTotal, sumInUsd } from "./reference-currency";

/** What an agent earned in one token over one window. */
export interface EarningsWindow {
  /** Everything paid to the agent (its revenue). */
  amount: bigint;
  /** The developer part of it (`ServicePaid.developerAmount`: the developer share, plus the stakers part whenever nobody was staked). */
  developerAmount: bigint;
  /** Payments summed. */
  count: number;
}

/** One token's earnings of an agent. */
export interface TokenEarnings {
  token: Address;
  last30d: EarningsWindow;
  allTime: EarningsWindow;
}

/** One agent's earnings per token, and its developer part in US dollars. */
export interface RuneEarnings {
  rune: Hex;
  /** Every distributor token, in the distributor's order (zero where nothing was paid). */
  tokens: TokenEarnings[];
  /** The developer part across tokens in USD, or the token without a usable price. */
  usd: { last30d: UsdTotal; allTime: UsdTotal };
}

/** The developer's earnings, per agent, as of one chain time. */
export interface DeveloperEarnings {
  /** Chain time the windows are counted back from (seconds). */
  asOf: number;
  /** Start of the 30-day window (chain time, inclusive). */
  since30d: number;
  runes: RuneEarnings[];
  /** Every agent's developer part together, in USD. */
  totalUsd: { last30d: UsdTotal; allTime: UsdTotal };
}

const NONE: EarningsWindow = { amount: 0n, developerAmount: 0n, count: 0 };

function windowOf(parts: RevenueParts | undefined): EarningsWindow {
  return parts ? { amount: parts.amount, developerAmount: parts.developerAmount, count: parts.count } : NONE;
}

/** Parameters of {@link buildDeveloperEarnings}. */
export interface BuildDeveloperEarningsParameters {
  runes: readonly Hex[];
  tokens: readonly TokenInfo[];
  /** `revenueTotals({ since: since30d })` and `revenueTotals({ since: 0 })` of the read side. */
  last30d: RevenueTotals;
  allTime: RevenueTotals;
  prices: TokenPrices;
  asOf: number;
  since30d: number;
}

/**
 * Joins the read side's revenue totals into per-agent, per-token earnings and values the developer part in USD
 * (exact; unavailable, never partial, when a token with earnings has no usable price).
 *
 * @example
 * buildDeveloperEarnings({ runes, tokens, last30d, allTime, prices, asOf, since30d: asOf - 30 * 86_400 })
 */
export function buildDeveloperEarnings({ runes, tokens, last30d, allTime, prices, asOf, since30d }: BuildDeveloperEarningsParameters): DeveloperEarnings {
  const valued = (rows: readonly TokenEarnings[], pick: (row: TokenEarnings) => EarningsWindow) =>
    sumInUsd(
      rows.map((row) => ({ token: row.token, decimals: tokens.find((t) => t.address === row.token)?.decimals ?? 18, amount: pick(row).developerAmount })),
      prices,
    );
  const perRune = runes.map((rune): RuneEarnings => {
    const key = rune.toLowerCase() as Hex;
    const rows = tokens.map((token): TokenEarnings => {
      const tokenKey = token.address.toLowerCase() as Address;
      return {
        token: token.address,
        last30d: windowOf(last30d.get(key)?.get(tokenKey)),
        allTime: windowOf(allTime.get(key)?.get(tokenKey)),
      };
    });
    return { rune, tokens: rows, usd: { last30d: valued(rows, (row) => row.last30d), allTime: valued(rows, (row) => row.allTime) } };
  });
  const everyRow = perRune.flatMap((rune) => rune.tokens);
  return {
    asOf,
    since30d,
    runes: perRune,
    totalUsd: { last30d: valued(everyRow, (row) => row.last30d), allTime: valued(everyRow, (row) => row.allTime) },
  };
}
