"use client";

import { type FormEvent, useState } from "react";
import type { Address } from "viem";
import { useConfig } from "wagmi";
import { runeRegistryAbi } from "@/contracts-abi/generated";
import { FORM_FIELD, type FieldErrors, type SplitFormValues, validateProposeForm } from "@/lib/domain/agent-form";
import { formatDuration } from "@/lib/domain/chain-time";
import type { DeveloperAgent } from "@/lib/domain/developer-console";
import { bpsToPercentText } from "@/lib/domain/percent-input";
import { runTransaction } from "@/lib/transaction";
import { BUTTON, type Notice } from "./form-parts";
import { SplitFields } from "./SplitFields";
import { type Send, failureText } from "./use-send";

/** Props of {@link ProposeSplitForm}. */
export interface ProposeSplitFormProps {
  agent: DeveloperAgent;
  account: Address;
  registry: Address;
  chainId: number;
  minStakersBps: number;
  ruleDelay: bigint;
  executionWindow: bigint;
  /** Chain time now. */
  now: bigint;
  busy: string | undefined;
  send: Send;
  /** Says how the proposal ended, in the agent's card: this form goes away once a proposal is pending. */
  onNotice: (notice: Notice | undefined) => void;
  /** Called once the proposal is confirmed (the card closes the form). */
  onProposed: () => void;
}

function currentValues(agent: DeveloperAgent): SplitFormValues {
  return {
    developer: bpsToPercentText(agent.split.developerBps),
    infra: bpsToPercentText(agent.split.infraBps),
    stakers: bpsToPercentText(agent.split.stakersBps),
    recipients: agent.infra.map((share) => ({ address: share.recipient, weight: bpsToPercentText(share.weightBps) })),
  };
}

/**
 * Proposes a new split and infra set, starting from the current one. Checked with the registry's rules (owner, no
 * live proposal, cooldown, split rules) before the wallet prompt; it executes only after the rule delay, unless the
 * stakers veto it.
 */
export function ProposeSplitForm({ agent, account, registry, chainId, minStakersBps, ruleDelay, executionWindow, now, busy, send, onNotice, onProposed }: ProposeSplitFormProps) {
  const config = useConfig();
  const [values, setValues] = useState<SplitFormValues>(() => currentValues(agent));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempted, setAttempted] = useState(false);
  const prefix = `propose-${agent.rune.slice(2, 10)}`;
  const key = `propose:${agent.rune}`;
  const context = {
    status: agent.status,
    owner: account,
    caller: account,
    minStakersBps,
    pendingProposal: { id: agent.proposal?.id ?? 0n, expiresAt: agent.proposal?.expiresAt ?? 0n },
    nextProposalAt: agent.nextProposalAt,
    now,
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    onNotice(undefined);
    const result = validateProposeForm(values, context);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    const label = `Propose a split change for ${agent.name}`;
    const { split, infraRecipients, infraWeights } = result.arguments;
    const outcome = await send(key, label, (onStage, refetch) =>
      runTransaction({
        config,
        request: { address: registry, abi: runeRegistryAbi, functionName: "proposeSplit", args: [agent.rune, split, infraRecipients, infraWeights], account, chainId },
        onStage,
        refetch,
      }),
    );
    if (outcome.ok) {
      onNotice({ tone: "done", text: `Proposed. Stakers of ${agent.name} can veto it for ${formatDuration(ruleDelay)}; then you can execute it.` });
      setAttempted(false);
      onProposed();
    } else onNotice(failureText(label, outcome));
  }

  const errorCount = Object.keys(errors).length;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="space-y-3" aria-label={`Propose a split change for ${agent.name}`}>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        A change applies only after a delay of {formatDuration(ruleDelay)} (chain time), during which stakers who held stake when you proposed
        can veto it (more than half of that stake rejects it) or leave. Then you have {formatDuration(executionWindow)} to execute it.
      </p>
      {errorCount > 0 && (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100" data-testid="form-errors">
          {errors[FORM_FIELD] ?? `Nothing was sent: ${errorCount === 1 ? "one field needs" : `${errorCount} fields need`} fixing.`}
        </p>
      )}
      <SplitFields
        prefix={prefix}
        values={values}
        onChange={(next) => {
          setValues(next);
          if (attempted) {
            const result = validateProposeForm(next, context);
            setErrors(result.ok ? {} : result.errors);
          }
        }}
        errors={errors}
        minStakersBps={minStakersBps}
        disabled={busy !== undefined}
      />
      <button type="submit" className={BUTTON} disabled={busy !== undefined}>
        {busy === key ? "Proposing…" : "Propose split change"}
      </button>
    </form>
  );
}
