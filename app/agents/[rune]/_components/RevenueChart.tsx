import "server-only";
import { REVENUE_PARTS, type RevenuePart, stackedBarLayout } from "@/lib/chart-layout";
import { type RevenueBucket, bucketTotal } from "@/lib/domain/revenue-days";
import { formatUtcDay, formatUtcDayRange } from "@/lib/format-time";

/** What the chart's amounts are in: a token, or the reference currency. */
export interface ChartUnit {
  /** Shown above the y axis, e.g. "ETH" or "USD". */
  label: string;
  /** Decimals of the bigint amounts (the token's, or the reference currency's fixed point). */
  decimals: number;
  /** Formats an exact amount of this unit with its unit, e.g. "1,234.50 tUSD" or "$1,234.50". */
  format(value: bigint): string;
  /** ISO 4217 code when the unit is a currency: axis labels then read "$1,500". */
  currency?: string;
}

const PART_NAMES: Record<RevenuePart, string> = { developer: "Developer", infra: "Infra", stakers: "Stakers" };
const PART_FILL: Record<RevenuePart, string> = { developer: "fill-dev", infra: "fill-infra", stakers: "fill-stakers" };
const PART_SWATCH: Record<RevenuePart, string> = { developer: "bg-dev", infra: "bg-infra", stakers: "bg-stakers" };

const X_TICKS = 6;
const Y_TICKS = 4;

/**
 * Daily revenue as stacked bars (developer / infra / stakers), drawn on the server: d3's scales and stack
 * generator lay the bars out in plot percent, the SVG stretches to any width, and the axis labels are HTML so
 * their text keeps its size on a phone. Each bar's column is a focusable list item whose exact figures show on
 * hover or focus through CSS only, and are read by screen readers as the chart's text alternative.
 * This module runs only on the server: d3 adds nothing to the page's JavaScript.
 */
