import {
  type Config,
  getCapabilities,
  getPublicClient,
  readContract,
  sendCalls,
  signTypedData,
  waitForCallsStatus,
} from "@wagmi/core";
import { type Address, type Hex, encodeFunctionData, parseSignature } from "viem";
import { aurunesTokenAbi, revenueDistributorAbi } from "../../contracts-abi/generated";
import { describeError } from "../contract-errors";
import { runTransaction } from "../transaction";
import type { TransactionStage } from "../transaction";

/** How a stake reaches the chain, in as few prompts as the wallet allows. */
export type StakePath = "batch" | "permit" | "approve";

/** One step the user sees (approve, sign, stake, or the batch of both), with its current state. */
export interface StakeStep {
  label: string;
  state: "waiting" | "active" | "done" | "failed" | "skipped";
}

/** What {@link stakeWithBestPath} needs. */
export interface StakeFlowParameters {
  config: Config;
  account: Address;
  chainId: number;
  rune: Hex;
  amount: bigint;
  token: Address;
  distributor: Address;
  /** Chain time now (seconds), for the permit's deadline. */
  chainNow: bigint;
  /** Updates the list of steps as they progress. */
  onSteps: (path: StakePath, steps: StakeStep[]) => void;
  /** Feeds the transaction toast. */
  onStage: (stage: TransactionStage) => void;
}

/** The permit's validity: long enough to sign and send, short enough not to leave a usable approval lying around. */
const PERMIT_LIFETIME = 20n * 60n;

/**
 * The best path the connected wallet offers: an atomic approve + stake batch when it reports EIP-5792 atomic
 * calls for this chain, else an EIP-2612 permit signature (any key-holding account can sign one), else approve
 * then stake. A wallet that cannot answer `wallet_getCapabilities` simply has no batch.
 */
export async function chooseStakePath(config: Config, account: Address, chainId: number): Promise<StakePath> {
  try {
    const capabilities = await getCapabilities(config, { account, chainId });
    const atomic = (capabilities as { atomic?: { status?: string } }).atomic?.status;
    if (atomic === "supported" || atomic === "ready") return "batch";
  } catch {
    // no EIP-5792 support
  }
  // A smart-contract account signs with ERC-1271, which ERC-2612 permits do not accept.
  const client = getPublicClient(config, { chainId });
  const code = client ? await client.getCode({ address: account }) : undefined;
  return code === undefined || code === "0x" ? "permit" : "approve";
}

/**
 * Stakes `amount` AURUNES on `rune` by the best path for the wallet, reporting each step. Returns true once the
 * stake is confirmed. Never throws: a refusal or rejection ends as a failed stage with a plain message.
 *
 * @example
 * await stakeWithBestPath({ config, account, chainId, rune, amount, token, distributor, chainNow, onSteps, onStage });
 */
export async function stakeWithBestPath(parameters: StakeFlowParameters): Promise<boolean> {
  const path = await chooseStakePath(parameters.config, parameters.account, parameters.chainId);
  if (path === "batch") return stakeInBatch(parameters);
  if (path === "permit") {
    const outcome = await stakeWithPermit(parameters);
    // A wallet that cannot sign typed data (not a refusal by the user) still gets the two-step path.
    if (outcome !== "unsupported") return outcome === "staked";
  }
  return approveThenStake(parameters);
}

async function approveThenStake(p: StakeFlowParameters): Promise<boolean> {
  const allowance = await readContract(p.config, {
    address: p.token,
    abi: aurunesTokenAbi,
    functionName: "allowance",
    args: [p.account, p.distributor],
  });
  const needsApproval = allowance < p.amount;
  const steps: StakeStep[] = [
    { label: needsApproval ? "Approve AURUNES" : "Approval already in place", state: needsApproval ? "active" : "skipped" },
    { label: "Stake", state: needsApproval ? "waiting" : "active" },
  ];
  const report = () => p.onSteps("approve", steps.map((step) => ({ ...step })));
  report();
  if (needsApproval) {
    const approved = await runTransaction({
      config: p.config,
      // Exactly this amount: no open-ended allowance left behind.
      request: { address: p.token, abi: aurunesTokenAbi, functionName: "approve", args: [p.distributor, p.amount], account: p.account },
      onStage: p.onStage,
    });
    steps[0]!.state = approved ? "done" : "failed";
    if (!approved) return report(), false;
    steps[1]!.state = "active";
    report();
  }
  const staked = await runTransaction({
    config: p.config,
    request: { address: p.distributor, abi: revenueDistributorAbi, functionName: "stake", args: [p.rune, p.amount], account: p.account },
    onStage: p.onStage,
  });
  steps[1]!.state = staked ? "done" : "failed";
  report();
  return staked !== undefined;
}

