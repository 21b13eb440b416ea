import { type Address, type Hex, encodeAbiParameters, keccak256 } from "viem";

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
