"use client";

import { useConnectModal } from "@rainbow-me/rainbowkit";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { type ReactNode, useState } from "react";
import type { Address, Hex, PublicClient, TransactionReceipt } from "viem";
import { useAccount, useConfig, usePublicClient } from "wagmi";
import { RuneSigil } from "@/components/RuneSigil";
import { StatusBadge } from "@/components/StatusBadge";
import { useWalletSettings } from "@/components/wallet/WalletSettings";
import { revenueDistributorAbi } from "@/contracts-abi/generated";
import type { TokenInfo } from "@/lib/domain/agent";
import { readPortfolio } from "@/lib/data/portfolio";
import { formatCountdown } from "@/lib/domain/chain-time";
import {
  type Portfolio,
  type PortfolioPosition,
  type TokenBalance,
  canWithdraw,
  claimAllSelection,
  earningPerDay,
  isEmptyPortfolio,
  livePending,
  rewardTotals,
} from "@/lib/domain/portfolio";
import { displayFractionDigits, formatFixed } from "@/lib/format";
import { type TransactionStage, runTransaction } from "@/lib/transaction";
import { transactionToasts } from "@/lib/transaction-toasts";
import { useChainNow } from "@/lib/wallet/use-chain-now";
import { ConnectPrompt, type PortfolioIslandProps } from "./PortfolioIsland";

/** Streamed rewards move every second: re-read everything this often (exact on every read, projected between). */
const REFRESH_MS = 15_000;

/** What the last action left to say, next to the actions. */
type Notice = { tone: "done" | "calm" | "error"; text: string };

/** Runs one transaction through `runTransaction`, with its toast and the shared refetch. */
type Send = (onStage: (stage: TransactionStage) => void, refetch: () => Promise<unknown>) => Promise<TransactionReceipt | undefined>;

const CARD = "rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900";
const BUTTON =
  "rounded-lg bg-amber-500 px-3.5 py-1.5 text-sm font-semibold text-stone-950 hover:bg-amber-400 disabled:cursor-not-allowed disabled:opacity-50 disabled:hover:bg-amber-500";
const SECONDARY_BUTTON =
  "rounded-lg border border-stone-300 px-3 py-1 text-sm font-semibold hover:bg-stone-100 disabled:cursor-not-allowed disabled:opacity-50 dark:border-stone-700 dark:hover:bg-stone-800";

