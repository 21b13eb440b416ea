import { type Address, isAddress } from "viem";
import { utcDay, utcDayStart } from "./revenue-days";

const DAY_SECONDS = 86_400;

/** The periods the revenue chart offers. */
export const CHART_PERIODS = ["30d", "90d", "all"] as const;
export type ChartPeriod = (typeof CHART_PERIODS)[number];

/** Shown on the period links and in the chart's title. */
export const CHART_PERIOD_LABELS: Record<ChartPeriod, string> = { "30d": "30 d", "90d": "90 d", all: "All time" };

/** What the chart shows: a period, in one token or in USD. Kept in the URL (`period`, `unit`). */
export interface ChartParams {
  period: ChartPeriod;
  /** A token's address, `"usd"`, or undefined for the page's default. */
  unit?: Address | "usd";
}

/** URL parameter names of the chart (distinct from the payment filter's `token`, `from`, `to`, …). */
export const CHART_PARAM_NAMES = { period: "period", unit: "unit" } as const;

/** A URL search value as Next hands it to a page. */
type SearchValue = string | string[] | undefined;

function single(value: SearchValue): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The chart's parameters from the page's URL. A value the chart does not know falls back to the default (30 days,
 * the page's default unit) rather than failing the page: the chart's choice is a view setting, not a query.
 *
 * @example
 * parseChartParams({ period: "90d", unit: "usd" }) // { period: "90d", unit: "usd" }
 */
export function parseChartParams(search: Record<string, SearchValue>): ChartParams {
  const period = single(search[CHART_PARAM_NAMES.period]);
  const unit = single(search[CHART_PARAM_NAMES.unit])?.trim();
  return {
    period: (CHART_PERIODS as readonly string[]).includes(period ?? "") ? (period as ChartPeriod) : "30d",
    unit: unit === "usd" ? "usd" : unit && isAddress(unit, { strict: false }) ? (unit.toLowerCase() as Address) : undefined,
  };
}

/** The chart's parameters as URL entries, defaults left out so URLs stay short. */
export function chartParamEntries(params: ChartParams): [string, string][] {
  const entries: [string, string][] = [];
  if (params.period !== "30d") entries.push([CHART_PARAM_NAMES.period, params.period]);
  if (params.unit) entries.push([CHART_PARAM_NAMES.unit, params.unit]);
  return entries;
}

/**
 * The chain-time range `[from, to)` a period covers, in whole UTC days (the chart's bars) up to and including the
 * day of `now`: 30 or 90 days, or every day since `since` (the rune's registration) for "all".
 *
 * @example
 * periodRange("30d", now, registeredAt) // { from: start of the UTC day 29 days before now's, to: now + 1 }
 */
export function periodRange(period: ChartPeriod, now: number, since: number): { from: number; to: number } {
  const today = utcDayStart(utcDay(now));
  const from = period === "all" ? utcDayStart(utcDay(Math.min(since, now))) : today - (period === "30d" ? 29 : 89) * DAY_SECONDS;
  return { from, to: now + 1 };
}
