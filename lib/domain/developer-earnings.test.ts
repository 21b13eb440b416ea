import type { Address, Hex } from "viem";
import { describe, expect, it } from "vitest";
import type { RevenueParts, RevenueTotals } from "../data/history-source";
import type { TokenInfo } from "./agent";
import { buildDeveloperEarnings } from "./developer-earnings";
import { type TokenPrice, USD_DECIMALS } from "./reference-currency";

const ETH: Address = "0x0000000000000000000000000000000000000000";
const TUSD: Address = "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9";
const tokens: TokenInfo[] = [
  { address: ETH, symbol: "ETH", decimals: 18, allowed: true },
  { address: TUSD, symbol: "tUSD", decimals: 6, allowed: true },
];
const RUNE_A = `0x${"a".repeat(64)}` as Hex;
const RUNE_B = `0x${"b".repeat(64)}` as Hex;
const DOLLAR = 10n ** BigInt(USD_DECIMALS);

function parts(amount: bigint, developerAmount: bigint, count = 1): RevenueParts {
  return { amount, developerAmount, infraAmount: 0n, stakersAmount: amount - developerAmount, count };
}

const allTime: RevenueTotals = new Map([
  [RUNE_A, new Map([[ETH, parts(2n * 10n ** 18n, 10n ** 18n, 3)], [TUSD.toLowerCase() as Address, parts(10_000_000n, 5_000_000n, 2)]])],
]);
const last30d: RevenueTotals = new Map([[RUNE_A, new Map([[TUSD.toLowerCase() as Address, parts(4_000_000n, 2_000_000n)]])]]);

function price(token: Address, answer: bigint): TokenPrice {
  return { status: "ok", token, answer, decimals: 8, updatedAt: 1 };
}

describe("buildDeveloperEarnings", () => {
  it("lists every token per agent (zero where nothing was paid) and values the developer part in USD exactly", () => {
    const prices = new Map([
      [ETH, price(ETH, 3_000_00000000n)],
      [TUSD.toLowerCase() as Address, price(TUSD, 1_00000000n)],
    ]);
    const earnings = buildDeveloperEarnings({ runes: [RUNE_A, RUNE_B], tokens, last30d, allTime, prices, asOf: 100, since30d: 50 });
    expect(earnings.runes[0]!.tokens).toEqual([
      { token: ETH, last30d: { amount: 0n, developerAmount: 0n, count: 0 }, allTime: { amount: 2n * 10n ** 18n, developerAmount: 10n ** 18n, count: 3 } },
      { token: TUSD, last30d: { amount: 4_000_000n, developerAmount: 2_000_000n, count: 1 }, allTime: { amount: 10_000_000n, developerAmount: 5_000_000n, count: 2 } },
    ]);
    expect(earnings.runes[0]!.usd).toEqual({ last30d: { status: "ok", usd: 2n * DOLLAR }, allTime: { status: "ok", usd: 3_005n * DOLLAR } });
    expect(earnings.runes[1]!.usd).toEqual({ last30d: { status: "ok", usd: 0n }, allTime: { status: "ok", usd: 0n } });
    expect(earnings.totalUsd.allTime).toEqual({ status: "ok", usd: 3_005n * DOLLAR });
  });

  it("says which token has no price rather than a partial USD sum", () => {
    const prices = new Map([[TUSD.toLowerCase() as Address, price(TUSD, 1_00000000n)]]);
    const earnings = buildDeveloperEarnings({ runes: [RUNE_A], tokens, last30d, allTime, prices, asOf: 100, since30d: 50 });
    // The last 30 days earned no ETH, so they are still valued; all time is not.
    expect(earnings.runes[0]!.usd.last30d).toEqual({ status: "ok", usd: 2n * DOLLAR });
    expect(earnings.runes[0]!.usd.allTime).toEqual({ status: "unavailable", token: ETH, reason: "no feed" });
  });
});
