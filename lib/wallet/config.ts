import { type WalletList, connectorsForWallets } from "@rainbow-me/rainbowkit";
import {
  coinbaseWallet,
  injectedWallet,
  metaMaskWallet,
  rainbowWallet,
  walletConnectWallet,
} from "@rainbow-me/rainbowkit/wallets";
import { QueryClient } from "@tanstack/react-query";
import { type Chain, defineChain } from "viem";
import { type Config, type CreateConnectorFn, createConfig, createStorage, http } from "wagmi";
import { injected } from "wagmi/connectors";
import { type PublicConfig, absoluteRpcUrl } from "../config/public";
import { withConnectTimeout } from "../connect-timeout";
import { type DevAccount, devAccountWallet } from "../dev-wallet";
import { type AnnouncedProvider, discoverInjectedProviders, hasInjectedProvider } from "../injected-providers";

/** The viem chain of the app's configuration (Multicall3 included, so wagmi batches reads). */
export function appChain(config: PublicConfig): Chain {
  // The relay path is same-origin; wallets (wallet_addEthereumChain) and viem need an absolute URL.
  const rpcUrl = typeof window === "undefined" ? config.rpcUrl : absoluteRpcUrl(config.rpcUrl, window.location.origin);
  return defineChain({
    id: config.chainId,
    name: config.chainName,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
    blockExplorers: config.explorerUrl ? { default: { name: "Explorer", url: config.explorerUrl } } : undefined,
    contracts: {
      multicall3: { address: config.contracts.multicall3, blockCreated: config.multicall3BlockCreated },
    },
    testnet: config.isLocal,
  });
}

/**
 * wagmi config for the wallet island. Wallets the browser announces (EIP-6963) and the generic injected wallet
 * only when a provider is really there (otherwise "Browser Wallet" would be offered and spin forever);
 * WalletConnect-based wallets only with a project id (otherwise the browser would call WalletConnect's servers);
 * dev accounts only on the local chain. Every connection attempt times out (lib/connect-timeout.ts).
 */
export function createWagmiConfig(config: PublicConfig, devAccounts: readonly DevAccount[]): Config {
  const chain = appChain(config);
  const announced = typeof window === "undefined" ? [] : discoverInjectedProviders();
  const groups: WalletList = [];
  // An announced provider that is also window.ethereum is already listed under its own name.
  if (typeof window !== "undefined" && hasInjectedProvider(window, announced)) {
    groups.push({ groupName: "Installed", wallets: [injectedWallet] });
  }
  if (config.walletConnectProjectId) {
    groups.push({ groupName: "Popular", wallets: [metaMaskWallet, rainbowWallet, coinbaseWallet, walletConnectWallet] });
  }
  if (config.isLocal && devAccounts.length > 0) {
    groups.push({ groupName: "Local development", wallets: devAccounts.map(devAccountWallet) });
  }
  const walletConnectors =
    groups.length === 0 ? [] : connectorsForWallets(groups, { appName: "Aurorune", projectId: config.walletConnectProjectId ?? "not-configured" });
  const connectors: CreateConnectorFn[] = [...walletConnectors, ...announced.map(announcedConnector)].map((connector) =>
    withConnectTimeout(connector),
  );
  return createConfig({
    chains: [chain],
    connectors,
    transports: { [chain.id]: http(chain.rpcUrls.default.http[0], { batch: true }) },
    storage: createStorage({ storage: typeof window === "undefined" ? undefined : window.localStorage }),
    // Discovery is done above instead, so announced wallets get the connection timeout too (wagmi's own
    // discovery creates their connectors where they cannot be wrapped). RainbowKit lists them as "Installed".
    multiInjectedProviderDiscovery: false,
    ssr: false,
  });
}

/** The connector wagmi itself would make for an EIP-6963 announcement (its id is the wallet's rdns). */
function announcedConnector({ info, provider }: AnnouncedProvider): CreateConnectorFn {
  return injected({ target: { id: info.rdns, name: info.name, icon: info.icon, provider } });
}

/** The one wagmi config and the one query client of a page: every wallet island shares them. */
export interface WalletState {
  wagmiConfig: Config;
  queryClient: QueryClient;
}

let walletState: WalletState | undefined;

/**
 * The page's wallet state, created on first use in the browser and shared by every wallet island (header,
 * panels in the page body), so a connection, a cached read or a refetch after a transaction is seen by all.
 * The configuration comes from the server with the page and cannot change without a reload.
 *
 * @example
 * const { wagmiConfig, queryClient } = getWalletState(config, devAccounts);
 */
export function getWalletState(config: PublicConfig, devAccounts: readonly DevAccount[]): WalletState {
  walletState ??= {
    wagmiConfig: createWagmiConfig(config, devAccounts),
    // Chain reads are refetched on confirmation (invalidated) and on an interval where values move; a window
    // focus alone does not change the chain.
    queryClient: new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, staleTime: 4_000 } } }),
  };
  return walletState;
}

declare module "wagmi" {
  interface Register {
    config: ReturnType<typeof createWagmiConfig>;
  }
}