export function RevenueChart({ buckets, unit, locale, caption }: { buckets: RevenueBucket[]; unit: ChartUnit; locale: string; caption: string }) {
  const layout = stackedBarLayout(buckets, { decimals: unit.decimals, xTickCount: X_TICKS, yTickCount: Y_TICKS });
  const total = buckets.reduce((sum, b) => sum + bucketTotal(b), 0n);
  const payments = buckets.reduce((sum, b) => sum + b.count, 0);
  const count = new Intl.NumberFormat(locale);
  const maxTick = layout.yTicks.at(-1)?.value ?? 0;
  const tickFormat = new Intl.NumberFormat(locale, {
    ...(unit.currency ? { style: "currency", currency: unit.currency } : {}),
    notation: maxTick >= 10_000 ? "compact" : "standard",
    maximumFractionDigits: maxTick >= 10 ? 0 : 2,
  });
  const daysWord = buckets.length > 0 && buckets[0]!.from !== buckets[0]!.to ? "Weeks" : "Days";

  return (
    <figure className="mt-3">
      <figcaption className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <span className="text-sm text-stone-600 dark:text-stone-300">{caption}</span>
        <span className="text-sm" data-testid="chart-total">
          <span className="text-stone-500 dark:text-stone-400">Total </span>
          <strong className="font-semibold tabular-nums">{unit.format(total)}</strong>
          <span className="text-stone-500 dark:text-stone-400"> · {count.format(payments)} {payments === 1 ? "payment" : "payments"}</span>
        </span>
      </figcaption>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-600 dark:text-stone-300" aria-label="Legend">
        {REVENUE_PARTS.map((part) => (
          <li key={part} className="flex items-center gap-1.5">
            <span aria-hidden="true" className={`size-2.5 rounded-sm ${PART_SWATCH[part]}`} />
            {PART_NAMES[part]}
          </li>
        ))}
      </ul>

      <div className="mt-2 flex">
        {/* The y axis: its unit on top, round values at their height. */}
        <div className="w-14 shrink-0 text-right text-[11px] tabular-nums text-stone-500 dark:text-stone-400" aria-hidden="true">
          <p className="h-5 pr-2 font-medium leading-3">{unit.currency ? "" : unit.label}</p>
          <div className="relative h-48 sm:h-56">
            {layout.yTicks.map((tick) => (
              <span key={tick.value} className="absolute right-2 -translate-y-1/2 whitespace-nowrap" style={{ top: `${tick.at}%` }}>
                {tickFormat.format(tick.value)}
              </span>
            ))}
          </div>
        </div>

        <div className="relative min-w-0 flex-1 pr-3">
          <div className="h-5" />
          <div className="relative h-48 sm:h-56">
            <svg viewBox="0 0 100 100" preserveAspectRatio="none" className="absolute inset-0 size-full overflow-visible" aria-hidden="true">
              {layout.yTicks.map((tick) => (
                <line
                  key={tick.value}
                  x1={0}
                  x2={100}
                  y1={tick.at}
                  y2={tick.at}
                  vectorEffect="non-scaling-stroke"
                  className={tick.value === 0 ? "stroke-stone-400 dark:stroke-stone-600" : "stroke-stone-200 dark:stroke-stone-800"}
                  strokeWidth={1}
                />
              ))}
              {layout.bars.map((bar) =>
                bar.segments.map((segment) => (
                  <rect key={`${bar.bucket.from}-${segment.part}`} x={bar.x} width={bar.width} y={segment.y} height={segment.height} className={PART_FILL[segment.part]} />
                )),
              )}
            </svg>
            {total === 0n && (
              <p className="absolute inset-0 flex items-center justify-center text-sm text-stone-500 dark:text-stone-400">No payments in this period</p>
            )}
            <ol aria-label={`${daysWord} of the chart`} className="absolute inset-0">
              {layout.bars.map((bar) => {
                const { bucket } = bar;
                const bucketTotalValue = bucketTotal(bucket);
                const when = bucket.from === bucket.to ? formatUtcDay(bucket.from, locale, "long") : formatUtcDayRange(bucket.from, bucket.to, locale);
                // Keep the label inside the plot: anchored left near the left edge, right near the right edge.
                const centre = bar.columnX + bar.columnWidth / 2;
                const anchor = centre < 25 ? "left-0" : centre > 75 ? "right-0" : "left-1/2 -translate-x-1/2";
                return (
                  <li
                    key={bucket.from}
                    tabIndex={0}
                    data-day={bucket.from}
                    className="group absolute inset-y-0 outline-none"
                    style={{ left: `${bar.columnX}%`, width: `${bar.columnWidth}%` }}
                  >
                    <span aria-hidden="true" className="absolute inset-0 rounded-sm group-hover:bg-stone-500/10 group-focus-visible:bg-stone-500/15 group-focus-visible:ring-2 group-focus-visible:ring-amber-500" />
                    <div
                      className={`pointer-events-none absolute z-20 mb-1.5 w-max max-w-56 rounded-lg border border-stone-200 bg-white px-2.5 py-2 text-xs text-stone-800 opacity-0 shadow-lg group-hover:opacity-100 group-focus-visible:opacity-100 dark:border-stone-700 dark:bg-stone-800 dark:text-stone-100 ${anchor}`}
                      style={{ bottom: `${100 - bar.top}%` }}
                    >
                      <p className="font-medium">{when}</p>
                      {bucketTotalValue === 0n ? (
                        <p className="text-stone-500 dark:text-stone-400">No payments</p>
                      ) : (
                        <>
                          <p className="tabular-nums">
                            {unit.format(bucketTotalValue)} · {count.format(bucket.count)} {bucket.count === 1 ? "payment" : "payments"}
                          </p>
                          <dl className="mt-1 grid grid-cols-[auto_auto] gap-x-3 tabular-nums">
                            {REVENUE_PARTS.map((part) => (
                              <div key={part} className="contents">
                                <dt className="flex items-center gap-1.5 text-stone-500 dark:text-stone-400">
                                  <span aria-hidden="true" className={`size-2 rounded-sm ${PART_SWATCH[part]}`} />
                                  {PART_NAMES[part]}
                                </dt>
                                <dd className="text-right">{unit.format(bucket[part])}</dd>
                              </div>
                            ))}
                          </dl>
                        </>
                      )}
                    </div>
                  </li>
                );
              })}
            </ol>
          </div>
          {/* The x axis: a few dates under their bars (every other one hidden on phones, so they never touch). */}
          <div className="relative h-6 text-[11px] text-stone-500 dark:text-stone-400" aria-hidden="true">
            {layout.xTicks.map((tick, n) => (
              <span
                key={tick.index}
                className={`absolute top-1.5 -translate-x-1/2 whitespace-nowrap ${n % 2 === 1 ? "hidden sm:inline" : ""}`}
                style={{ left: `${tick.at}%` }}
              >
                {formatUtcDay(buckets[tick.index]!.from, locale, "short")}
              </span>
            ))}
          </div>
        </div>
      </div>
    </figure>
  );
}
