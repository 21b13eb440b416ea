import { type Hex, keccak256, maxUint128, stringToBytes } from "viem";
import { describe, expect, it } from "vitest";
import { checkCollaborators, checkReceiptAmount } from "./rules";

const rune = (name: string): Hex => keccak256(stringToBytes(name));
const [a, b, c] = [rune("a"), rune("b"), rune("c")];

describe("checkReceiptAmount", () => {
  it("accepts 1 to 2^128 - 1", () => {
    expect(checkReceiptAmount(1n)).toBeUndefined();
    expect(checkReceiptAmount(maxUint128)).toBeUndefined();
  });

  it("refuses zero and more than 128 bits with the contract's errors", () => {
    expect(checkReceiptAmount(0n)).toMatchObject({ field: "amount", errorName: "RevenueDistributorZeroAmount" });
    expect(checkReceiptAmount(maxUint128 + 1n)).toMatchObject({ field: "amount", errorName: "RevenueDistributorAmountTooLarge" });
  });
});

describe("checkCollaborators", () => {
  it("accepts 2 to 8 distinct runes with non-zero weights summing to 10,000", () => {
    expect(checkCollaborators({ runes: [a, b], weightsBps: [6_000, 4_000], signatureCount: 2 })).toBeUndefined();
    const eight = Array.from({ length: 8 }, (_, i) => rune(`r${i}`));
    expect(checkCollaborators({ runes: eight, weightsBps: Array(8).fill(1_250), signatureCount: 8 })).toBeUndefined();
  });

  it.each([
    ["one rune", { runes: [a], weightsBps: [10_000], signatureCount: 1 }, "runes", "RevenueDistributorInvalidRuneCount"],
    [
      "nine runes",
      { runes: Array.from({ length: 9 }, (_, i) => rune(`r${i}`)), weightsBps: Array(9).fill(1_000), signatureCount: 9 },
      "runes",
      "RevenueDistributorInvalidRuneCount",
    ],
    ["a missing weight", { runes: [a, b], weightsBps: [10_000], signatureCount: 2 }, "weightsBps", "RevenueDistributorLengthMismatch"],
    ["a missing signature", { runes: [a, b], weightsBps: [5_000, 5_000], signatureCount: 1 }, "signatures", "RevenueDistributorLengthMismatch"],
    ["a zero weight", { runes: [a, b, c], weightsBps: [10_000, 0, 0], signatureCount: 3 }, "weightsBps[1]", "RevenueDistributorZeroWeight"],
    ["a rune twice", { runes: [a, b, a], weightsBps: [4_000, 3_000, 3_000], signatureCount: 3 }, "runes[2]", "RevenueDistributorDuplicateRune"],
    [
      "a rune twice in another case",
      { runes: [a, b, a.toUpperCase().replace("0X", "0x") as Hex], weightsBps: [4_000, 3_000, 3_000], signatureCount: 3 },
      "runes[2]",
      "RevenueDistributorDuplicateRune",
    ],
    ["weights under 10,000", { runes: [a, b], weightsBps: [6_000, 3_999], signatureCount: 2 }, "weightsBps", "RevenueDistributorWeightsNotExact"],
    ["weights over 10,000", { runes: [a, b], weightsBps: [6_000, 4_001], signatureCount: 2 }, "weightsBps", "RevenueDistributorWeightsNotExact"],
  ])("refuses %s", (_case, input, field, errorName) => {
    expect(checkCollaborators(input)).toMatchObject({ field, errorName });
  });

  it("reports the first broken rule in the contract's order (zero weight at index 1 before a duplicate at index 2)", () => {
    expect(checkCollaborators({ runes: [a, b, a], weightsBps: [10_000, 0, 0], signatureCount: 3 })?.errorName).toBe(
      "RevenueDistributorZeroWeight",
    );
  });
});
