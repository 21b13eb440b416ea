/**
 * Service receipts: the EIP-712 messages an agent's signer signs so that a client can pay through the
 * RevenueDistributor. Typed data, digests, signing and offline verification, for single-agent
 * (`ServiceReceipt`) and multi-agent (`CollaborativeReceipt`) services.
 */
import {
  type Account,
  type Address,
  type Chain,
  type Hex,
  type LocalAccount,
  type Transport,
  type TypedDataDefinition,
  type WalletClient,
  encodeAbiParameters,
  hashTypedData,
  hexToBigInt,
  isAddressEqual,
  isHex,
  keccak256,
  recoverTypedDataAddress,
  size,
  sliceHex,
  stringToBytes,
} from "viem";

/** EIP-712 domain name of the RevenueDistributor. */
export const RECEIPT_DOMAIN_NAME = "Aurorune";
/** EIP-712 domain version of the RevenueDistributor. */
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

/** What can sign a receipt: a local account, or a wallet client with an account. */
export type ReceiptSigner = LocalAccount | WalletClient<Transport, Chain | undefined, Account>;

/** Parameters of {@link signServiceReceipt}. */
export interface SignServiceReceiptParameters extends ReceiptDomainParameters {
  receipt: ServiceReceipt;
  /** The rune's current signer. */
  signer: ReceiptSigner;
}

/** Parameters of {@link recoverServiceReceiptSigner} and {@link verifyServiceReceipt}. */
export interface CheckServiceReceiptParameters extends ReceiptDomainParameters {
  receipt: ServiceReceipt;
  signature: Hex;
}

/** Parameters of {@link verifyServiceReceipt}. */
export interface VerifyServiceReceiptParameters extends CheckServiceReceiptParameters {
  /** The signer the rune has on chain. */
  expectedSigner: Address;
}

/** Parameters of {@link signCollaborativeReceipt}. */
export interface SignCollaborativeReceiptParameters extends ReceiptDomainParameters {
  receipt: CollaborativeReceipt;
  /** The current signer of one of the listed runes. */
  signer: ReceiptSigner;
}

/** Parameters of {@link recoverCollaborativeReceiptSigner}. */
export interface CheckCollaborativeReceiptParameters extends ReceiptDomainParameters {
  receipt: CollaborativeReceipt;
  signature: Hex;
}

/** Parameters of {@link verifyCollaborativeReceipt}. */
export interface VerifyCollaborativeReceiptParameters extends ReceiptDomainParameters {
  receipt: CollaborativeReceipt;
  /** One signature per rune, in the receipt's rune order. */
  signatures: readonly Hex[];
  /** The current signer of each rune, in the receipt's rune order. */
  expectedSigners: readonly Address[];
}

/**
 * The EIP-712 domain the RevenueDistributor at `distributor` uses.
 *
 * @example
 * const domain = receiptDomain({ chainId: 31337, distributor });
 */
