import type { CreateConnectorFn } from "wagmi";

/** How long a wallet gets to answer a connection request before the attempt is given up. */
export const CONNECT_TIMEOUT_MS = 30_000;

/** A wallet that did not answer a connection request in time (a missing, locked or stuck extension). */
export class WalletConnectTimeoutError extends Error {
  override name = "WalletConnectTimeoutError";
  /** What to show the user. */
  readonly shortMessage: string;

  constructor(
    readonly walletName: string,
    readonly timeoutMs: number,
  ) {
    const seconds = Math.round(timeoutMs / 1000);
    const shortMessage =
      `${walletName} did not answer within ${seconds} seconds. Open the wallet and check that it is unlocked, ` +
      "then press Retry, or choose another wallet.";
    super(shortMessage);
    this.shortMessage = shortMessage;
  }
}

/** Rejects with `onTimeout()` when `promise` has not settled after `ms`. The promise itself runs on. */
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

type Listener = (message: string | undefined) => void;

/**
 * The last connection problem to show next to the wallet dialog, outside React so the connectors (created in
 * the wagmi config) can report it; the view subscribes with `useSyncExternalStore`.
 */
export class ConnectProblemStore {
  private message: string | undefined;
  private readonly listeners = new Set<Listener>();

  report(message: string | undefined): void {
    this.message = message;
    for (const listener of this.listeners) listener(message);
  }

  snapshot = (): string | undefined => this.message;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/** The app's connection problem. */
export const connectProblem = new ConnectProblemStore();

/**
 * Wraps a wagmi connector so that `connect` gives up after `timeoutMs` with a {@link WalletConnectTimeoutError}
 * (reported to `problems`), instead of waiting forever on a wallet that never answers. A new attempt clears the
 * previous problem.
 *
 * @example
 * createConfig({ connectors: connectors.map((c) => withConnectTimeout(c)), ... })
 */
export function withConnectTimeout(
  connectorFn: CreateConnectorFn,
  timeoutMs: number = CONNECT_TIMEOUT_MS,
  problems: ConnectProblemStore = connectProblem,
): CreateConnectorFn {
  return (config) => {
    const connector = connectorFn(config);
    const connect = connector.connect;
    return {
      ...connector,
      // A method, not an arrow: wagmi calls it on its own copy of the connector, and the original connect uses
      // `this` (e.g. the injected connector's `this.getProvider()`).
      async connect(this: unknown, parameters?: Parameters<typeof connect>[0]) {
        // A silent reconnect on page load has no dialog (and no Retry) to show a problem next to.
        const interactive = !parameters?.isReconnecting;
        if (interactive) problems.report(undefined);
        try {
          return await withTimeout(connect.call(this, parameters), timeoutMs, () => new WalletConnectTimeoutError(connector.name, timeoutMs));
        } catch (error) {
          if (interactive && error instanceof WalletConnectTimeoutError) problems.report(error.shortMessage);
          throw error;
        }
      },
    } as typeof connector;
  };
}
