import type { Address } from "viem";
import type { DailyRevenue } from "../data/history-source";

const DAY_SECONDS = 86_400;

/** One bar of the revenue chart: the developer / infra / stakers parts paid over one or more UTC days. */
export interface RevenueBucket {
  /** First UTC day of the bucket, `YYYY-MM-DD`. */
  from: string;
  /** Last UTC day of the bucket (inclusive), `YYYY-MM-DD`; equal to `from` for a one-day bucket. */
  to: string;
  developer: bigint;
  infra: bigint;
  stakers: bigint;
  /** Payments summed (a collaborative payment counts once per rune, as its `ServicePaid` logs do). */
  count: number;
}

/** The UTC day (`YYYY-MM-DD`) of a chain time in seconds. */
export function utcDay(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

/** The chain time (seconds) at which a UTC day (`YYYY-MM-DD`) starts. */
export function utcDayStart(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 1000;
}

/**
 * Every UTC day touched by the chain-time range `[from, to)`, oldest first, so days without payments still get
 * their (empty) place on the chart's axis.
 *
 * @example
 * daysInRange(utcDayStart("2025-03-30"), utcDayStart("2025-04-02")) // ["2025-03-30", "2025-03-31", "2025-04-01"]
 */
export function daysInRange(from: number, to: number): string[] {
  const days: string[] = [];
  if (from >= to) return days;
  for (let start = utcDayStart(utcDay(from)); start < to; start += DAY_SECONDS) days.push(utcDay(start));
  return days;
}

/** Converts one part of one day's revenue in one token into the chart's unit (token units, or USD). */
export type PartValue = (amount: bigint, token: Address) => bigint;

/**
 * One bucket per day of `days`, in that order, summing the parts of `series` rows that fall on it: rows of one
 * token when `token` is given (amounts in its units), else every token through `value` (e.g. into USD). Days
 * absent from the series (no payment) are zero buckets; rows outside `days` are ignored.
 */
export function dailyBuckets(
  series: readonly DailyRevenue[],
  days: readonly string[],
  options: { token: Address } | { value: PartValue },
): RevenueBucket[] {
  const byDay = new Map<string, RevenueBucket>(days.map((day) => [day, { from: day, to: day, developer: 0n, infra: 0n, stakers: 0n, count: 0 }]));
  const only = "token" in options ? options.token.toLowerCase() : undefined;
  const value: PartValue = "value" in options ? options.value : (amount) => amount;
  for (const row of series) {
    const bucket = byDay.get(row.day);
    if (!bucket || (only !== undefined && row.token.toLowerCase() !== only)) continue;
    bucket.developer += value(row.developerAmount, row.token);
    bucket.infra += value(row.infraAmount, row.token);
    bucket.stakers += value(row.stakersAmount, row.token);
    bucket.count += row.count;
  }
  return days.map((day) => byDay.get(day)!);
}

/**
 * Merges consecutive day buckets so a long period draws at most `maxBars` bars: whole weeks (7, 14, … days) once
 * one day per bar no longer fits. Sums stay exact; the last bucket may be shorter.
 *
 * @example
 * groupBuckets(daily365, 120).length // 53 (weeks)
 */
export function groupBuckets(buckets: readonly RevenueBucket[], maxBars: number): RevenueBucket[] {
  if (buckets.length <= maxBars) return [...buckets];
  const size = 7 * Math.ceil(buckets.length / maxBars / 7);
  const grouped: RevenueBucket[] = [];
  for (let start = 0; start < buckets.length; start += size) {
    const slice = buckets.slice(start, start + size);
    grouped.push(
      slice.reduce((sum, b) => ({
        from: sum.from,
        to: b.to,
        developer: sum.developer + b.developer,
        infra: sum.infra + b.infra,
        stakers: sum.stakers + b.stakers,
        count: sum.count + b.count,
      })),
    );
  }
  return grouped;
}

/** Total of a bucket (its three parts). */
export function bucketTotal(bucket: RevenueBucket): bigint {
  return bucket.developer + bucket.infra + bucket.stakers;
}