/** The connected account's portfolio: positions, live rewards, balances and the transactions that collect them. */
export default function PortfolioPanel({ tokens, locale }: PortfolioIslandProps) {
  const settings = useWalletSettings();
  const { address, isConnected } = useAccount();
  const { openConnectModal } = useConnectModal();
  const client = usePublicClient();
  const config = useConfig();
  const queryClient = useQueryClient();
  const chainNow = useChainNow();
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);

  const contracts = settings?.config.contracts;
  const portfolio = useQuery({
    queryKey: ["aurorune", "portfolio", settings?.config.chainId, address, contracts?.revenueDistributor],
    queryFn: () => readPortfolio(client as PublicClient, { account: address!, contracts: contracts!, tokens: tokens.map((token) => token.address) }),
    enabled: isConnected && address !== undefined && client !== undefined && contracts !== undefined,
    refetchInterval: REFRESH_MS,
    // One retry: the next interval tries again anyway, and a failed refresh is shown instead of waiting it out.
    retry: 1,
  });

  if (!isConnected || !address || !settings || !contracts) return <ConnectPrompt onConnect={openConnectModal} />;
  if (portfolio.error && !portfolio.data) {
    return (
      <div role="alert" className={`${CARD} text-sm text-red-700 dark:text-red-300`}>
        Your portfolio could not be read from the chain.{" "}
        <button type="button" onClick={() => void portfolio.refetch()} className="font-semibold underline">
          Retry
        </button>
      </div>
    );
  }
  if (!portfolio.data) return <p className="text-sm text-stone-500">Reading your portfolio…</p>;

  const data = portfolio.data;
  // Never before the snapshot's own block: every figure is exact there and only grows after.
  const now = chainNow !== undefined && chainNow > data.blockTimestamp ? chainNow : data.blockTimestamp;
  const distributor = { address: contracts.revenueDistributor, abi: revenueDistributorAbi } as const;
  const tokenOf = (address: Address): TokenInfo =>
    tokens.find((token) => token.address.toLowerCase() === address.toLowerCase()) ?? { address, symbol: "?", decimals: 18, allowed: false };

  async function send(key: string, label: string, transaction: Send) {
    setBusy(key);
    setNotice(undefined);
    const toast = transactionToasts.track(label, settings?.config.explorerUrl);
    let failure: Extract<TransactionStage, { status: "failed" }> | undefined;
    const receipt = await transaction(
      (stage) => {
        toast(stage);
        if (stage.status === "failed") failure = stage;
      },
      // Every read of the page moved (rewards, balances, positions, the clock): refetch them all.
      () => queryClient.invalidateQueries(),
    );
    setBusy(undefined);
    if (receipt) setNotice({ tone: "done", text: `${label}: confirmed.` });
    else if (failure?.rejectedByUser) setNotice({ tone: "calm", text: "You rejected the request in your wallet. Nothing was sent, and nothing changed." });
    else setNotice({ tone: "error", text: `${label} failed: ${failure?.message ?? "something went wrong."}` });
  }

  const selection = claimAllSelection(data, now);
  const claimAll = () =>
    send("claim-all", "Claim all rewards", (onStage, refetch) =>
      runTransaction({ config, request: { ...distributor, functionName: "claim", args: [selection.runes, selection.tokens], account: address }, onStage, refetch }),
    );
  const withdraw = (position: PortfolioPosition) =>
    send(`withdraw:${position.rune}`, `Withdraw from ${position.name}`, (onStage, refetch) =>
      runTransaction({ config, request: { ...distributor, functionName: "withdraw", args: [position.rune], account: address }, onStage, refetch }),
    );
  const claimDeveloper = (rune: Hex, name: string, owed: Address[]) =>
    send(`developer:${rune}`, `Claim developer balance of ${name}`, (onStage, refetch) =>
      runTransaction({ config, request: { ...distributor, functionName: "claimDeveloper", args: [rune, owed], account: address }, onStage, refetch }),
    );
  const claimInfra = (owed: Address[]) =>
    send("infra", "Claim infra balance", (onStage, refetch) =>
      runTransaction({ config, request: { ...distributor, functionName: "claimInfra", args: [owed], account: address }, onStage, refetch }),
    );

  const amount = (value: bigint, token: TokenInfo, digits = displayFractionDigits(token)) =>
    formatFixed(value, token.decimals, { locale, fractionDigits: digits, symbol: token.symbol });
  const figure = (value: bigint, token: TokenInfo, digits = displayFractionDigits(token)) =>
    formatFixed(value, token.decimals, { locale, fractionDigits: digits });
  // Pending rewards show a few more digits than balances, so the second-by-second stream is visible.
  const liveDigits = (token: TokenInfo) => Math.min(token.decimals, displayFractionDigits(token) + 4);

  const noticeView = (
    <div aria-live="polite" className="min-h-0">
      {portfolio.error && (
        <p role="status" className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
          The latest refresh failed: these figures are as of block {data.blockNumber.toString()}.{" "}
          <button type="button" onClick={() => void portfolio.refetch()} className="font-semibold underline">
            Retry
          </button>
        </p>
      )}
      {notice && (
        <p
          role={notice.tone === "error" ? "alert" : "status"}
          className={`mb-4 rounded-lg border p-3 text-sm ${
            notice.tone === "error"
              ? "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
              : notice.tone === "calm"
                ? "border-stone-300 bg-stone-50 text-stone-800 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-200"
                : "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
          }`}
        >
          {notice.text}
        </p>
      )}
    </div>
  );

  if (isEmptyPortfolio(data)) {
    return (
      <>
        {noticeView}
        <div className={`${CARD} p-6`} data-testid="portfolio-empty">
          <h2 className="text-lg font-semibold">Nothing here yet</h2>
          <p className="mt-2 max-w-2xl text-sm text-stone-600 dark:text-stone-400">
            This account has no stake on any agent, no rewards waiting and no developer or infra balance. Stake AURUNES
            on an agent you trust to earn part of every payment it receives, streamed to you second by second.
          </p>
          <Link href="/" className={`mt-4 inline-block ${BUTTON}`}>
            Browse the agents
          </Link>
        </div>
      </>
    );
  }

  const totals = rewardTotals(data, now);
  const rewardTokens = tokens.filter((token) => {
    const total = totals.get(token.address);
    return total !== undefined && (total.pending > 0n || total.perDay > 0n);
  });
  const infraOwed = data.infra.filter((balance) => balance.amount > 0n);

  return (
    <div className="space-y-8" data-block={data.blockNumber.toString()} data-testid="portfolio">
      {noticeView}

      {data.positions.length > 0 && (
        <section aria-labelledby="rewards-title" className={CARD}>
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div>
              <h2 id="rewards-title" className="text-lg font-semibold">
                Pending rewards
              </h2>
              <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
                {selection.runes.length === 0
                  ? "Nothing to claim yet."
                  : `Claim all collects ${selection.tokens.length === 1 ? "one token" : `${selection.tokens.length} tokens`} from ${
                      selection.runes.length === 1 ? "one agent" : `${selection.runes.length} agents`
                    } in one transaction.`}
              </p>
            </div>
            <button type="button" className={BUTTON} disabled={busy !== undefined || selection.runes.length === 0} onClick={() => void claimAll()}>
              {busy === "claim-all" ? "Claiming…" : "Claim all"}
            </button>
          </div>
          {rewardTokens.length > 0 && (
            <table className="mt-4 w-full text-sm">
              <caption className="sr-only">Pending rewards per token, across every agent</caption>
              <thead>
                <tr className="text-left text-xs uppercase tracking-wide text-stone-500">
                  <th scope="col" className="py-1 pr-4 font-medium">
                    Token
                  </th>
                  <th scope="col" className="py-1 pr-4 text-right font-medium">
                    Pending
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    Per day now
                  </th>
                </tr>
              </thead>
              <tbody>
                {rewardTokens.map((token) => {
                  const total = totals.get(token.address)!;
                  return (
                    <tr key={token.address} className="border-t border-stone-100 dark:border-stone-800">
                      <th scope="row" className="py-2 pr-4 text-left font-medium">
                        {token.symbol}
                      </th>
                      {/* The row's header names the token: the figures go without it, so they stay on one line on a phone. */}
                      <td className="whitespace-nowrap py-2 pr-4 text-right font-medium tabular-nums" data-testid="total-pending" data-token={token.address}>
                        {figure(total.pending, token, liveDigits(token))}
                      </td>
                      <td className="whitespace-nowrap py-2 text-right tabular-nums text-stone-600 dark:text-stone-400">{figure(total.perDay, token)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </section>
      )}

      {data.positions.length === 0 && (
        <p className="text-sm text-stone-600 dark:text-stone-400" data-testid="no-positions">
          No stake on any agent from this account.{" "}
          <Link href="/" className="font-medium text-amber-700 underline dark:text-amber-400">
            Browse the agents
          </Link>{" "}
          to stake AURUNES on one and earn part of its payments.
        </p>
      )}

      {data.positions.length > 0 && (
        <section aria-labelledby="positions-title">
          <h2 id="positions-title" className="text-lg font-semibold">
            Positions
          </h2>
          <ul className="mt-3 grid gap-4 lg:grid-cols-2">
            {data.positions.map((position) => (
              <PositionCard
                key={position.rune}
                position={position}
                portfolio={data}
                now={now}
                locale={locale}
                tokenOf={tokenOf}
                amount={amount}
                liveDigits={liveDigits}
                action={
                  canWithdraw(position, now) ? (
                    <button type="button" className={SECONDARY_BUTTON} disabled={busy !== undefined} onClick={() => void withdraw(position)}>
                      {busy === `withdraw:${position.rune}` ? "Withdrawing…" : "Withdraw"}
                    </button>
                  ) : undefined
                }
              />
            ))}
          </ul>
        </section>
      )}

      {data.developer.length > 0 && (
        <section aria-labelledby="developer-title">
          <h2 id="developer-title" className="text-lg font-semibold">
            Developer balances
          </h2>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">The developer part of each payment accrues to the agent: whoever owns its rune collects it.</p>
          <ul className="mt-3 grid gap-4 lg:grid-cols-2">
            {data.developer.map((owned) => {
              const owed = owned.balances.filter((balance) => balance.amount > 0n);
              return (
                <li key={owned.rune}>
                  <article aria-labelledby={`developer-${owned.rune}`} className={`${CARD} flex flex-wrap items-start gap-3`} data-testid="developer-rune">
                    <RuneSigil rune={owned.rune} size={36} />
                    <div className="min-w-0 flex-1">
                      <h3 id={`developer-${owned.rune}`} className="font-semibold">
                        <Link href={`/agents/${owned.rune}`} className="hover:underline">
                          {owned.name}
                        </Link>
                      </h3>
                      <Balances balances={owed} tokenOf={tokenOf} amount={amount} label="Developer balance" />
                    </div>
                    <button
                      type="button"
                      className={SECONDARY_BUTTON}
                      disabled={busy !== undefined || owed.length === 0}
                      onClick={() => void claimDeveloper(owned.rune, owned.name, owed.map((balance) => balance.token))}
                    >
                      {busy === `developer:${owned.rune}` ? "Claiming…" : "Claim"}
                    </button>
                  </article>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {infraOwed.length > 0 && (
        <section aria-labelledby="infra-title" className={CARD}>
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0 flex-1">
              <h2 id="infra-title" className="text-lg font-semibold">
                Infra balance
              </h2>
              <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">Your part as an infrastructure provider, from every agent you serve.</p>
              <Balances balances={infraOwed} tokenOf={tokenOf} amount={amount} label="Infra balance" />
            </div>
            <button
              type="button"
              className={SECONDARY_BUTTON}
              disabled={busy !== undefined}
              onClick={() => void claimInfra(infraOwed.map((balance) => balance.token))}
            >
              {busy === "infra" ? "Claiming…" : "Claim"}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}

/** Non-zero balances as a labelled list (label and values tied for a screen reader). */
function Balances({
  balances,
  tokenOf,
  amount,
  label,
}: {
  balances: TokenBalance[];
  tokenOf: (address: Address) => TokenInfo;
  amount: (value: bigint, token: TokenInfo) => string;
  label: string;
}) {
  return (
    <dl className="mt-2 text-sm">
      <dt className="text-stone-500">{label}</dt>
      {balances.length === 0 ? (
        <dd className="font-medium">Nothing to claim</dd>
      ) : (
        balances.map((balance) => (
          <dd key={balance.token} className="font-medium tabular-nums" data-testid="balance" data-token={balance.token} data-exact={balance.amount.toString()}>
            {amount(balance.amount, tokenOf(balance.token))}
          </dd>
        ))
      )}
    </dl>
  );
}

/** One position: the agent, its stake, what is unbonding and the rewards streaming from it. */
function PositionCard({
  position,
  portfolio,
  now,
  locale,
  tokenOf,
  amount,
  liveDigits,
  action,
}: {
  position: PortfolioPosition;
  portfolio: Portfolio;
  now: bigint;
  locale: string;
  tokenOf: (address: Address) => TokenInfo;
  amount: (value: bigint, token: TokenInfo, digits?: number) => string;
  liveDigits: (token: TokenInfo) => number;
  action: ReactNode;
}) {
  const aurunes = (value: bigint) => formatFixed(value, 18, { locale, fractionDigits: 2, symbol: "AURUNES" });
  const shareBps = position.runeActive > 0n ? (position.active * 10_000n) / position.runeActive : 0n;
  const earning = position.rewards.filter((reward) => reward.pending > 0n || earningPerDay(position, reward, now) > 0n);
  const titleId = `position-${position.rune}`;
  const remaining = position.unbondingEndsAt - now;
  return (
    <li>
      <article aria-labelledby={titleId} className={CARD} data-testid="position" data-rune={position.rune}>
        <header className="flex items-center gap-3">
          <RuneSigil rune={position.rune} size={40} />
          <h3 id={titleId} className="min-w-0 flex-1 truncate font-semibold">
            <Link href={`/agents/${position.rune}`} className="hover:underline">
              {position.name}
            </Link>
          </h3>
          <StatusBadge status={position.status} />
        </header>
        <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-3 text-sm">
          <div>
            <dt className="text-stone-500">Active stake</dt>
            <dd className="font-medium tabular-nums" data-testid="active">
              {aurunes(position.active)}
            </dd>
            {position.active > 0n && (
              <dd className="text-xs text-stone-500">{formatFixed(shareBps, 2, { locale, fractionDigits: 2 })} % of the pool</dd>
            )}
          </div>
          <div>
            <dt className="text-stone-500">Unbonding</dt>
            <dd className="font-medium tabular-nums" data-testid="unbonding">
              {aurunes(position.unbonding)}
            </dd>
            {position.unbonding > 0n && (
              <dd className="mt-1 text-xs text-stone-600 dark:text-stone-400" data-testid="unbonding-state">
                {position.status !== "Active" ? (
                  <>Withdrawable now: this agent is {position.status.toLowerCase()}, so its stake can leave without waiting for the unbonding period.</>
                ) : remaining > 0n ? (
                  <>
                    Withdrawable in <span className="font-medium tabular-nums">{formatCountdown(remaining)}</span> (
                    {new Date(Number(position.unbondingEndsAt) * 1000).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" })}, chain time)
                  </>
                ) : (
                  <>Unbonding period over: withdrawable now.</>
                )}
              </dd>
            )}
            {action && <dd className="mt-2">{action}</dd>}
          </div>
          <div className="col-span-2">
            <dt className="text-stone-500">Pending rewards</dt>
            {earning.length === 0 ? (
              <dd className="font-medium">None yet</dd>
            ) : (
              earning.map((reward) => {
                const token = tokenOf(reward.token);
                const perDay = earningPerDay(position, reward, now);
                return (
                  <dd key={reward.token} className="flex flex-wrap items-baseline justify-between gap-x-3 tabular-nums">
                    <span
                      className="font-medium"
                      data-testid="pending"
                      data-token={reward.token}
                      data-exact={reward.pending.toString()}
                      data-block={portfolio.blockNumber.toString()}
                    >
                      {amount(livePending(position, reward, portfolio.blockTimestamp, now), token, liveDigits(token))}
                    </span>
                    <span className="text-xs text-stone-500">{perDay > 0n ? `${amount(perDay, token)} per day` : "stream ended"}</span>
                  </dd>
                );
              })
            )}
          </div>
        </dl>
      </article>
    </li>
  );
}
