/** localStorage key set while a wallet is connected, so the next visit loads the wallet code at once. */
export const WALLET_SESSION_KEY = "aurorune.wallet-session";

type Listener = () => void;

/**
 * Whether this page should load its wallet code: once the user asks for a wallet (Connect, or an action that
 * needs one) or when a session from an earlier visit exists. Read pages ship without wallet code; every wallet
 * island subscribes here, so they all load together, over the same wagmi state.
 */
class WalletDemand {
  private requested = false;
  private openModal = false;
  private readonly listeners = new Set<Listener>();

  /** Asks for the wallet code; `connect` also opens the connect dialog once it has loaded. */
  request(connect: boolean): void {
    if (this.requested && (!connect || this.openModal)) return;
    this.requested = true;
    if (connect) this.openModal = true;
    for (const listener of this.listeners) listener();
  }

  /** Whether the connect dialog was asked for and has not been opened yet (the header opens it, once). */
  takeOpenModal(): boolean {
    const open = this.openModal;
    this.openModal = false;
    return open;
  }

  /** Loads the wallet at once when an earlier visit left a session. */
  restoreSession(): void {
    try {
      if (localStorage.getItem(WALLET_SESSION_KEY)) this.request(false);
    } catch {
      // no storage: start disconnected
    }
  }

  snapshot = (): boolean => this.requested;

  serverSnapshot = (): boolean => false;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/** The page's wallet demand. */
export const walletDemand = new WalletDemand();
