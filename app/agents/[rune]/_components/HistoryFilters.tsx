import Link from "next/link";
import type { PaymentKind } from "@/lib/data/payment-params";

/** The payment filter as the form shows it (URL values, already checked). */
export interface HistoryFilterValues {
  /** The token as the URL names it (see {@link TokenChoice}), or "" for every token. */
  token: string;
  /** First UTC day, `YYYY-MM-DD`, or "". */
  from: string;
  /** Last UTC day (inclusive), `YYYY-MM-DD`, or "". */
  to: string;
  kind: PaymentKind;
}

/** A token of the select: its URL value (symbol, or address when symbols clash) and its label. */
export interface TokenChoice {
  value: string;
  label: string;
}

const FIELD =
  "mt-1 block w-full rounded-lg border border-stone-300 bg-white px-2.5 py-1.5 text-sm text-stone-900 dark:border-stone-700 dark:bg-stone-950 dark:text-stone-100 dark:[color-scheme:dark]";
const LABEL = "text-xs font-medium text-stone-600 dark:text-stone-400";

/**
 * The payment filter: a plain GET form, so it works before (or without) any JavaScript and every filter lives in
 * the URL (shareable, kept on reload). Applying a filter starts again from the newest page; `keep` carries the
 * page's other settings (the chart's period and unit) through the submit.
 */
export function HistoryFilters({
  action,
  tokens,
  values,
  keep,
  clearHref,
}: {
  action: string;
  tokens: TokenChoice[];
  values: HistoryFilterValues;
  keep: [string, string][];
  /** The page without any payment filter (the chart's settings kept). */
  clearHref: string;
}) {
  return (
    <form action={action} method="get" className="mt-3 grid grid-cols-2 items-end gap-3 sm:grid-cols-[repeat(4,minmax(0,1fr))_auto]" aria-label="Filter payments">
      {keep.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label className={LABEL}>
        Token
        <select name="token" defaultValue={values.token} className={FIELD}>
          <option value="">All tokens</option>
          {tokens.map((token) => (
            <option key={token.value} value={token.value}>
              {token.label}
            </option>
          ))}
        </select>
      </label>
      <label className={LABEL}>
        Kind
        <select name="kind" defaultValue={values.kind} className={FIELD}>
          <option value="all">All payments</option>
          <option value="single">Single agent</option>
          <option value="collaborative">Collaborative</option>
        </select>
      </label>
      <label className={LABEL}>
        From (UTC day)
        <input type="date" name="from" defaultValue={values.from} className={FIELD} />
      </label>
      <label className={LABEL}>
        To (UTC day, included)
        <input type="date" name="to" defaultValue={values.to} className={FIELD} />
      </label>
      <div className="col-span-2 flex items-center gap-3 sm:col-span-1">
        <button type="submit" className="rounded-lg bg-amber-600 px-4 py-1.5 text-sm font-semibold text-white hover:bg-amber-500">
          Apply
        </button>
        <Link href={clearHref} className="text-sm text-stone-600 hover:underline dark:text-stone-400">
          Clear
        </Link>
      </div>
    </form>
  );
}
