import type { Address } from "viem";
import type { DeveloperRune, TokenBalance } from "./portfolio";

/** A split in basis points, as the registry stores it. */
export interface SplitBps {
  developerBps: number;
  infraBps: number;
  stakersBps: number;
}

/** A rune's pending split change with its veto tally, as read at one block (chain time in seconds). */
export interface SplitProposalView {
  id: bigint;
  proposedAt: bigint;
  /** From this chain time it can be executed… */
  executableAt: bigint;
  /** …until this one (exclusive). */
  expiresAt: bigint;
  /** The veto base: the rune's active stake when proposed, the owner's own excluded. */
  stakeAtProposal: bigint;
  /** `vetoTally(rune, id)`: stake held since the proposal that vetoes it. */
  vetoStake: bigint;
  split: SplitBps;
  infra: { recipient: Address; weightBps: number }[];
}

/** One agent of the developer, with what the console acts on. */
export interface DeveloperAgent extends DeveloperRune {
  /** The pending (or expired, not yet replaced) split proposal; absent when none. */
  proposal?: SplitProposalView;
  /** `nextProposalAt(rune)`: a new proposal is refused before this chain time (0 when no cooldown runs). */
  nextProposalAt: bigint;
}

/** Everything the developer console shows for one account, read at one block. */
export interface DeveloperConsole {
  account: Address;
  blockNumber: bigint;
  /** Chain time of that block (seconds). */
  blockTimestamp: bigint;
  /** The registry's `minStakersBps()`: the protocol's minimum stakers share for new splits. */
  minStakersBps: number;
  /** The registry's `ruleDelay()`: seconds between proposing a split and executing it. */
  ruleDelay: bigint;
  /** The registry's `EXECUTION_WINDOW`: seconds, after the delay, during which a proposal can be executed. */
  executionWindow: bigint;
  /** The registry's `PROPOSAL_COOLDOWN`: seconds after a cancelled, rejected or expired proposal before the next. */
  proposalCooldown: bigint;
  agents: DeveloperAgent[];
  infra: TokenBalance[];
}

/** Where a proposal stands at a chain time: before its delay ends, in its execution window, or past it. */
export type ProposalPhase = "waiting" | "executable" | "expired";

/**
 * The contract's own windows: `executeSplitProposal` is refused before `executableAt` and from `expiresAt` on.
 *
 * @example
 * proposalPhase({ executableAt: 100n, expiresAt: 200n }, 150n) // "executable"
 */
export function proposalPhase(proposal: Pick<SplitProposalView, "executableAt" | "expiresAt">, now: bigint): ProposalPhase {
  if (now < proposal.executableAt) return "waiting";
  if (now < proposal.expiresAt) return "executable";
  return "expired";
}

/**
 * Whether executing now would reject the proposal rather than apply it: vetoing stake above half of the veto base
 * (`vetoStake * 2 > stakeAtProposal`, the registry's test, so exactly half does not reject).
 *
 * @example
 * isVetoed({ vetoStake: 51n, stakeAtProposal: 100n }) // true
 */
export function isVetoed(proposal: Pick<SplitProposalView, "vetoStake" | "stakeAtProposal">): boolean {
  return proposal.vetoStake * 2n > proposal.stakeAtProposal;
}
