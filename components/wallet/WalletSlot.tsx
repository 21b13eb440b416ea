"use client";

import { lazy } from "react";
import { walletDemand } from "@/lib/wallet/session";
import { WalletBoundary, warmWallet } from "./WalletBoundary";
import { useWalletSettings } from "./WalletSettings";

const HeaderWallet = lazy(() => import("./HeaderWallet"));

function SlotButton({ label, disabled, onClick }: { label: string; disabled?: boolean; onClick?: () => void }) {
  return (
    <button
      type="button"
      disabled={disabled}
      onClick={onClick}
      onPointerEnter={warmWallet}
      onFocus={warmWallet}
      className="rounded-lg bg-amber-500 px-3.5 py-1.5 text-sm font-semibold text-stone-950 shadow-sm hover:bg-amber-400 disabled:opacity-70"
    >
      {label}
    </button>
  );
}

/**
 * The header's wallet: a plain button until the page asks for a wallet (read pages ship without wallet code), then
 * RainbowKit's, loaded on click (warmed on hover or focus), or at once when a wallet session exists.
 */
export function WalletSlot() {
  const settings = useWalletSettings();
  if (!settings) return null;
  return (
    <WalletBoundary
      fallback={<SlotButton label="Connect wallet" onClick={() => walletDemand.request(true)} />}
      loading={<SlotButton label="Loading wallet…" disabled />}
    >
      <HeaderWallet config={settings.config} />
    </WalletBoundary>
  );
}
