"use client";

import { useSyncExternalStore } from "react";
import { connectProblem } from "@/lib/connect-timeout";

/** Above RainbowKit's dialog (z-index 2147483646), so the reason shows next to its Retry button. */
const ABOVE_DIALOG = { zIndex: 2147483647 } as const;

/** Why the last connection attempt failed (today: the wallet never answered), with a way to dismiss it. */
export function ConnectProblem() {
  const message = useSyncExternalStore(connectProblem.subscribe, connectProblem.snapshot, connectProblem.snapshot);
  if (!message) return null;
  return (
    <div
      role="alert"
      style={ABOVE_DIALOG}
      className="fixed inset-x-3 top-3 mx-auto flex max-w-md items-start gap-3 rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 shadow-lg dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <p className="flex-1">
        <span className="font-semibold">No answer from the wallet.</span> {message}
      </p>
      <button
        type="button"
        aria-label="Dismiss"
        onClick={() => connectProblem.report(undefined)}
        className="text-red-700 hover:text-red-950 dark:text-red-300 dark:hover:text-white"
      >
        ×
      </button>
    </div>
  );
}
