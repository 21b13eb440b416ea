import type { Hash } from "viem";
import type { TransactionStage } from "./transaction";

/** One transaction toast as shown: its label, latest stage and an explorer link once there is a hash. */
export interface TransactionToast {
  id: number;
  label: string;
  stage: TransactionStage;
  explorerUrl?: string;
}

type Listener = (toasts: readonly TransactionToast[]) => void;

/**
 * The list of transaction toasts, outside React so {@link runTransaction}'s `onStage` can feed it from
 * anywhere; the view subscribes with `useSyncExternalStore`.
 *
 * @example
 * const onStage = transactionToasts.track("Claim rewards", explorerUrl);
 * await runTransaction({ config, request, onStage });
 */
export class TransactionToastStore {
  private toasts: readonly TransactionToast[] = [];
  private readonly listeners = new Set<Listener>();
  private nextId = 1;

  /** Starts a toast and returns the `onStage` callback that updates it. */
  track(label: string, explorerBaseUrl?: string): (stage: TransactionStage) => void {
    const id = this.nextId++;
    return (stage) => {
      const hash: Hash | undefined = "hash" in stage ? stage.hash : undefined;
      const toast: TransactionToast = {
        id,
        label,
        stage,
        explorerUrl: hash && explorerBaseUrl ? `${explorerBaseUrl}/tx/${hash}` : undefined,
      };
      const exists = this.toasts.some((t) => t.id === id);
      this.set(exists ? this.toasts.map((t) => (t.id === id ? toast : t)) : [...this.toasts, toast]);
    };
  }

  dismiss(id: number): void {
    this.set(this.toasts.filter((t) => t.id !== id));
  }

  snapshot = (): readonly TransactionToast[] => this.toasts;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(toasts: readonly TransactionToast[]): void {
    this.toasts = toasts;
    for (const listener of this.listeners) listener(toasts);
  }
}

/** The app's toast list. */
export const transactionToasts = new TransactionToastStore();
