"use client";

import { useConnectModal } from "@rainbow-me/rainbowkit";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { zeroAddress } from "viem";
import { useAccount, useConfig, useReadContract } from "wagmi";
import { revenueDistributorAbi, runeRegistryAbi } from "@/contracts-abi/generated";
import { useWalletSettings } from "@/components/wallet/WalletSettings";
import { formatFixed } from "@/lib/format";
import { runTransaction } from "@/lib/transaction";
import { transactionToasts } from "@/lib/transaction-toasts";
import { useChainNow } from "@/lib/wallet/use-chain-now";
import type { VetoIslandProps } from "./VetoIsland";

/** Whether the connected account can veto the open proposal, and the Veto button or the reason it cannot. */
export default function VetoPanel({ rune, proposalId, expiresAt, locale }: VetoIslandProps) {
  const settings = useWalletSettings();
  const config = useConfig();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { address, isConnected } = useAccount();
  const { openConnectModal } = useConnectModal();
  const now = useChainNow();
  const [busy, setBusy] = useState(false);
  const contracts = settings?.config.contracts;
  const distributor = { address: contracts?.revenueDistributor ?? zeroAddress, abi: revenueDistributorAbi } as const;
  const account = address ?? zeroAddress;
  const enabled = { enabled: isConnected && address !== undefined };
  const weight = useReadContract({ ...distributor, functionName: "vetoWeightOf", args: [rune, account], query: enabled });
  const position = useReadContract({ ...distributor, functionName: "positionOf", args: [rune, account], query: enabled });
  const owner = useReadContract({ address: contracts?.runeRegistry ?? zeroAddress, abi: runeRegistryAbi, functionName: "ownerOf", args: [BigInt(rune)] });

  if (!isConnected || !address) {
    return (
      <button type="button" onClick={openConnectModal} className="mt-3 rounded-lg border border-stone-300 px-3.5 py-1.5 font-semibold dark:border-stone-700">
        Connect wallet to veto
      </button>
    );
  }
  if (!weight.data || !position.data || !owner.data) return <p className="mt-3 text-stone-500">Reading your veto weight…</p>;

  const [openId, myWeight] = weight.data;
  const aurunes = (value: bigint) => formatFixed(value, 18, { locale, fractionDigits: 2, symbol: "AURUNES" });
  let reason: string | undefined;
  if (owner.data.toLowerCase() === address.toLowerCase()) reason = "You own this agent: the owner's stake neither vetoes nor counts in the base.";
  else if (position.data.vetoedProposalId === proposalId) reason = `You vetoed this proposal with ${aurunes(myWeight)}.`;
  else if (openId !== proposalId || (now !== undefined && now >= expiresAt)) reason = "This proposal is no longer open.";
  else if (myWeight === 0n) {
    reason = "Only stake held when the proposal was made can veto it, and you held none then: stake added later does not count.";
  }

  async function veto() {
    setBusy(true);
    try {
      await runTransaction({
        config,
        request: { ...distributor, functionName: "vetoSplitProposal", args: [rune], account: address },
        onStage: transactionToasts.track("Veto the split change", settings?.config.explorerUrl),
      });
    } finally {
      setBusy(false);
      await queryClient.invalidateQueries();
      router.refresh(); // the server-rendered tally
    }
  }

  if (reason) return <p className="mt-3 text-stone-700 dark:text-stone-300" data-testid="veto-status">{reason}</p>;
  return (
    <div className="mt-3">
      <button
        type="button"
        disabled={busy}
        onClick={() => void veto()}
        className="rounded-lg bg-red-600 px-3.5 py-1.5 font-semibold text-white hover:bg-red-500 disabled:opacity-60"
      >
        {busy ? "Vetoing…" : "Veto"}
      </button>
      <span className="ml-2 text-stone-600 dark:text-stone-400">with the {aurunes(myWeight)} you held when it was proposed</span>
    </div>
  );
}
