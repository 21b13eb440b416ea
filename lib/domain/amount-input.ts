/** The outcome of reading an amount typed by a user: the exact value in the token's smallest unit, or why not. */
export type AmountInput = { ok: true; value: bigint } | { ok: false; error: string };

/** Rules for {@link parseAmountInput}. */
export interface AmountInputRules {
  /** The token's decimals. */
  decimals: number;
  /** The token's symbol, for messages. */
  symbol: string;
  /** The most the user may enter (a balance, an active stake), if any. */
  max?: bigint;
  /** What `max` is, for the message: "your balance", "your active stake". */
  maxLabel?: string;
}

const DECIMAL = /^\d+(?:\.\d*)?$|^\.\d+$/;

/**
 * Reads an amount typed in a form, exactly (never through `Number`): refuses empty, zero, negative, anything
 * that is not a plain decimal number (`1e3`, `abc`, `1,5`), more fraction digits than the token has, and more
 * than `max`. The message says what is wrong, for display next to the field before any wallet prompt.
 *
 * @example
 * parseAmountInput("1.5", { decimals: 18, symbol: "AURUNES" }) // { ok: true, value: 1500000000000000000n }
 * parseAmountInput("1e3", { decimals: 18, symbol: "AURUNES" }).ok // false
 */
export function parseAmountInput(text: string, rules: AmountInputRules): AmountInput {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, error: "Enter an amount." };
  if (trimmed.startsWith("-")) return { ok: false, error: "The amount cannot be negative." };
  if (!DECIMAL.test(trimmed)) return { ok: false, error: "Enter a plain number, like 12.5." };
  const [whole = "", fraction = ""] = trimmed.split(".");
  if (fraction.length > rules.decimals) {
    return { ok: false, error: `${rules.symbol} has at most ${rules.decimals} decimals.` };
  }
  const value = BigInt(whole || "0") * 10n ** BigInt(rules.decimals) + BigInt(fraction.padEnd(rules.decimals, "0") || "0");
  if (value === 0n) return { ok: false, error: "The amount must be more than zero." };
  if (rules.max !== undefined && value > rules.max) {
    return { ok: false, error: `That is more than ${rules.maxLabel ?? "the maximum"}.` };
  }
  return { ok: true, value };
}
