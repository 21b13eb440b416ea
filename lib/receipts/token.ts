/**
 * The currency of a receipt: its address (`zeroAddress` for ETH), symbol and decimals. A receipt signs only
 * the address and the raw amount; symbol and decimals are what lets a person read the amount, so they are
 * read from the chain, never trusted from a file.
 */
import { type Address, type PublicClient, erc20Abi, getAddress, isAddress, isAddressEqual, zeroAddress } from "viem";
import { revenueDistributorAbi } from "../../contracts-abi/generated";

/** A payment currency as a receipt shows it. */
export interface ReceiptToken {
  /** `zeroAddress` for native ETH. */
  address: Address;
  symbol: string;
  decimals: number;
}

/** A currency the distributor knows, with whether it is accepted for new payments now. */
export interface PaymentToken extends ReceiptToken {
  allowed: boolean;
}

/** Native ETH as a receipt token (the distributor's `address(0)`). */
export const ETH_TOKEN: ReceiptToken = { address: zeroAddress, symbol: "ETH", decimals: 18 };

/** Parameters of {@link readPaymentTokens}. */
export interface ReadPaymentTokensParameters {
  /** The RevenueDistributor. */
  distributor: Address;
  /** Read at this block (default: latest). */
  blockNumber?: bigint;
}

/**
 * Every currency the distributor has ever listed (`tokens()`), with symbol, decimals and whether it is accepted
 * now. One batched round of reads.
 *
 * @example
 * const tokens = await readPaymentTokens(client, { distributor });
 */
export async function readPaymentTokens(
  client: PublicClient,
  { distributor, blockNumber }: ReadPaymentTokensParameters,
): Promise<PaymentToken[]> {
  const [addresses, allowed] = await client.readContract({
    address: distributor,
    abi: revenueDistributorAbi,
    functionName: "tokens",
    blockNumber,
  });
  const tokens = await Promise.all(addresses.map((address) => readReceiptToken(client, { address, blockNumber })));
  return tokens.map((token, index) => ({ ...token, allowed: allowed[index] ?? false }));
}

/** Parameters of {@link readReceiptToken}. */
export interface ReadReceiptTokenParameters {
  address: Address;
  blockNumber?: bigint;
}

/**
 * Symbol and decimals of one currency: ETH for `zeroAddress`, else the ERC-20's own `symbol()` and
 * `decimals()`. Throws viem's error when the address is not an ERC-20 (no code, or no such functions).
 *
 * @example
 * const { symbol, decimals } = await readReceiptToken(client, { address: receipt.token });
 */
export async function readReceiptToken(
  client: PublicClient,
  { address, blockNumber }: ReadReceiptTokenParameters,
): Promise<ReceiptToken> {
  if (isAddressEqual(address, zeroAddress)) return ETH_TOKEN;
  const [symbol, decimals] = await Promise.all([
    client.readContract({ address, abi: erc20Abi, functionName: "symbol", blockNumber }),
    client.readContract({ address, abi: erc20Abi, functionName: "decimals", blockNumber }),
  ]);
  return { address: getAddress(address), symbol, decimals };
}

/** The outcome of {@link resolveTokenInput}. */
export type TokenInput = { ok: true; token: PaymentToken } | { ok: false; error: string };

/**
 * Finds the currency a person means among the distributor's tokens: `ETH`, a symbol (case-insensitive), or an
 * address. Only currencies accepted for payments now are returned; the error lists those that are.
 *
 * @example
 * resolveTokenInput("tusd", tokens) // { ok: true, token: { symbol: "tUSD", decimals: 6, ... } }
 */
export function resolveTokenInput(text: string, tokens: readonly PaymentToken[]): TokenInput {
  const wanted = text.trim();
  const accepted = tokens.filter((token) => token.allowed);
  const choices = accepted.map((token) => token.symbol).join(", ") || "none";
  if (wanted === "") return { ok: false, error: `no token given (accepted: ${choices})` };
  let matches: PaymentToken[];
  if (wanted.startsWith("0x")) {
    if (!isAddress(wanted)) return { ok: false, error: `"${wanted}" is not a valid address (or its checksum is wrong)` };
    matches = tokens.filter((token) => isAddressEqual(token.address, wanted));
  } else {
    matches = tokens.filter((token) => token.symbol.toLowerCase() === wanted.toLowerCase());
  }
  if (matches.length > 1) {
    return { ok: false, error: `"${wanted}" names ${matches.length} tokens: give the token's address instead` };
  }
  const [match] = matches;
  if (match === undefined) return { ok: false, error: `the distributor does not know the token "${wanted}" (accepted: ${choices})` };
  if (!match.allowed) {
    return { ok: false, error: `${match.symbol} is no longer accepted for payments (accepted: ${choices})` };
  }
  return { ok: true, token: match };
}
