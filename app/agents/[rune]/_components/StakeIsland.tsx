"use client";

import { lazy } from "react";
import type { Hex } from "viem";
import { WalletBoundary, warmWallet } from "@/components/wallet/WalletBoundary";
import type { RuneStatus } from "@/lib/agents";
import { walletDemand } from "@/lib/wallet/session";

const StakePanel = lazy(() => import("./StakePanel"));

/** Props of the stake island, as the server read them. */
export interface StakeIslandProps {
  rune: Hex;
  status: RuneStatus;
  locale: string;
}

function StakeCard({ children }: { children: React.ReactNode }) {
  return (
    <section aria-labelledby="stake-title" className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
      <h2 id="stake-title" className="text-xs font-medium uppercase tracking-wide text-stone-500">
        Stake on this agent
      </h2>
      {children}
    </section>
  );
}

/** Stake and unstake on an agent page: a connect prompt until the page has a wallet. */
export function StakeIsland(props: StakeIslandProps) {
  return (
    <WalletBoundary
      fallback={
        <StakeCard>
          <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
            Stakers earn {props.status === "Active" ? "a share of every payment to this agent, streamed over the reward window" : "nothing new while the agent is not active"}.
          </p>
          <button
            type="button"
            onClick={() => walletDemand.request(true)}
            onPointerEnter={warmWallet}
            onFocus={warmWallet}
            className="mt-3 rounded-lg bg-amber-500 px-3.5 py-1.5 text-sm font-semibold text-stone-950 hover:bg-amber-400"
          >
            Connect wallet to stake
          </button>
        </StakeCard>
      }
      loading={
        <StakeCard>
          <p className="mt-2 text-sm text-stone-500">Loading wallet…</p>
        </StakeCard>
      }
    >
      <StakeCard>
        <StakePanel {...props} />
      </StakeCard>
    </WalletBoundary>
  );
}
