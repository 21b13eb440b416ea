"use client";

import Link from "next/link";
import { lazy } from "react";
import { WalletBoundary, warmWallet } from "@/components/wallet/WalletBoundary";
import { useWalletSettings } from "@/components/wallet/WalletSettings";
import type { TokenInfo } from "@/lib/domain/agent";
import { walletDemand } from "@/lib/wallet/session";

const DeveloperConsole = lazy(() => import("./DeveloperConsole"));

/** Props of the developer island: the distributor's tokens and the reader's locale, as the server read them. */
export interface DeveloperIslandProps {
  tokens: TokenInfo[];
  locale: string;
}

/** Shown until the page has a wallet: what the console does once connected, and the button. */
export function DeveloperConnectPrompt({ onConnect }: { onConnect?: () => void }) {
  const local = useWalletSettings()?.config.isLocal ?? false;
  return (
    <div className="rounded-xl border border-stone-200 bg-white p-6 dark:border-stone-800 dark:bg-stone-900" data-testid="developer-connect">
      <h2 className="text-lg font-semibold">Connect the wallet that owns your agents</h2>
      <p className="mt-2 max-w-2xl text-sm text-stone-600 dark:text-stone-400">
        The agents your account registered, their earnings, your developer and infra balances and the registration form
        appear here once a wallet is connected.
        {local && " On this local chain, pick the dev account “#1 developer” to see the seeded agents: no browser extension is needed."}{" "}
        Or{" "}
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

/** The developer console: a connect prompt until the page has a wallet, then the account's console. */
export function DeveloperIsland(props: DeveloperIslandProps) {
  return (
    <WalletBoundary fallback={<DeveloperConnectPrompt />} loading={<p className="text-sm text-stone-500">Loading wallet…</p>}>
      <DeveloperConsole {...props} />
    </WalletBoundary>
  );
}
