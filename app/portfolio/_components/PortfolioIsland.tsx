"use client";

import Link from "next/link";
import { lazy } from "react";
import { WalletBoundary, warmWallet } from "@/components/wallet/WalletBoundary";
import { useWalletSettings } from "@/components/wallet/WalletSettings";
import type { TokenInfo } from "@/lib/domain/agent";
import { walletDemand } from "@/lib/wallet/session";

const PortfolioPanel = lazy(() => import("./PortfolioPanel"));

/** Props of the portfolio island: the distributor's tokens and the reader's locale, as the server read them. */
export interface PortfolioIslandProps {
  tokens: TokenInfo[];
  locale: string;
}

/** Shown until the page has a wallet: what connecting gives, and the button. */
export function ConnectPrompt({ onConnect }: { onConnect?: () => void }) {
  const local = useWalletSettings()?.config.isLocal ?? false;
  return (
    <div className="rounded-xl border border-stone-200 bg-white p-6 dark:border-stone-800 dark:bg-stone-900">
      <h2 className="text-lg font-semibold">Connect a wallet to see your portfolio</h2>
      <p className="mt-2 max-w-2xl text-sm text-stone-600 dark:text-stone-400">
        Your stakes across agents, unbonding countdowns and pending rewards appear here once a wallet is connected.
        {local && " On this local chain, pick one of the dev accounts: no browser extension is needed."} Or{" "}
        <Link href="/" className="font-medium text-amber-700 underline dark:text-amber-400">
          browse the agents
        </Link>{" "}
        first.
      </p>
      <button
        type="button"
        onClick={onConnect ?? (() => walletDemand.request(true))}
        onPointerEnter={warmWallet}
        onFocus={warmWallet}
        className="mt-4 rounded-lg bg-amber-500 px-3.5 py-1.5 text-sm font-semibold text-stone-950 hover:bg-amber-400"
      >
        Connect wallet
      </button>
    </div>
  );
}

/** The portfolio: a connect prompt until the page has a wallet, then the account's live portfolio. */
export function PortfolioIsland(props: PortfolioIslandProps) {
  return (
    <WalletBoundary
      fallback={<ConnectPrompt />}
      loading={<p className="text-sm text-stone-500">Loading wallet…</p>}
    >
      <PortfolioPanel {...props} />
    </WalletBoundary>
  );
}
