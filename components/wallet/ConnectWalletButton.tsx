"use client";

import { walletDemand } from "@/lib/wallet/session";
import { warmWallet } from "./WalletBoundary";

const STYLES = {
  primary: "bg-amber-500 text-stone-950 hover:bg-amber-400",
  secondary: "border border-stone-300 dark:border-stone-700",
} as const;

/**
 * "Connect wallet" in a page's body, before the wallet code has loaded: asks for the page's wallet (every island
 * loads together) and opens the connect dialog; starts the download on hover or focus.
 */
export function ConnectWalletButton({ label, variant = "primary" }: { label: string; variant?: keyof typeof STYLES }) {
  return (
    <button
      type="button"
      onClick={() => walletDemand.request(true)}
      onPointerEnter={warmWallet}
      onFocus={warmWallet}
      className={`mt-3 rounded-lg px-3.5 py-1.5 text-sm font-semibold ${STYLES[variant]}`}
    >
      {label}
    </button>
  );
}
