import type { Address } from "viem";

/**
 * Totals across tokens in one reference currency, US dollars, from Chainlink-style price feeds. Pure: the feeds
 * are read by lib/data/prices.ts.
 *
 * Scale: a USD value is a `bigint` of 10^-36 dollars ({@link USD_DECIMALS}). A token amount (≤ 18 decimals)
 * times a feed answer (≤ 18 decimals) fits that scale with no division, so every conversion and every sum is
 * exact; the only rounding is at display, down to the cent (a total is never overstated). Tokens or feeds with
 * more decimals than that together are rounded down to 10^-36 dollars.
 */
export const USD_DECIMALS = 36;

/** Why a token has no usable price. */
export type PriceUnavailableReason =
  /** No feed is configured for the token. */
  | "no feed"
  /** The feed's latest answer is older than the allowed age (or was carried over from an earlier round). */
  | "stale"
  /** The feed answered something no price can be: zero or negative, no update time, a time in the future. */
  | "invalid answer"
  /** The feed could not be read: its call reverted (e.g. no answer yet), returned nothing, or the node failed. */
  | "unreachable";

/** A token's USD price as read from its feed, or why there is none. */
export type TokenPrice =
  | {
      status: "ok";
      token: Address;
      /** The feed's answer: dollars per whole token, with `decimals` decimals. Always > 0. */
      answer: bigint;
      decimals: number;
      /** Chain time the answer was written (seconds). */
      updatedAt: number;
    }
  | { status: "unavailable"; token: Address; reason: PriceUnavailableReason };

/** Prices keyed by lowercase token address (see {@link priceOf}). */
export type TokenPrices = ReadonlyMap<Address, TokenPrice>;

/** An amount of one token, with what is needed to value it. */
export interface TokenAmount {
  token: Address;
  /** Decimals of the token (ETH: 18). */
  decimals: number;
  /** In the token's smallest unit. */
  amount: bigint;
}

/** The USD value of several token amounts together, or the first token that stops it from being known. */
export type UsdTotal =
  | { status: "ok"; /** In 10^-36 dollars ({@link USD_DECIMALS}). */ usd: bigint }
  | { status: "unavailable"; token: Address; reason: PriceUnavailableReason };

/**
 * The price of a token from a price map, "no feed" when the map has none for it.
 *
 * @example
 * priceOf(prices, "0xCf7E…0Fc9") // { status: "ok", answer: 100000000n, decimals: 8, … }
 */
export function priceOf(prices: TokenPrices, token: Address): TokenPrice {
  return prices.get(token.toLowerCase() as Address) ?? { status: "unavailable", token, reason: "no feed" };
}

/**
 * The exact USD value of a token amount at a feed's answer, in 10^-36 dollars.
 *
 * @example
 * // 1.5 ETH at 3,200.00 USD (8-decimal answer) = 4,800 dollars
 * toUsd(1_500_000_000_000_000_000n, 18, { answer: 320_000_000_000n, decimals: 8 }) === 4_800n * 10n ** 36n
 */
export function toUsd(amount: bigint, tokenDecimals: number, price: { answer: bigint; decimals: number }): bigint {
  const shift = USD_DECIMALS - tokenDecimals - price.decimals;
  const product = amount * price.answer;
  return shift >= 0 ? product * 10n ** BigInt(shift) : product / 10n ** BigInt(-shift);
}

/**
 * Sums token amounts in USD. Every token with a non-zero amount needs a usable price: if one has none, the whole
 * total is unavailable (naming that token), never a partial sum that would understate it. Zero amounts need no
 * price.
 *
 * @example
 * sumInUsd([{ token: ETH, decimals: 18, amount: 10n ** 18n }, { token: TUSD, decimals: 6, amount: 5_000_000n }], prices)
 * // { status: "ok", usd: 3_205n * 10n ** 36n } with ETH at 3,200 and tUSD at 1
 */
export function sumInUsd(amounts: readonly TokenAmount[], prices: TokenPrices): UsdTotal {
  let usd = 0n;
  for (const { token, decimals, amount } of amounts) {
    if (amount === 0n) continue;
    const price = priceOf(prices, token);
    if (price.status !== "ok") return { status: "unavailable", token, reason: price.reason };
    usd += toUsd(amount, decimals, price);
  }
  return { status: "ok", usd };
}

/**
 * Formats a USD value (10^-36 dollars, not negative: revenue) as currency in a locale, exactly: the whole dollars
 * go to `Intl` as a bigint (no float, any size) and the cents are cut from the digits, rounded down. A non-zero
 * value below one cent reads "<$0.01" rather than a misleading zero.
 *
 * @example
 * formatUsd(12_345_678n * 10n ** 34n, "en-US") // "$12,345.67"
 * formatUsd(12_345_678n * 10n ** 34n, "fr-FR") // "12 345,67 $US"
 */
export function formatUsd(usd: bigint, locale: string): string {
  if (usd < 0n) throw new RangeError("formatUsd: a negative USD value");
  const cents = usd / 10n ** BigInt(USD_DECIMALS - 2);
  const below = cents === 0n && usd !== 0n;
  const shown = below ? 1n : cents;
  const currency = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  // The locale's own digits for the cents (not every locale writes 0-9).
  const centDigits = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false }).format(shown % 100n);
  const text = currency
    .formatToParts(shown / 100n)
    .map((part) => (part.type === "fraction" ? centDigits : part.value))
    .join("");
  return below ? `<${text}` : text;
}

/** What a USD cell shows when a total cannot be known. */
export const PRICE_UNAVAILABLE = "price unavailable";

/** A USD total ready to show: the text, and either its exact value (for sorting) or why it is unavailable. */
export type UsdFigure = { text: string; usd: bigint } | { text: typeof PRICE_UNAVAILABLE; note: string };

const REASON_NOTES: Record<PriceUnavailableReason, (symbol: string) => string> = {
  "no feed": (symbol) => `No USD price feed is configured for ${symbol}.`,
  stale: (symbol) => `The USD price of ${symbol} is out of date.`,
  "invalid answer": (symbol) => `The USD price feed of ${symbol} gave an invalid answer.`,
  unreachable: (symbol) => `The USD price feed of ${symbol} could not be read.`,
};

/**
 * A {@link UsdTotal} as a figure to show: the amount in the reader's locale, or {@link PRICE_UNAVAILABLE} with a
 * note naming the token and the reason (for a tooltip), never a number made up from the other tokens.
 *
 * @example
 * usdFigure({ status: "unavailable", token: AURUNES, reason: "stale" }, "en-US", () => "AURUNES")
 * // { text: "price unavailable", note: "The USD price of AURUNES is out of date." }
 */
export function usdFigure(total: UsdTotal, locale: string, symbolOf: (token: Address) => string): UsdFigure {
  if (total.status === "ok") return { text: formatUsd(total.usd, locale), usd: total.usd };
  return { text: PRICE_UNAVAILABLE, note: REASON_NOTES[total.reason](symbolOf(total.token)) };
}
