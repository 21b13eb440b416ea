"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import type { Address } from "viem";
import type { AgentSummary, TokenInfo } from "@/lib/agents";
import { formatAmount } from "@/lib/format";
import { runeToFuthark } from "@/lib/rune-fingerprint";
import { FutharkText } from "./FutharkText";
import { RuneSigil } from "./RuneSigil";
import { SplitBar } from "./SplitBar";

/** The agent column stays in view while the numbers scroll sideways on a phone. */
const STICKY = "sticky left-0 z-10 bg-white dark:bg-stone-900";

type SortKey = "name" | "status" | "stakers" | "staked" | "revenue30d" | "revenueAll" | "per1000";

const STATUS_STYLE: Record<string, string> = {
  Active: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  Suspended: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
  Retired: "bg-stone-200 text-stone-700 dark:bg-stone-800 dark:text-stone-300",
};

function agentName(agent: AgentSummary): string {
  return agent.metadata?.name ?? `Agent ${agent.rune.slice(0, 10)}`;
}

function compareBigint(a: bigint | undefined, b: bigint | undefined): number {
  const x = a ?? -1n;
  const y = b ?? -1n;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The agents list: search by name or rune, sort by any column, revenue shown in one chosen token. */
export function AgentsTable({ agents, tokens }: { agents: AgentSummary[]; tokens: TokenInfo[] }) {
  const [query, setQuery] = useState("");
  const [tokenAddress, setTokenAddress] = useState<Address | undefined>(tokens[0]?.address);
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: "revenue30d", descending: true });
  const token = tokens.find((t) => t.address === tokenAddress) ?? tokens[0];

  const rows = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const filtered = needle
      ? agents.filter(
          (agent) =>
            agentName(agent).toLowerCase().includes(needle) ||
            agent.rune.toLowerCase().includes(needle.startsWith("0x") ? needle : `0x${needle}`) ||
            runeToFuthark(agent.rune).includes(query.trim()),
        )
      : agents;
    const t = token?.address;
    const keyed: Record<SortKey, (a: AgentSummary, b: AgentSummary) => number> = {
      name: (a, b) => agentName(a).localeCompare(agentName(b)),
      status: (a, b) => a.status.localeCompare(b.status),
      stakers: (a, b) => compareBigint(a.stakerCount, b.stakerCount),
      staked: (a, b) => compareBigint(a.totalStaked, b.totalStaked),
      revenue30d: (a, b) => (t ? compareBigint(a.revenue30d[t], b.revenue30d[t]) : 0),
      revenueAll: (a, b) => (t ? compareBigint(a.revenueAllTime[t], b.revenueAllTime[t]) : 0),
      per1000: (a, b) => (t ? compareBigint(a.revenuePer1000Staked30d[t], b.revenuePer1000Staked30d[t]) : 0),
    };
    const sorted = [...filtered].sort(keyed[sort.key]);
    return sort.descending ? sorted.reverse() : sorted;
  }, [agents, query, sort, token]);

  function header(key: SortKey, label: string, align: "left" | "right" = "right", sticky = false) {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        aria-sort={active ? (sort.descending ? "descending" : "ascending") : "none"}
        className={`px-3 py-2 font-medium ${align === "left" ? "text-left" : "text-right"} ${sticky ? STICKY : ""}`}
      >
        <button
          type="button"
          onClick={() => setSort({ key, descending: active ? !sort.descending : key !== "name" })}
          className="inline-flex items-center gap-1 hover:text-stone-900 dark:hover:text-stone-100"
        >
          {label}
          <span aria-hidden="true" className={active ? "opacity-100" : "opacity-0"}>
            {sort.descending ? "↓" : "↑"}
          </span>
        </button>
      </th>
    );
  }

  const amount = (value: bigint | undefined) => (token && value !== undefined ? formatAmount(value, token.decimals, { maxFractionDigits: 2 }) : "—");

  return (
    <section>
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <label className="flex min-w-64 flex-1 flex-col gap-1 text-xs font-medium text-stone-600 dark:text-stone-400">
          Search
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Agent name, rune hex or futhark"
            className="rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 outline-none focus:border-amber-500 focus:ring-2 focus:ring-amber-500/30 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
          />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-stone-600 dark:text-stone-400">
          Revenue in
          <select
            value={token?.address}
            onChange={(e) => setTokenAddress(e.target.value as Address)}
            className="rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
          >
            {tokens.map((t) => (
              <option key={t.address} value={t.address}>
                {t.symbol}
              </option>
            ))}
          </select>
        </label>
      </div>

      {agents.length === 0 ? (
        <p className="rounded-xl border border-dashed border-stone-300 p-10 text-center text-stone-500 dark:border-stone-700">
          No agents registered yet. Developers register one from the Developer page.
        </p>
      ) : rows.length === 0 ? (
        <p className="rounded-xl border border-dashed border-stone-300 p-10 text-center text-stone-500 dark:border-stone-700">
          No agent matches “{query}”.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
          <table className="w-full min-w-[880px] text-sm" aria-label="Agents">
            <thead className="border-b border-stone-200 text-xs text-stone-500 dark:border-stone-800 dark:text-stone-400">
              <tr>
                {header("name", "Agent", "left", true)}
                {header("status", "Status", "left")}
                <th scope="col" className="px-3 py-2 text-left font-medium">Split</th>
                {header("staked", "Staked")}
                {header("stakers", "Stakers")}
                {header("revenue30d", `30 d (${token?.symbol ?? ""})`)}
                {header("revenueAll", `All time (${token?.symbol ?? ""})`)}
                {header("per1000", "30 d per 1k staked")}
              </tr>
            </thead>
            <tbody>
              {rows.map((agent) => {
                const t = token?.address;
                return (
                  <tr key={agent.rune} className="border-b border-stone-100 last:border-0 dark:border-stone-800/60">
                    <td className={`px-3 py-3 ${STICKY}`}>
                      <Link href={`/agents/${agent.rune}`} className="flex items-center gap-3">
                        <RuneSigil rune={agent.rune} size={36} />
                        <span className="min-w-0">
                          <span className="block font-medium text-stone-900 hover:underline dark:text-stone-50" data-testid="agent-name">{agentName(agent)}</span>
                          <span className="flex items-center gap-2 font-mono text-xs text-stone-500" title={agent.rune}>
                            <FutharkText rune={agent.rune} height={11} />
                            <span className="hidden sm:inline">{agent.rune.slice(0, 8)}…{agent.rune.slice(-4)}</span>
                          </span>
                        </span>
                      </Link>
                    </td>
                    <td className="px-3 py-3">
                      <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[agent.status] ?? ""}`}>{agent.status}</span>
                    </td>
                    <td className="px-3 py-3">
                      <SplitBar split={agent.split} />
                    </td>
                    <td className="px-3 py-3 text-right tabular-nums" data-testid="total-staked">
                      {formatAmount(agent.totalStaked, 18, { maxFractionDigits: 2 })}
                    </td>
                    <td className="px-3 py-3 text-right tabular-nums" data-testid="staker-count">{agent.stakerCount.toString()}</td>
                    <td className="px-3 py-3 text-right tabular-nums" data-testid="revenue-30d">{amount(t ? agent.revenue30d[t] : undefined)}</td>
                    <td className="px-3 py-3 text-right tabular-nums" data-testid="revenue-all-time">{amount(t ? agent.revenueAllTime[t] : undefined)}</td>
                    <td className="px-3 py-3 text-right tabular-nums" data-testid="revenue-per-1000">
                      {t && agent.revenuePer1000Staked30d[t] !== undefined ? amount(agent.revenuePer1000Staked30d[t]) : "—"}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
