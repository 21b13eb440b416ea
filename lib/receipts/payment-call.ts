/**
 * The contract call that pays a signed receipt, ready for viem's `simulateContract` / `writeContract` or
 * wagmi's `useSimulateContract`: the distributor of the receipt's domain, `pay` or `payCollaborative`, and the
 * ETH to send (the amount for an ETH receipt, none for an ERC-20, which the distributor pulls with
 * `transferFrom` after the payer's approval).
 */
import { type Address, zeroAddress } from "viem";
import { revenueDistributorAbi } from "../../contracts-abi/generated";
import type { CollaborativeReceipt, ServiceReceipt } from "./eip712";
import type { SignedCollaborativeReceipt, SignedServiceReceipt } from "./json";

/**
 * The `pay(receipt, signature)` call of a single-agent receipt.
 *
 * @example
 * const { request } = await publicClient.simulateContract({ account: payer, ...servicePaymentCall(signed) });
 */
export function servicePaymentCall(signed: SignedServiceReceipt) {
  return {
    address: signed.domain.distributor,
    abi: revenueDistributorAbi,
    functionName: "pay",
    args: [signed.receipt, signed.signature],
    value: paymentValue(signed.receipt),
  } as const;
}

/**
 * The `payCollaborative(receipt, signatures)` call of a multi-agent receipt.
 *
 * @example
 * const { request } = await publicClient.simulateContract({ account: payer, ...collaborativePaymentCall(signed) });
 */
export function collaborativePaymentCall(signed: SignedCollaborativeReceipt) {
  return {
    address: signed.domain.distributor,
    abi: revenueDistributorAbi,
    functionName: "payCollaborative",
    args: [signed.receipt, [...signed.signatures]],
    value: paymentValue(signed.receipt),
  } as const;
}

/** ETH sent with the payment: the amount for an ETH receipt, 0 for an ERC-20 one (any other value reverts). */
export function paymentValue(receipt: ServiceReceipt | CollaborativeReceipt): bigint {
  return receipt.token === zeroAddress ? receipt.amount : 0n;
}

/** The ERC-20 the payer must approve to the distributor before paying, or `undefined` for ETH. */
export function tokenToApprove(receipt: ServiceReceipt | CollaborativeReceipt): Address | undefined {
  return receipt.token === zeroAddress ? undefined : receipt.token;
}
