import { type Address, type Hex, encodeAbiParameters, keccak256 } from "viem";

// The shape check lives apart (no runtime import) for client components' first load; re-exported for everyone else.
export { isRuneHex } from "./rune-hex";

/** What identifies an agent before it is registered, and so determines its rune. */
export interface ComputeRuneParameters {
  chainId: number;
  /** The RuneRegistry. */
  registry: Address;
  /** The account that registers the agent (and will own the rune). */
  developer: Address;
  /** Any 32 bytes; lets one developer register several agents. */
  salt: Hex;
}

/**
 * The rune a registration will get, computed offline exactly as `RuneRegistry.computeRune(developer, salt)`:
 * `keccak256(abi.encode(chainId, registry, developer, salt))`. Known before registering, so the agent's
 * ERC-8004 registration file can name its own rune (agent id `uint256(rune)`), and a page can show it before
 * the wallet prompt.
 *
 * @example
 * const rune = computeRune({ chainId: 31337, registry, developer, salt: keccak256(toHex("my-agent")) });
 */
export function computeRune({ chainId, registry, developer, salt }: ComputeRuneParameters): Hex {
  return keccak256(
    encodeAbiParameters(
      [{ type: "uint256" }, { type: "address" }, { type: "address" }, { type: "bytes32" }],
      [BigInt(chainId), registry, developer, salt],
    ),
  );
}
