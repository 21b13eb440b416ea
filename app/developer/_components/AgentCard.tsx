"use client";

import Link from "next/link";
import { useState } from "react";
import type { Address } from "viem";
import { useConfig } from "wagmi";
import { CopyValue } from "@/components/CopyValue";
import { FutharkText } from "@/components/FutharkText";
import { RuneSigil } from "@/components/RuneSigil";
import { SplitBar } from "@/components/SplitBar";
import { StatusBadge } from "@/components/StatusBadge";
import { revenueDistributorAbi } from "@/contracts-abi/generated";
import type { TokenInfo } from "@/lib/domain/agent";
import { type DeveloperAgent, proposalPhase } from "@/lib/domain/developer-console";
import type { RuneEarnings } from "@/lib/domain/developer-earnings";
import { displayFractionDigits, formatBps, formatFixed } from "@/lib/format";
import { runTransaction } from "@/lib/transaction";
import { EarningsTable } from "./EarningsTable";
import { CARD, type Notice, NoticeView, SECONDARY_BUTTON } from "./form-parts";
import { ProposalControls } from "./ProposalControls";
import { ProposeSplitForm } from "./ProposeSplitForm";
import { RetirePanel } from "./RetirePanel";
import { RotateSignerForm } from "./RotateSignerForm";
import { type Send, failureText } from "./use-send";

/** Props of {@link AgentCard}. */
export interface AgentCardProps {
  agent: DeveloperAgent;
  earnings: RuneEarnings | undefined;
  earningsState: "loading" | "failed" | "ready";
  onRetryEarnings: () => void;
  account: Address;
  contracts: { runeRegistry: Address; revenueDistributor: Address };
  chainId: number;
  /** Registry parameters, read with the console. */
  rules: { minStakersBps: number; ruleDelay: bigint; executionWindow: bigint; proposalCooldown: bigint };
  /** Chain time now (ticking). */
  now: bigint;
  tokenOf: (address: Address) => TokenInfo;
  locale: string;
  busy: string | undefined;
  send: Send;
}

type Action = "rotate" | "propose" | "retire";

const ZERO_SIGNER = /^0x0{40}$/;

