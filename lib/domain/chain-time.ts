/**
 * The chain's clock now, from the latest block's timestamp and how long ago (on this machine's clock) that block
 * was read: only the local *elapsed* time is used, so a skewed machine clock or time travel on the chain does not
 * matter. Countdowns (unbonding, proposals) count in this time, as the contracts do.
 *
 * @example
 * chainNow(1_700_000_000n, 10_000, 12_500) // 1_700_000_002n
 */
export function chainNow(blockTimestamp: bigint, readAtMs: number, nowMs: number): bigint {
  const elapsed = Math.max(0, Math.floor((nowMs - readAtMs) / 1000));
  return blockTimestamp + BigInt(elapsed);
}

/**
 * A duration in chain seconds as a short countdown: "2 d 3 h", "3 h 4 min", "4 min 5 s", "5 s"; "now" at or past zero.
 *
 * @example
 * formatCountdown(93_784n) // "1 d 2 h"
 */
export function formatCountdown(seconds: bigint): string {
  if (seconds <= 0n) return "now";
  const d = seconds / 86_400n;
  const h = (seconds % 86_400n) / 3_600n;
  const m = (seconds % 3_600n) / 60n;
  const s = seconds % 60n;
  if (d > 0n) return `${d} d ${h} h`;
  if (h > 0n) return `${h} h ${m} min`;
  if (m > 0n) return `${m} min ${s} s`;
  return `${s} s`;
}

/** Largest time a JavaScript `Date` can hold, in seconds. */
const MAX_DATE_SECONDS = 8_640_000_000_000n;

/**
 * A chain timestamp (unix seconds) as an ISO-8601 UTC time without milliseconds, or `unix <n>` past what a date
 * can hold (a "never expires" deadline of 2^64 - 1).
 *
 * @example
 * formatChainTime(1_900_000_000n) // "2030-03-17T17:46:40Z"
 */
export function formatChainTime(seconds: bigint): string {
  if (seconds < 0n || seconds > MAX_DATE_SECONDS) return `unix ${seconds}`;
  return new Date(Number(seconds) * 1000).toISOString().replace(".000Z", "Z");
}
