import { describe, expect, it } from "vitest";
import { displayFractionDigits, formatAmount, formatBps, formatFixed, shortHex } from "./format";

describe("formatAmount", () => {
  it("groups thousands and trims fraction digits without rounding up", () => {
    expect(formatAmount(1_234_567_899_999_999_999_999n, 18, { symbol: "AURUNES" })).toBe("1,234.5678 AURUNES");
    expect(formatAmount(1_500_000n, 6)).toBe("1.5");
    expect(formatAmount(0n, 18)).toBe("0");
  });

  it("keeps every digit of huge amounts", () => {
    expect(formatAmount(123_456_789_012_345_678_901_234_567_890n, 0)).toBe("123,456,789,012,345,678,901,234,567,890");
  });

  it("says when a non-zero amount is below the shown precision", () => {
    expect(formatAmount(1n, 6, { symbol: "tUSD" })).toBe("<0.0001 tUSD");
    expect(formatAmount(1n, 18, { maxFractionDigits: 2 })).toBe("<0.01");
  });
});

describe("shortHex / formatBps", () => {
  it("shortens addresses", () => {
    expect(shortHex("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")).toBe("0xf39F…2266");
  });
  it("formats basis points", () => {
    expect(formatBps(2_500)).toBe("25%");
    expect(formatBps(1_250)).toBe("12.5%");
    expect(formatBps(5)).toBe("0.05%");
  });
});

describe("formatFixed", () => {
  it("shows the same number of fraction digits for every figure, so a column lines up", () => {
    const en = { locale: "en-US", fractionDigits: 2 };
    expect(formatFixed(100_000_000_000_000_000n, 18, en)).toBe("0.10");
    expect(formatFixed(110_000_000_000_000_000n, 18, en)).toBe("0.11");
    expect(formatFixed(2n * 10n ** 18n, 18, en)).toBe("2.00");
    expect(formatFixed(4_560_000_000_000_000_000n, 18, en)).toBe("4.56");
    expect(formatFixed(0n, 18, en)).toBe("0.00");
  });

  it("follows the locale's grouping and decimal sign", () => {
    const value = 1_234_567_890_000_000_000_000n;
    expect(formatFixed(value, 18, { locale: "en-US", fractionDigits: 2, symbol: "AURUNES" })).toBe("1,234.56 AURUNES");
    expect(formatFixed(value, 18, { locale: "de-DE", fractionDigits: 2 })).toBe("1.234,56");
    expect(formatFixed(value, 18, { locale: "fr-FR", fractionDigits: 2 })).toMatch(/^1\s234,56$/u);
  });

  it("rounds down, keeps huge amounts exact and marks amounts below the precision", () => {
    expect(formatFixed(1_999_999n, 6, { locale: "en-US", fractionDigits: 2 })).toBe("1.99");
    expect(formatFixed(123_456_789_012_345_678_901_234_567n, 0, { locale: "en-US", fractionDigits: 2 })).toBe(
      "123,456,789,012,345,678,901,234,567",
    );
    expect(formatFixed(1n, 6, { locale: "en-US", fractionDigits: 2, symbol: "tUSD" })).toBe("<0.01 tUSD");
    expect(formatFixed(1n, 18, { locale: "de-DE", fractionDigits: 4 })).toBe("<0,0001");
  });

  it("uses 4 digits for ETH and 2 for other tokens", () => {
    expect(displayFractionDigits({ symbol: "ETH", decimals: 18 })).toBe(4);
    expect(displayFractionDigits({ symbol: "AURUNES", decimals: 18 })).toBe(2);
    expect(displayFractionDigits({ symbol: "tUSD", decimals: 6 })).toBe(2);
    expect(displayFractionDigits({ symbol: "WHOLE", decimals: 0 })).toBe(0);
  });
});
