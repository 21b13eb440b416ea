import type { Address } from "viem";
import { describe, expect, it } from "vitest";
import { type TokenPrice, USD_DECIMALS, formatUsd, priceOf, sumInUsd, toUsd, usdFigure } from "./reference-currency";

const ETH: Address = "0x0000000000000000000000000000000000000000";
const AURUNES: Address = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const TUSD: Address = "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9";
const DOLLAR = 10n ** BigInt(USD_DECIMALS);

function ok(token: Address, answer: bigint, decimals = 8): TokenPrice {
  return { status: "ok", token, answer, decimals, updatedAt: 1_700_000_000 };
}
const prices = new Map<Address, TokenPrice>([
  [ETH, ok(ETH, 3_200_00000000n)],
  [AURUNES.toLowerCase() as Address, ok(AURUNES, 85_000000n)],
  [TUSD.toLowerCase() as Address, ok(TUSD, 1_00000000n)],
]);

describe("toUsd", () => {
  it("converts exactly, whatever the token's and the feed's decimals", () => {
    expect(toUsd(1_500_000_000_000_000_000n, 18, { answer: 3_200_00000000n, decimals: 8 })).toBe(4_800n * DOLLAR);
    // 1 wei of ETH at 3,200.00: 3.2e-15 dollars, kept to the last digit.
    expect(toUsd(1n, 18, { answer: 3_200_00000000n, decimals: 8 })).toBe(32n * 10n ** 20n);
    expect(toUsd(2_500_000n, 6, { answer: 10n ** 18n, decimals: 18 })).toBe((5n * DOLLAR) / 2n);
    expect(toUsd(0n, 18, { answer: 3_200_00000000n, decimals: 8 })).toBe(0n);
  });

  it("rounds down only when the decimals together exceed the scale", () => {
    // 24-decimal token and 18-decimal feed: 42 > 36 decimals.
    expect(toUsd(1n, 24, { answer: 1n, decimals: 18 })).toBe(0n);
    expect(toUsd(10n ** 6n + 999_999n, 24, { answer: 1n, decimals: 18 })).toBe(1n);
  });
});

describe("sumInUsd", () => {
  it("adds every token's value exactly", () => {
    const total = sumInUsd(
      [
        { token: ETH, decimals: 18, amount: 10n ** 18n },
        { token: AURUNES, decimals: 18, amount: 10n * 10n ** 18n },
        { token: TUSD, decimals: 6, amount: 5_000_001n },
      ],
      prices,
    );
    // 3,200 + 8.5 + 5.000001
    expect(total).toEqual({ status: "ok", usd: 3_213_500_001n * 10n ** 30n });
  });

  it("finds prices whatever the case of the token address", () => {
    expect(priceOf(prices, TUSD.toUpperCase().replace("0X", "0x") as Address).status).toBe("ok");
  });

  it("is unavailable, naming the token, when a needed price is missing or unusable", () => {
    const stale = new Map(prices).set(AURUNES.toLowerCase() as Address, { status: "unavailable", token: AURUNES, reason: "stale" });
    expect(
      sumInUsd(
        [
          { token: ETH, decimals: 18, amount: 1n },
          { token: AURUNES, decimals: 18, amount: 1n },
        ],
        stale,
      ),
    ).toEqual({ status: "unavailable", token: AURUNES, reason: "stale" });
    const other: Address = "0x0000000000000000000000000000000000000abc";
    expect(sumInUsd([{ token: other, decimals: 18, amount: 1n }], prices)).toEqual({
      status: "unavailable",
      token: other,
      reason: "no feed",
    });
  });

  it("needs no price for a token with nothing to value", () => {
    const onlyEth = new Map<Address, TokenPrice>([[ETH, ok(ETH, 3_200_00000000n)]]);
    expect(
      sumInUsd(
        [
          { token: ETH, decimals: 18, amount: 2n * 10n ** 18n },
          { token: TUSD, decimals: 6, amount: 0n },
        ],
        onlyEth,
      ),
    ).toEqual({ status: "ok", usd: 6_400n * DOLLAR });
    expect(sumInUsd([], new Map())).toEqual({ status: "ok", usd: 0n });
  });
});

describe("formatUsd", () => {
  const usd = (cents: bigint, rest = 0n) => cents * 10n ** BigInt(USD_DECIMALS - 2) + rest;

  it("formats in the reader's locale", () => {
    expect(formatUsd(usd(1_234_567n), "en-US")).toBe("$12,345.67");
    expect(formatUsd(usd(1_234_567n), "fr-FR")).toBe("12\u202f345,67\u00a0$US");
    expect(formatUsd(usd(1_234_567n), "de-DE")).toBe("12.345,67\u00a0$");
    expect(formatUsd(usd(1_234_567n), "ar-EG")).toBe(new Intl.NumberFormat("ar-EG", { style: "currency", currency: "USD" }).format(12_345.67));
  });

  it("matches Intl's own currency format wherever a float is still exact", () => {
    for (const locale of ["en-US", "de-CH", "hi-IN", "ja-JP", "fr-CA"]) {
      for (const cents of [0n, 5n, 99n, 100n, 123_456_789n]) {
        const expected = new Intl.NumberFormat(locale, { style: "currency", currency: "USD" }).format(Number(cents) / 100);
        expect(formatUsd(usd(cents), locale)).toBe(expected);
      }
    }
  });

  it("rounds down to the cent, so a total is never overstated", () => {
    expect(formatUsd(usd(1_999n, 10n ** 34n - 1n), "en-US")).toBe("$19.99");
  });

  it("keeps every digit of a huge total", () => {
    expect(formatUsd(usd(123_456_789_012_345_678_901n), "en-US")).toBe("$1,234,567,890,123,456,789.01");
  });

  it("says a tiny total is below a cent rather than zero", () => {
    expect(formatUsd(1n, "en-US")).toBe("<$0.01");
    expect(formatUsd(0n, "en-US")).toBe("$0.00");
  });

  it("refuses a negative value", () => {
    expect(() => formatUsd(-1n, "en-US")).toThrow(RangeError);
  });
});

describe("usdFigure", () => {
  it("shows a known total in the locale and keeps its exact value", () => {
    expect(usdFigure({ status: "ok", usd: 3_200n * DOLLAR }, "de-DE", () => "ETH")).toEqual({ text: "3.200,00\u00a0$", usd: 3_200n * DOLLAR });
  });

  it("says price unavailable, naming the token and the reason", () => {
    expect(usdFigure({ status: "unavailable", token: AURUNES, reason: "stale" }, "en-US", () => "AURUNES")).toEqual({
      text: "price unavailable",
      note: "The USD price of AURUNES is out of date.",
    });
    expect(usdFigure({ status: "unavailable", token: ETH, reason: "no feed" }, "en-US", () => "ETH")).toMatchObject({
      note: "No USD price feed is configured for ETH.",
    });
  });
});
