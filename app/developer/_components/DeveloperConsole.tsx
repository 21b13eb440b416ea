"use client";

import { useConnectModal } from "@rainbow-me/rainbowkit";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { Address, Hex, PublicClient } from "viem";
import { deserialize, useAccount, useConfig, usePublicClient } from "wagmi";
import { useWalletSettings } from "@/components/wallet/WalletSettings";
import { revenueDistributorAbi } from "@/contracts-abi/generated";
import { readDeveloperConsole } from "@/lib/data/developer-console";
import type { TokenInfo } from "@/lib/domain/agent";
import type { DeveloperEarnings } from "@/lib/domain/developer-earnings";
import { displayFractionDigits, formatFixed } from "@/lib/format";
import { runTransaction } from "@/lib/transaction";
import { useChainNow } from "@/lib/wallet/use-chain-now";
import { AgentCard } from "./AgentCard";
import { type DeveloperIslandProps, DeveloperConnectPrompt } from "./DeveloperIsland";
import { UsdFigure, isUnavailable, usdUnavailableText } from "./EarningsTable";
import { CARD, type Notice, NoticeView, SECONDARY_BUTTON } from "./form-parts";
import { RegisterAgentForm } from "./RegisterAgentForm";
import { failureText, useSend } from "./use-send";

/** Balances move with every payment: re-read the console this often (and at once after each transaction). */
const REFRESH_MS = 30_000;

/** The earnings of these runes, from the read side (the server's HistorySource). */
async function fetchEarnings(runes: readonly Hex[]): Promise<DeveloperEarnings> {
  const query = new URLSearchParams(runes.map((rune) => ["rune", rune]));
  const response = await fetch(`/api/developer/earnings?${query.toString()}`, { cache: "no-store" });
  const text = await response.text();
  if (!response.ok) throw new Error((JSON.parse(text) as { error?: string }).error ?? `earnings: HTTP ${response.status}`);
  return deserialize<DeveloperEarnings>(text);
}

