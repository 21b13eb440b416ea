import {
  type Config,
  type SimulateContractParameters,
  getPublicClient,
  simulateContract,
  waitForTransactionReceipt,
  writeContract,
} from "@wagmi/core";
import type { Abi, ContractFunctionArgs, ContractFunctionName, Hash, TransactionReceipt } from "viem";
import { describeError } from "./contract-errors";

/** Where a transaction is, for the toast that follows it. */
export type TransactionStage =
  | { status: "simulating" }
  | { status: "pending"; hash: Hash }
  | { status: "confirmed"; hash: Hash; receipt: TransactionReceipt }
  | { status: "failed"; message: string; hash?: Hash; rejectedByUser: boolean };

type WriteMutability = "nonpayable" | "payable";

/** Parameters of {@link runTransaction}: the contract call is typed against its ABI (a misspelt function or a wrong argument does not compile). */
export interface RunTransactionParameters<
  abi extends Abi,
  functionName extends ContractFunctionName<abi, WriteMutability>,
  args extends ContractFunctionArgs<abi, WriteMutability, functionName>,
> {
  config: Config;
  /** The contract call, exactly as for wagmi's `simulateContract`. */
  request: SimulateContractParameters<abi, functionName, args, Config>;
  /** Called at each stage (drive a toast with it). */
  onStage: (stage: TransactionStage) => void;
  /** Refetches what the transaction changed (e.g. `queryClient.invalidateQueries` on the touched keys). */
  refetch?: () => Promise<unknown>;
}

/** Gas headroom over the estimate: streams release a little more with every second, so a write costs slightly more when mined than when estimated. */
const GAS_HEADROOM_PERCENT = 125n;

/**
 * wagmi's own chain for one contract write: simulate (a revert is reported before any wallet prompt) → estimate
 * gas against the pending block, with headroom → write → wait for the receipt → refetch. Failures become one
 * plain sentence (custom errors decoded). Returns the receipt once confirmed, or `undefined` if anything failed.
 *
 * @example
 * await runTransaction({ config, request: { address, abi, functionName: "claim", args: [runes, tokens] },
 *   onStage: showToast, refetch: () => queryClient.invalidateQueries({ queryKey: ["rewards"] }) });
 */
export async function runTransaction<
  const abi extends Abi,
  functionName extends ContractFunctionName<abi, WriteMutability>,
  args extends ContractFunctionArgs<abi, WriteMutability, functionName>,
>({ config, request, onStage, refetch }: RunTransactionParameters<abi, functionName, args>): Promise<TransactionReceipt | undefined> {
  let hash: Hash | undefined;
  try {
    onStage({ status: "simulating" });
    const { request: prepared } = await simulateContract(config, request as SimulateContractParameters);
    // An estimate at the latest block can be too low: right after a payment, the next block's checkpoint has
    // more to release (and to write) than the latest block's did.
    const client = getPublicClient(config);
    const estimate = client ? await client.estimateContractGas({ ...prepared, blockTag: "pending" } as Parameters<typeof client.estimateContractGas>[0]) : undefined;
    const gas = estimate === undefined ? undefined : (estimate * GAS_HEADROOM_PERCENT) / 100n;
    hash = await writeContract(config, { ...prepared, gas });
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
