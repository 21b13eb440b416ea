import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import type { TransactionReceipt } from "viem";
import { useWalletSettings } from "@/components/wallet/WalletSettings";
import type { TransactionStage } from "@/lib/transaction";
import { transactionToasts } from "@/lib/transaction-toasts";

/** Runs one transaction through `runTransaction`, given its toast callback and the console's refetch. */
export type Transaction = (onStage: (stage: TransactionStage) => void, refetch: () => Promise<unknown>) => Promise<TransactionReceipt | undefined>;

/** How a sent transaction ended. */
export type SendOutcome = { ok: true; receipt: TransactionReceipt } | { ok: false; message: string; rejectedByUser: boolean };

/** Sends a transaction under a key (the button that shows "…ing" while it runs) with a toast labelled `label`. */
export type Send = (key: string, label: string, transaction: Transaction) => Promise<SendOutcome>;

/**
 * The console's one transaction runner: one transaction at a time (every button is disabled while `busy`), a toast
 * per transaction, and every console read refetched once it is confirmed (balances, records, proposals, earnings).
 */
export function useSend(): { busy: string | undefined; send: Send } {
  const settings = useWalletSettings();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const send = useCallback<Send>(
    async (key, label, transaction) => {
      setBusy(key);
      const toast = transactionToasts.track(label, settings?.config.explorerUrl);
      let failure: Extract<TransactionStage, { status: "failed" }> | undefined;
      try {
        const receipt = await transaction(
          (stage) => {
            toast(stage);
            if (stage.status === "failed") failure = stage;
          },
          () => queryClient.invalidateQueries(),
        );
        if (receipt) return { ok: true, receipt };
        return { ok: false, message: failure?.message ?? "Something went wrong.", rejectedByUser: failure?.rejectedByUser ?? false };
      } finally {
        setBusy(undefined);
      }
    },
    [queryClient, settings?.config.explorerUrl],
  );
  return { busy, send };
}

/** The usual notice for a failed outcome: calm for a rejection in the wallet, the decoded reason otherwise. */
export function failureText(label: string, outcome: Extract<SendOutcome, { ok: false }>): { tone: "calm" | "error"; text: string } {
  return outcome.rejectedByUser
    ? { tone: "calm", text: "You rejected the request in your wallet. Nothing was sent, and nothing changed." }
    : { tone: "error", text: `${label} failed: ${outcome.message}` };
}
