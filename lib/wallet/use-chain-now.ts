import { useEffect, useRef, useState } from "react";
import { useBlock } from "wagmi";
import { chainNow } from "../domain/chain-time";

/** How often the latest block is re-read for the clock. */
const BLOCK_REFRESH_MS = 15_000;

/**
 * The chain's clock (seconds, bigint), ticking every second between reads of the latest block, for countdowns that
 * must agree with the contracts (not with the browser's clock). `undefined` until the first block is read. Use
 * inside a wallet island (it reads through the page's wagmi config).
 *
 * The clock counts from when a block was first seen, not from its latest re-read: on a chain that mines only on
 * demand (a local node), re-reading the same block must not set the clock back.
 */
export function useChainNow(): bigint | undefined {
  const block = useBlock({ query: { refetchInterval: BLOCK_REFRESH_MS } });
  const anchor = useRef<{ number: bigint; timestamp: bigint; seenAt: number } | undefined>(undefined);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1_000);
    return () => window.clearInterval(timer);
  }, []);
  if (!block.data) return undefined;
  if (anchor.current?.number !== block.data.number) {
    anchor.current = { number: block.data.number, timestamp: block.data.timestamp, seenAt: block.dataUpdatedAt };
  }
  return chainNow(anchor.current.timestamp, anchor.current.seenAt, now);
}
