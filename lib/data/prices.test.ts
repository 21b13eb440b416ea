import { describe, expect, it } from "vitest";
import { checkRound } from "./prices";

const NOW = 1_700_000_000;
const MAX_AGE = 90_000;
const round = (answer: bigint, updatedAt: number, roundId = 7n, answeredInRound = roundId) =>
  [roundId, answer, BigInt(updatedAt), BigInt(updatedAt), answeredInRound] as const;

describe("checkRound", () => {
  it("accepts a positive, recent answer of the latest round", () => {
    expect(checkRound(round(3_200_00000000n, NOW - 60), 8, NOW, MAX_AGE)).toEqual({
      answer: 3_200_00000000n,
      decimals: 8,
      updatedAt: NOW - 60,
    });
    // Exactly at the limit is still fresh; the same second is too.
    expect(checkRound(round(1n, NOW - MAX_AGE), 8, NOW, MAX_AGE)).not.toBeTypeOf("string");
    expect(checkRound(round(1n, NOW), 8, NOW, MAX_AGE)).not.toBeTypeOf("string");
  });

  it("calls an answer older than the allowed age stale, measured against the given chain time", () => {
    expect(checkRound(round(1n, NOW - MAX_AGE - 1), 8, NOW, MAX_AGE)).toBe("stale");
    expect(checkRound(round(1n, NOW - MAX_AGE - 1), 8, NOW - 10, MAX_AGE)).not.toBeTypeOf("string");
  });

  it("calls an answer carried over from an earlier round stale", () => {
    expect(checkRound(round(1n, NOW, 8n, 7n), 8, NOW, MAX_AGE)).toBe("stale");
  });

  it("refuses zero, negative, unset-time, future and over-precise answers", () => {
    expect(checkRound(round(0n, NOW), 8, NOW, MAX_AGE)).toBe("invalid answer");
    expect(checkRound(round(-5n, NOW), 8, NOW, MAX_AGE)).toBe("invalid answer");
    expect(checkRound(round(1n, 0), 8, NOW, MAX_AGE)).toBe("invalid answer");
    expect(checkRound(round(1n, NOW + 1), 8, NOW, MAX_AGE)).toBe("invalid answer");
    expect(checkRound(round(1n, NOW), 19, NOW, MAX_AGE)).toBe("invalid answer");
  });
});
