import type { ReactNode } from "react";
import { SplitBar } from "@/components/SplitBar";
import { formatCountdown } from "@/lib/domain/chain-time";
import { formatFixed } from "@/lib/format";

/** A pending split proposal as the server read it, at one block. */
export interface PendingProposal {
  id: bigint;
  executableAt: bigint;
  expiresAt: bigint;
  /** The veto base: outside stake when proposed (the owner's own excluded). */
  stakeAtProposal: bigint;
  vetoStake: bigint;
  split: { developerBps: number; infraBps: number; stakersBps: number };
  /** Chain time of the block read. */
  readAt: bigint;
}

/**
 * The rune's pending split change, rendered on the server: current vs proposed, when it can execute, and the veto
 * tally against its threshold; `children` is the Veto island.
 */
export function ProposalCard({
  proposal,
  currentSplit,
  locale,
  titleId = "proposal-title",
  children,
}: {
  proposal: PendingProposal;
  currentSplit: PendingProposal["split"];
  locale: string;
  /** The heading's id: unique per page (the developer console shows one card per agent). */
  titleId?: string;
  children: ReactNode;
}) {
  const aurunes = (value: bigint) => formatFixed(value, 18, { locale, fractionDigits: 2, symbol: "AURUNES" });
  const threshold = proposal.stakeAtProposal / 2n;
  const phase =
    proposal.readAt < proposal.executableAt
      ? `Can execute in ${formatCountdown(proposal.executableAt - proposal.readAt)} (chain time), unless vetoed.`
      : proposal.readAt < proposal.expiresAt
        ? "Its waiting period is over: it can be executed now, unless vetoed."
        : "Expired: it can no longer execute.";
  return (
    <section
      aria-labelledby={titleId}
      data-testid="proposal"
      className="rounded-xl border border-amber-300 bg-amber-50/60 p-4 text-sm dark:border-amber-800 dark:bg-amber-950/20"
    >
      <h2 id={titleId} className="text-xs font-medium uppercase tracking-wide text-amber-800 dark:text-amber-300">
        Pending split change
      </h2>
      <div className="mt-3 grid gap-4 sm:grid-cols-2">
        <div>
          <p className="mb-1 text-stone-500">Current split</p>
          <SplitBar split={currentSplit} />
        </div>
        <div>
          <p className="mb-1 text-stone-500">Proposed split</p>
          <SplitBar split={proposal.split} />
        </div>
      </div>
      <p className="mt-3" data-testid="proposal-phase">{phase}</p>
      <p className="mt-1" data-testid="proposal-tally">
        Vetoed by {aurunes(proposal.vetoStake)} of {aurunes(proposal.stakeAtProposal)} staked by others when it was proposed; it
        is rejected once vetoes exceed {aurunes(threshold)}.
      </p>
      {children}
    </section>
  );
}
