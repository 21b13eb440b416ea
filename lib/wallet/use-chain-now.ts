import { useEffect, useState } from "react";
import { useBlock } from "wagmi";
import { chainNow } from "../domain/chain-time";

/** How often the latest block is re-read for the clock. */
const BLOCK_REFRESH_MS = 15_000;

/**
 * The chain's clock (seconds, bigint), ticking every second between reads of the latest block, for countdowns that
 * must agree with the contracts (not with the browser's clock). `undefined` until the first block is read. Use
 * inside a wallet island (it reads through the page's wagmi config).
 */
export function useChainNow(): bigint | undefined {
  const block = useBlock({ query: { refetchInterval: BLOCK_REFRESH_MS } });
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1_000);
    return () => window.clearInterval(timer);
  }, []);
  if (!block.data) return undefined;
  return chainNow(block.data.timestamp, block.dataUpdatedAt, now);
}
