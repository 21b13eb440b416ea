"use client";

import { useSyncExternalStore } from "react";
import { shortHex } from "@/lib/format";
import { transactionToasts } from "@/lib/transaction-toasts";

const TEXT = {
  simulating: "Checking…",
  pending: "Pending: waiting for the block…",
  confirmed: "Confirmed",
  failed: "Failed",
} as const;

/** Pending → confirmed → failed toasts for transactions run through `runTransaction`. */
export function TransactionToasts() {
  const toasts = useSyncExternalStore(transactionToasts.subscribe, transactionToasts.snapshot, transactionToasts.snapshot);
  if (toasts.length === 0) return null;
  return (
    <ol aria-live="polite" className="fixed bottom-4 right-4 z-50 flex w-80 flex-col gap-2">
      {toasts.map(({ id, label, stage, explorerUrl }) => (
        <li
          key={id}
          role="status"
          className={`rounded-lg border p-3 text-sm shadow-lg ${
            stage.status === "failed"
              ? "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
              : "border-stone-200 bg-white text-stone-900 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
          }`}
        >
          <div className="flex items-start justify-between gap-2">
            <p className="font-medium">
              {label}: {TEXT[stage.status]}
            </p>
            <button type="button" aria-label="Dismiss" onClick={() => transactionToasts.dismiss(id)} className="text-stone-500 hover:text-stone-900 dark:hover:text-white">
              ×
            </button>
          </div>
          {stage.status === "failed" && <p className="mt-1">{stage.message}</p>}
          {"hash" in stage && stage.hash && (
            <p className="mt-1 font-mono text-xs text-stone-500">
              {explorerUrl ? (
                <a href={explorerUrl} target="_blank" rel="noreferrer" className="underline">
                  {shortHex(stage.hash, 6)} ↗
                </a>
              ) : (
                shortHex(stage.hash, 6)
              )}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
