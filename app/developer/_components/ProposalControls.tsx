"use client";

import { type Address, type TransactionReceipt, parseEventLogs } from "viem";
import { useConfig } from "wagmi";
import { ProposalCard } from "@/app/agents/[rune]/_components/ProposalCard";
import { runeRegistryAbi } from "@/contracts-abi/generated";
import { formatCountdown, formatDuration } from "@/lib/domain/chain-time";
import { type DeveloperAgent, type SplitProposalView, isVetoed, proposalPhase } from "@/lib/domain/developer-console";
import { formatFixed } from "@/lib/format";
import { runTransaction } from "@/lib/transaction";
import { DANGER_BUTTON, type Notice, SECONDARY_BUTTON } from "./form-parts";
import { type Send, failureText } from "./use-send";

/** Props of {@link ProposalControls}. */
export interface ProposalControlsProps {
  agent: DeveloperAgent;
  proposal: SplitProposalView;
  account: Address;
  registry: Address;
  chainId: number;
  /** Chain time now (ticking). */
  now: bigint;
  /** The registry's `PROPOSAL_COOLDOWN` (seconds). */
  cooldown: bigint;
  locale: string;
  busy: string | undefined;
  send: Send;
  /** Says how Execute or Cancel ended, in the agent's card: this card goes away once the proposal is settled. */
  onNotice: (notice: Notice | undefined) => void;
}

/**
 * The agent's pending split change as the agent page shows it (current vs proposed, countdown in chain time, veto
 * tally), with Execute (enabled from `executableAt` until `expiresAt`, chain time) and Cancel.
 */
export function ProposalControls({ agent, proposal, account, registry, chainId, now, cooldown, locale, busy, send, onNotice }: ProposalControlsProps) {
  const config = useConfig();
  const phase = proposalPhase(proposal, now);
  const vetoed = isVetoed(proposal);
  const aurunes = (value: bigint) => formatFixed(value, 18, { locale, fractionDigits: 2, symbol: "AURUNES" });
  const executeKey = `execute:${agent.rune}`;
  const cancelKey = `cancel:${agent.rune}`;

  async function execute() {
    onNotice(undefined);
    const label = `Execute the split change of ${agent.name}`;
    const outcome = await send(executeKey, label, (onStage, refetch) =>
      runTransaction({
        config,
        request: { address: registry, abi: runeRegistryAbi, functionName: "executeSplitProposal", args: [agent.rune], account, chainId },
        onStage,
        refetch,
      }),
    );
    if (!outcome.ok) return onNotice(failureText(label, outcome));
    onNotice(settledNotice(outcome.receipt, aurunes, formatDuration(cooldown)));
  }

  async function cancel() {
    onNotice(undefined);
    const label = `Cancel the split change of ${agent.name}`;
    const outcome = await send(cancelKey, label, (onStage, refetch) =>
      runTransaction({
        config,
        request: { address: registry, abi: runeRegistryAbi, functionName: "cancelSplitProposal", args: [agent.rune], account, chainId },
        onStage,
        refetch,
      }),
    );
    onNotice(outcome.ok ? { tone: "done", text: `Cancelled: the split stays as it is. A new proposal can be made after a cooldown of ${formatDuration(cooldown)}.` } : failureText(label, outcome));
  }

  return (
    <div data-testid="proposal-controls">
      <ProposalCard
        proposal={{ ...proposal, readAt: now }}
        currentSplit={agent.split}
        locale={locale}
        titleId={`proposal-${agent.rune.slice(2, 14)}`}
      >
        <p className="mt-1 text-stone-600 dark:text-stone-400" data-testid="proposal-window">
          Executable from {new Date(Number(proposal.executableAt) * 1000).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" })} until{" "}
          {new Date(Number(proposal.expiresAt) * 1000).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" })} (chain time).
        </p>
        {vetoed && phase !== "expired" && (
          <p className="mt-2 rounded-lg bg-red-50 p-2 text-red-900 dark:bg-red-950/60 dark:text-red-100" data-testid="proposal-vetoed">
            Stakers vetoed it with {aurunes(proposal.vetoStake)}, more than half of {aurunes(proposal.stakeAtProposal)}: executing it will reject it
            (the split stays as it is) and start a cooldown of {formatDuration(cooldown)}.
          </p>
        )}
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <button
            type="button"
            className={vetoed ? DANGER_BUTTON : "rounded-lg bg-amber-500 px-3.5 py-1.5 text-sm font-semibold text-stone-950 hover:bg-amber-400 disabled:cursor-not-allowed disabled:opacity-50 disabled:hover:bg-amber-500"}
            disabled={busy !== undefined || phase !== "executable"}
            onClick={() => void execute()}
          >
            {busy === executeKey ? "Executing…" : "Execute"}
          </button>
          <button type="button" className={SECONDARY_BUTTON} disabled={busy !== undefined} onClick={() => void cancel()}>
            {busy === cancelKey ? "Cancelling…" : "Cancel proposal"}
          </button>
          <span className="text-xs text-stone-500" data-testid="execute-hint">
            {phase === "waiting"
              ? `Execute opens in ${formatCountdown(proposal.executableAt - now)}.`
              : phase === "executable"
                ? `Execution window closes in ${formatCountdown(proposal.expiresAt - now)}.`
                : "The execution window has closed: propose again to replace it, or cancel it."}
          </span>
        </div>
      </ProposalCard>
    </div>
  );
}

/** What an executed proposal did, read from the registry's own event in the receipt. */
function settledNotice(receipt: TransactionReceipt, aurunes: (value: bigint) => string, cooldown: string): Notice {
  const events = parseEventLogs({ abi: runeRegistryAbi, logs: receipt.logs, eventName: ["SplitChangeExecuted", "SplitChangeRejected"] });
  const rejected = events.find((event) => event.eventName === "SplitChangeRejected");
  if (rejected) {
    return {
      tone: "error",
      text: `Rejected: stakers vetoed this split change with ${aurunes(rejected.args.vetoStake)}, more than half of the ${aurunes(
        rejected.args.quorumBase,
      )} staked by others when it was proposed. The split stays as it is; a new proposal can be made after a cooldown of ${cooldown}.`,
    };
  }
  return { tone: "done", text: "Executed: the new split applies to every payment from now on." };
}
