"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { type RpcReachability, probeRpc } from "@/lib/rpc-probe";

/** What the dot shows: the last probe's finding, or that the first one is still under way. */
type NetworkState = "checking" | RpcReachability;

/** Re-probe period while the page is visible; a dead node shows within this. */
const PROBE_EVERY_MS = 15_000;

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
 * The network pill in the header: green only while the chain's RPC answers with the expected chain id. Probes on
 * load, every 15 s while the tab is visible, when the browser comes back online, and on click.
 */
export function NetworkStatus({ rpcUrl, chainId, chainName }: { rpcUrl: string; chainId: number; chainName: string }) {
  const [state, setState] = useState<NetworkState>("checking");
  const latest = useRef(0);

  const check = useCallback(async () => {
    // Only the newest probe may set the state: a slow, older answer must not overwrite a newer one.
    const id = ++latest.current;
    const next = await probeRpc(rpcUrl, chainId);
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