/** One of the developer's agents: earnings, developer balance and claim, signer, split, proposal, retirement. */
export function AgentCard(props: AgentCardProps) {
  const { agent, earnings, earningsState, onRetryEarnings, account, contracts, chainId, rules, now, tokenOf, locale, busy, send } = props;
  const config = useConfig();
  const [open, setOpen] = useState<Action | undefined>(undefined);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  // Proposals settle by disappearing (executed, rejected, cancelled): their outcome is told here, outside them.
  const [changeNotice, setChangeNotice] = useState<Notice | undefined>(undefined);
  const titleId = `agent-${agent.rune.slice(2, 14)}`;
  const owed = agent.balances.filter((balance) => balance.amount > 0n);
  const live = agent.status !== "Retired";
  const proposalLive = agent.proposal !== undefined && proposalPhase(agent.proposal, now) !== "expired";
  const claimKey = `developer:${agent.rune}`;

  async function claim() {
    setNotice(undefined);
    const label = `Claim the developer balance of ${agent.name}`;
    const outcome = await send(claimKey, label, (onStage, refetch) =>
      runTransaction({
        config,
        request: {
          address: contracts.revenueDistributor,
          abi: revenueDistributorAbi,
          functionName: "claimDeveloper",
          args: [agent.rune, owed.map((balance) => balance.token)],
          account,
          chainId,
        },
        onStage,
        refetch,
      }),
    );
    setNotice(outcome.ok ? { tone: "done", text: "Claimed: the developer balance was sent to your account." } : failureText(label, outcome));
  }

  const toggle = (action: Action) => setOpen(open === action ? undefined : action);
  const actionButton = (action: Action, label: string, extra = "") => (
    <button
      type="button"
      aria-expanded={open === action}
      disabled={busy !== undefined && open !== action}
      className={`${SECONDARY_BUTTON} ${open === action ? "bg-stone-100 dark:bg-stone-800" : ""} ${extra}`}
      onClick={() => toggle(action)}
    >
      {label}
    </button>
  );

  return (
    <li>
      <article aria-labelledby={titleId} className={CARD} data-testid="developer-agent" data-rune={agent.rune}>
        <header className="flex flex-wrap items-start gap-4">
          <RuneSigil rune={agent.rune} size={56} />
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <h3 id={titleId} className="text-lg font-semibold">
                <Link href={`/agents/${agent.rune}`} className="hover:underline">
                  {agent.name}
                </Link>
              </h3>
              <StatusBadge status={agent.status} />
            </div>
            <FutharkText rune={agent.rune} height={14} className="mt-1 text-amber-600 dark:text-amber-400" />
            <CopyValue label="Rune" value={agent.rune} />
          </div>
        </header>

        <div className="mt-4 grid gap-6 md:grid-cols-2">
          <section aria-label={`Earnings of ${agent.name}`}>
            <EarningsTable earnings={earnings} state={earningsState} onRetry={onRetryEarnings} tokenOf={tokenOf} locale={locale} />
            <p className="mt-1 text-xs text-stone-500">Your part of each payment (chain time); the agent&apos;s whole revenue under it.</p>
          </section>
          <section aria-label={`Developer balance of ${agent.name}`}>
            <h4 className="text-xs font-medium uppercase tracking-wide text-stone-500">Developer balance</h4>
            <ul className="mt-1 text-sm">
              {owed.length === 0 ? (
                <li className="font-medium">Nothing to claim</li>
              ) : (
                owed.map((balance) => {
                  const token = tokenOf(balance.token);
                  return (
                    <li key={balance.token} className="font-medium tabular-nums" data-testid="developer-balance" data-token={balance.token} data-exact={balance.amount.toString()}>
                      {formatFixed(balance.amount, token.decimals, { locale, fractionDigits: displayFractionDigits(token), symbol: token.symbol })}
                    </li>
                  );
                })
              )}
            </ul>
            <button type="button" className={`${SECONDARY_BUTTON} mt-2`} disabled={busy !== undefined || owed.length === 0} onClick={() => void claim()}>
              {busy === claimKey ? "Claiming…" : "Claim"}
            </button>
            <NoticeView notice={notice} />
          </section>
        </div>

        <dl className="mt-4 grid gap-4 border-t border-stone-100 pt-4 text-sm md:grid-cols-2 dark:border-stone-800">
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-stone-500">Receipt signer</dt>
            <dd data-testid="signer" data-signer={agent.signer}>
              {ZERO_SIGNER.test(agent.signer) ? (
                <span className="text-amber-700 dark:text-amber-300">None: payments are refused until you set one.</span>
              ) : (
                <CopyValue label="Signer" value={agent.signer} />
              )}
            </dd>
          </div>
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-stone-500">Split</dt>
            <dd className="mt-1" data-testid="split">
              <SplitBar split={agent.split} />
              {agent.infra.length > 0 && (
                <ul className="mt-1 space-y-0.5">
                  {agent.infra.map((share) => (
                    <li key={share.recipient}>
                      <CopyValue label={`Infra ${formatBps(share.weightBps)}`} value={share.recipient} />
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        </dl>

        {agent.proposal && (
          <div className="mt-4">
            <ProposalControls
              agent={agent}
              proposal={agent.proposal}
              account={account}
              registry={contracts.runeRegistry}
              chainId={chainId}
              now={now}
              cooldown={rules.proposalCooldown}
              locale={locale}
              busy={busy}
              send={send}
              onNotice={setChangeNotice}
            />
          </div>
        )}
        <div data-testid="change-notice">
          <NoticeView notice={changeNotice} />
        </div>

        {live ? (
          <div className="mt-4 border-t border-stone-100 pt-4 dark:border-stone-800">
            <div className="flex flex-wrap gap-2">
              {actionButton("rotate", "Rotate signer")}
              {!proposalLive && actionButton("propose", "Propose split change")}
              {actionButton("retire", "Retire…", "text-red-700 dark:text-red-300")}
            </div>
            {proposalLive && (
              <p className="mt-2 text-xs text-stone-500">A split change is pending: execute or cancel it before proposing another.</p>
            )}
            {open && (
              <div className="mt-4">
                {open === "rotate" && <RotateSignerForm agent={agent} account={account} registry={contracts.runeRegistry} chainId={chainId} busy={busy} send={send} />}
                {open === "propose" && !proposalLive && (
                  <ProposeSplitForm
                    agent={agent}
                    account={account}
                    registry={contracts.runeRegistry}
                    chainId={chainId}
                    minStakersBps={rules.minStakersBps}
                    ruleDelay={rules.ruleDelay}
                    executionWindow={rules.executionWindow}
                    now={now}
                    busy={busy}
                    send={send}
                    onNotice={setChangeNotice}
                    onProposed={() => setOpen(undefined)}
                  />
                )}
                {open === "retire" && <RetirePanel agent={agent} account={account} registry={contracts.runeRegistry} chainId={chainId} busy={busy} send={send} />}
              </div>
            )}
          </div>
        ) : (
          <p className="mt-4 border-t border-stone-100 pt-4 text-sm text-stone-600 dark:border-stone-800 dark:text-stone-400">
            Retired: this agent takes no payments or stakes and cannot change any more. Its stakers can withdraw at once; its developer balance
            stays claimable.
          </p>
        )}
      </article>
    </li>
  );
}
