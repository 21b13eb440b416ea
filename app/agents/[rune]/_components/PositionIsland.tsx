"use client";

import { lazy } from "react";
import type { Hex } from "viem";
import { Panel } from "@/components/ui/Panel";
import { ConnectWalletButton } from "@/components/wallet/ConnectWalletButton";
import { WalletBoundary } from "@/components/wallet/WalletBoundary";
import type { RuneStatus, TokenInfo } from "@/lib/domain/agent";

const PositionPanel = lazy(() => import("./PositionPanel"));

/** Props of the position island: the rune and its tokens, as the server read them. */
export interface PositionIslandProps {
  rune: Hex;
  tokens: TokenInfo[];
  status: RuneStatus;
  locale: string;
}

/** "Your position" on an agent page: a connect prompt until the page has a wallet, then the live position. */
export function PositionIsland(props: PositionIslandProps) {
  const prompt = (
    <Panel title="Your position">
      <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">Connect a wallet to see your stake and pending rewards on this agent.</p>
      <ConnectWalletButton label="Connect wallet" />
    </Panel>
  );
  return (
    <WalletBoundary
      fallback={prompt}
      loading={
        <Panel title="Your position">
          <p className="mt-2 text-sm text-stone-500">Loading wallet…</p>
        </Panel>
      }
    >
      <Panel title="Your position">
        <PositionPanel {...props} />
      </Panel>
    </WalletBoundary>
  );
}
