import {
  type Config,
  getCapabilities,
  getPublicClient,
  readContract,
  sendCalls,
  signTypedData,
  waitForCallsStatus,
} from "@wagmi/core";
import { type Address, type Hex, type TransactionReceipt, encodeFunctionData, erc20Abi, parseSignature } from "viem";
import { describeError } from "../contract-errors";
import { runTransaction } from "../transaction";
import type { TransactionStage } from "../transaction";

/**
 * Spending an ERC-20 through a contract (staking AURUNES, paying a receipt in tUSD…) in as few wallet prompts as
 * the wallet allows: one EIP-5792 atomic batch (approve + the call), else an EIP-2612 permit signature and the
 * call's permit variant, else an exact approve then the call. One flow for every such action, so each page only
 * says which call spends the tokens.
 */

/** How an ERC-20 spend reaches the chain. */
export type SpendPath = "batch" | "permit" | "approve";

/** One step the user sees (approve, sign, the call, or the batch of both), with its current state. */
export interface SpendStep {
  label: string;
  state: "waiting" | "active" | "done" | "failed" | "skipped";
}

/** A permit signature, split as the contracts' `…WithPermit(…, deadline, v, r, s)` functions take it. */
export interface PermitSignature {
  deadline: bigint;
  v: number;
  r: Hex;
  s: Hex;
}

/** Sends one contract write through {@link runTransaction} and returns its receipt (undefined when it failed). */
export type SendCall = (onStage: (stage: TransactionStage) => void) => Promise<TransactionReceipt | undefined>;

/** What {@link spendWithBestPath} needs. */
export interface TokenSpendParameters {
  config: Config;
  account: Address;
  chainId: number;
  /** The ERC-20 spent. */
  token: Address;
  /** Its symbol, for the step labels ("Approve tUSD"). */
  tokenSymbol: string;
  amount: bigint;
  /** The contract that pulls the tokens (approved for exactly `amount`). */
  spender: Address;
  /** The call that spends them, for the step labels ("Stake", "Pay"). */
  actionLabel: string;
  /** The same call as calldata, for the batch (`to` is the spender). */
  actionData: Hex;
  /** Sends the call (after approval). */
  send: SendCall;
  /** Sends the call's permit variant; absent when the contract has none (then there is no permit path). */
  sendWithPermit?: (permit: PermitSignature, onStage: (stage: TransactionStage) => void) => Promise<TransactionReceipt | undefined>;
  /** Chain time now (seconds), for the permit's deadline. */
  chainNow: bigint;
  /** Updates the list of steps as they progress. */
  onSteps: (path: SpendPath, steps: SpendStep[]) => void;
  /** Feeds the transaction toast. */
  onStage: (stage: TransactionStage) => void;
}

/** The permit's validity: long enough to sign and send, short enough not to leave a usable approval lying around. */
const PERMIT_LIFETIME = 20n * 60n;

/** The two ERC-2612 / ERC-5267 views a permit needs (not in viem's `erc20Abi`). */
const permitAbi = [
  {
    type: "function",
    name: "nonces",
    stateMutability: "view",
    inputs: [{ name: "owner", type: "address" }],
    outputs: [{ name: "", type: "uint256" }],
  },
  {
    type: "function",
    name: "eip712Domain",
    stateMutability: "view",
    inputs: [],
    outputs: [
      { name: "fields", type: "bytes1" },
      { name: "name", type: "string" },
      { name: "version", type: "string" },
      { name: "chainId", type: "uint256" },
      { name: "verifyingContract", type: "address" },
      { name: "salt", type: "bytes32" },
      { name: "extensions", type: "uint256[]" },
    ],
  },
] as const;

/**
 * The best path the connected wallet offers: an atomic batch when it reports EIP-5792 atomic calls for this chain,
 * else a permit signature when the call has a permit variant and the account holds a key (a smart-contract
 * account signs with ERC-1271, which ERC-2612 permits do not accept), else approve then call. A wallet that
 * cannot answer `wallet_getCapabilities` simply has no batch.
 */
export async function chooseSpendPath(config: Config, account: Address, chainId: number, permitAvailable: boolean): Promise<SpendPath> {
  try {
    const capabilities = await getCapabilities(config, { account, chainId });
    const atomic = (capabilities as { atomic?: { status?: string } }).atomic?.status;
    if (atomic === "supported" || atomic === "ready") return "batch";
  } catch {
    // no EIP-5792 support
  }
  if (!permitAvailable) return "approve";
  const client = getPublicClient(config, { chainId });
  const code = client ? await client.getCode({ address: account }) : undefined;
  return code === undefined || code === "0x" ? "permit" : "approve";
}

/**
 * Spends `amount` of `token` through `spender` by the best path for the wallet, reporting each step. Returns the
 * receipt of the transaction that spent them once confirmed, or `undefined`. Never throws: a refusal or a
 * rejection ends as a failed stage with a plain message.
 *
 * @example
 * const receipt = await spendWithBestPath({ config, account, chainId, token, tokenSymbol: "tUSD", amount,
 *   spender: distributor, actionLabel: "Pay", actionData, send, sendWithPermit, chainNow, onSteps, onStage });
 */