/** The connected account's console: its agents, balances and the registration form. */
export default function DeveloperConsole({ tokens, locale }: DeveloperIslandProps) {
  const settings = useWalletSettings();
  const { address, isConnected } = useAccount();
  const { openConnectModal } = useConnectModal();
  const client = usePublicClient();
  const config = useConfig();
  const chainNow = useChainNow();
  const { busy, send } = useSend();
  const [infraNotice, setInfraNotice] = useState<Notice | undefined>(undefined);
  const contracts = settings?.config.contracts;
  const chainId = settings?.config.chainId;

  const reading = useQuery({
    queryKey: ["aurorune", "developer", chainId, address, contracts?.runeRegistry],
    queryFn: () => readDeveloperConsole(client as PublicClient, { account: address!, contracts: contracts!, tokens: tokens.map((token) => token.address) }),
    enabled: isConnected && address !== undefined && client !== undefined && contracts !== undefined,
    refetchInterval: REFRESH_MS,
    retry: 1,
  });
  const runes = reading.data?.agents.map((agent) => agent.rune) ?? [];
  const earnings = useQuery({
    queryKey: ["aurorune", "developer-earnings", chainId, ...runes],
    queryFn: () => fetchEarnings(runes),
    enabled: runes.length > 0,
    refetchInterval: REFRESH_MS,
    retry: 1,
  });

  if (!isConnected || !address || !settings || !contracts || chainId === undefined) return <DeveloperConnectPrompt onConnect={openConnectModal} />;
  if (reading.error && !reading.data) {
    return (
      <div role="alert" className={`${CARD} text-sm text-red-700 dark:text-red-300`}>
        Your agents could not be read from the chain.{" "}
        <button type="button" onClick={() => void reading.refetch()} className="font-semibold underline">
          Retry
        </button>
      </div>
    );
  }
  if (!reading.data) return <p className="text-sm text-stone-500">Reading your agents…</p>;

  const data = reading.data;
  // Never before the snapshot's own block: the phases and countdowns are exact there.
  const now = chainNow !== undefined && chainNow > data.blockTimestamp ? chainNow : data.blockTimestamp;
  const tokenOf = (token: Address): TokenInfo =>
    tokens.find((info) => info.address.toLowerCase() === token.toLowerCase()) ?? { address: token, symbol: "?", decimals: 18, allowed: false };
  const earningsOf = (rune: Hex) => earnings.data?.runes.find((entry) => entry.rune.toLowerCase() === rune.toLowerCase());
  const earningsState = earnings.data ? "ready" : earnings.error ? "failed" : "loading";
  const infraOwed = data.infra.filter((balance) => balance.amount > 0n);

  async function claimInfra() {
    setInfraNotice(undefined);
    const outcome = await send("infra", "Claim infra balance", (onStage, refetch) =>
      runTransaction({
        config,
        request: {
          address: contracts!.revenueDistributor,
          abi: revenueDistributorAbi,
          functionName: "claimInfra",
          args: [infraOwed.map((balance) => balance.token)],
          account: address,
          chainId,
        },
        onStage,
        refetch,
      }),
    );
    setInfraNotice(outcome.ok ? { tone: "done", text: "Claimed: your infra balance was sent to your account." } : failureText("Claim infra balance", outcome));
  }

  return (
    <div className="space-y-8" data-testid="developer-console" data-block={data.blockNumber.toString()}>
      {reading.error && (
        <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
          The latest refresh failed: these figures are as of block {data.blockNumber.toString()}.{" "}
          <button type="button" onClick={() => void reading.refetch()} className="font-semibold underline">
            Retry
          </button>
        </p>
      )}

      <section aria-labelledby="agents-title">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <h2 id="agents-title" className="text-lg font-semibold">
            Your agents
          </h2>
          {earnings.data && data.agents.length > 0 && <EarningsTotal earnings={earnings.data} tokenOf={tokenOf} locale={locale} />}
        </div>
        {data.agents.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600 dark:text-stone-400" data-testid="no-agents">
            This account owns no agent yet. Register one below: its rune is minted to you, and everything it earns as a developer shows here.
          </p>
        ) : (
          <ul className="mt-3 space-y-4">
            {data.agents.map((agent) => (
              <AgentCard
                key={agent.rune}
                agent={agent}
                earnings={earningsOf(agent.rune)}
                earningsState={earningsState}
                onRetryEarnings={() => void earnings.refetch()}
                account={address}
                contracts={contracts}
                chainId={chainId}
                rules={data}
                now={now}
                tokenOf={tokenOf}
                locale={locale}
                busy={busy}
                send={send}
              />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="infra-title" className={CARD}>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0 flex-1">
            <h2 id="infra-title" className="text-lg font-semibold">
              Infra balance
            </h2>
            <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
              What this account collects as an infrastructure provider, from every agent that lists it as an infra recipient.
            </p>
            <ul className="mt-2 text-sm">
              {infraOwed.length === 0 ? (
                <li className="font-medium">Nothing to claim</li>
              ) : (
                infraOwed.map((balance) => {
                  const token = tokenOf(balance.token);
                  return (
                    <li key={balance.token} className="font-medium tabular-nums" data-testid="infra-balance" data-token={balance.token} data-exact={balance.amount.toString()}>
                      {formatFixed(balance.amount, token.decimals, { locale, fractionDigits: displayFractionDigits(token), symbol: token.symbol })}
                    </li>
                  );
                })
              )}
            </ul>
          </div>
          <button type="button" className={SECONDARY_BUTTON} disabled={busy !== undefined || infraOwed.length === 0} onClick={() => void claimInfra()}>
            {busy === "infra" ? "Claiming…" : "Claim"}
          </button>
        </div>
        <NoticeView notice={infraNotice} />
      </section>

      <RegisterAgentForm account={address} chainId={chainId} registry={contracts.runeRegistry} minStakersBps={data.minStakersBps} busy={busy} send={send} />
    </div>
  );
}

/** Every agent's developer earnings together, in USD, or why there is no USD figure. */
function EarningsTotal({ earnings, tokenOf, locale }: { earnings: DeveloperEarnings; tokenOf: (address: Address) => TokenInfo; locale: string }) {
  const { last30d, allTime } = earnings.totalUsd;
  const unavailable = [allTime, last30d].find(isUnavailable);
  return (
    <p className="text-sm text-stone-600 dark:text-stone-400" data-testid="earnings-total">
      {unavailable ? (
        <>USD totals unavailable: {usdUnavailableText(unavailable, tokenOf)}.</>
      ) : (
        <>
          Developer earnings, every agent: <UsdFigure total={last30d} tokenOf={tokenOf} locale={locale} /> in 30 days ·{" "}
          <UsdFigure total={allTime} tokenOf={tokenOf} locale={locale} /> all time
        </>
      )}
    </p>
  );
}
