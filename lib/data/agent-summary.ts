import type { Address } from "viem";
import { parseAgentMetadata } from "../agent-metadata";
import { type AgentSummary, type TokenInfo, perThousandStaked } from "../domain/agent";
import type { RevenueParts } from "./history-source";
import type { AgentRecord } from "./rpc/agent-reads";

/**
 * An agent as pages show it: its record (read from the contracts), all-time counters and the last 30 days' sums
 * (from whichever history implementation answered).
 *
 * @example
 * const summary = summarizeAgent(record, tokens, totals.get(record.rune));
 */
export function summarizeAgent(record: AgentRecord, tokens: readonly TokenInfo[], recent: Map<Address, RevenueParts> | undefined): AgentSummary {
  const revenueAllTime: Record<Address, bigint> = {};
  const revenue30d: Record<Address, bigint> = {};
  const stakersRevenue30d: Record<Address, bigint> = {};
  const stakersPer1000Staked30d: Record<Address, bigint> = {};
  tokens.forEach((token, t) => {
    const last30 = recent?.get(token.address.toLowerCase() as Address);
    revenueAllTime[token.address] = record.revenueAllTime[t] ?? 0n;
    revenue30d[token.address] = last30?.amount ?? 0n;
    stakersRevenue30d[token.address] = last30?.stakersAmount ?? 0n;
    const perThousand = perThousandStaked(last30?.stakersAmount ?? 0n, record.totalStaked);
    if (perThousand !== undefined) stakersPer1000Staked30d[token.address] = perThousand;
  });
  return {
    rune: record.rune,
    owner: record.owner,
    signer: record.signer,
    status: record.status,
    registeredAt: record.registeredAt,
    metadataURI: record.metadataURI,
    metadata: parseAgentMetadata(record.metadataURI),
    split: record.split,
    infra: record.infra,
    totalStaked: record.totalStaked,
    stakerCount: record.stakerCount,
    revenueAllTime,
    revenue30d,
    stakersRevenue30d,
    stakersPer1000Staked30d,
  };
}
