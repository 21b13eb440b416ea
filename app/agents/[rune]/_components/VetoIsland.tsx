"use client";

import { lazy } from "react";
import type { Hex } from "viem";
import { ConnectWalletButton } from "@/components/wallet/ConnectWalletButton";
import { WalletBoundary } from "@/components/wallet/WalletBoundary";

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
        <ConnectWalletButton label="Connect wallet to veto" variant="secondary" />
      }
      loading={<p className="mt-3 text-stone-500">Loading wallet…</p>}
    >
      <VetoPanel {...props} />
    </WalletBoundary>
  );
}
