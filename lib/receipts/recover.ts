/**
 * Offline checks of receipt signatures: which address signed a receipt, by the rules the distributor applies
 * to EOA signers (OpenZeppelin's ECDSA: 65 bytes, `v` of 27 or 28, low `s`). A contract signer (ERC-1271) can
 * only be checked on chain: see lib/receipts/verify.ts.
 */
import { type Address, type Hex, hexToBigInt, isAddressEqual, isHex, recoverTypedDataAddress, size, sliceHex } from "viem";
import {
  type CollaborativeReceipt,
  type ReceiptDomainParameters,
  type ServiceReceipt,
  collaborativeReceiptTypedData,
  serviceReceiptTypedData,
} from "./eip712";

/** Parameters of {@link recoverServiceReceiptSigner}. */
export interface RecoverServiceReceiptSignerParameters extends ReceiptDomainParameters {
  receipt: ServiceReceipt;
  signature: Hex;
}

/** Parameters of {@link verifyServiceReceipt}. */
export interface VerifyServiceReceiptParameters extends RecoverServiceReceiptSignerParameters {
  /** The signer the rune has on chain. */
  expectedSigner: Address;
}

/** Parameters of {@link recoverCollaborativeReceiptSigner}. */
export interface RecoverCollaborativeReceiptSignerParameters extends ReceiptDomainParameters {
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

/** secp256k1 group order / 2: OpenZeppelin's ECDSA refuses any `s` above it. */
const HALF_CURVE_ORDER = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0n;

/**
 * Whether a signature has the shape OpenZeppelin's `ECDSA.tryRecover` accepts: 65 bytes, `v` of 27 or 28,
 * low `s`. Anything else never pays from an EOA signer, even if `ecrecover` would return an address.
 *
 * @example
 * isCanonicalSignature("0x1234") // false
 */
export function isCanonicalSignature(signature: Hex): boolean {
  if (!isHex(signature, { strict: true }) || size(signature) !== 65) return false;
  const s = hexToBigInt(sliceHex(signature, 32, 64));
  const v = hexToBigInt(sliceHex(signature, 64, 65));
  return s <= HALF_CURVE_ORDER && (v === 27n || v === 28n);
}

/**
 * The address that signed a single-agent receipt, or `undefined` when the signature is not one the
 * distributor accepts from an EOA (see {@link isCanonicalSignature}).
 *
 * @example
 * const signer = await recoverServiceReceiptSigner({ receipt, signature, chainId, distributor });
 */
export async function recoverServiceReceiptSigner({
  receipt,
  signature,
  ...domain
}: RecoverServiceReceiptSignerParameters): Promise<Address | undefined> {
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
}: RecoverCollaborativeReceiptSignerParameters): Promise<Address | undefined> {
  if (!isCanonicalSignature(signature)) return undefined;
  try {
    return await recoverTypedDataAddress({ ...collaborativeReceiptTypedData(receipt, domain), signature });
  } catch {
    return undefined;
  }
}

/**
 * Whether `signature` is `expectedSigner`'s signature of the receipt, by the rules the distributor applies
 * to EOA signers.
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
