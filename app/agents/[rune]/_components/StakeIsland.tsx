"use client";

import { lazy } from "react";
import type { Hex } from "viem";
import { Panel } from "@/components/ui/Panel";
import { ConnectWalletButton } from "@/components/wallet/ConnectWalletButton";
import { WalletBoundary } from "@/components/wallet/WalletBoundary";
import type { RuneStatus } from "@/lib/domain/agent";

const StakePanel = lazy(() => import("./StakePanel"));

/** Props of the stake island, as the server read them. */
export interface StakeIslandProps {
  rune: Hex;
  status: RuneStatus;
  locale: string;
}

/** Stake and unstake on an agent page: a connect prompt until the page has a wallet. */
export function StakeIsland(props: StakeIslandProps) {
  return (
    <WalletBoundary
      fallback={
        <Panel title="Stake on this agent">
          <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
            Stakers earn {props.status === "Active" ? "a share of every payment to this agent, streamed over the reward window" : "nothing new while the agent is not active"}.
          </p>
          <ConnectWalletButton label="Connect wallet to stake" />
        </Panel>
      }
      loading={
        <Panel title="Stake on this agent">
          <p className="mt-2 text-sm text-stone-500">Loading wallet…</p>
        </Panel>
      }
    >
      <Panel title="Stake on this agent">
        <StakePanel {...props} />
      </Panel>
    </WalletBoundary>
  );
}
