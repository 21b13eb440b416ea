"use client";

import { lazy } from "react";
import type { Hex } from "viem";
import { WalletBoundary, warmWallet } from "@/components/wallet/WalletBoundary";
import type { RuneStatus, TokenInfo } from "@/lib/agents";
import { walletDemand } from "@/lib/wallet/session";

const PositionPanel = lazy(() => import("./PositionPanel"));

/** Props of the position island: the rune and its tokens, as the server read them. */
export interface PositionIslandProps {
  rune: Hex;
  tokens: TokenInfo[];
  status: RuneStatus;
  locale: string;
}

function PositionCard({ children }: { children: React.ReactNode }) {
  return (
    <section aria-labelledby="position-title" className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
      <h2 id="position-title" className="text-xs font-medium uppercase tracking-wide text-stone-500">
        Your position
      </h2>
      {children}
    </section>
  );
}

/** "Your position" on an agent page: a connect prompt until the page has a wallet, then the live position. */
export function PositionIsland(props: PositionIslandProps) {
  const prompt = (
    <PositionCard>
      <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">Connect a wallet to see your stake and pending rewards on this agent.</p>
      <button
        type="button"
        onClick={() => walletDemand.request(true)}
        onPointerEnter={warmWallet}
        onFocus={warmWallet}
        className="mt-3 rounded-lg bg-amber-500 px-3.5 py-1.5 text-sm font-semibold text-stone-950 hover:bg-amber-400"
      >
        Connect wallet
      </button>
    </PositionCard>
  );
  return (
    <WalletBoundary
      fallback={prompt}
      loading={
        <PositionCard>
          <p className="mt-2 text-sm text-stone-500">Loading wallet…</p>
        </PositionCard>
      }
    >
      <PositionCard>
        <PositionPanel {...props} />
      </PositionCard>
    </WalletBoundary>
  );
}
