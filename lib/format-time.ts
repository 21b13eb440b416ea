/**
 * Chain times and UTC days in the reader's locale. Always in UTC, and said so: the page is rendered on the server,
 * which does not know the reader's time zone, and the chart's days, the date filter and the CSV all count UTC days.
 */

/**
 * A chain time (seconds) as date and time in UTC, e.g. "Mar 3, 2025, 2:05 PM UTC" (en-US), "03.03.2025, 14:05 UTC"
 * (de-DE). `zone: false` leaves " UTC" out, for a column whose header says it.
 *
 * @example
 * formatUtcDateTime(1_741_010_700, "en-GB") // "3 Mar 2025, 14:05 UTC"
 */
export function formatUtcDateTime(seconds: number, locale: string, options: { zone?: boolean } = {}): string {
  const text = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(seconds * 1000);
  return options.zone === false ? text : `${text} UTC`;
}

/**
 * A UTC day (`YYYY-MM-DD`) in the reader's locale: `"short"` without the year for axis labels ("Mar 3"),
 * `"long"` with it ("Mar 3, 2025").
 */
export function formatUtcDay(day: string, locale: string, style: "short" | "long"): string {
  const options: Intl.DateTimeFormatOptions =
    style === "short" ? { month: "short", day: "numeric", timeZone: "UTC" } : { dateStyle: "medium", timeZone: "UTC" };
  return new Intl.DateTimeFormat(locale, options).format(Date.parse(`${day}T00:00:00Z`));
}

/** A span of UTC days, e.g. "Mar 3 – Mar 9, 2025"; a single day when both ends are the same. */
export function formatUtcDayRange(from: string, to: string, locale: string): string {
  if (from === to) return formatUtcDay(from, locale, "long");
  const format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  return format.formatRange(Date.parse(`${from}T00:00:00Z`), Date.parse(`${to}T00:00:00Z`));
}
