import type { Hex } from "viem";

const RUNE_HEX = /^0x[0-9a-fA-F]{64}$/;

/**
 * Whether a string is a well-formed rune: `0x` and 64 hex digits (a `bytes32`). Says nothing about registration.
 * Its own module with no runtime import, so a client component that only checks the shape (the agent page's
 * not-found boundary) does not ship viem's ABI encoder and keccak with its first load, as lib/domain/rune.ts's
 * `computeRune` would.
 *
 * @example
 * isRuneHex("0xdeadbeef") // false
 */
export function isRuneHex(value: string): value is Hex {
  return RUNE_HEX.test(value);
}
