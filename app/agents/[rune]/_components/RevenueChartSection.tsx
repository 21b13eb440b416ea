import "server-only";
import type { Address, Hex } from "viem";
import { ChainError } from "@/components/ChainError";
import { getHistorySource } from "@/lib/data/factory";
import type { TokenInfo } from "@/lib/domain/agent";
import { CHART_PERIOD_LABELS, type ChartParams, type ChartPeriod, chartParamEntries, periodRange } from "@/lib/domain/chart-period";
import { daysInRange, dailyBuckets, groupBuckets } from "@/lib/domain/revenue-days";
import { displayFractionDigits, formatFixed } from "@/lib/format";
import { readChain } from "@/lib/server/read-chain";
import { ChartControls } from "./ChartControls";
import { type ChartUnit, RevenueChart } from "./RevenueChart";

/** Most bars drawn: beyond this many days the chart shows weeks. */
const MAX_BARS = 120;

/**
 * The chart part of the revenue history: period and unit links, and the stacked daily revenue of the period.
 * Rendered inside a Suspense boundary, so the rest of the agent page shows while the series is read.
 */
export async function RevenueChartSection({
  rune,
  tokens,
  chart,
  now,
  registeredAt,
  keep,
  locale,
}: {
  rune: Hex;
  tokens: TokenInfo[];
  chart: ChartParams;
  /** Chain time of the block the page was read at: periods end on its day. */
  now: number;
  registeredAt: number;
  /** The page's payment filter as URL entries, carried through the chart's links. */
  keep: [string, string][];
  locale: string;
}) {
  const { from, to } = periodRange(chart.period, now, registeredAt);
  const result = await readChain(() => getHistorySource().revenueSeries({ rune, from, to }));
  if (!result.ok) return <div className="mt-3"><ChainError title={result.title} detail={result.detail} /></div>;
  const series = result.data;

  // Default unit: the first token this agent was paid in over the period, else the first token.
  const paidIn = tokens.find((t) => series.some((row) => row.token.toLowerCase() === t.address.toLowerCase()));
  const token = tokens.find((t) => t.address.toLowerCase() === chart.unit) ?? paidIn ?? tokens[0];
  if (!token) return <p className="mt-3 text-sm text-stone-500">No payment tokens are configured.</p>;

  const unit: ChartUnit = {
    label: token.symbol,
    decimals: token.decimals,
    format: (value) => formatFixed(value, token.decimals, { locale, fractionDigits: displayFractionDigits(token) }),
  };
  const buckets = groupBuckets(dailyBuckets(series, daysInRange(from, to), { token: token.address }), MAX_BARS);
  const href = (choice: { period: ChartPeriod; unit: Address | "usd" }) => {
    const params = new URLSearchParams(keep);
    for (const [name, value] of chartParamEntries(choice)) params.set(name, value);
    const text = params.toString();
    return `/agents/${rune}${text ? `?${text}` : ""}#revenue`;
  };
  const periodText = chart.period === "all" ? "since registration" : `over the last ${CHART_PERIOD_LABELS[chart.period]}`;

  return (
    <>
      <ChartControls
        period={chart.period}
        unit={token.address.toLowerCase() as Address}
        units={tokens.map((t) => ({ value: t.address.toLowerCase() as Address, label: t.symbol }))}
        href={href}
      />
      <RevenueChart buckets={buckets} unit={unit} locale={locale} caption={`Revenue in ${token.symbol} per UTC ${buckets.length > 0 && buckets[0]!.from !== buckets[0]!.to ? "week" : "day"}, ${periodText}`} />
    </>
  );
}
