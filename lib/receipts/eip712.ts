/**
 * Service receipts as EIP-712 typed data: the RevenueDistributor's domain, the two receipt types in the
 * contract's field order, and their digests. Everything else in lib/receipts (signing, recovery, on-chain
 * checks, the JSON codec) builds on these definitions.
 */
import { type Address, type Hex, type TypedDataDefinition, hashTypedData } from "viem";

/**
 * EIP-712 domain name of the RevenueDistributor: its constructor's `EIP712("Aurorune", "1")`. The anvil test
 * compares both values with the deployed contract's ERC-5267 `eip712Domain()`, so they cannot drift.
 */
export const RECEIPT_DOMAIN_NAME = "Aurorune";
/** EIP-712 domain version of the RevenueDistributor (see {@link RECEIPT_DOMAIN_NAME}). */
export const RECEIPT_DOMAIN_VERSION = "1";

/** EIP-712 types of a single-agent receipt, in the contract's field order. */
export const serviceReceiptTypes = {
  ServiceReceipt: [
    { name: "rune", type: "bytes32" },
    { name: "serviceId", type: "bytes32" },
    { name: "payer", type: "address" },
    { name: "token", type: "address" },
    { name: "amount", type: "uint256" },
    { name: "deadline", type: "uint64" },
  ],
} as const;

/** EIP-712 types of a multi-agent receipt, in the contract's field order. */
export const collaborativeReceiptTypes = {
  CollaborativeReceipt: [
    { name: "serviceId", type: "bytes32" },
    { name: "runes", type: "bytes32[]" },
    { name: "weightsBps", type: "uint16[]" },
    { name: "payer", type: "address" },
    { name: "token", type: "address" },
    { name: "amount", type: "uint256" },
    { name: "deadline", type: "uint64" },
  ],
} as const;

/** A payment for one agent's service. `token` is `zeroAddress` for ETH; `deadline` is a unix time in seconds. */
export interface ServiceReceipt {
  rune: Hex;
  serviceId: Hex;
  payer: Address;
  token: Address;
  amount: bigint;
  deadline: bigint;
}

/** A payment for a service delivered by 2–8 agents, split by `weightsBps` (summing to 10,000). */
export interface CollaborativeReceipt {
  serviceId: Hex;
  runes: readonly Hex[];
  weightsBps: readonly number[];
  payer: Address;
  token: Address;
  amount: bigint;
  deadline: bigint;
}

/** Which distributor, on which chain, a receipt is for. */
export interface ReceiptDomainParameters {
  chainId: number;
  /** The RevenueDistributor (the EIP-712 verifying contract). */
  distributor: Address;
}

/** The EIP-712 domain of a RevenueDistributor. */
export interface ReceiptDomain {
  name: typeof RECEIPT_DOMAIN_NAME;
  version: typeof RECEIPT_DOMAIN_VERSION;
  chainId: number;
  verifyingContract: Address;
}

/** Typed data of a {@link ServiceReceipt}, ready for `signTypedData` / `hashTypedData`. */
export type ServiceReceiptTypedData = TypedDataDefinition<typeof serviceReceiptTypes, "ServiceReceipt"> & {
  domain: ReceiptDomain;
};

/** Typed data of a {@link CollaborativeReceipt}, ready for `signTypedData` / `hashTypedData`. */
export type CollaborativeReceiptTypedData = TypedDataDefinition<
  typeof collaborativeReceiptTypes,
  "CollaborativeReceipt"
> & { domain: ReceiptDomain };

/**
 * The EIP-712 domain the RevenueDistributor at `distributor` uses.
 *
 * @example
 * const domain = receiptDomain({ chainId: 31337, distributor });
 */
export function receiptDomain({ chainId, distributor }: ReceiptDomainParameters): ReceiptDomain {
  return { name: RECEIPT_DOMAIN_NAME, version: RECEIPT_DOMAIN_VERSION, chainId, verifyingContract: distributor };
}

/** The typed data of a single-agent receipt. */
export function serviceReceiptTypedData(
  receipt: ServiceReceipt,
  domain: ReceiptDomainParameters,
): ServiceReceiptTypedData {
  return { domain: receiptDomain(domain), types: serviceReceiptTypes, primaryType: "ServiceReceipt", message: receipt };
}

/** The typed data of a multi-agent receipt. */
export function collaborativeReceiptTypedData(
  receipt: CollaborativeReceipt,
  domain: ReceiptDomainParameters,
): CollaborativeReceiptTypedData {
  return {
    domain: receiptDomain(domain),
    types: collaborativeReceiptTypes,
    primaryType: "CollaborativeReceipt",
    message: receipt,
  };
}

/**
 * The EIP-712 digest of a single-agent receipt; equals the distributor's `hashServiceReceipt`.
 *
 * @example
 * const digest = hashServiceReceipt(receipt, { chainId, distributor });
 */
export function hashServiceReceipt(receipt: ServiceReceipt, domain: ReceiptDomainParameters): Hex {
  return hashTypedData(serviceReceiptTypedData(receipt, domain));
}

/** The EIP-712 digest of a multi-agent receipt; equals the distributor's `hashCollaborativeReceipt`. */
export function hashCollaborativeReceipt(receipt: CollaborativeReceipt, domain: ReceiptDomainParameters): Hex {
  return hashTypedData(collaborativeReceiptTypedData(receipt, domain));
}
