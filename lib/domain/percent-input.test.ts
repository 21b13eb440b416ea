import { describe, expect, it } from "vitest";
import { bpsToPercentText, parsePercentInput } from "./percent-input";

describe("parsePercentInput", () => {
  it("reads whole and decimal percentages into basis points exactly", () => {
    expect(parsePercentInput("30")).toEqual({ ok: true, bps: 3_000 });
    expect(parsePercentInput("12.5")).toEqual({ ok: true, bps: 1_250 });
    expect(parsePercentInput("0.01")).toEqual({ ok: true, bps: 1 });
    expect(parsePercentInput(" 40 % ")).toEqual({ ok: true, bps: 4_000 });
    expect(parsePercentInput("33,33")).toEqual({ ok: true, bps: 3_333 });
    expect(parsePercentInput("100")).toEqual({ ok: true, bps: 10_000 });
    expect(parsePercentInput("0")).toEqual({ ok: true, bps: 0 });
    expect(parsePercentInput("7.")).toEqual({ ok: true, bps: 700 });
    // 0.29 * 100 is 28.999… as a float: the digits are read, not multiplied.
    expect(parsePercentInput("0.29")).toEqual({ ok: true, bps: 29 });
  });

  it("refuses empty, negative, over-precise, non-numeric and above-100 input with the reason", () => {
    expect(parsePercentInput("")).toMatchObject({ ok: false, message: expect.stringContaining("Enter a percentage") });
    expect(parsePercentInput("-5")).toMatchObject({ ok: false, message: expect.stringContaining("negative") });
    expect(parsePercentInput("0.005")).toMatchObject({ ok: false, message: expect.stringContaining("At most 2 decimals") });
    expect(parsePercentInput("ten")).toMatchObject({ ok: false, message: expect.stringContaining("Enter a number") });
    expect(parsePercentInput("1e2")).toMatchObject({ ok: false });
    expect(parsePercentInput("100.01")).toMatchObject({ ok: false, message: "At most 100%." });
    expect(parsePercentInput("1000")).toMatchObject({ ok: false });
  });
});

describe("bpsToPercentText", () => {
  it("writes basis points back as the percentage a user would type", () => {
    expect(bpsToPercentText(3_000)).toBe("30");
    expect(bpsToPercentText(1_250)).toBe("12.5");
    expect(bpsToPercentText(1)).toBe("0.01");
    expect(bpsToPercentText(3_333)).toBe("33.33");
  });
  it("round-trips with parsePercentInput", () => {
    for (const bps of [0, 1, 99, 100, 1_005, 5_050, 9_999, 10_000]) {
      expect(parsePercentInput(bpsToPercentText(bps))).toEqual({ ok: true, bps });
    }
  });
});
