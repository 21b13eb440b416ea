import { describe, expect, it } from "vitest";
import { parseAmountInput } from "./amount-input";

const AURUNES = { decimals: 18, symbol: "AURUNES" };
const USD = { decimals: 6, symbol: "tUSD" };

describe("parseAmountInput", () => {
  it("reads plain decimals exactly", () => {
    expect(parseAmountInput("1.5", AURUNES)).toEqual({ ok: true, value: 1_500_000_000_000_000_000n });
    expect(parseAmountInput(" 12 ", USD)).toEqual({ ok: true, value: 12_000_000n });
    expect(parseAmountInput(".25", USD)).toEqual({ ok: true, value: 250_000n });
    expect(parseAmountInput("3.", USD)).toEqual({ ok: true, value: 3_000_000n });
    expect(parseAmountInput("123456789012345678901234567890.123456789012345678", AURUNES)).toEqual({
      ok: true,
      value: 123456789012345678901234567890123456789012345678n,
    });
  });

  it.each([
    ["", "Enter an amount."],
    ["   ", "Enter an amount."],
    ["0", "The amount must be more than zero."],
    ["0.000", "The amount must be more than zero."],
    ["-1", "The amount cannot be negative."],
    ["1e3", "Enter a plain number, like 12.5."],
    ["abc", "Enter a plain number, like 12.5."],
    ["1,5", "Enter a plain number, like 12.5."],
    ["1.2.3", "Enter a plain number, like 12.5."],
    ["0x10", "Enter a plain number, like 12.5."],
    ["Infinity", "Enter a plain number, like 12.5."],
  ])("refuses %j", (text, error) => {
    expect(parseAmountInput(text, AURUNES)).toEqual({ ok: false, error });
  });

  it("refuses more decimals than the token has", () => {
    expect(parseAmountInput("0.0000001", USD)).toEqual({ ok: false, error: "tUSD has at most 6 decimals." });
    expect(parseAmountInput("0.000001", USD)).toEqual({ ok: true, value: 1n });
  });

  it("refuses more than the maximum, and accepts exactly the maximum", () => {
    const rules = { ...AURUNES, max: 10n ** 18n, maxLabel: "your balance" };
    expect(parseAmountInput("1.000000000000000001", rules)).toEqual({ ok: false, error: "That is more than your balance." });
    expect(parseAmountInput("1", rules)).toEqual({ ok: true, value: 10n ** 18n });
  });
});
