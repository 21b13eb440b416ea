import { scaleBand, scaleLinear } from "d3-scale";
import { stack } from "d3-shape";
import { formatUnits } from "viem";
import type { RevenueBucket } from "./domain/revenue-days";

/** The three parts of a payment, bottom to top of a stacked bar. */
export const REVENUE_PARTS = ["developer", "infra", "stakers"] as const;
export type RevenuePart = (typeof REVENUE_PARTS)[number];

/** One coloured piece of a bar, in percent of the plot (0–100, y from the top). */
export interface BarSegment {
  part: RevenuePart;
  y: number;
  height: number;
}

/** One bucket's stacked bar and its column (the hover area spans the whole column). */
export interface Bar {
  bucket: RevenueBucket;
  /** Left edge of the bar, percent of the plot width. */
  x: number;
  width: number;
  /** The column this bar owns (bar plus its share of the gaps), percent of the plot width. */
  columnX: number;
  columnWidth: number;
  /** Top of the whole stack, percent of the plot height (100 for an empty bucket). */
  top: number;
  segments: BarSegment[];
}

/** A labelled value of the y axis: `at` in percent from the top, `value` in whole token (or USD) units. */
export interface YTick {
  at: number;
  value: number;
}

/** A labelled bucket of the x axis: `at` (its centre) in percent from the left, `index` into the buckets. */
export interface XTick {
  at: number;
  index: number;
}

/** Geometry of the stacked bar chart, in percent of the plot so the page can stretch it to any width. */
export interface StackedBarLayout {
  bars: Bar[];
  yTicks: YTick[];
  xTicks: XTick[];
}

/**
 * Lays out stacked revenue bars with d3's band and linear scales and its stack generator. Amounts stay `bigint`
 * in the buckets (labels and totals are formatted from them exactly); only the drawing uses their value as a
 * float, in whole units of `decimals`.
 *
 * @example
 * const { bars, yTicks } = stackedBarLayout(buckets, { decimals: 18, xTickCount: 6, yTickCount: 4 });
 */
export function stackedBarLayout(
  buckets: readonly RevenueBucket[],
  options: { decimals: number; xTickCount: number; yTickCount: number },
): StackedBarLayout {
  const whole = (value: bigint) => Number(formatUnits(value, options.decimals));
  const rows = buckets.map((bucket) => ({ developer: whole(bucket.developer), infra: whole(bucket.infra), stakers: whole(bucket.stakers) }));
  const series = stack<(typeof rows)[number], RevenuePart>().keys(REVENUE_PARTS)(rows);
  const max = Math.max(0, ...series.flatMap((s) => s.map(([, top]) => top)));

  const x = scaleBand<number>()
    .domain(buckets.map((_, i) => i))
    .range([0, 100])
    .paddingInner(buckets.length > 60 ? 0.15 : 0.25)
    .paddingOuter(0.1);
  // An empty period still gets an axis (0 to 1) rather than a degenerate scale.
  const y = scaleLinear().domain([0, max > 0 ? max : 1]).nice(options.yTickCount).range([100, 0]);
  const step = x.step();

  const bars = buckets.map((bucket, i): Bar => {
    const left = x(i) ?? 0;
    const segments: BarSegment[] = [];
    let top = 100;
    for (const s of series) {
      const [bottom, upper] = s[i]!;
      if (upper > bottom) {
        segments.push({ part: s.key, y: y(upper), height: y(bottom) - y(upper) });
        top = Math.min(top, y(upper));
      }
    }
    return { bucket, x: left, width: x.bandwidth(), columnX: left - (step - x.bandwidth()) / 2, columnWidth: step, top, segments };
  });

  const yTicks = y.ticks(options.yTickCount).map((value): YTick => ({ at: y(value), value }));
  const every = Math.max(1, Math.ceil(buckets.length / options.xTickCount));
  const xTicks: XTick[] = [];
  for (let i = 0; i < buckets.length; i += every) xTicks.push({ at: (x(i) ?? 0) + x.bandwidth() / 2, index: i });
  return { bars, yTicks, xTicks };
}
