import "server-only";
import Link from "next/link";
import type { Hex } from "viem";
import { ChainError } from "@/components/ChainError";
import { getHistorySource } from "@/lib/data/factory";
import type { PaymentQuery, PaymentRow } from "@/lib/data/history-source";
import { paymentKind, paymentSearchParams, parsePaymentParams, type SearchParamsInput } from "@/lib/data/payment-params";
import type { TokenInfo } from "@/lib/domain/agent";
import { utcDay } from "@/lib/domain/revenue-days";
import { formatUtcDayRange } from "@/lib/format-time";
import { readChain } from "@/lib/server/read-chain";
import { HistoryFilters, type HistoryFilterValues } from "./HistoryFilters";
import { HistoryPagination, type PageLinks } from "./HistoryPagination";
import { type CoAgent, HistoryTable } from "./HistoryTable";

const DAY_SECONDS = 86_400;
/** "Oldest": the page just after the chain's start (no payment can sit in the genesis block's first log). */
const CHAIN_START = { blockNumber: 0n, logIndex: 0 } as const;

/** A token as the URL names it: its symbol, or its address when another token has the same symbol. */
function tokenParam(token: TokenInfo["address"], tokens: TokenInfo[]): string {
  return paymentSearchParams({ token }, tokens).get("token") ?? token;
}

/** The filter as the form shows it: whole UTC days (a `to` bound names the last day it covers). */
function formValues(query: PaymentQuery, tokens: TokenInfo[]): HistoryFilterValues {
  return {
    token: query.token ? tokenParam(query.token, tokens) : "",
    from: query.from !== undefined ? utcDay(query.from) : "",
    to: query.to !== undefined ? utcDay(query.to % DAY_SECONDS === 0 ? query.to - DAY_SECONDS : query.to) : "",
    kind: paymentKind(query),
  };
}

/** Names of the other agents met in collaborative rows: one single-agent read per distinct co-agent (a few). */
async function readCoAgents(rows: PaymentRow[], rune: Hex): Promise<Map<Hex, CoAgent>> {
  const wanted = new Set(
    rows.flatMap((row) => row.collaborative?.runes ?? []).map((r) => r.toLowerCase() as Hex).filter((r) => r !== rune.toLowerCase()),
  );
  const source = getHistorySource();
  // Names are a courtesy: if a read fails, the row shows the short rune (still linked) rather than no table.
  const found = await Promise.all([...wanted].map((r) => source.getAgent(r).catch(() => undefined)));
  const names = new Map<Hex, CoAgent>();
  for (const snapshot of found) {
    if (!snapshot) continue;
    const { agent } = snapshot;
    names.set(agent.rune.toLowerCase() as Hex, { rune: agent.rune, name: agent.metadata?.name ?? `Agent ${agent.rune.slice(0, 10)}` });
  }
  return names;
}

/**
 * The payments part of the revenue history: filter form, CSV link, one page of the table and the paging links.
 * Rendered inside a Suspense boundary, so the rest of the agent page shows while the history is read.
 */
export async function PaymentsSection({
  rune,
  tokens,
  search,
  keep,
  explorerUrl,
  locale,
}: {
  rune: Hex;
  tokens: TokenInfo[];
  search: SearchParamsInput;
  /** The page's other URL settings (the chart's), carried through every link and the form. */
  keep: [string, string][];
  explorerUrl?: string;
  locale: string;
}) {
  const base = `/agents/${rune}`;
  const href = (params: URLSearchParams) => {
    for (const [name, value] of keep) params.set(name, value);
    const text = params.toString();
    return text ? `${base}?${text}` : base;
  };
  const clearHref = href(new URLSearchParams());
  const parsed = parsePaymentParams(search, tokens);
  if (!parsed.ok) {
    return (
      <div role="alert" className="mt-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
        <p>This filter cannot be applied: {parsed.error}.</p>
        <Link href={clearHref} className="mt-2 inline-block font-medium underline">Show all payments</Link>
      </div>
    );
  }
  const query = parsed.params.query;
  const filter: PaymentQuery = { token: query.token, from: query.from, to: query.to, collaborative: query.collaborative, pageSize: query.pageSize };

  const result = await readChain(async () => {
    const page = await getHistorySource().listPayments({ ...query, rune });
    return { page, coAgents: await readCoAgents(page.rows, rune) };
  });
  const filters = (
    <HistoryFilters
      action={base}
      tokens={tokens.map((t) => ({ value: tokenParam(t.address, tokens), label: t.symbol }))}
      values={formValues(query, tokens)}
      keep={keep}
      clearHref={clearHref}
    />
  );
  if (!result.ok) {
    return (
      <>
        {filters}
        <div className="mt-3"><ChainError title={result.title} detail={result.detail} /></div>
      </>
    );
  }
  const { page, coAgents } = result.data;
  const filtered = query.token !== undefined || query.from !== undefined || query.to !== undefined || query.collaborative !== undefined;
  const csvQuery: PaymentQuery = { ...filter, pageSize: undefined };
  const csvHref = `/api/runes/${rune}/payments?${paymentSearchParams(csvQuery, tokens, "csv")}`;
  const links: PageLinks = {
    newest: page.newer ? href(paymentSearchParams(filter, tokens)) : undefined,
    newer: page.newer ? href(paymentSearchParams({ ...filter, after: page.newer }, tokens)) : undefined,
    older: page.older ? href(paymentSearchParams({ ...filter, before: page.older }, tokens)) : undefined,
    oldest: page.older ? href(paymentSearchParams({ ...filter, after: CHAIN_START }, tokens)) : undefined,
  };
  const count = new Intl.NumberFormat(locale);
  const first = page.rows[0];
  const last = page.rows.at(-1);
  const span = first && last ? ` (${formatUtcDayRange(utcDay(last.timestamp), utcDay(first.timestamp), locale)})` : "";
  const summary = `${count.format(page.rows.length)} of ${count.format(page.total)} ${page.total === 1 ? "payment" : "payments"}${filtered ? " matching the filter" : ""}${span}`;

  return (
    <>
      {filters}
      <div className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="text-stone-600 dark:text-stone-400">
          <span data-testid="payments-total">{count.format(page.total)}</span> {page.total === 1 ? "payment" : "payments"}
          {filtered ? (page.total === 1 ? " matches the filter" : " match the filter") : " in all"}, newest first.
        </p>
        <a href={csvHref} download className="rounded-lg border border-stone-300 px-3 py-1 font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800">
          Download CSV
        </a>
      </div>
      {page.rows.length === 0 ? (
        <p className="mt-3 rounded-lg border border-dashed border-stone-300 p-6 text-center text-sm text-stone-500 dark:border-stone-700 dark:text-stone-400">
          {filtered ? "No payments in this range." : "No payments yet."}
        </p>
      ) : (
        <>
          <HistoryTable rows={page.rows} rune={rune} tokens={tokens} coAgents={coAgents} explorerUrl={explorerUrl} locale={locale} />
          <HistoryPagination links={links} summary={summary} />
        </>
      )}
    </>
  );
}
