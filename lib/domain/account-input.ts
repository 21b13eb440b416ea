import { type Address, getAddress, isAddress } from "viem";

/** The outcome of {@link parseAccountInput}. */
export type AccountInput = { ok: true; account: Address | undefined } | { ok: false; error: string };

/**
 * Reads an optional account typed by a person (the payer to check a receipt for): empty is none; otherwise an
 * address, all lowercase or correctly checksummed.
 *
 * @example
 * parseAccountInput("") // { ok: true, account: undefined }
 */
export function parseAccountInput(text: string): AccountInput {
  const value = text.trim();
  if (value === "") return { ok: true, account: undefined };
  if (!/^0x[0-9a-fA-F]{40}$/.test(value)) return { ok: false, error: "An account is 0x and 40 hex digits." };
  if (!isAddress(value)) return { ok: false, error: "This address has a wrong checksum (mixed case that is not EIP-55): check it, or paste it in lowercase." };
  return { ok: true, account: getAddress(value) };
}
