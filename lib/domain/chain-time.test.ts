import { describe, expect, it } from "vitest";
import { chainNow, formatChainTime, formatCountdown } from "./chain-time";

describe("chainNow", () => {
  it("adds only the local time elapsed since the block was read", () => {
    expect(chainNow(1_000n, 50_000, 50_000)).toBe(1_000n);
    expect(chainNow(1_000n, 50_000, 52_999)).toBe(1_002n);
    // A machine clock behind the read (clock changed): never goes back.
    expect(chainNow(1_000n, 50_000, 40_000)).toBe(1_000n);
  });
});

describe("formatCountdown", () => {
  it.each([
    [0n, "now"],
    [-5n, "now"],
    [5n, "5 s"],
    [65n, "1 min 5 s"],
    [3_700n, "1 h 1 min"],
    [93_784n, "1 d 2 h"],
  ])("%s s reads %s", (seconds, text) => {
    expect(formatCountdown(seconds)).toBe(text);
  });
});

describe("formatChainTime", () => {
  it("is ISO-8601 UTC to the second, or unix seconds beyond any date", () => {
    expect(formatChainTime(1_900_000_000n)).toBe("2030-03-17T17:46:40Z");
    expect(formatChainTime(0n)).toBe("1970-01-01T00:00:00Z");
    expect(formatChainTime(2n ** 64n - 1n)).toBe("unix 18446744073709551615");
  });
});
