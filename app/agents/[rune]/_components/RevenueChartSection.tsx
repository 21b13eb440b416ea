import "server-only";
import type { Address, Hex } from "viem";
import { ChainError } from "@/components/ChainError";
import { getHistorySource } from "@/lib/data/factory";
import type { TokenInfo } from "@/lib/domain/agent";
import { CHART_PERIOD_LABELS, type ChartParams, type ChartPeriod, chartParamEntries, periodRange } from "@/lib/domain/chart-period";
import { USD_DECIMALS, formatUsd, usdFigure } from "@/lib/domain/reference-currency";
import { type RevenueBucket, daysInRange, dailyBuckets, groupBuckets } from "@/lib/domain/revenue-days";
import { usdSeries } from "@/lib/domain/revenue-usd";
import { readTokenPrices } from "@/lib/data/prices";
import { getPublicClient } from "@/lib/server/chain";
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
  blockNumber,
  registeredAt,
  keep,
  locale,
}: {
  rune: Hex;
  tokens: TokenInfo[];
  chart: ChartParams;
  /** Chain time of the block the page was read at: periods end on its day. */
  now: number;
  /** That block: USD prices are read there, as the agents list does, so figures and prices are of one moment. */
  blockNumber: bigint;
  registeredAt: number;
  /** The page's payment filter as URL entries, carried through the chart's links. */
  keep: [string, string][];
  locale: string;
}) {
  const { from, to } = periodRange(chart.period, now, registeredAt);
  const result = await readChain(async (config) => {
    const [series, { prices }] = await Promise.all([
      getHistorySource().revenueSeries({ rune, from, to }),
      // Never throws: a missing or broken feed only makes USD unavailable.
      readTokenPrices(getPublicClient(), {
        tokens: tokens.map((t) => t.address),
        feeds: config.priceFeeds,
        multicallAddress: config.contracts.multicall3,
        maxAgeSeconds: config.priceMaxAgeSeconds,
        blockNumber,
      }),
    ]);
    return { series, prices };
  });
  if (!result.ok) return <div className="mt-3"><ChainError title={result.title} detail={result.detail} /></div>;
  const { series, prices } = result.data;
  const usd = usdSeries(series, tokens, prices);
  const symbolOf = (address: Address) => tokens.find((t) => t.address.toLowerCase() === address.toLowerCase())?.symbol ?? address;

  // Default unit: USD when every token paid in the period has a price, else the first token paid, else the first.
  const paidIn = tokens.find((t) => series.some((row) => row.token.toLowerCase() === t.address.toLowerCase()));
  const known = chart.unit === "usd" || tokens.some((t) => t.address.toLowerCase() === chart.unit);
  const fallback = (paidIn ?? tokens[0])?.address.toLowerCase() as Address | undefined;
  const chosen = known ? chart.unit : usd.status === "ok" ? "usd" : fallback;
  if (!chosen) return <p className="mt-3 text-sm text-stone-500">No payment tokens are configured.</p>;

  const days = daysInRange(from, to);
  const periodText = chart.period === "all" ? "since registration" : `over the last ${CHART_PERIOD_LABELS[chart.period]}`;
  const href = (choice: { period: ChartPeriod; unit: Address | "usd" }) => {
    const params = new URLSearchParams(keep);
    for (const [name, value] of chartParamEntries(choice)) params.set(name, value);
    const text = params.toString();
    return `/agents/${rune}${text ? `?${text}` : ""}#revenue`;
  };
  const controls = (
    <ChartControls
      period={chart.period}
      unit={chosen}
      units={[
        { value: "usd", label: "USD" },
        ...tokens.map((t) => ({ value: t.address.toLowerCase() as Address, label: t.symbol })),
      ]}
      href={href}
    />
  );

  let unit: ChartUnit;
  let buckets: RevenueBucket[];
  if (chosen === "usd") {
    if (usd.status !== "ok") {
      const figure = usdFigure(usd, locale, symbolOf);
      return (
        <>
          {controls}
          <p role="status" className="mt-3 rounded-lg border border-dashed border-stone-300 p-6 text-center text-sm text-stone-600 dark:border-stone-700 dark:text-stone-300">
            USD {figure.text}{"note" in figure ? `: ${figure.note}` : ""} Choose a token to see this period&apos;s revenue in it.
          </p>
        </>
      );
    }
    unit = { label: "USD", decimals: USD_DECIMALS, currency: "USD", format: (value) => formatUsd(value, locale) };
    buckets = dailyBuckets(series, days, { value: usd.value });
  } else {
    const token = tokens.find((t) => t.address.toLowerCase() === chosen)!;
    unit = {
      label: token.symbol,
      decimals: token.decimals,
      format: (value) => formatFixed(value, token.decimals, { locale, fractionDigits: displayFractionDigits(token), symbol: token.symbol }),
    };
    buckets = dailyBuckets(series, days, { token: token.address });
  }
  buckets = groupBuckets(buckets, MAX_BARS);
  const weekly = buckets.length > 0 && buckets[0]!.from !== buckets[0]!.to;
  const valuedAt = chosen === "usd" ? ", valued at the price feeds' latest answers" : "";

  return (
    <>
      {controls}
      <RevenueChart buckets={buckets} unit={unit} locale={locale} caption={`Revenue in ${unit.label} per UTC ${weekly ? "week" : "day"}, ${periodText}${valuedAt}`} />
    </>
  );
}
