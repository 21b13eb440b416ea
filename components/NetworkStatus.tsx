"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/** What the last probe of the RPC found. */
export type NetworkState = "checking" | "reachable" | "unreachable" | "wrong-chain";

/** Re-probe period while the page is visible; a dead node shows within this. */
const PROBE_EVERY_MS = 15_000;
/** A node that has not answered `eth_chainId` in this long counts as down. */
const PROBE_TIMEOUT_MS = 5_000;

const DOT: Record<NetworkState, string> = {
  checking: "bg-stone-400 animate-pulse",
  reachable: "bg-emerald-500",
  unreachable: "bg-red-500",
  "wrong-chain": "bg-amber-500",
};

const WORD: Record<NetworkState, string> = {
  checking: "checking…",
  reachable: "reachable",
  unreachable: "unreachable",
  "wrong-chain": "wrong chain",
};

/**
 * Asks the node for its chain id with a plain `fetch` (no viem or wagmi: this sits in every page's first load).
 * Resolves to the state the dot shows; never throws.
 */
async function probe(rpcUrl: string, chainId: number): Promise<NetworkState> {
  try {
    const response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
      cache: "no-store",
    });
    if (!response.ok) return "unreachable";
    const body = (await response.json()) as { result?: unknown };
    if (typeof body.result !== "string" || !/^0x[0-9a-fA-F]+$/.test(body.result)) return "unreachable";
    return Number.parseInt(body.result, 16) === chainId ? "reachable" : "wrong-chain";
  } catch {
    return "unreachable";
  }
}

/**
 * The network pill in the header: green only while the chain's RPC answers with the expected chain id. Probes on
 * load, every 15 s while the tab is visible, when the browser comes back online, and on click.
 */
export function NetworkStatus({ rpcUrl, chainId, chainName }: { rpcUrl: string; chainId: number; chainName: string }) {
  const [state, setState] = useState<NetworkState>("checking");
  const latest = useRef(0);

  const check = useCallback(async () => {
    // Only the newest probe may set the state: a slow, older answer must not overwrite a newer one.
    const id = ++latest.current;
    const next = await probe(rpcUrl, chainId);
    if (id === latest.current) setState(next);
  }, [rpcUrl, chainId]);

  useEffect(() => {
    void check();
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") void check();
    }, PROBE_EVERY_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") void check();
    };
    const onOnline = () => void check();
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("online", onOnline);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("online", onOnline);
    };
  }, [check]);

  const problem = state === "unreachable" || state === "wrong-chain";
  return (
    <button
      type="button"
      onClick={() => void check()}
      aria-label={`Network ${chainName}: ${WORD[state]}. Check again`}
      title={`${chainName} (chain id ${chainId}): RPC ${WORD[state]}. Click to check again.`}
      data-testid="network-indicator"
      data-state={state}
      className={`flex items-center gap-1.5 rounded-full border px-2.5 py-1 text-xs ${
        problem
          ? "border-red-300 text-red-700 dark:border-red-800 dark:text-red-300"
          : "border-stone-300 text-stone-600 dark:border-stone-700 dark:text-stone-300"
      } hover:bg-stone-100 dark:hover:bg-stone-900`}
    >
      <span className={`h-2 w-2 shrink-0 rounded-full ${DOT[state]}`} aria-hidden="true" />
      <span className="hidden sm:inline">{chainName}</span>
      {problem && <span className="hidden sm:inline">· {WORD[state]}</span>}
    </button>
  );
}
