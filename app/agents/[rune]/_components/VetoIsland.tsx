"use client";

import { lazy } from "react";
import type { Hex } from "viem";
import { WalletBoundary, warmWallet } from "@/components/wallet/WalletBoundary";
import { walletDemand } from "@/lib/wallet/session";

const VetoPanel = lazy(() => import("./VetoPanel"));

/** Props of the veto island. */
export interface VetoIslandProps {
  rune: Hex;
  proposalId: bigint;
  expiresAt: bigint;
  locale: string;
}

/** Veto for eligible stakers, with the reason when not eligible; a connect prompt until the page has a wallet. */
export function VetoIsland(props: VetoIslandProps) {
  return (
    <WalletBoundary
      fallback={
        <button
          type="button"
          onClick={() => walletDemand.request(true)}
          onPointerEnter={warmWallet}
          onFocus={warmWallet}
          className="mt-3 rounded-lg border border-stone-300 px-3.5 py-1.5 font-semibold dark:border-stone-700"
        >
          Connect wallet to veto
        </button>
      }
      loading={<p className="mt-3 text-stone-500">Loading wallet…</p>}
    >
      <VetoPanel {...props} />
    </WalletBoundary>
  );
}
