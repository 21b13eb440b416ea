import { describe, expect, it } from "vitest";
import { chainNow, formatCountdown } from "./chain-time";

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
