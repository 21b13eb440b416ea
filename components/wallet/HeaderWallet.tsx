"use client";

import { ConnectButton, useConnectModal } from "@rainbow-me/rainbowkit";
import { useEffect, useRef } from "react";
import { useAccount, useSwitchChain } from "wagmi";
import type { PublicConfig } from "@/lib/config/public";
import { connectProblem } from "@/lib/connect-timeout";
import { WALLET_SESSION_KEY, walletDemand } from "@/lib/wallet/session";
import { ConnectProblem } from "./ConnectProblem";
import { TransactionToasts } from "./TransactionToasts";

/** The header's wallet island: the connect button, the wrong-network prompt, transaction toasts, connection problems. */
export default function HeaderWallet({ config }: { config: PublicConfig }) {
  return (
    <>
      <WalletControls config={config} />
      <TransactionToasts />
      <ConnectProblem />
    </>
  );
}

function WalletControls({ config }: { config: PublicConfig }) {
  const { isConnected, chainId, status } = useAccount();
  const { openConnectModal: open, connectModalOpen } = useConnectModal();
  const opened = useRef(false);

  // A connection problem belongs to the dialog: gone once connected or once the dialog is closed.
  useEffect(() => {
    if (isConnected || !connectModalOpen) connectProblem.report(undefined);
  }, [isConnected, connectModalOpen]);

  // Connect was clicked before the wallet code had loaded: open the dialog now, once.
  useEffect(() => {
    if (!opened.current && open && status === "disconnected") {
      opened.current = true;
      if (walletDemand.takeOpenModal()) open();
    }
  }, [open, status]);

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
