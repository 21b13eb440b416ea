"use client";

import { useConnectModal } from "@rainbow-me/rainbowkit";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useState } from "react";
import { type Address, type Hex, type TransactionReceipt, encodeFunctionData, erc20Abi, formatUnits, parseEventLogs, zeroAddress } from "viem";
import { useAccount, useConfig, usePublicClient, useReadContract, useSwitchChain } from "wagmi";
import { revenueDistributorAbi } from "@/contracts-abi/generated";
import { SpendProgress } from "@/components/SpendProgress";
import { paymentSearchParams } from "@/lib/data/payment-params";
import { useWalletSettings } from "@/components/wallet/WalletSettings";
import { formatCountdown } from "@/lib/domain/chain-time";
import { connectPayer } from "@/lib/domain/receipt-verdict";
import { formatAmount, shortHex } from "@/lib/format";
import { collaborativePaymentCall, servicePaymentCall } from "@/lib/receipts/payment-call";
import { type TransactionStage, runTransaction } from "@/lib/transaction";
import { transactionToasts } from "@/lib/transaction-toasts";
import { type SpendPath, type SpendStep, spendWithBestPath } from "@/lib/tx/token-spend";
import { useChainClock } from "@/lib/wallet/use-chain-now";
import type { CheckedPayment } from "../actions";

const PATH_TEXT: Record<SpendPath, string> = {
  batch: "One prompt: your wallet approves and pays in a single batch.",
  permit: "Two steps, one transaction: sign a permit (free), then pay.",
  approve: "Two transactions: approve the exact amount, then pay.",
};

/** One agent's share of a confirmed payment: where it sits in the chain, for the link to its history. */
interface PaidShare {
  rune: Hex;
  blockNumber: bigint;
  logIndex: number;
  transactionHash: Hex;
}

/**
 * The agent's revenue history opened at this payment: the page of payments older than the position just after it
 * (the history's `cursor` parameter), so the payment is its first row.
 */
function historyHref({ rune, blockNumber, logIndex }: PaidShare): string {
  return `/agents/${rune}?${paymentSearchParams({ before: { blockNumber, logIndex: logIndex + 1 } }, [])}#revenue`;
}

/** The ServicePaid events of this receipt's service in a confirmed transaction (one per rune paid). */
function paidShares(receipt: TransactionReceipt, serviceId: Hex): PaidShare[] {
  return parseEventLogs({ abi: revenueDistributorAbi, eventName: "ServicePaid", logs: receipt.logs })
    .filter((log) => log.args.serviceId.toLowerCase() === serviceId.toLowerCase())
    .map((log) => ({ rune: log.args.rune, blockNumber: log.blockNumber, logIndex: log.logIndex, transactionHash: log.transactionHash }));
}

/** Props of the pay panel (inside the wallet boundary). */
export interface PayPanelProps {
  check: CheckedPayment;
  /** A check is running (for another account, or after a payment). */
  checking: boolean;
  /** Reports the connected account, so the receipt is checked for it. */
  onAccount: (account: Address | undefined) => void;
  /** A payment was confirmed: check the receipt again (its service is now paid). */
  onPaid: () => void;
}

/**
 * Pays a checked receipt from the connected account: ETH with the value, an ERC-20 through the one-prompt paths
 * (batch, permit for a single receipt, exact approve). Disabled, with the reason, while anything would refuse it:
 * the checks, the account, the network, the balance, a paused protocol, the deadline in chain time.
 */
