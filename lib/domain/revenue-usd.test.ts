import type { Address } from "viem";
import { describe, expect, it } from "vitest";
import type { DailyRevenue } from "../data/history-source";
import type { TokenInfo } from "./agent";
import { type TokenPrice, USD_DECIMALS } from "./reference-currency";
import { bucketTotal, dailyBuckets } from "./revenue-days";
import { usdSeries } from "./revenue-usd";

const ETH = "0x0000000000000000000000000000000000000000" as Address;
const TUSD = "0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9" as Address;
const AUR = "0x5fbdb2315678afecb367f032d93f642f64180aa3" as Address;
const tokens: TokenInfo[] = [
  { address: ETH, symbol: "ETH", decimals: 18, allowed: true },
  { address: AUR, symbol: "AURUNES", decimals: 18, allowed: true },
  { address: TUSD, symbol: "tUSD", decimals: 6, allowed: true },
];
const ok = (token: Address, answer: bigint): [Address, TokenPrice] => [token, { status: "ok", token, answer, decimals: 8, updatedAt: 1 }];
const USD = 10n ** BigInt(USD_DECIMALS);

function row(day: string, token: Address, developer: bigint, infra: bigint, stakers: bigint): DailyRevenue {
  return { day, token, amount: developer + infra + stakers, developerAmount: developer, infraAmount: infra, stakersAmount: stakers, count: 1 };
}

describe("usdSeries", () => {
  // 0.3 ETH at $3,200.12345678 and 12.345678 tUSD at $0.99990001.
  const series = [
    row("2025-03-01", ETH, 10n ** 17n, 10n ** 17n, 10n ** 17n),
    row("2025-03-02", TUSD, 5_000_000n, 4_000_000n, 3_345_678n),
  ];
  const prices = new Map([ok(ETH, 320_012_345_678n), ok(TUSD, 99_990_001n)]);

  it("totals Σ token amount × price exactly, and the bars add up to it", () => {
    const usd = usdSeries(series, tokens, prices);
    expect(usd.status).toBe("ok");
    if (usd.status !== "ok") return;
    // 0.3 × 3,200.12345678 + 12.345678 × 0.99990001, in 10^-36 dollars with no rounding.
    const expected = (3n * 10n ** 17n * 320_012_345_678n) * 10n ** 10n + 12_345_678n * 99_990_001n * 10n ** 22n;
    expect(usd.total).toBe(expected);
    expect(usd.total / USD).toBe(972n);
    const buckets = dailyBuckets(series, ["2025-03-01", "2025-03-02"], { value: usd.value });
    expect(buckets.reduce((sum, b) => sum + bucketTotal(b), 0n)).toBe(usd.total);
  });

  it("needs no price for a token not paid in the series", () => {
    expect(usdSeries(series, tokens, prices).status).toBe("ok"); // AURUNES has no price here
  });

  it("is unavailable, naming the token, when a paid token has no usable price", () => {
    const stale = new Map([ok(ETH, 1n), [TUSD, { status: "unavailable", token: TUSD, reason: "stale" } as TokenPrice]]);
    expect(usdSeries(series, tokens, stale)).toEqual({ status: "unavailable", token: TUSD, reason: "stale" });
    expect(usdSeries(series, tokens, new Map([ok(ETH, 1n)]))).toMatchObject({ status: "unavailable", token: TUSD, reason: "no feed" });
  });

  it("values an empty series at zero without any price", () => {
    expect(usdSeries([], tokens, new Map())).toMatchObject({ status: "ok", total: 0n });
  });
});
