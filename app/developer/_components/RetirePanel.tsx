"use client";

import { useId, useState } from "react";
import type { Address } from "viem";
import { useConfig } from "wagmi";
import { runeRegistryAbi } from "@/contracts-abi/generated";
import type { DeveloperAgent } from "@/lib/domain/developer-console";
import { runTransaction } from "@/lib/transaction";
import { DANGER_BUTTON, type Notice, NoticeView } from "./form-parts";
import { type Send, failureText } from "./use-send";

/** Props of {@link RetirePanel}. */
export interface RetirePanelProps {
  agent: DeveloperAgent;
  account: Address;
  registry: Address;
  chainId: number;
  busy: string | undefined;
  send: Send;
}

/**
 * Retires the agent for good, after an explicit confirmation that names it and says what retiring does: no more
 * payments or stakes, no more changes, its pending proposal cancelled, and its stakers free to withdraw at once.
 */
export function RetirePanel({ agent, account, registry, chainId, busy, send }: RetirePanelProps) {
  const config = useConfig();
  const [confirmed, setConfirmed] = useState(false);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const checkboxId = useId();
  const key = `retire:${agent.rune}`;

  async function retire() {
    setNotice(undefined);
    const label = `Retire ${agent.name}`;
    const outcome = await send(key, label, (onStage, refetch) =>
      runTransaction({
        config,
        request: { address: registry, abi: runeRegistryAbi, functionName: "retire", args: [agent.rune], account, chainId },
        onStage,
        refetch,
      }),
    );
    if (!outcome.ok) setNotice(failureText(label, outcome));
  }

  return (
    <div role="group" aria-label={`Retire ${agent.name}`} className="rounded-lg border border-red-300 bg-red-50/60 p-3 text-sm dark:border-red-900 dark:bg-red-950/30" data-testid="retire-panel">
      <p className="font-semibold text-red-900 dark:text-red-200">Retire {agent.name}? This cannot be undone.</p>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-stone-700 dark:text-stone-300">
        <li>{agent.name} takes no more payments and no new stakes, for good: its rune can never be made active again.</li>
        <li>Its signer, split and infra recipients can never change again{agent.proposal ? ", and its pending split proposal is cancelled" : ""}.</li>
        <li>
          Its stakers can withdraw their whole stake at once, without waiting for the unbonding period; rewards already streamed to them stay
          claimable.
        </li>
        <li>Your developer balance stays claimable, and the rune stays yours.</li>
      </ul>
      <label htmlFor={checkboxId} className="mt-3 flex items-start gap-2">
        <input id={checkboxId} type="checkbox" className="mt-0.5" checked={confirmed} disabled={busy !== undefined} onChange={(event) => setConfirmed(event.target.checked)} />
        <span>I understand that retiring {agent.name} is permanent.</span>
      </label>
      <button type="button" className={`${DANGER_BUTTON} mt-3`} disabled={!confirmed || busy !== undefined} onClick={() => void retire()}>
        {busy === key ? "Retiring…" : `Retire ${agent.name} for good`}
      </button>
      <NoticeView notice={notice} />
    </div>
  );
}
