"use client";

import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import type { PublicConfig } from "@/lib/config/public";
import type { DevAccount } from "@/lib/dev-wallet";
import { WALLET_SESSION_KEY } from "@/lib/wallet-session";

const loadIsland = () => import("./WalletIsland");
const WalletIsland = dynamic(loadIsland, {
  ssr: false,
  loading: () => <SlotButton label="Loading wallet…" disabled />,
});

function SlotButton({ label, disabled, onClick, onWarm }: { label: string; disabled?: boolean; onClick?: () => void; onWarm?: () => void }) {
  return (
    <button
      type="button"
      disabled={disabled}
      onClick={onClick}
      onPointerEnter={onWarm}
      onFocus={onWarm}
      className="rounded-lg bg-amber-500 px-3.5 py-1.5 text-sm font-semibold text-stone-950 shadow-sm hover:bg-amber-400 disabled:opacity-70"
    >
      {label}
    </button>
  );
}

/**
 * Placeholder for the wallet: read pages ship without wallet code. The wallet island (wagmi, RainbowKit,
 * TanStack Query) loads on click (warmed on hover or focus), or at once when a wallet session exists.
 */
export function WalletSlot({ config, devAccounts }: { config: PublicConfig; devAccounts: DevAccount[] }) {
  const [state, setState] = useState<"idle" | "restore" | "connect">("idle");
  useEffect(() => {
    try {
      if (localStorage.getItem(WALLET_SESSION_KEY)) setState("restore");
    } catch {
      // no storage: start disconnected
    }
  }, []);
  if (state !== "idle") {
    return <WalletIsland config={config} devAccounts={devAccounts} openConnectModal={state === "connect"} />;
  }
  return <SlotButton label="Connect wallet" onClick={() => setState("connect")} onWarm={() => void loadIsland()} />;
}
