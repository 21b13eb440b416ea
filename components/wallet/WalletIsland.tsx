"use client";

import "@rainbow-me/rainbowkit/styles.css";
import { ConnectButton, RainbowKitProvider, darkTheme, lightTheme, useConnectModal } from "@rainbow-me/rainbowkit";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { WagmiProvider, useAccount, useSwitchChain } from "wagmi";
import type { PublicConfig } from "@/lib/config/public";
import { connectProblem } from "@/lib/connect-timeout";
import type { DevAccount } from "@/lib/dev-wallet";
import { createWagmiConfig } from "@/lib/wagmi-config";
import { WALLET_SESSION_KEY } from "@/lib/wallet-session";
import { ConnectProblem } from "./ConnectProblem";
import { TransactionToasts } from "./TransactionToasts";

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

/** The wallet island: providers plus the connect button and the wrong-network prompt. */
export default function WalletIsland({
  config,
  devAccounts,
  openConnectModal,
}: {
  config: PublicConfig;
  devAccounts: DevAccount[];
  openConnectModal: boolean;
}) {
  const [wagmiConfig] = useState(() => createWagmiConfig(config, devAccounts));
  const [queryClient] = useState(() => new QueryClient());
  const dark = useDarkMode();
  const accent = { accentColor: "#f59e0b", accentColorForeground: "#1c1917", borderRadius: "medium" } as const;
  return (
    <WagmiProvider config={wagmiConfig}>
      <QueryClientProvider client={queryClient}>
        <RainbowKitProvider theme={dark ? darkTheme(accent) : lightTheme(accent)} modalSize="compact">
          <WalletControls config={config} openConnectModal={openConnectModal} />
          <TransactionToasts />
          <ConnectProblem />
        </RainbowKitProvider>
      </QueryClientProvider>
    </WagmiProvider>
  );
}

function WalletControls({ config, openConnectModal }: { config: PublicConfig; openConnectModal: boolean }) {
  const { isConnected, chainId, status } = useAccount();
  const { openConnectModal: open, connectModalOpen } = useConnectModal();
  const opened = useRef(false);

  // A connection problem belongs to the dialog: gone once connected or once the dialog is closed.
  useEffect(() => {
    if (isConnected || !connectModalOpen) connectProblem.report(undefined);
  }, [isConnected, connectModalOpen]);

  useEffect(() => {
    if (openConnectModal && !opened.current && open && status === "disconnected") {
      opened.current = true;
      open();
    }
  }, [openConnectModal, open, status]);

  useEffect(() => {
    try {
      if (isConnected) localStorage.setItem(WALLET_SESSION_KEY, "1");
      else if (status === "disconnected") localStorage.removeItem(WALLET_SESSION_KEY);
    } catch {
      // no storage: the session is not remembered
    }
  }, [isConnected, status]);

  return (
    <>
      <ConnectButton showBalance={false} chainStatus="none" accountStatus="address" />
      {isConnected && chainId !== config.chainId && <WrongNetworkPrompt config={config} walletChainId={chainId} />}
    </>
  );
}

function WrongNetworkPrompt({ config, walletChainId }: { config: PublicConfig; walletChainId: number | undefined }) {
  const { switchChain, isPending, error } = useSwitchChain();
  return (
    <div
      role="alert"
      className="fixed inset-x-0 top-0 z-50 flex flex-wrap items-center justify-center gap-3 bg-red-600 px-4 py-2 text-sm text-white shadow"
    >
      <span>
        Wrong network: your wallet is on chain {walletChainId ?? "unknown"}; Aurorune runs on {config.chainName} (
        {config.chainId}).
      </span>
      <button
        type="button"
        disabled={isPending}
        onClick={() => switchChain({ chainId: config.chainId })}
        className="rounded-md bg-white px-3 py-1 font-semibold text-red-700 hover:bg-red-50 disabled:opacity-70"
      >
        {isPending ? "Switching…" : `Switch to ${config.chainName}`}
      </button>
      {error && <span className="w-full text-center text-xs">{error.message.split("\n")[0]}</span>}
    </div>
  );
}
