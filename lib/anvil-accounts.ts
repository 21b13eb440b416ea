import type { Address } from "viem";
import { mnemonicToAccount } from "viem/accounts";

/** anvil's default mnemonic: its accounts are funded and unlocked on the local node, which signs for them. */
export const ANVIL_MNEMONIC = "test test test test test test test test test test test junk";

/**
 * Address of anvil's default account `index` (server and scripts only: it pulls in the BIP-39 word list).
 *
 * @example
 * anvilAccount(0) // "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"
 */
export function anvilAccount(index: number): Address {
  return mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: index }).address;
}
