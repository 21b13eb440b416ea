"use client";

import "@rainbow-me/rainbowkit/styles.css";
import { RainbowKitProvider, darkTheme, lightTheme } from "@rainbow-me/rainbowkit";
import { QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { WagmiProvider } from "wagmi";
import { getWalletState } from "@/lib/wallet/config";
import type { WalletSettingsValue } from "./WalletSettings";

/** Follows the `dark` class the theme toggle sets on <html>. */
function useDarkMode(): boolean {
  const [dark, setDark] = useState(() => document.documentElement.classList.contains("dark"));
  useEffect(() => {
    const observer = new MutationObserver(() => setDark(document.documentElement.classList.contains("dark")));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
    return () => observer.disconnect();
  }, []);
  return dark;
}

const ACCENT = { accentColor: "#f59e0b", accentColorForeground: "#1c1917", borderRadius: "medium" } as const;

/**
 * The wallet providers of one island, over the page's single wagmi config and query client (loaded on demand,
 * with the wallet code, by `WalletBoundary`).
 */
export default function WalletProviders({ settings, children }: { settings: WalletSettingsValue; children: ReactNode }) {
  const { wagmiConfig, queryClient } = getWalletState(settings.config, settings.devAccounts);
  const dark = useDarkMode();
  return (
    <WagmiProvider config={wagmiConfig} reconnectOnMount>
      <QueryClientProvider client={queryClient}>
        <RainbowKitProvider theme={dark ? darkTheme(ACCENT) : lightTheme(ACCENT)} modalSize="compact">
          {children}
        </RainbowKitProvider>
      </QueryClientProvider>
    </WagmiProvider>
  );
}
