import type { Hex } from "viem";

const RUNE_HEX = /^0x[0-9a-fA-F]{64}$/;

/**
 * Whether a string is a well-formed rune: `0x` and 64 hex digits (a `bytes32`). Says nothing about registration.
 *
 * @example
 * isRuneHex("0xdeadbeef") // false
 */
export function isRuneHex(value: string): value is Hex {
  return RUNE_HEX.test(value);
}
