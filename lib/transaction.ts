import {
  type Config,
  type SimulateContractParameters,
  simulateContract,
  waitForTransactionReceipt,
  writeContract,
} from "@wagmi/core";
import type { Hash, TransactionReceipt } from "viem";
import { describeError } from "./contract-errors";

/** Where a transaction is, for the toast that follows it. */
export type TransactionStage =
  | { status: "simulating" }
  | { status: "pending"; hash: Hash }
  | { status: "confirmed"; hash: Hash; receipt: TransactionReceipt }
  | { status: "failed"; message: string; hash?: Hash; rejectedByUser: boolean };

/** Parameters of {@link runTransaction}. */
export interface RunTransactionParameters {
  config: Config;
  /** The contract call, exactly as for wagmi's `simulateContract`. */
  request: SimulateContractParameters;
  /** Called at each stage (drive a toast with it). */
  onStage: (stage: TransactionStage) => void;
  /** Refetches what the transaction changed (e.g. `queryClient.invalidateQueries` on the touched keys). */
  refetch?: () => Promise<unknown>;
}

/**
 * wagmi's own chain for one contract write: simulate (a revert is reported before any wallet prompt) →
 * write → wait for the receipt → refetch. Failures become one plain sentence (custom errors decoded).
 * Returns the receipt once confirmed, or `undefined` if anything failed.
 *
 * @example
 * await runTransaction({ config, request: { address, abi, functionName: "claim", args: [runes, tokens] },
 *   onStage: showToast, refetch: () => queryClient.invalidateQueries({ queryKey: ["rewards"] }) });
 */
export async function runTransaction({ config, request, onStage, refetch }: RunTransactionParameters): Promise<TransactionReceipt | undefined> {
  let hash: Hash | undefined;
  try {
    onStage({ status: "simulating" });
    const { request: prepared } = await simulateContract(config, request);
    hash = await writeContract(config, prepared);
    onStage({ status: "pending", hash });
    const receipt = await waitForTransactionReceipt(config, { hash });
    if (receipt.status !== "success") {
      onStage({ status: "failed", hash, message: "The transaction was mined but reverted.", rejectedByUser: false });
      return undefined;
    }
    onStage({ status: "confirmed", hash, receipt });
    await refetch?.();
    return receipt;
  } catch (error) {
    const { message, rejectedByUser } = describeError(error);
    onStage({ status: "failed", hash, message, rejectedByUser });
    return undefined;
  }
}
