"use client";

import { type ReactNode, createContext, useContext } from "react";
import type { PublicConfig } from "@/lib/config/public";
import type { DevAccount } from "@/lib/dev-wallet";

/** What every wallet island needs from the server: the browser's view of the configuration and the dev accounts. */
export interface WalletSettingsValue {
  config: PublicConfig;
  devAccounts: DevAccount[];
}

const WalletSettingsContext = createContext<WalletSettingsValue | undefined>(undefined);

/** Set once by the root layout; absent when the configuration is invalid (pages then show why). */
export function WalletSettings({ value, children }: { value: WalletSettingsValue | undefined; children: ReactNode }) {
  return <WalletSettingsContext value={value}>{children}</WalletSettingsContext>;
}

/** The wallet settings of the page, or `undefined` when the app has no valid configuration. */
export function useWalletSettings(): WalletSettingsValue | undefined {
  return useContext(WalletSettingsContext);
}
