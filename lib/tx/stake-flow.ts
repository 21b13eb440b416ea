import type { Config } from "@wagmi/core";
import { type Address, type Hex, encodeFunctionData } from "viem";
import { revenueDistributorAbi } from "../../contracts-abi/generated";
import { runTransaction } from "../transaction";
import type { TransactionStage } from "../transaction";
import { type SpendPath, type SpendStep, spendWithBestPath } from "./token-spend";

/** How a stake reaches the chain, in as few prompts as the wallet allows. */
export type StakePath = SpendPath;

/** One step the user sees (approve, sign, stake, or the batch of both), with its current state. */
export type StakeStep = SpendStep;

/** What {@link stakeWithBestPath} needs. */
export interface StakeFlowParameters {
  config: Config;
  account: Address;
  chainId: number;
  rune: Hex;
  amount: bigint;
  /** The AURUNES token. */
  token: Address;
  distributor: Address;
  /** Chain time now (seconds), for the permit's deadline. */
  chainNow: bigint;
  /** Updates the list of steps as they progress. */
  onSteps: (path: StakePath, steps: StakeStep[]) => void;
  /** Feeds the transaction toast. */
  onStage: (stage: TransactionStage) => void;
}

/**
 * Stakes `amount` AURUNES on `rune` by the best path for the wallet (batch, permit, or approve then stake; see
 * lib/tx/token-spend.ts), reporting each step. Returns true once the stake is confirmed. Never throws.
 *
 * @example
 * await stakeWithBestPath({ config, account, chainId, rune, amount, token, distributor, chainNow, onSteps, onStage });
 */
export async function stakeWithBestPath(p: StakeFlowParameters): Promise<boolean> {
  const receipt = await spendWithBestPath({
    config: p.config,
    account: p.account,
    chainId: p.chainId,
    token: p.token,
    tokenSymbol: "AURUNES",
    amount: p.amount,
    spender: p.distributor,
    actionLabel: "Stake",
    actionData: encodeFunctionData({ abi: revenueDistributorAbi, functionName: "stake", args: [p.rune, p.amount] }),
    send: (onStage) =>
      runTransaction({
        config: p.config,
        request: { address: p.distributor, abi: revenueDistributorAbi, functionName: "stake", args: [p.rune, p.amount], account: p.account },
        onStage,
      }),
    sendWithPermit: ({ deadline, v, r, s }, onStage) =>
      runTransaction({
        config: p.config,
        request: {
          address: p.distributor,
          abi: revenueDistributorAbi,
          functionName: "stakeWithPermit",
          args: [p.rune, p.amount, deadline, v, r, s],
          account: p.account,
        },
        onStage,
      }),
    chainNow: p.chainNow,
    onSteps: p.onSteps,
    onStage: p.onStage,
  });
  return receipt !== undefined;
}
