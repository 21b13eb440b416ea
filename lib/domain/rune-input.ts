import type { Hex } from "viem";
import { isRuneHex } from "./rune";

/** Longest text read as a rune: a rune is 66 characters; anything far longer is not echoed back whole. */
const MAX_ECHO = 24;

/** The outcome of {@link parseRuneInput}: the rune (lowercase), or why the text is not one. */
export type RuneInput = { ok: true; rune: Hex } | { ok: false; error: string };

/**
 * Reads a rune typed or pasted by a person: surrounding spaces are ignored, case is not significant. Refused with a
 * reason: empty text, a missing `0x`, non-hex characters, and a wrong length (with the length found).
 *
 * @example
 * parseRuneInput(" 0xABC… ") // { ok: true, rune: "0xabc…" } when 64 hex digits follow 0x
 * parseRuneInput("0xdeadbeef") // { ok: false, error: "A rune is 0x and 64 hex digits (32 bytes); this has 8." }
 */
export function parseRuneInput(text: string): RuneInput {
  const value = text.trim();
  if (value === "") return { ok: false, error: "Enter a rune: 0x and 64 hex digits." };
  if (isRuneHex(value)) return { ok: true, rune: value.toLowerCase() as Hex };
  if (!/^0x/i.test(value)) {
    return { ok: false, error: `A rune starts with 0x, then 64 hex digits; "${echo(value)}" does not.` };
  }
  const digits = value.slice(2);
  if (!/^[0-9a-fA-F]*$/.test(digits)) {
    return { ok: false, error: "A rune has only hex digits (0–9, a–f) after 0x." };
  }
  return { ok: false, error: `A rune is 0x and 64 hex digits (32 bytes); this has ${digits.length}.` };
}

function echo(value: string): string {
  return value.length > MAX_ECHO ? `${value.slice(0, MAX_ECHO - 1)}…` : value;
}
