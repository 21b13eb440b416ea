"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import type { Address, Hex } from "viem";
import type { AgentUsdTotals } from "@/lib/data/agents-usd";
import type { AgentSummary, TokenInfo } from "@/lib/domain/agent";
import type { UsdFigure } from "@/lib/domain/reference-currency";
import { displayFractionDigits, formatFixed } from "@/lib/format";
import { runeToFuthark } from "@/lib/rune-fingerprint";
import { FutharkText } from "./FutharkText";
import { RuneSigil } from "./RuneSigil";
import { SplitBar } from "./SplitBar";
import { StatusBadge } from "./StatusBadge";

/** The agent column stays in view while the numbers scroll sideways on a narrow desktop window. */
const STICKY = "sticky left-0 z-10 bg-white dark:bg-stone-900";

/** AURUNES, the staking token, has 18 decimals; stake is shown with 2 fraction digits everywhere. */
const STAKE = { symbol: "AURUNES", decimals: 18, fractionDigits: 2 } as const;

type SortKey = "name" | "status" | "stakers" | "staked" | "revenue30d" | "revenueAll" | "usd30d" | "usdAll" | "stakersPer1000";

const SORT_LABELS: Record<SortKey, string> = {
  revenue30d: "Revenue, 30 d",
  revenueAll: "Revenue, all time",
  usd30d: "Revenue, 30 d, all tokens in USD",
  usdAll: "Revenue, all time, all tokens in USD",
  stakersPer1000: "Paid to stakers per 1,000 staked",
  staked: "Staked",
  stakers: "Stakers",
  name: "Name",
  status: "Status",
};

const USD_EXPLAINED = "Every token’s revenue valued at its USD price feed’s latest answer, added up.";

/** The exact value of a USD figure, for sorting (unavailable sorts lowest). */
function usdValue(figure: UsdFigure | undefined): bigint | undefined {
  return figure && "usd" in figure ? figure.usd : undefined;
}

const PER_1000_LABEL = "Stakers’ 30 d per 1,000 staked";
const PER_1000_EXPLAINED =
  "What stakers were paid: the stakers part of the last 30 days’ payments, per 1,000 AURUNES staked today. " +
  "It is not the agent’s whole revenue.";

function agentName(agent: AgentSummary): string {
  return agent.metadata?.name ?? `Agent ${agent.rune.slice(0, 10)}`;
}

