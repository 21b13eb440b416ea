/** localStorage key set while a wallet is connected, so the next visit loads the wallet code at once. */
export const WALLET_SESSION_KEY = "aurorune.wallet-session";
