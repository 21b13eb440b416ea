/** A (rune, token) reward stream as the distributor reports it (`streamOf`), plus what the app needs around it. */
export interface StreamSnapshot {
  /** Stakers money not yet released, in token units. */
  remaining: bigint;
  /** Chain time (seconds) of the stream's last update. */
  lastUpdate: bigint;
  /** Chain time (seconds) when what remains is fully released. */
  finish: bigint;
}

/**
 * What an account receives from a stream over `[from, to]` (chain seconds) at its current share of the rune's
 * active stake, rounded down. The stream releases `remaining` linearly from `lastUpdate` to `finish`; nothing
 * is released past `finish`. Used to tick pending rewards between reads (each read is exact) and for "per day".
 *
 * @example
 * // 700 units left over 7 days, a quarter of the stake: 25 units per day.
 * accruedBetween({ remaining: 700n, lastUpdate: 0n, finish: 604_800n }, 1n, 4n, 0n, 86_400n) // 25n
 */
export function accruedBetween(stream: StreamSnapshot, accountActive: bigint, runeActive: bigint, from: bigint, to: bigint): bigint {
  if (runeActive === 0n || accountActive === 0n || stream.remaining === 0n) return 0n;
  const start = from > stream.lastUpdate ? from : stream.lastUpdate;
  const end = to < stream.finish ? to : stream.finish;
  if (end <= start || stream.finish <= stream.lastUpdate) return 0n;
  const released = (stream.remaining * (end - start)) / (stream.finish - stream.lastUpdate);
  return (released * accountActive) / runeActive;
}