function compareBigint(a: bigint | undefined, b: bigint | undefined): number {
  const x = a ?? -1n;
  const y = b ?? -1n;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The figures of one agent, formatted once for both layouts (table on wide screens, cards on phones). */
interface AgentFigures {
  staked: string;
  stakers: string;
  revenue30d: string;
  revenueAll: string;
  stakersPer1000: string;
}

/**
 * The agents list: search by name or rune, sort by any figure, revenue shown in one chosen token. Every column
 * has one format (fixed fraction digits, the reader's locale) and its unit; phones get one card per agent with
 * its key figures instead of a table that scrolls sideways.
 */
export function AgentsTable({
  agents,
  tokens,
  locale,
  usd = {},
}: {
  agents: AgentSummary[];
  tokens: TokenInfo[];
  locale: string;
  /** USD totals per rune, worked out on the server (lib/data/agents-usd.ts). */
  usd?: Record<Hex, AgentUsdTotals>;
}) {
  const [query, setQuery] = useState("");
  const [tokenAddress, setTokenAddress] = useState<Address | undefined>(tokens[0]?.address);
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: "revenue30d", descending: true });
  const token = tokens.find((t) => t.address === tokenAddress) ?? tokens[0];
  const symbol = token?.symbol ?? "";

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
      usd30d: (a, b) => compareBigint(usdValue(usd[a.rune]?.revenue30d), usdValue(usd[b.rune]?.revenue30d)),
      usdAll: (a, b) => compareBigint(usdValue(usd[a.rune]?.revenueAllTime), usdValue(usd[b.rune]?.revenueAllTime)),
      stakersPer1000: (a, b) => (t ? compareBigint(a.stakersPer1000Staked30d[t], b.stakersPer1000Staked30d[t]) : 0),
    };
    const sorted = [...filtered].sort(keyed[sort.key]);
    return sort.descending ? sorted.reverse() : sorted;
  }, [agents, query, sort, token, usd]);

  function figures(agent: AgentSummary): AgentFigures {
    const amount = (value: bigint | undefined) =>
      token && value !== undefined ? formatFixed(value, token.decimals, { locale, fractionDigits: displayFractionDigits(token) }) : "—";
    const t = token?.address;
    return {
      staked: formatFixed(agent.totalStaked, STAKE.decimals, { locale, fractionDigits: STAKE.fractionDigits }),
      stakers: new Intl.NumberFormat(locale).format(agent.stakerCount),
      revenue30d: amount(t ? agent.revenue30d[t] : undefined),
      revenueAll: amount(t ? agent.revenueAllTime[t] : undefined),
      // No stake, no per-1,000 figure: a dash rather than a misleading zero.
      stakersPer1000: amount(t ? agent.stakersPer1000Staked30d[t] : undefined),
    };
  }

  function header(key: SortKey, label: string, options: { align?: "left" | "right"; sticky?: boolean; explain?: string; unit?: string } = {}) {
    const { align = "right", sticky = false, explain, unit } = options;
    const active = sort.key === key;
    return (
      <th
        scope="col"
        aria-sort={active ? (sort.descending ? "descending" : "ascending") : "none"}
        className={`px-3 py-2 align-bottom font-medium ${align === "left" ? "text-left" : "text-right"} ${sticky ? STICKY : ""}`}
      >
        <button
          type="button"
          title={explain}
          onClick={() => setSort({ key, descending: active ? !sort.descending : key !== "name" })}
          className={`inline-flex items-center gap-1 hover:text-stone-900 dark:hover:text-stone-100 ${align === "right" ? "text-right" : "text-left"}`}
        >
          {/* Short labels stay on one line; only the long per-1,000 label may wrap. */}
          <span className={`${align === "right" ? "text-right" : "text-left"} ${explain ? "" : "whitespace-nowrap"}`}>
            {label}
            {/* The unit on a line of its own, so headers break in one place rather than mid-phrase. */}
            {unit && <span className="block font-normal"> ({unit})</span>}
          </span>
          <span aria-hidden="true" className={active ? "opacity-100" : "opacity-0"}>
            {sort.descending ? "↓" : "↑"}
          </span>
        </button>
      </th>
    );
  }

  const controlClass =
    "rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100";

  return (
    <section>
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <label className="flex min-w-56 flex-1 flex-col gap-1 text-xs font-medium text-stone-600 dark:text-stone-400">
          Search
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Name, rune hex or futhark"
            className={`${controlClass} outline-none focus:border-amber-500 focus:ring-2 focus:ring-amber-500/30`}
          />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-stone-600 dark:text-stone-400">
          Revenue in
          <select value={token?.address} onChange={(e) => setTokenAddress(e.target.value as Address)} className={controlClass}>
            {tokens.map((t) => (
              <option key={t.address} value={t.address}>
                {t.symbol}
              </option>
            ))}
          </select>
        </label>
        {/* Cards have no column headers to click: phones sort from a list. */}
        <label className="flex flex-col gap-1 text-xs font-medium text-stone-600 lg:hidden dark:text-stone-400">
          Sort by
          <select
            value={sort.key}
            onChange={(e) => {
              const key = e.target.value as SortKey;
              setSort({ key, descending: key !== "name" });
            }}
            className={controlClass}
          >
            {(Object.keys(SORT_LABELS) as SortKey[]).map((key) => (
              <option key={key} value={key}>
                {SORT_LABELS[key]}
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
        <>
          <div className="hidden overflow-x-auto rounded-xl border border-stone-200 bg-white lg:block dark:border-stone-800 dark:bg-stone-900">
            <table className="w-full min-w-[1120px] text-sm" aria-label="Agents">
              <thead className="border-b border-stone-200 text-xs text-stone-500 dark:border-stone-800 dark:text-stone-400">
                <tr>
                  {header("name", "Agent", { align: "left", sticky: true })}
                  {header("status", "Status", { align: "left" })}
                  <th scope="col" className="px-3 py-2 text-left align-bottom font-medium">Split</th>
                  {header("staked", "Staked", { unit: STAKE.symbol })}
                  {header("stakers", "Stakers")}
                  {header("revenue30d", "Revenue 30 d", { unit: symbol })}
                  {header("revenueAll", "Revenue all time", { unit: symbol })}
                  {header("usd30d", "30 d, all tokens", { unit: "USD", explain: USD_EXPLAINED })}
                  {header("usdAll", "All time, all tokens", { unit: "USD", explain: USD_EXPLAINED })}
                  {header("stakersPer1000", PER_1000_LABEL, { unit: symbol, explain: PER_1000_EXPLAINED })}
                </tr>
              </thead>
              <tbody>
                {rows.map((agent) => {
                  const f = figures(agent);
                  return (
                    <tr key={agent.rune} className="border-b border-stone-100 last:border-0 dark:border-stone-800/60">
                      <td className={`px-3 py-3 ${STICKY}`}>
                        <AgentIdentity agent={agent} />
                      </td>
                      <td className="px-3 py-3">
                        <StatusBadge status={agent.status} />
                      </td>
                      <td className="px-3 py-3">
                        <SplitBar split={agent.split} />
                      </td>
                      <td className="px-3 py-3 text-right tabular-nums" data-testid="total-staked">{f.staked}</td>
                      <td className="px-3 py-3 text-right tabular-nums" data-testid="staker-count">{f.stakers}</td>
                      <td className="px-3 py-3 text-right tabular-nums" data-testid="revenue-30d">{f.revenue30d}</td>
                      <td className="px-3 py-3 text-right tabular-nums" data-testid="revenue-all-time">{f.revenueAll}</td>
                      <UsdCell figure={usd[agent.rune]?.revenue30d} testId="usd-revenue-30d" />
                      <UsdCell figure={usd[agent.rune]?.revenueAllTime} testId="usd-revenue-all-time" />
                      <td className="px-3 py-3 text-right tabular-nums" data-testid="stakers-per-1000">{f.stakersPer1000}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>

          <ul aria-label="Agents" className="grid gap-3 sm:grid-cols-2 lg:hidden">
            {rows.map((agent) => {
              const f = figures(agent);
              return (
                <li key={agent.rune} className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
                  <div className="flex items-start justify-between gap-3">
                    <AgentIdentity agent={agent} />
                    <StatusBadge status={agent.status} />
                  </div>
                  <div className="mt-3">
                    <SplitBar split={agent.split} />
                  </div>
                  <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
                    <Figure label="Staked" unit={STAKE.symbol} value={f.staked} testId="total-staked" />
                    <Figure label="Stakers" value={f.stakers} testId="staker-count" />
                    <Figure label="Revenue 30 d" unit={symbol} value={f.revenue30d} testId="revenue-30d" />
                    <Figure label="Revenue all time" unit={symbol} value={f.revenueAll} testId="revenue-all-time" />
                    <UsdFigureItem label="30 d, all tokens" figure={usd[agent.rune]?.revenue30d} testId="usd-revenue-30d" />
                    <UsdFigureItem label="All time, all tokens" figure={usd[agent.rune]?.revenueAllTime} testId="usd-revenue-all-time" />
                    <Figure label={PER_1000_LABEL} unit={symbol} value={f.stakersPer1000} testId="stakers-per-1000" wide />
                  </dl>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {agents.length > 0 && (
        <p className="mt-3 max-w-3xl text-xs text-stone-500 dark:text-stone-400">
          Revenue is everything clients paid the agent, before the split. The USD columns add up every token at its price
          feed’s latest answer; when a needed price is missing or out of date they say so instead. {PER_1000_LABEL} is what stakers themselves
          were paid: the stakers part of the last 30 days’ payments per 1,000 AURUNES staked today (streamed to them over
          the reward window). Amounts are rounded down.
        </p>
      )}
    </section>
  );
}

/** Sigil, name (linking to the agent) and futhark of one agent. */
function AgentIdentity({ agent }: { agent: AgentSummary }) {
  return (
    <Link href={`/agents/${agent.rune}`} className="flex min-w-0 items-center gap-3">
      <RuneSigil rune={agent.rune} size={36} />
      <span className="min-w-0">
        <span className="block font-medium text-stone-900 hover:underline dark:text-stone-50" data-testid="agent-name">
          {agentName(agent)}
        </span>
        <span className="flex items-center gap-2 font-mono text-xs text-stone-500" title={agent.rune}>
          <FutharkText rune={agent.rune} height={11} />
          <span className="hidden whitespace-nowrap xl:inline">
            {agent.rune.slice(0, 8)}…{agent.rune.slice(-4)}
          </span>
        </span>
      </span>
    </Link>
  );
}

const UNAVAILABLE_CLASS = "text-xs text-stone-500 dark:text-stone-400";

/** A USD total in the table: the amount, or "price unavailable" with the reason on hover. */
function UsdCell({ figure, testId }: { figure: UsdFigure | undefined; testId: string }) {
  const unavailable = figure === undefined || "note" in figure;
  return (
    <td
      className={`px-3 py-3 text-right tabular-nums ${unavailable ? UNAVAILABLE_CLASS : ""}`}
      data-testid={testId}
      title={figure && "note" in figure ? figure.note : undefined}
    >
      {figure?.text ?? "—"}
    </td>
  );
}

/** A USD total on an agent card. */
function UsdFigureItem({ label, figure, testId }: { label: string; figure: UsdFigure | undefined; testId: string }) {
  return (
    <div>
      <dt className="text-xs text-stone-500 dark:text-stone-400">{label}</dt>
      <dd
        className={`font-medium tabular-nums ${figure === undefined || "note" in figure ? UNAVAILABLE_CLASS : ""}`}
        data-testid={testId}
        title={figure && "note" in figure ? figure.note : undefined}
      >
        {figure?.text ?? "—"}
      </dd>
    </div>
  );
}

/** One labelled figure of an agent card. */
function Figure({ label, unit, value, testId, wide = false }: { label: string; unit?: string; value: string; testId: string; wide?: boolean }) {
  return (
    <div className={wide ? "col-span-2" : undefined}>
      <dt className="text-xs text-stone-500 dark:text-stone-400">{label}</dt>
      <dd className="font-medium tabular-nums">
        <span data-testid={testId}>{value}</span>
        {unit && value !== "—" && <span className="text-xs font-normal text-stone-500 dark:text-stone-400"> {unit}</span>}
      </dd>
    </div>
  );
}
