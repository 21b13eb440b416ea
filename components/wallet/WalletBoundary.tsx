"use client";

import { type ReactNode, Suspense, lazy, useEffect, useSyncExternalStore } from "react";
import { walletDemand } from "@/lib/wallet/session";
import { useWalletSettings } from "./WalletSettings";

const loadProviders = () => import("./WalletProviders");
const WalletProviders = lazy(loadProviders);

/** Starts downloading the wallet code (on hover or focus of a control that will need it). */
export const warmWallet = (): void => void loadProviders();

/**
 * The one boundary every wallet island sits in. Until the page asks for a wallet (or an earlier visit left a
 * session), it shows `fallback` and ships no wallet code; then it loads the providers over the page's single
 * wagmi config and query client, so every island sees the same account, reads and refetches. The island's own
 * component must be loaded lazily too (`lazy(() => import(...))`), so its wallet imports stay out of the first
 * load; `loading` shows meanwhile.
 */
export function WalletBoundary({ fallback, loading, children }: { fallback: ReactNode; loading?: ReactNode; children: ReactNode }) {
  const settings = useWalletSettings();
  const requested = useSyncExternalStore(walletDemand.subscribe, walletDemand.snapshot, walletDemand.serverSnapshot);
  useEffect(() => walletDemand.restoreSession(), []);
  if (!settings || !requested) return <>{fallback}</>;
  return (
    <Suspense fallback={loading ?? fallback}>
      <WalletProviders settings={settings}>{children}</WalletProviders>
    </Suspense>
  );
}
