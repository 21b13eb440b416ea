"use client";

import { useConnectModal } from "@rainbow-me/rainbowkit";
import { zeroAddress } from "viem";
import { useAccount, useReadContract, useReadContracts } from "wagmi";
import { revenueDistributorAbi } from "@/contracts-abi/generated";
import { useWalletSettings } from "@/components/wallet/WalletSettings";
import { displayFractionDigits, formatFixed } from "@/lib/format";
import type { PositionIslandProps } from "./PositionIsland";

/** Streamed rewards move every second: re-read them this often (exact on every read). */
const REFRESH_MS = 15_000;

/** The connected account's stake on the rune and what it has earned, read from the distributor. */
export default function PositionPanel({ rune, tokens, locale }: PositionIslandProps) {
  const settings = useWalletSettings();
  const { address, isConnected } = useAccount();
  const { openConnectModal } = useConnectModal();
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
  const reads = [position, runeActive, pending];
  const error = reads.find((read) => read.error)?.error;
  const refetch = () => Promise.all(reads.map((read) => read.refetch()));

  if (!isConnected) {
    return (
      <>
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">Connect a wallet to see your stake and pending rewards on this agent.</p>
        <button
          type="button"
          onClick={openConnectModal}
          className="mt-3 rounded-lg bg-amber-500 px-3.5 py-1.5 text-sm font-semibold text-stone-950 hover:bg-amber-400"
        >
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
  if (!position.data || runeActive.data === undefined || !pending.data) {
    return <p className="mt-2 text-sm text-stone-500">Reading your position…</p>;
  }
  const { active, unbonding, unbondingEndsAt } = position.data;
  const aurunes = (value: bigint) => formatFixed(value, 18, { locale, fractionDigits: 2, symbol: "AURUNES" });
  // Basis points of the pool, rounded down (bigint until the last step: two decimals of a percent).
  const shareBps = runeActive.data > 0n ? (active * 10_000n) / runeActive.data : 0n;
  const earning = tokens.flatMap((token, i) => {
    const amount = pending.data[i] ?? 0n;
    return amount > 0n ? [{ token, amount }] : [];
  });
  return (
    <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-3 text-sm" data-testid="position">
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
      <div>
        <dt className="text-stone-500">Unbonding</dt>
        <dd className="font-medium tabular-nums" data-testid="position-unbonding">{aurunes(unbonding)}</dd>
        {unbonding > 0n && (
          <dd className="text-xs text-stone-500">
            withdrawable from {new Date(Number(unbondingEndsAt) * 1000).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" })}
          </dd>
        )}
      </div>
      <div className="col-span-2">
        <dt className="text-stone-500">Pending rewards</dt>
        <dd className="mt-1 space-y-0.5 font-medium tabular-nums" data-testid="position-pending">
          {earning.length === 0
            ? "None yet"
            : earning.map(({ token, amount }) => (
                <div key={token.address}>
                  {formatFixed(amount, token.decimals, { locale, fractionDigits: displayFractionDigits(token), symbol: token.symbol })}
                </div>
              ))}
        </dd>
      </div>
    </dl>
  );
}
