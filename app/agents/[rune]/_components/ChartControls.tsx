import Link from "next/link";
import type { Address } from "viem";
import { CHART_PERIODS, CHART_PERIOD_LABELS, type ChartPeriod } from "@/lib/domain/chart-period";

/** One choice of the chart's unit: a token's address (or "usd") and its label. */
export interface UnitChoice {
  value: Address | "usd";
  label: string;
}

const ON = "rounded-md bg-white px-2.5 py-1 font-medium text-stone-900 shadow-sm dark:bg-stone-700 dark:text-stone-50";
const OFF = "rounded-md px-2.5 py-1 text-stone-600 hover:text-stone-900 dark:text-stone-400 dark:hover:text-stone-100";

function Segmented({ label, items }: { label: string; items: { key: string; text: string; href: string; current: boolean }[] }) {
  return (
    <nav aria-label={label} className="inline-flex flex-wrap gap-0.5 rounded-lg bg-stone-100 p-0.5 text-xs dark:bg-stone-800/70">
      {items.map((item) => (
        <Link key={item.key} href={item.href} aria-current={item.current ? "true" : undefined} className={item.current ? ON : OFF} scroll={false}>
          {item.text}
        </Link>
      ))}
    </nav>
  );
}

/** The chart's period (30 d / 90 d / all time) and unit (one token, or USD) as links: the choice lives in the URL. */
export function ChartControls({
  period,
  unit,
  units,
  href,
}: {
  period: ChartPeriod;
  unit: Address | "usd";
  units: UnitChoice[];
  /** The page's URL with this period and unit (the payment filter kept). */
  href(choice: { period: ChartPeriod; unit: Address | "usd" }): string;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Segmented
        label="Chart period"
        items={CHART_PERIODS.map((p) => ({ key: p, text: CHART_PERIOD_LABELS[p], href: href({ period: p, unit }), current: p === period }))}
      />
      <Segmented
        label="Chart unit"
        items={units.map((u) => ({ key: u.value, text: u.label, href: href({ period, unit: u.value }), current: u.value === unit }))}
      />
    </div>
  );
}
