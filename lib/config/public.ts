import type { AppConfig } from "./parse";

/**
 * The part of the configuration the browser may see: everything but the server's RPC URL. Client components take
 * this type, and server components build it with {@link toPublicConfig} (never by passing an `AppConfig`, which
 * would serialise the server's URL into the page).
 */
export type PublicConfig = Omit<AppConfig, "rpcUrl" | "publicRpcUrl" | "deploymentBlock" | "priceFeeds" | "priceMaxAgeSeconds"> & {
  /** JSON-RPC endpoint for the browser's reads: an absolute URL, or the same-origin relay path. */
  rpcUrl: string;
};

/**
 * Picks, field by field, what the browser may see.
 *
 * @example
 * <WalletSlot config={toPublicConfig(getConfig())} />
 */
export function toPublicConfig(config: AppConfig): PublicConfig {
  return {
    chainId: config.chainId,
    chainName: config.chainName,
    rpcUrl: config.publicRpcUrl,
    explorerUrl: config.explorerUrl,
    walletConnectProjectId: config.walletConnectProjectId,
    isLocal: config.isLocal,
    contracts: { ...config.contracts },
    multicall3BlockCreated: config.multicall3BlockCreated,
  };
}

/**
 * The browser's RPC URL as an absolute URL (the relay path resolved against the page's origin), as viem's
 * transport and a wallet's `wallet_addEthereumChain` need it.
 */
export function absoluteRpcUrl(rpcUrl: string, origin: string): string {
  return new URL(rpcUrl, origin).href;
}
