"use client";

import { useConnectModal } from "@rainbow-me/rainbowkit";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { zeroAddress } from "viem";
import { useAccount, useConfig, useReadContract, useReadContracts } from "wagmi";
import { revenueDistributorAbi } from "@/contracts-abi/generated";
import { useWalletSettings } from "@/components/wallet/WalletSettings";
import { formatCountdown } from "@/lib/domain/chain-time";
import { accruedBetween } from "@/lib/domain/stream";
import { displayFractionDigits, formatFixed } from "@/lib/format";
import { runTransaction } from "@/lib/transaction";
import { transactionToasts } from "@/lib/transaction-toasts";
import { useChainClock } from "@/lib/wallet/use-chain-now";
import type { PositionIslandProps } from "./PositionIsland";

/** Streamed rewards move every second: re-read them this often (exact on every read, projected in between). */
const REFRESH_MS = 15_000;
const DAY = 86_400n;

/** The connected account's stake on the rune, what it earns, and its Claim and Withdraw. */
export default function PositionPanel({ rune, tokens, status, locale }: PositionIslandProps) {
  const settings = useWalletSettings();
  const config = useConfig();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { address, isConnected } = useAccount();
  const { openConnectModal } = useConnectModal();
  const clock = useChainClock();
  const [busy, setBusy] = useState<"claim" | "withdraw">();
  // The boundary renders this only with settings; the zero address is a placeholder while reads are disabled.
  const distributor = { address: settings?.config.contracts.revenueDistributor ?? zeroAddress, abi: revenueDistributorAbi } as const;
  const account = address ?? zeroAddress;
  const query = { enabled: isConnected && address !== undefined, refetchInterval: REFRESH_MS };
  const position = useReadContract({ ...distributor, functionName: "positionOf", args: [rune, account], query });
  const runeActive = useReadContract({ ...distributor, functionName: "activeStakeOf", args: [rune], query });
  const pending = useReadContracts({
    allowFailure: false,
    contracts: tokens.map((token) => ({ ...distributor, functionName: "pendingRewards" as const, args: [rune, account, token.address] as const })),
    query,
  });
  const streams = useReadContracts({
    allowFailure: false,
    contracts: tokens.map((token) => ({ ...distributor, functionName: "streamOf" as const, args: [rune, token.address] as const })),
    query,
  });
  const reads = [position, runeActive, pending, streams];
  const error = reads.find((read) => read.error)?.error;
  const refetch = () => Promise.all(reads.map((read) => read.refetch()));

  if (!isConnected || !address) {
    return (
      <>
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">Connect a wallet to see your stake and pending rewards on this agent.</p>
        <button type="button" onClick={openConnectModal} className="mt-3 rounded-lg bg-amber-500 px-3.5 py-1.5 text-sm font-semibold text-stone-950 hover:bg-amber-400">
          Connect wallet
        </button>
      </>
    );
  }
  if (error) {
    return (
      <div role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
        Your position could not be read from the chain.{" "}
        <button type="button" onClick={() => void refetch()} className="font-semibold underline">
          Retry
        </button>
      </div>
    );
  }
  if (!position.data || runeActive.data === undefined || !pending.data || !streams.data || !clock) {
    return <p className="mt-2 text-sm text-stone-500">Reading your position…</p>;
  }

  const { active, unbonding, unbondingEndsAt } = position.data;
  const totalActive = runeActive.data;
  const aurunes = (value: bigint) => formatFixed(value, 18, { locale, fractionDigits: 2, symbol: "AURUNES" });
  // Basis points of the pool, rounded down (bigint until the last step: two decimals of a percent).
  const shareBps = totalActive > 0n ? (active * 10_000n) / totalActive : 0n;
  const perToken = tokens.map((token, i) => {
    const stream = streams.data[i]!;
    // Pending was read at the latest block; what streamed since is projected until the next read makes it exact.
    const projected = accruedBetween(stream, active, totalActive, clock.latestBlockTime, clock.now);
    const perDay = accruedBetween(stream, active, totalActive, clock.now, clock.now + DAY);
    return { token, pending: (pending.data[i] ?? 0n) + projected, claimable: pending.data[i] ?? 0n, perDay };
  });
  const claimable = perToken.filter((entry) => entry.claimable > 0n);
  const earning = perToken.filter((entry) => entry.pending > 0n || entry.perDay > 0n);
  const withdrawableNow = unbonding > 0n && (status !== "Active" || clock.now >= unbondingEndsAt);
  const amount = (value: bigint, token: (typeof tokens)[number]) =>
    formatFixed(value, token.decimals, { locale, fractionDigits: displayFractionDigits(token), symbol: token.symbol });

  async function after() {
    await queryClient.invalidateQueries();
    router.refresh();
  }

  async function claim() {
    setBusy("claim");
    try {
      await runTransaction({
        config,
        request: {
          ...distributor,
          functionName: "claim",
          args: [[rune], claimable.map((entry) => entry.token.address)],
          account: address,
        },
        onStage: transactionToasts.track("Claim rewards", settings?.config.explorerUrl),
      });
    } finally {
      setBusy(undefined);
      await after();
    }
  }

  async function withdraw() {
    setBusy("withdraw");
    try {
      await runTransaction({
        config,
        request: { ...distributor, functionName: "withdraw", args: [rune], account: address },
        onStage: transactionToasts.track(`Withdraw ${aurunes(unbonding)}`, settings?.config.explorerUrl),
      });
    } finally {
      setBusy(undefined);
      await after();
    }
  }

  return (
    <div className="mt-3 space-y-4 text-sm">
      <dl className="grid grid-cols-2 gap-x-4 gap-y-3" data-testid="position">
        <div>
          <dt className="text-stone-500">Active stake</dt>
          <dd className="font-medium tabular-nums" data-testid="position-active">{aurunes(active)}</dd>
        </div>
        <div>
          <dt className="text-stone-500">Share of the pool</dt>
          <dd className="font-medium tabular-nums" data-testid="position-share">
            {formatFixed(shareBps, 2, { locale, fractionDigits: 2 })} %
          </dd>
        </div>
        <div className="col-span-2">
          <dt className="text-stone-500">Unbonding</dt>
          <dd className="font-medium tabular-nums" data-testid="position-unbonding">{aurunes(unbonding)}</dd>
          {unbonding > 0n && (
            <dd className="text-xs text-stone-500" data-testid="unbonding-countdown">
              {status !== "Active"
                ? "Withdrawable now: the agent is not active, so there is no unbonding wait."
                : withdrawableNow
                  ? "Unbonding finished: withdraw it to your wallet."
                  : `Withdrawable in ${formatCountdown(unbondingEndsAt - clock.now)} (chain time).`}
            </dd>
          )}
        </div>
        <div className="col-span-2">
          <dt className="text-stone-500">Pending rewards</dt>
          <dd className="mt-1 space-y-0.5 font-medium tabular-nums" data-testid="position-pending">
            {earning.length === 0
              ? "None yet"
              : earning.map((entry) => (
                  <div key={entry.token.address} data-token={entry.token.symbol}>
                    {amount(entry.pending, entry.token)}
                    {entry.perDay > 0n && (
                      <span className="ml-2 text-xs font-normal text-stone-500">+{amount(entry.perDay, entry.token)} / day at the current rate</span>
                    )}
                  </div>
                ))}
          </dd>
        </div>
      </dl>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          onClick={() => void claim()}
          disabled={busy !== undefined || claimable.length === 0}
          className="rounded-lg bg-amber-500 px-3.5 py-1.5 font-semibold text-stone-950 hover:bg-amber-400 disabled:opacity-50"
        >
          {busy === "claim" ? "Claiming…" : "Claim"}
        </button>
        {unbonding > 0n && (
          <button
            type="button"
            onClick={() => void withdraw()}
            disabled={busy !== undefined || !withdrawableNow}
            className="rounded-lg border border-stone-300 px-3.5 py-1.5 font-semibold disabled:opacity-50 dark:border-stone-700"
          >
            {busy === "withdraw" ? "Withdrawing…" : "Withdraw"}
          </button>
        )}
      </div>
    </div>
  );
}
