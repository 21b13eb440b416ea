import { describe, expect, it } from "vitest";
import { formatAmount, formatBps, shortHex } from "./format";

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