export function receiptDomain({ chainId, distributor }: ReceiptDomainParameters): ReceiptDomain {
  return { name: RECEIPT_DOMAIN_NAME, version: RECEIPT_DOMAIN_VERSION, chainId, verifyingContract: distributor };
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
 * ERC-8004 registration file can name its own rune (agent id `uint256(rune)`).
 *
 * @example
 * const rune = computeRune({ chainId: 31337, registry, developer, salt: serviceIdFrom("my-agent") });
 */
export function computeRune({ chainId, registry, developer, salt }: ComputeRuneParameters): Hex {
  return keccak256(
    encodeAbiParameters(
      [{ type: "uint256" }, { type: "address" }, { type: "address" }, { type: "bytes32" }],
      [BigInt(chainId), registry, developer, salt],
    ),
  );
}

/**
 * A service id derived from any text the agent uses to name a delivered service (a job id, a request
 * hash…): `keccak256` of its UTF-8 bytes. Each service id can be paid once per rune.
 *
 * @example
 * const serviceId = serviceIdFrom(`job:${jobId}`);
 */
export function serviceIdFrom(text: string): Hex {
  return keccak256(stringToBytes(text));
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

/**
 * Signs a single-agent receipt with the rune's signer (agent side). The client then calls
 * `distributor.pay(receipt, signature)`.
 *
 * @example
 * const signature = await signServiceReceipt({
 *   signer: privateKeyToAccount(agentKey),
 *   receipt: { rune, serviceId: serviceIdFrom("job-42"), payer, token: zeroAddress, amount: parseEther("0.01"), deadline },
 *   chainId,
 *   distributor,
 * });
 */
export async function signServiceReceipt({ signer, receipt, ...domain }: SignServiceReceiptParameters): Promise<Hex> {
  const typedData = serviceReceiptTypedData(receipt, domain);
  return "extend" in signer
    ? signer.signTypedData({ account: signer.account, ...typedData })
    : signer.signTypedData(typedData);
}

/**
 * Signs a multi-agent receipt with one rune's signer. Every listed rune's signer signs the same receipt;
 * `payCollaborative` takes the signatures in the receipt's rune order.
 *
 * @example
 * const signatures = await Promise.all(
 *   [alphaSigner, betaSigner].map((signer) => signCollaborativeReceipt({ signer, receipt, chainId, distributor })),
 * );
 */
export async function signCollaborativeReceipt({
  signer,
  receipt,
  ...domain
}: SignCollaborativeReceiptParameters): Promise<Hex> {
  const typedData = collaborativeReceiptTypedData(receipt, domain);
  return "extend" in signer
    ? signer.signTypedData({ account: signer.account, ...typedData })
    : signer.signTypedData(typedData);
}

/**
 * The address that signed a single-agent receipt, or `undefined` when the signature is not one the
 * distributor accepts from an EOA (not 65 bytes, `v` not 27/28, or malleable high-`s`).
 */
export async function recoverServiceReceiptSigner({
  receipt,
  signature,
  ...domain
}: CheckServiceReceiptParameters): Promise<Address | undefined> {
  if (!isCanonicalSignature(signature)) return undefined;
  try {
    return await recoverTypedDataAddress({ ...serviceReceiptTypedData(receipt, domain), signature });
  } catch {
    return undefined;
  }
}

/** The address that signed a multi-agent receipt, or `undefined` (see {@link recoverServiceReceiptSigner}). */
export async function recoverCollaborativeReceiptSigner({
  receipt,
  signature,
  ...domain
}: CheckCollaborativeReceiptParameters): Promise<Address | undefined> {
  if (!isCanonicalSignature(signature)) return undefined;
  try {
    return await recoverTypedDataAddress({ ...collaborativeReceiptTypedData(receipt, domain), signature });
  } catch {
    return undefined;
  }
}

/**
 * Whether `signature` is `expectedSigner`'s signature of the receipt, by the rules the distributor applies
 * to EOA signers. A contract signer (ERC-1271) can only be checked on chain: use viem's
 * `publicClient.verifyTypedData` with {@link serviceReceiptTypedData}.
 *
 * @example
 * const genuine = await verifyServiceReceipt({ receipt, signature, expectedSigner: runeInfo.signer, chainId, distributor });
 */
export async function verifyServiceReceipt({
  expectedSigner,
  ...parameters
}: VerifyServiceReceiptParameters): Promise<boolean> {
  const recovered = await recoverServiceReceiptSigner(parameters);
  return recovered !== undefined && isAddressEqual(recovered, expectedSigner);
}

/**
 * Whether every rune's expected signer signed the multi-agent receipt, one signature per rune in rune order.
 *
 * @example
 * const genuine = await verifyCollaborativeReceipt({ receipt, signatures, expectedSigners, chainId, distributor });
 */
export async function verifyCollaborativeReceipt({
  receipt,
  signatures,
  expectedSigners,
  ...domain
}: VerifyCollaborativeReceiptParameters): Promise<boolean> {
  const count = receipt.runes.length;
  if (signatures.length !== count || expectedSigners.length !== count) return false;
  const recovered = await Promise.all(
    signatures.map((signature) => recoverCollaborativeReceiptSigner({ receipt, signature, ...domain })),
  );
  return recovered.every((signer, index) => {
    const expected = expectedSigners[index];
    return signer !== undefined && expected !== undefined && isAddressEqual(signer, expected);
  });
}

/** secp256k1 group order / 2: OpenZeppelin's ECDSA refuses any `s` above it. */
const HALF_CURVE_ORDER = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0n;

/** The shape OpenZeppelin's `ECDSA.tryRecover` accepts: 65 bytes, `v` of 27 or 28, low `s`. */
function isCanonicalSignature(signature: Hex): boolean {
  if (!isHex(signature, { strict: true }) || size(signature) !== 65) return false;
  const s = hexToBigInt(sliceHex(signature, 32, 64));
  const v = hexToBigInt(sliceHex(signature, 64, 65));
  return s <= HALF_CURVE_ORDER && (v === 27n || v === 28n);
}