export default function PayPanel({ check, checking, onAccount, onPaid }: PayPanelProps) {
  const settings = useWalletSettings();
  const config = useConfig();
  const queryClient = useQueryClient();
  const { address, isConnected, chainId } = useAccount();
  const { openConnectModal } = useConnectModal();
  const { switchChain, isPending: switching } = useSwitchChain();
  const clock = useChainClock();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ path: SpendPath; steps: SpendStep[] }>();
  const [failure, setFailure] = useState<string>();
  const [paid, setPaid] = useState<PaidShare[]>();
  const reasonId = useId();

  const account = isConnected ? address : undefined;
  useEffect(() => onAccount(account), [account, onAccount]);

  const { signed, agents, verdict } = check;
  const { receipt, token } = signed;
  const appChainId = settings?.config.chainId;
  const distributor = settings?.config.contracts.revenueDistributor ?? zeroAddress;
  const isEth = token.address === zeroAddress;
  const enabled = account !== undefined && chainId === appChainId;
  // A failed read is tried again every few seconds: the button says why it waits meanwhile.
  const retryOnError = (query: { state: { error: Error | null } }) => (query.state.error ? 5_000 : false);
  const client = usePublicClient();
  // eth_getBalance itself, not wagmi's useBalance: with multicall batching on, viem asks Multicall3's getEthBalance,
  // which the local chain's minimal Multicall3 does not have.
  const ethBalance = useQuery<bigint, Error>({
    queryKey: ["aurorune", "ethBalance", appChainId, account],
    queryFn: async () => BigInt(await client!.request({ method: "eth_getBalance", params: [account!, "latest"] })),
    enabled: enabled && isEth && client !== undefined,
    refetchInterval: retryOnError,
  });
  const tokenBalance = useReadContract({
    address: token.address,
    abi: erc20Abi,
    functionName: "balanceOf",
    args: [account ?? zeroAddress],
    query: { enabled: enabled && !isEth, refetchInterval: retryOnError },
  });
  const paused = useReadContract({ address: distributor, abi: revenueDistributorAbi, functionName: "paused", query: { enabled } });
  const balance = isEth ? ethBalance.data : tokenBalance.data;
  const balanceError: Error | null = isEth ? ethBalance.error : tokenBalance.error;
  const amountText = `${formatUnits(receipt.amount, token.decimals)} ${token.symbol}`;
  const names = agents.map((agent) => agent.name ?? `agent ${shortHex(agent.rune, 4)}`).join(" + ");
  const secondsLeft = clock === undefined ? undefined : receipt.deadline - clock.now;

  /** Why the button is disabled, if it is. */
  function blocked(): string | undefined {
    if (!account) return connectPayer(receipt.payer, undefined);
    if (chainId !== appChainId) return `Your wallet is on chain ${chainId ?? "unknown"}: switch it to ${settings?.config.chainName ?? "the app's network"} to pay.`;
    if (checking || check.from?.toLowerCase() !== account.toLowerCase()) return "Checking the receipt for your account…";
    if (!verdict.payable) return verdict.reason ?? verdict.headline;
    if (paused.data) return "The protocol is paused: new payments are stopped for now. Try again later.";
    if (secondsLeft !== undefined && secondsLeft <= 0n) return "The receipt's deadline has passed (chain time): ask the agent for a new receipt.";
    if (balance === undefined) {
      return balanceError ? `Your ${token.symbol} balance could not be read (${balanceError.message.split("\n")[0]}): it is read again in a moment.` : "Reading your balance…";
    }
    if (balance < receipt.amount) {
      return `Your balance is ${formatAmount(balance, token.decimals, { symbol: token.symbol, maxFractionDigits: token.decimals })}: less than the ${amountText} this receipt asks for.`;
    }
    return undefined;
  }
  const reason = paid ? undefined : blocked();

  async function pay() {
    if (!account || blocked()) return;
    setBusy(true);
    setFailure(undefined);
    setProgress(undefined);
    const track = transactionToasts.track(`Pay ${amountText} to ${names}`, settings?.config.explorerUrl);
    const onStage = (stage: TransactionStage) => {
      track(stage);
      if (stage.status === "failed") setFailure(stage.rejectedByUser ? "You rejected the request in your wallet: nothing was paid." : stage.message);
    };
    try {
      const confirmed = await sendPayment(account, onStage);
      if (confirmed) {
        setPaid(paidShares(confirmed, receipt.serviceId));
        onPaid();
      }
    } finally {
      setBusy(false);
      await queryClient.invalidateQueries();
    }
  }

  /** ETH: one transaction with the value. ERC-20: the shared spend flow, whose final call is the same payment. */
  function sendPayment(from: Address, onStage: (stage: TransactionStage) => void): Promise<TransactionReceipt | undefined> {
    const spend = {
      config,
      account: from,
      chainId: appChainId!,
      token: token.address,
      tokenSymbol: token.symbol,
      amount: receipt.amount,
      spender: distributor,
      actionLabel: "Pay",
      chainNow: clock?.now ?? BigInt(Math.floor(Date.now() / 1000)),
      onSteps: (path: SpendPath, steps: SpendStep[]) => setProgress({ path, steps }),
      onStage,
    };
    if (signed.primaryType === "CollaborativeReceipt") {
      const call = collaborativePaymentCall(signed);
      const send = (stage: (stage: TransactionStage) => void) => runTransaction({ config, request: { ...call, account: from }, onStage: stage });
      if (isEth) return send(onStage);
      // payCollaborative has no permit variant: a batch, or approve then pay.
      return spendWithBestPath({ ...spend, actionData: encodeFunctionData(call), send });
    }
    const call = servicePaymentCall(signed);
    const send = (stage: (stage: TransactionStage) => void) => runTransaction({ config, request: { ...call, account: from }, onStage: stage });
    if (isEth) return send(onStage);
    return spendWithBestPath({
      ...spend,
      actionData: encodeFunctionData(call),
      send,
      sendWithPermit: ({ deadline, v, r, s }, stage) =>
        runTransaction({
          config,
          request: {
            address: call.address,
            abi: revenueDistributorAbi,
            functionName: "payWithPermit",
            args: [signed.receipt, signed.signature, deadline, v, r, s],
            account: from,
          },
          onStage: stage,
        }),
    });
  }

  return (
    <div className="mt-2 space-y-3 text-sm" data-testid="pay-panel">
      <dl className="grid gap-1 sm:grid-cols-[8rem_1fr]">
        <dt className="text-stone-500">Amount</dt>
        <dd className="font-semibold tabular-nums">{amountText}</dd>
        <dt className="text-stone-500">To</dt>
        <dd>{names}</dd>
        <dt className="text-stone-500">From</dt>
        <dd className="break-all font-mono text-xs">{account ?? "no account connected"}</dd>
        {account && balance !== undefined && (
          <>
            <dt className="text-stone-500">Your balance</dt>
            <dd className="tabular-nums">{formatAmount(balance, token.decimals, { symbol: token.symbol, maxFractionDigits: 6 })}</dd>
          </>
        )}
        <dt className="text-stone-500">Deadline</dt>
        <dd data-testid="pay-deadline">
          {secondsLeft === undefined ? "…" : secondsLeft > 0n ? `expires in ${formatCountdown(secondsLeft)} (chain time)` : "expired (chain time)"}
        </dd>
      </dl>

      {!account ? (
        <button type="button" onClick={openConnectModal} className="rounded-lg bg-amber-500 px-4 py-1.5 font-semibold text-stone-950 hover:bg-amber-400">
          Connect wallet to pay
        </button>
      ) : chainId !== appChainId ? (
        <button
          type="button"
          disabled={switching}
          onClick={() => appChainId !== undefined && switchChain({ chainId: appChainId })}
          className="rounded-lg bg-amber-500 px-4 py-1.5 font-semibold text-stone-950 hover:bg-amber-400 disabled:opacity-60"
        >
          {switching ? "Switching…" : `Switch to ${settings?.config.chainName ?? "the app's network"}`}
        </button>
      ) : (
        !paid && (
          <button
            type="button"
            onClick={pay}
            disabled={busy || reason !== undefined}
            aria-describedby={reason ? reasonId : undefined}
            className="w-full rounded-lg bg-amber-500 px-4 py-2 font-semibold text-stone-950 hover:bg-amber-400 disabled:cursor-not-allowed disabled:opacity-60"
          >
            {busy ? "Waiting for the wallet…" : `Pay ${amountText}`}
          </button>
        )
      )}
      {reason && (
        <p id={reasonId} data-testid="pay-blocked" className="break-words text-stone-700 dark:text-stone-300">
          {reason}
        </p>
      )}
      {progress && <SpendProgress path={progress.path} steps={progress.steps} pathText={PATH_TEXT} testId="pay-progress" />}
      {failure && !busy && (
        <p role="alert" className="break-words text-red-700 dark:text-red-300">
          {failure}
        </p>
      )}
      {paid && (
        <div role="status" data-testid="pay-done" className="rounded-lg border border-emerald-300 bg-emerald-50 p-3 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-200">
          <p className="font-semibold">Paid {amountText}.</p>
          <ul className="mt-1 space-y-0.5">
            {paid.map((share) => {
              const agent = agents.find((a) => a.rune.toLowerCase() === share.rune.toLowerCase());
              return (
                <li key={`${share.rune}:${share.logIndex}`}>
                  <Link href={historyHref(share)} className="font-medium underline">
                    See the payment in {agent?.name ?? `agent ${shortHex(share.rune, 4)}`}&apos;s history
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
