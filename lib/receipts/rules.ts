/**
 * The rules `RevenueDistributor.pay` / `payCollaborative` apply to a receipt before reading any state, mirrored
 * so a form or the CLI can refuse a receipt that can never pay, with the contract error it would meet. The
 * anvil test checks each rule against the contract's own revert.
 */
import { type Hex, maxUint128 } from "viem";

/** `RevenueDistributor.MAX_COLLABORATORS`: most runes one collaborative receipt may list. */
export const MAX_COLLABORATORS = 8;
/** Fewest runes a collaborative receipt lists (`payCollaborative` refuses fewer). */
export const MIN_COLLABORATORS = 2;
/** Basis points in a whole. */
export const BPS = 10_000;
/** Largest amount a receipt may carry: payments are accounted in 128 bits (`RevenueDistributorAmountTooLarge`). */
export const MAX_RECEIPT_AMOUNT: bigint = maxUint128;

/** A broken rule: where, why in plain words, and the custom error the distributor reverts with. */
export interface ReceiptRuleViolation {
  /** The receipt field at fault: `amount`, `runes`, `weightsBps[1]`, `signatures`. */
  field: string;
  message: string;
  /** Name of the RevenueDistributor custom error this rule corresponds to. */
  errorName: string;
}

/**
 * The amount rule of both payment functions: more than zero, at most {@link MAX_RECEIPT_AMOUNT}.
 *
 * @example
 * checkReceiptAmount(0n)?.errorName // "RevenueDistributorZeroAmount"
 */
export function checkReceiptAmount(amount: bigint): ReceiptRuleViolation | undefined {
  if (amount <= 0n) {
    return { field: "amount", message: "the amount must be more than zero", errorName: "RevenueDistributorZeroAmount" };
  }
  if (amount > MAX_RECEIPT_AMOUNT) {
    return { field: "amount", message: "the amount is above 2^128 - 1, the most a payment can carry", errorName: "RevenueDistributorAmountTooLarge" };
  }
  return undefined;
}

/** What {@link checkCollaborators} reads of a collaborative receipt. */
export interface CollaboratorsInput {
  runes: readonly Hex[];
  weightsBps: readonly number[];
  /** How many signatures come with the receipt (one per rune, in rune order). */
  signatureCount: number;
}

/**
 * The first rule of `payCollaborative` a receipt breaks, in the contract's order: 2–8 runes, as many weights
 * and signatures as runes, no zero weight, no rune twice, weights summing to exactly 10,000.
 *
 * @example
 * checkCollaborators({ runes: [a, b], weightsBps: [6_000, 3_000], signatureCount: 2 })?.errorName
 * // "RevenueDistributorWeightsNotExact"
 */
export function checkCollaborators({ runes, weightsBps, signatureCount }: CollaboratorsInput): ReceiptRuleViolation | undefined {
  const count = runes.length;
  if (count < MIN_COLLABORATORS || count > MAX_COLLABORATORS) {
    return {
      field: "runes",
      message: `a collaborative receipt lists ${MIN_COLLABORATORS} to ${MAX_COLLABORATORS} runes, not ${count}`,
      errorName: "RevenueDistributorInvalidRuneCount",
    };
  }
  if (weightsBps.length !== count || signatureCount !== count) {
    return {
      field: weightsBps.length !== count ? "weightsBps" : "signatures",
      message: `${count} runes need ${count} weights and ${count} signatures (got ${weightsBps.length} and ${signatureCount})`,
      errorName: "RevenueDistributorLengthMismatch",
    };
  }
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const weight = weightsBps[i] ?? 0;
    if (weight === 0) {
      return { field: `weightsBps[${i}]`, message: "every rune needs a weight above 0", errorName: "RevenueDistributorZeroWeight" };
    }
    sum += weight;
    const rune = runes[i]?.toLowerCase();
    if (runes.slice(0, i).some((earlier) => earlier.toLowerCase() === rune)) {
      return { field: `runes[${i}]`, message: `rune ${runes[i]} is listed twice`, errorName: "RevenueDistributorDuplicateRune" };
    }
  }
  if (sum !== BPS) {
    return {
      field: "weightsBps",
      message: `the weights add up to ${sum}, not exactly ${BPS}`,
      errorName: "RevenueDistributorWeightsNotExact",
    };
  }
  return undefined;
}
