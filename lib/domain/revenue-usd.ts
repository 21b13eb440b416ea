import type { Address } from "viem";
import type { DailyRevenue } from "../data/history-source";
import type { TokenInfo } from "./agent";
import { type PriceUnavailableReason, type TokenPrices, priceOf, sumInUsd, toUsd } from "./reference-currency";
import type { PartValue } from "./revenue-days";

/** A revenue series valued in USD: a converter for its parts and its exact total, or the token that stops it. */
export type UsdSeries =
  | { status: "ok"; /** Converts one token amount into 10^-36 dollars (USD_DECIMALS). */ value: PartValue; /** 10^-36 dollars. */ total: bigint }
  | { status: "unavailable"; token: Address; reason: PriceUnavailableReason };

/**
 * Values a daily revenue series in USD at one set of prices. Every token paid in the series needs a usable price,
 * else the whole series is unavailable (naming the token), never a partial sum; tokens not paid need none. The
 * total is Σ over tokens of (the token's summed amount × its price), exact; the converter gives the same figures
 * part by part (the conversion has no rounding at token and feed decimals ≤ 18), so the bars add up to it.
 *
 * @example
 * const usd = usdSeries(series, tokens, prices);
 * if (usd.status === "ok") dailyBuckets(series, days, { value: usd.value });
 */
export function usdSeries(series: readonly DailyRevenue[], tokens: readonly TokenInfo[], prices: TokenPrices): UsdSeries {
  const amounts = new Map<Address, bigint>();
  for (const row of series) {
    const key = row.token.toLowerCase() as Address;
    amounts.set(key, (amounts.get(key) ?? 0n) + row.amount);
  }
  const decimalsOf = (token: Address) => tokens.find((t) => t.address.toLowerCase() === token.toLowerCase())?.decimals;
  for (const token of amounts.keys()) {
    // A token the distributor no longer lists cannot be valued: its decimals are unknown.
    if (decimalsOf(token) === undefined) return { status: "unavailable", token, reason: "no feed" };
  }
  const total = sumInUsd(
    [...amounts].map(([token, amount]) => ({ token, amount, decimals: decimalsOf(token)! })),
    prices,
  );
  if (total.status !== "ok") return total;
  const value: PartValue = (amount, token) => {
    const price = priceOf(prices, token);
    // Only tokens of the series are converted, and each of them has a usable price (checked above).
    return price.status === "ok" ? toUsd(amount, decimalsOf(token)!, price) : 0n;
  };
  return { status: "ok", value, total: total.usd };
}
