/**
 * The demo USD prices the seed writes into the local chain's DevPriceFeeds: one answer per feed per seeded day,
 * a deterministic wander that ends exactly at today's prices (ETH 3,200.00, AURUNES 0.85, tUSD 1.00), so the
 * feeds hold a believable 90-day history and a fresh answer at the end of the seed. Data only; scripts/seed.ts
 * sends the transactions.
 */
import type { Address } from "viem";
import { zeroAddress } from "viem";
import { DEV_PRICE_FEED_DECIMALS } from "./deploy";

/** One token's price path: where it starts 90 days ago, where it ends now, how much it wanders on the way. */
interface PricePath {
  /** Dollars with 2 fraction digits (cents), at day 0. */
  startCents: bigint;
  /** Dollars in cents at the last day: what the app shows "now". */
  endCents: bigint;
  /** Largest daily deviation from the straight line, in parts per thousand. */
  wanderPerMille: number;
}

/** Today's demo prices in cents per whole token (ETH 3,200.00, AURUNES 0.85, tUSD 1.00). */
export const DEMO_PRICE_CENTS = { eth: 320_000n, aurunes: 85n, stablecoin: 100n } as const;

const PATHS = {
  eth: { startCents: 268_000n, endCents: DEMO_PRICE_CENTS.eth, wanderPerMille: 40 },
  aurunes: { startCents: 62n, endCents: DEMO_PRICE_CENTS.aurunes, wanderPerMille: 60 },
  stablecoin: { startCents: 100n, endCents: DEMO_PRICE_CENTS.stablecoin, wanderPerMille: 0 },
} as const satisfies Record<string, PricePath>;

/** A feed answer (8 decimals) from cents. */
export function centsToAnswer(cents: bigint): bigint {
  return cents * 10n ** BigInt(DEV_PRICE_FEED_DECIMALS - 2);
}

/**
 * The answer of `token`'s feed on seeded day `day` (0 … `days`), or `undefined` for a token without a demo price.
 * Day `days` is exactly {@link DEMO_PRICE_CENTS}; in between, the straight line from the start price, bent by a
 * smooth deterministic wave (no randomness shared with the rest of the seed, so payments stay as they are).
 *
 * @example
 * demoAnswer(zeroAddress, 90, 90, contracts) // 320000000000n (3,200.00 with 8 decimals)
 */
export function demoAnswer(
  token: Address,
  day: number,
  days: number,
  contracts: { aurunesToken: Address; stablecoin: Address },
): bigint | undefined {
  const path =
    token === zeroAddress
      ? PATHS.eth
      : token.toLowerCase() === contracts.aurunesToken.toLowerCase()
        ? PATHS.aurunes
        : token.toLowerCase() === contracts.stablecoin.toLowerCase()
          ? PATHS.stablecoin
          : undefined;
  if (path === undefined) return undefined;
  const progress = day / days;
  const line = Number(path.startCents) + Number(path.endCents - path.startCents) * progress;
  // Two incommensurate waves, pinned to zero at both ends.
  const wave = Math.sin(Math.PI * progress) * (0.6 * Math.sin(day * 0.9) + 0.4 * Math.sin(day * 0.23 + 1));
  const cents = day >= days ? path.endCents : BigInt(Math.max(1, Math.round(line * (1 + (wave * path.wanderPerMille) / 1000))));
  return centsToAnswer(cents);
}
