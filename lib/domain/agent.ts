import type { Address, Hex } from "viem";
import type { AgentMetadata } from "../agent-metadata";

/** A payment token as the app shows it. */
export interface TokenInfo {
  address: Address;
  symbol: string;
  decimals: number;
  allowed: boolean;
}

/** Lifecycle of a rune, as named by the registry (index = the contract's enum value). */
export const RUNE_STATUSES = ["Unregistered", "Active", "Suspended", "Retired"] as const;
export type RuneStatus = (typeof RUNE_STATUSES)[number];

/** One agent with its on-chain totals. Amounts are per token address, in the token's smallest unit. */
export interface AgentSummary {
  rune: Hex;
  owner: Address;
  signer: Address;
  status: RuneStatus;
  registeredAt: number;
  metadataURI: string;
  metadata?: AgentMetadata;
  split: { developerBps: number; infraBps: number; stakersBps: number };
  infra: { recipient: Address; weightBps: number }[];
  totalStaked: bigint;
  stakerCount: bigint;
  revenueAllTime: Record<Address, bigint>;
  revenue30d: Record<Address, bigint>;
  /** The stakers part of the last 30 days' payments, per token (what stakers were paid, not the whole revenue). */
  stakersRevenue30d: Record<Address, bigint>;
  /**
   * {@link stakersRevenue30d} per 1,000 AURUNES staked today, per token: what 1,000 staked AURUNES would have
   * been paid over 30 days. Absent when nothing is staked.
   */
  stakersPer1000Staked30d: Record<Address, bigint>;
}

/** Every agent as of one block. */
export interface AgentsSnapshot {
  agents: AgentSummary[];
  tokens: TokenInfo[];
  blockNumber: bigint;
  /** Chain time of that block (seconds): "30 days" is counted back from here, not from the wall clock. */
  blockTimestamp: number;
}

/** The window of an agent's recent figures (`revenue30d`, `stakersRevenue30d`), in chain seconds. */
export const RECENT_REVENUE_WINDOW = 30 * 86_400;

const ONE_THOUSAND_AURUNES = 1_000n * 10n ** 18n;

/**
 * An amount scaled to 1,000 AURUNES of stake (rounded down), or `undefined` when nothing is staked.
 *
 * @example
 * perThousandStaked(10n ** 18n, 50_000n * 10n ** 18n) // 2n * 10n ** 16n (0.02 per 1,000 staked)
 */
export function perThousandStaked(amount: bigint, totalStaked: bigint): bigint | undefined {
  return totalStaked > 0n ? (amount * ONE_THOUSAND_AURUNES) / totalStaked : undefined;
}