export async function spendWithBestPath(parameters: TokenSpendParameters): Promise<TransactionReceipt | undefined> {
  const path = await chooseSpendPath(parameters.config, parameters.account, parameters.chainId, parameters.sendWithPermit !== undefined);
  if (path === "batch") return spendInBatch(parameters);
  if (path === "permit") {
    const outcome = await spendWithPermit(parameters);
    // A wallet that cannot sign typed data (not a refusal by the user), or a token without a permit, still gets
    // the two-step path.
    if (outcome !== "unsupported") return outcome;
  }
  return approveThenSpend(parameters);
}

async function approveThenSpend(p: TokenSpendParameters): Promise<TransactionReceipt | undefined> {
  const allowance = await readContract(p.config, {
    address: p.token,
    abi: erc20Abi,
    functionName: "allowance",
    args: [p.account, p.spender],
  });
  const needsApproval = allowance < p.amount;
  const steps: SpendStep[] = [
    { label: needsApproval ? `Approve ${p.tokenSymbol}` : "Approval already in place", state: needsApproval ? "active" : "skipped" },
    { label: p.actionLabel, state: needsApproval ? "waiting" : "active" },
  ];
  const report = () => p.onSteps("approve", steps.map((step) => ({ ...step })));
  report();
  if (needsApproval) {
    const approved = await runTransaction({
      config: p.config,
      // Exactly this amount: no open-ended allowance left behind.
      request: { address: p.token, abi: erc20Abi, functionName: "approve", args: [p.spender, p.amount], account: p.account },
      onStage: p.onStage,
    });
    steps[0]!.state = approved ? "done" : "failed";
    if (!approved) return report(), undefined;
    steps[1]!.state = "active";
    report();
  }
  const receipt = await p.send(p.onStage);
  steps[1]!.state = receipt ? "done" : "failed";
  report();
  return receipt;
}

async function spendWithPermit(p: TokenSpendParameters): Promise<TransactionReceipt | undefined | "unsupported"> {
  const steps: SpendStep[] = [
    { label: "Sign the permit (no gas)", state: "active" },
    { label: p.actionLabel, state: "waiting" },
  ];
  const report = () => p.onSteps("permit", steps.map((step) => ({ ...step })));
  const unsupported = () => {
    steps[0] = { label: "Permit not available in this wallet: approving instead", state: "skipped" };
    report();
    return "unsupported" as const;
  };
  report();
  const deadline = p.chainNow + PERMIT_LIFETIME;
  let domain: { name: string; version: string; chainId: number; verifyingContract: Address };
  let nonce: bigint;
  try {
    const [read, readNonce] = await Promise.all([
      readContract(p.config, { address: p.token, abi: permitAbi, functionName: "eip712Domain" }),
      readContract(p.config, { address: p.token, abi: permitAbi, functionName: "nonces", args: [p.account] }),
    ]);
    const [, name, version, chainId, verifyingContract] = read;
    domain = { name, version, chainId: Number(chainId), verifyingContract };
    nonce = readNonce;
  } catch {
    // The token has no ERC-2612 permit (or does not say its EIP-712 domain): nothing to sign.
    return unsupported();
  }
  let signature: Hex;
  try {
    signature = await signTypedData(p.config, {
      account: p.account,
      domain,
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
      message: { owner: p.account, spender: p.spender, value: p.amount, nonce, deadline },
    });
  } catch (error) {
    const { message, rejectedByUser } = describeError(error);
    if (!rejectedByUser) return unsupported();
    steps[0]!.state = "failed";
    report();
    p.onStage({ status: "failed", message, rejectedByUser });
    return undefined;
  }
  steps[0]!.state = "done";
  steps[1]!.state = "active";
  report();
  const { r, s, v, yParity } = parseSignature(signature);
  const receipt = await p.sendWithPermit!({ deadline, v: v === undefined ? 27 + (yParity ?? 0) : Number(v), r, s }, p.onStage);
  steps[1]!.state = receipt ? "done" : "failed";
  report();
  return receipt;
}

async function spendInBatch(p: TokenSpendParameters): Promise<TransactionReceipt | undefined> {
  const steps: SpendStep[] = [{ label: `Approve and ${p.actionLabel.toLowerCase()} in one batch`, state: "active" }];
  const report = () => p.onSteps("batch", steps.map((step) => ({ ...step })));
  report();
  p.onStage({ status: "simulating" });
  try {
    const { id } = await sendCalls(p.config, {
      account: p.account,
      chainId: p.chainId,
      forceAtomic: true,
      calls: [
        { to: p.token, data: encodeFunctionData({ abi: erc20Abi, functionName: "approve", args: [p.spender, p.amount] }) },
        { to: p.spender, data: p.actionData },
      ],
    });
    const result = await waitForCallsStatus(p.config, { id, throwOnFailure: false });
    const hash = result.receipts?.at(-1)?.transactionHash;
    if (result.status !== "success" || !hash) {
      steps[0]!.state = "failed";
      report();
      p.onStage({ status: "failed", hash, message: `The batch was not executed: nothing was spent.`, rejectedByUser: false });
      return undefined;
    }
    p.onStage({ status: "pending", hash });
    const client = getPublicClient(p.config, { chainId: p.chainId });
    const full = client ? await client.getTransactionReceipt({ hash }) : undefined;
    if (full) p.onStage({ status: "confirmed", hash, receipt: full });
    steps[0]!.state = "done";
    report();
    return full;
  } catch (error) {
    const { message, rejectedByUser } = describeError(error);
    steps[0]!.state = "failed";
    report();
    p.onStage({ status: "failed", message, rejectedByUser });
    return undefined;
  }
}
