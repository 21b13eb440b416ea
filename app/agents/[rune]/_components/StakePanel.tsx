"use client";

import { useConnectModal } from "@rainbow-me/rainbowkit";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { formatUnits, zeroAddress } from "viem";
import { useAccount, useConfig, useReadContract } from "wagmi";
import { aurunesTokenAbi, revenueDistributorAbi, runeRegistryAbi } from "@/contracts-abi/generated";
import { SpendProgress } from "@/components/SpendProgress";
import { useWalletSettings } from "@/components/wallet/WalletSettings";
import { parseAmountInput } from "@/lib/domain/amount-input";
import { formatFixed } from "@/lib/format";
import { runTransaction } from "@/lib/transaction";
import { transactionToasts } from "@/lib/transaction-toasts";
import { type StakePath, type StakeStep, stakeWithBestPath } from "@/lib/tx/stake-flow";
import { useChainNow } from "@/lib/wallet/use-chain-now";
import type { StakeIslandProps } from "./StakeIsland";

const PATH_TEXT: Record<StakePath, string> = {
  batch: "One prompt: your wallet approves and stakes in a single batch.",
  permit: "Two steps, one transaction: sign a permit (free), then stake.",
  approve: "Two transactions: approve AURUNES, then stake.",
};

/** Stake / unstake forms with their checks before any wallet prompt. */
export default function StakePanel({ rune, status, locale }: StakeIslandProps) {
  const settings = useWalletSettings();
  const config = useConfig();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { address, isConnected, chainId } = useAccount();
  const { openConnectModal } = useConnectModal();
  const chainNow = useChainNow();
  const [mode, setMode] = useState<"stake" | "unstake">("stake");
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ path: StakePath; steps: StakeStep[] }>();
  const inputId = useId();
  const errorId = useId();

  const contracts = settings?.config.contracts;
  const token = contracts?.aurunesToken ?? zeroAddress;
  const distributor = contracts?.revenueDistributor ?? zeroAddress;
  const account = address ?? zeroAddress;
  const enabled = { enabled: isConnected && address !== undefined };
  const balance = useReadContract({ address: token, abi: aurunesTokenAbi, functionName: "balanceOf", args: [account], query: enabled });
  const position = useReadContract({ address: distributor, abi: revenueDistributorAbi, functionName: "positionOf", args: [rune, account], query: enabled });
  const paused = useReadContract({ address: distributor, abi: revenueDistributorAbi, functionName: "paused" });
  const proposal = useReadContract({
    address: contracts?.runeRegistry ?? zeroAddress,
    abi: runeRegistryAbi,
    functionName: "pendingSplitProposal",
    args: [rune],
  });

  if (!isConnected || !address) {
    return (
      <button type="button" onClick={openConnectModal} className="mt-3 rounded-lg bg-amber-500 px-3.5 py-1.5 text-sm font-semibold text-stone-950 hover:bg-amber-400">
        Connect wallet to stake
      </button>
    );
  }

  const active = position.data?.active ?? 0n;
  const max = mode === "stake" ? balance.data : active;
  const maxLabel = mode === "stake" ? "your AURUNES balance" : "your active stake";
  const aurunes = (value: bigint) => formatFixed(value, 18, { locale, fractionDigits: 2, symbol: "AURUNES" });
  const proposalOpen = (proposal.data?.id ?? 0n) !== 0n;

  /** Why the action cannot be sent at all (before reading the amount), if so. */
  function blocked(): string | undefined {
    if (mode === "stake" && status !== "Active") return `This agent is ${status.toLowerCase()}: it takes no new stakes.`;
    if (mode === "stake" && paused.data) return "The protocol is paused: new stakes are stopped for now.";
    if (max === undefined) return "Still reading your balance: try again in a moment.";
    return undefined;
  }

  async function refresh() {
    await queryClient.invalidateQueries();
    router.refresh(); // the server-rendered totals (staked, stakers) on this page
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const reason = blocked();
    if (reason) return setError(reason);
    const parsed = parseAmountInput(text, { decimals: 18, symbol: "AURUNES", max, maxLabel });
    if (!parsed.ok) return setError(parsed.error);
    setError(undefined);
    setBusy(true);
    try {
      if (mode === "stake") {
        const done = await stakeWithBestPath({
          config,
          account: address!,
          chainId: chainId ?? settings!.config.chainId,
          rune,
          amount: parsed.value,
          token,
          distributor,
          chainNow: chainNow ?? BigInt(Math.floor(Date.now() / 1000)),
          onSteps: (path, steps) => setProgress({ path, steps }),
          onStage: transactionToasts.track(`Stake ${aurunes(parsed.value)}`, settings?.config.explorerUrl),
        });
        if (done) setText("");
      } else {
        setProgress(undefined);
        const receipt = await runTransaction({
          config,
          request: { address: distributor, abi: revenueDistributorAbi, functionName: "requestUnstake", args: [rune, parsed.value], account: address! },
          onStage: transactionToasts.track(`Unstake ${aurunes(parsed.value)}`, settings?.config.explorerUrl),
        });
        if (receipt) setText("");
      }
    } finally {
      setBusy(false);
      await refresh();
    }
  }

  return (
    <form onSubmit={submit} noValidate className="mt-3 space-y-3 text-sm">
      <div role="tablist" aria-label="Stake or unstake" className="inline-flex rounded-lg border border-stone-300 p-0.5 dark:border-stone-700">
        {(["stake", "unstake"] as const).map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            aria-selected={mode === tab}
            onClick={() => {
              setMode(tab);
              setError(undefined);
              setProgress(undefined);
            }}
            className={`rounded-md px-3 py-1 font-medium ${mode === tab ? "bg-stone-900 text-white dark:bg-stone-100 dark:text-stone-900" : "text-stone-600 dark:text-stone-300"}`}
          >
            {tab === "stake" ? "Stake" : "Unstake"}
          </button>
        ))}
      </div>
      <div>
        <div className="flex items-baseline justify-between">
          <label htmlFor={inputId} className="font-medium">
            {mode === "stake" ? "Amount to stake" : "Amount to unstake"} (AURUNES)
          </label>
          <span className="text-xs text-stone-500">
            {mode === "stake" ? "Balance" : "Active stake"}: {max === undefined ? "…" : aurunes(max)}
          </span>
        </div>
        <div className="mt-1 flex gap-2">
          <input
            id={inputId}
            inputMode="decimal"
            autoComplete="off"
            placeholder="0.0"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setError(undefined);
            }}
            aria-invalid={error !== undefined}
            aria-describedby={error ? errorId : undefined}
            disabled={busy}
            className="min-w-0 flex-1 rounded-lg border border-stone-300 bg-white px-3 py-1.5 tabular-nums dark:border-stone-700 dark:bg-stone-950"
          />
          <button
            type="button"
            disabled={busy || max === undefined}
            onClick={() => max !== undefined && setText(formatUnits(max, 18))}
            className="rounded-lg border border-stone-300 px-3 font-medium dark:border-stone-700"
          >
            Max
          </button>
        </div>
        {error && (
          <p id={errorId} role="alert" className="mt-1 text-red-700 dark:text-red-300">
            {error}
          </p>
        )}
      </div>
      {mode === "stake" && proposalOpen && (
        <p className="rounded-lg bg-amber-50 p-2 text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
          A split change is pending on this agent. Stake you add now earns as usual but cannot veto that proposal: only
          stake held when it was made can.
        </p>
      )}
      {mode === "unstake" && (
        <p className="text-stone-600 dark:text-stone-400">
          {status === "Active"
            ? "Unstaked AURUNES stop earning at once and can be withdrawn when the unbonding period ends."
            : "This agent is not active: unstaked AURUNES can be withdrawn at once."}
        </p>
      )}
      <button
        type="submit"
        disabled={busy}
        className="w-full rounded-lg bg-amber-500 px-3.5 py-2 font-semibold text-stone-950 hover:bg-amber-400 disabled:opacity-60"
      >
        {busy ? "Waiting for the wallet…" : mode === "stake" ? "Stake" : "Unstake"}
      </button>
      {progress && <SpendProgress path={progress.path} steps={progress.steps} pathText={PATH_TEXT} testId="stake-progress" />}
    </form>
  );
}
