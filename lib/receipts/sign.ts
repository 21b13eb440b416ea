/**
 * Signing receipts (the agent's side). The rune's current signer signs a single-agent receipt; every listed
 * rune's signer signs the same multi-agent receipt, and `payCollaborative` takes the signatures in the
 * receipt's rune order.
 */
import type { Account, Chain, Hex, LocalAccount, Transport, WalletClient } from "viem";
import {
  type CollaborativeReceipt,
  type ReceiptDomainParameters,
  type ServiceReceipt,
  collaborativeReceiptTypedData,
  serviceReceiptTypedData,
} from "./eip712";

/** What can sign a receipt: a local account, or a wallet client with an account. */
export type ReceiptSigner = LocalAccount | WalletClient<Transport, Chain | undefined, Account>;

/** Parameters of {@link signServiceReceipt}. */
export interface SignServiceReceiptParameters extends ReceiptDomainParameters {
  receipt: ServiceReceipt;
  /** The rune's current signer. */
  signer: ReceiptSigner;
}

/** Parameters of {@link signCollaborativeReceipt}. */
export interface SignCollaborativeReceiptParameters extends ReceiptDomainParameters {
  receipt: CollaborativeReceipt;
  /** The current signer of one of the listed runes. */
  signer: ReceiptSigner;
}

/** Parameters of {@link signCollaborativeReceiptByAll}. */
export interface SignCollaborativeReceiptByAllParameters extends ReceiptDomainParameters {
  receipt: CollaborativeReceipt;
  /** One signer per rune, in the receipt's rune order. */
  signers: readonly ReceiptSigner[];
}

/** Raised when {@link signCollaborativeReceiptByAll} gets a number of signers other than the number of runes. */
export class SignerCountError extends Error {
  override name = "SignerCountError";
}

/**
 * Signs a single-agent receipt with the rune's signer. The client then calls
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
 * Signs a multi-agent receipt with one rune's signer.
 *
 * @example
 * const signature = await signCollaborativeReceipt({ signer: alphaSigner, receipt, chainId, distributor });
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
 * Signs a multi-agent receipt with every rune's signer and returns the signatures in rune order, ready for
 * `payCollaborative(receipt, signatures)`. Throws {@link SignerCountError} unless there is exactly one
 * signer per rune.
 *
 * @example
 * const signatures = await signCollaborativeReceiptByAll({ signers: [alphaSigner, betaSigner], receipt, chainId, distributor });
 */
export async function signCollaborativeReceiptByAll({
  signers,
  receipt,
  ...domain
}: SignCollaborativeReceiptByAllParameters): Promise<Hex[]> {
  if (signers.length !== receipt.runes.length) {
    throw new SignerCountError(
      `${receipt.runes.length} runes need ${receipt.runes.length} signers, one per rune in rune order; got ${signers.length}`,
    );
  }
  // Sequential: a hardware or browser wallet shows one prompt at a time.
  const signatures: Hex[] = [];
  for (const signer of signers) signatures.push(await signCollaborativeReceipt({ signer, receipt, ...domain }));
  return signatures;
}
