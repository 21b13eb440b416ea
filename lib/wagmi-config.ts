import { type WalletList, connectorsForWallets } from "@rainbow-me/rainbowkit";
import {
  coinbaseWallet,
  injectedWallet,
  metaMaskWallet,
  rainbowWallet,
  walletConnectWallet,
} from "@rainbow-me/rainbowkit/wallets";
import { type Chain, defineChain } from "viem";
import { type Config, createConfig, createStorage, http } from "wagmi";
import { type PublicConfig, absoluteRpcUrl } from "./config/public";
import { type DevAccount, devAccountWallet } from "./dev-wallet";

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
 * wagmi config for the wallet island. Injected wallets always; WalletConnect-based wallets only with a project
 * id (otherwise the browser would call WalletConnect's servers); dev accounts only on the local chain.
 */
export function createWagmiConfig(config: PublicConfig, devAccounts: readonly DevAccount[]): Config {
  const chain = appChain(config);
  const groups: WalletList = [{ groupName: "Installed", wallets: [injectedWallet] }];
  if (config.walletConnectProjectId) {
    groups.push({ groupName: "Popular", wallets: [metaMaskWallet, rainbowWallet, coinbaseWallet, walletConnectWallet] });
  }
  if (config.isLocal && devAccounts.length > 0) {
    groups.push({ groupName: "Local development", wallets: devAccounts.map(devAccountWallet) });
  }
  const connectors = connectorsForWallets(groups, {
    appName: "Aurorune",
    projectId: config.walletConnectProjectId ?? "not-configured",
  });
  return createConfig({
    chains: [chain],
    connectors,
    transports: { [chain.id]: http(chain.rpcUrls.default.http[0], { batch: true }) },
    storage: createStorage({ storage: typeof window === "undefined" ? undefined : window.localStorage }),
    multiInjectedProviderDiscovery: true,
    ssr: false,
  });
}