async function stakeWithPermit(p: StakeFlowParameters): Promise<"staked" | "failed" | "unsupported"> {
  const steps: StakeStep[] = [
    { label: "Sign the permit (no gas)", state: "active" },
    { label: "Stake", state: "waiting" },
  ];
  const report = () => p.onSteps("permit", steps.map((step) => ({ ...step })));
  report();
  let signature: Hex;
  const deadline = p.chainNow + PERMIT_LIFETIME;
  try {
    const [domain, nonce] = await Promise.all([
      readContract(p.config, { address: p.token, abi: aurunesTokenAbi, functionName: "eip712Domain" }),
      readContract(p.config, { address: p.token, abi: aurunesTokenAbi, functionName: "nonces", args: [p.account] }),
    ]);
    const [, name, version, chainId, verifyingContract] = domain;
    signature = await signTypedData(p.config, {
      account: p.account,
      domain: { name, version, chainId: Number(chainId), verifyingContract },
      types: {
        Permit: [
          { name: "owner", type: "address" },
          { name: "spender", type: "address" },
          { name: "value", type: "uint256" },
          { name: "nonce", type: "uint256" },
          { name: "deadline", type: "uint256" },
        ],
      },
      primaryType: "Permit",
      message: { owner: p.account, spender: p.distributor, value: p.amount, nonce, deadline },
    });
  } catch (error) {
    const { message, rejectedByUser } = describeError(error);
    if (!rejectedByUser) {
      steps[0] = { label: "Permit not available in this wallet: approving instead", state: "skipped" };
      report();
      return "unsupported";
    }
    steps[0]!.state = "failed";
    report();
    p.onStage({ status: "failed", message, rejectedByUser });
    return "failed";
  }
  steps[0]!.state = "done";
  steps[1]!.state = "active";
  report();
  const { v, r, s, yParity } = parseSignatureParts(signature);
  const staked = await runTransaction({
    config: p.config,
    request: {
      address: p.distributor,
      abi: revenueDistributorAbi,
      functionName: "stakeWithPermit",
      args: [p.rune, p.amount, deadline, v ?? 27 + yParity, r, s],
      account: p.account,
    },
    onStage: p.onStage,
  });
  steps[1]!.state = staked ? "done" : "failed";
  report();
  return staked ? "staked" : "failed";
}

function parseSignatureParts(signature: Hex): { v: number | undefined; r: Hex; s: Hex; yParity: number } {
  const { r, s, v, yParity } = parseSignature(signature);
  return { r, s, v: v === undefined ? undefined : Number(v), yParity: yParity ?? 0 };
}

async function stakeInBatch(p: StakeFlowParameters): Promise<boolean> {
  const steps: StakeStep[] = [{ label: "Approve and stake in one batch", state: "active" }];
  const report = () => p.onSteps("batch", steps.map((step) => ({ ...step })));
  report();
  p.onStage({ status: "simulating" });
  try {
    const { id } = await sendCalls(p.config, {
      account: p.account,
      chainId: p.chainId,
      forceAtomic: true,
      calls: [
        { to: p.token, data: encodeFunctionData({ abi: aurunesTokenAbi, functionName: "approve", args: [p.distributor, p.amount] }) },
        { to: p.distributor, data: encodeFunctionData({ abi: revenueDistributorAbi, functionName: "stake", args: [p.rune, p.amount] }) },
      ],
    });
    const result = await waitForCallsStatus(p.config, { id, throwOnFailure: false });
    const receipt = result.receipts?.at(-1);
    const hash = receipt?.transactionHash;
    if (result.status !== "success" || !hash) {
      steps[0]!.state = "failed";
      report();
      p.onStage({ status: "failed", hash, message: "The batch was not executed: nothing was staked.", rejectedByUser: false });
      return false;
    }
    p.onStage({ status: "pending", hash });
    const client = getPublicClient(p.config, { chainId: p.chainId });
    const full = client ? await client.getTransactionReceipt({ hash }) : undefined;
    if (full) p.onStage({ status: "confirmed", hash, receipt: full });
    steps[0]!.state = "done";
    report();
    return true;
  } catch (error) {
    const { message, rejectedByUser } = describeError(error);
    steps[0]!.state = "failed";
    report();
    p.onStage({ status: "failed", message, rejectedByUser });
    return false;
  }
}
