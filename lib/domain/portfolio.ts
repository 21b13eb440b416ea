import type { Address, Hex } from "viem";
import type { RuneStatus } from "./agent";
import { type StreamSnapshot, accruedBetween } from "./stream";

const DAY = 86_400n;

/** One token's reward on one position, exact at the snapshot's block. */
export interface PositionReward {
  token: Address;
  /** `pendingRewards(rune, account, token)` at the snapshot's block. */
  pending: bigint;
  /** `streamOf(rune, token)` at the snapshot's block (fields read by name). */
  stream: StreamSnapshot;
}

/** An account's stake on one rune, as of one block. */
export interface PortfolioPosition {
  rune: Hex;
  name: string;
  status: RuneStatus;
  active: bigint;
  unbonding: bigint;
  /** Chain time (seconds) the unbonding stake can be withdrawn from (instant if the rune is not Active). */
  unbondingEndsAt: bigint;
  /** The rune's whole active stake (the account's share is `active / runeActive`). */
  runeActive: bigint;
  rewards: PositionReward[];
}

/** A token amount owed to the account. */
export interface TokenBalance {
  token: Address;
  amount: bigint;
}

/** A rune the account owns, with its registry record and its developer balances. */
export interface DeveloperRune {
  rune: Hex;
  name: string;
  status: RuneStatus;
  /** The key that signs its receipts (zero after a transfer until the new owner sets one). */
  signer: Address;
  /** The registration file's URI as stored (ERC-8004 `tokenURI`). */
  metadataURI: string;
  split: { developerBps: number; infraBps: number; stakersBps: number };
  infra: { recipient: Address; weightBps: number }[];
  /** `pendingDeveloperBalance(rune, token)` per token: what `claimDeveloper` would pay now. */
  balances: TokenBalance[];
}

/** What an account collects as a developer and as an infra provider, read at one block. */
export interface DeveloperHoldings {
  /** The runes it owns, in registration order. */
  developer: DeveloperRune[];
  /** `infraBalanceOf(account, token)` per token. */
  infra: TokenBalance[];
}

/** Everything the account holds in Aurorune, read at one block so every figure agrees. */
export interface Portfolio {
  account: Address;
  blockNumber: bigint;
  /** Chain time (seconds) of that block: the live projection starts here. */
  blockTimestamp: bigint;
  positions: PortfolioPosition[];
  developer: DeveloperRune[];
  infra: TokenBalance[];
}

/**
 * A reward as of chain time `now`: exact at the snapshot (`pending`), plus what the stream releases to the account
 * since, at its current share (rounded down, so never more than the contract will pay).
 *
 * @example
 * livePending(position, reward, portfolio.blockTimestamp, chainNow) // ticks every second between reads
 */
export function livePending(position: PortfolioPosition, reward: PositionReward, snapshotAt: bigint, now: bigint): bigint {
  if (now <= snapshotAt) return reward.pending;
  return reward.pending + accruedBetween(reward.stream, position.active, position.runeActive, snapshotAt, now);
}

/**
 * What the account earns per day at the stream's current rate and its current share (0 once the stream has
 * finished at `now`), rounded down once.
 */
export function earningPerDay(position: PortfolioPosition, reward: PositionReward, now: bigint): bigint {
  const { remaining, lastUpdate, finish } = reward.stream;
  if (position.active === 0n || position.runeActive === 0n || remaining === 0n || finish <= lastUpdate || now >= finish) return 0n;
  return (remaining * DAY * position.active) / ((finish - lastUpdate) * position.runeActive);
}

/** Whether the unbonding stake can be withdrawn at chain time `now` (the contract's own rule). */
export function canWithdraw(position: PortfolioPosition, now: bigint): boolean {
  return position.unbonding > 0n && (position.status !== "Active" || now >= position.unbondingEndsAt);
}

/** The arguments of one `claim(runes, tokens)` that collects every reward pending now, and nothing else. */
export interface ClaimSelection {
  runes: Hex[];
  tokens: Address[];
}

/**
 * The runes and tokens with something pending at `now` (in the portfolio's order): `claim` runs over their
 * product, so a rune or token with nothing owed anywhere is left out.
 */
export function claimAllSelection(portfolio: Portfolio, now: bigint): ClaimSelection {
  const runes: Hex[] = [];
  const tokens = new Set<Address>();
  for (const position of portfolio.positions) {
    let any = false;
    for (const reward of position.rewards) {
      if (livePending(position, reward, portfolio.blockTimestamp, now) > 0n) {
        any = true;
        tokens.add(reward.token);
      }
    }
    if (any) runes.push(position.rune);
  }
  // Keep the token order of the positions' rewards (the distributor's token list).
  const order = portfolio.positions[0]?.rewards.map((reward) => reward.token) ?? [];
  return { runes, tokens: order.filter((token) => tokens.has(token)) };
}

/** Per token: the live pending total and the per-day earning over every position. */
export function rewardTotals(portfolio: Portfolio, now: bigint): Map<Address, { pending: bigint; perDay: bigint }> {
  const totals = new Map<Address, { pending: bigint; perDay: bigint }>();
  for (const position of portfolio.positions) {
    for (const reward of position.rewards) {
      const sum = totals.get(reward.token) ?? { pending: 0n, perDay: 0n };
      totals.set(reward.token, {
        pending: sum.pending + livePending(position, reward, portfolio.blockTimestamp, now),
        perDay: sum.perDay + earningPerDay(position, reward, now),
      });
    }
  }
  return totals;
}

/** Whether the account has nothing at all here: no stake, no reward, no developer rune, no infra balance. */
export function isEmptyPortfolio(portfolio: Portfolio): boolean {
  return portfolio.positions.length === 0 && portfolio.developer.length === 0 && portfolio.infra.every((b) => b.amount === 0n);
}
