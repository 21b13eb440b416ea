import { useEffect, useRef, useState } from "react";
import { useBlock } from "wagmi";
import { chainNow } from "../domain/chain-time";

/** How often the latest block is re-read for the clock. */
const BLOCK_REFRESH_MS = 15_000;

/** The chain's clock as a component sees it. */
export interface ChainClock {
  /** Chain time now (seconds), ticking every second between reads of the latest block. */
  now: bigint;
  /** The latest block's timestamp: the time at which `eth_call` reads (e.g. pending rewards) were taken. */
  latestBlockTime: bigint;
}

/**
 * The chain's clock, for countdowns and ticking figures that must agree with the contracts (not with the browser's
 * clock, which may be skewed, and which knows nothing of time travel). Each new block is timed against this
 * machine's clock when it is first seen; re-reading the same block changes nothing. `undefined` until the first
 * block is read. Use inside a wallet island (it reads through the page's wagmi config).
 */
export function useChainClock(): ChainClock | undefined {
  const block = useBlock({ query: { refetchInterval: BLOCK_REFRESH_MS } });
  const firstSeen = useRef<{ number: bigint; atMs: number }>(undefined);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1_000);
    return () => window.clearInterval(timer);
  }, []);
  if (!block.data) return undefined;
  if (firstSeen.current?.number !== block.data.number) {
    firstSeen.current = { number: block.data.number, atMs: block.dataUpdatedAt };
  }
  return { now: chainNow(block.data.timestamp, firstSeen.current.atMs, now), latestBlockTime: block.data.timestamp };
}

/** The chain's time now (seconds), or `undefined` until the first block is read. See {@link useChainClock}. */
export function useChainNow(): bigint | undefined {
  return useChainClock()?.now;
}
