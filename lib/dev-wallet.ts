import type { Wallet } from "@rainbow-me/rainbowkit";
import type { Address } from "viem";
import { createConnector } from "wagmi";
import { mock } from "wagmi/connectors";

/** One of the local node's funded, unlocked accounts offered as a wallet. */
export interface DevAccount {
  address: Address;
  label: string;
}

const ICON =
  "data:image/svg+xml;utf8," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 28 28"><rect width="28" height="28" rx="6" fill="#1c1917"/><path d="M14 5v18M14 10l6-4M14 10L8 6" stroke="#f59e0b" stroke-width="2.5" stroke-linecap="round"/></svg>',
  );

/**
 * A RainbowKit wallet that signs as a local anvil account (the node holds the key), so the app is usable with no
 * browser extension on the local chain. wagmi's mock connector forgets its connection on reload, so the
 * connection is remembered in wagmi's storage.
 */
export function devAccountWallet(account: DevAccount): () => Wallet {
  const id = `aurorune-dev-${account.address.toLowerCase()}`;
  const connectedKey = `${id}.connected`;
  return () => ({
    id,
    name: `Dev account: ${account.label}`,
    shortName: account.label,
    iconUrl: ICON,
    iconBackground: "#1c1917",
    installed: true,
    createConnector: (walletDetails) =>
      createConnector((config) => {
        const base = mock({ accounts: [account.address], features: { defaultConnected: true, reconnect: true } })(config);
        return {
          ...base,
          ...walletDetails,
          id,
          name: `Dev account: ${account.label}`,
          async connect(parameters) {
            const result = await base.connect(parameters);
            await config.storage?.setItem(connectedKey, true);
            return result;
          },
          async disconnect() {
            await config.storage?.removeItem(connectedKey);
            await base.disconnect();
          },
          async isAuthorized() {
            return (await config.storage?.getItem(connectedKey)) === true;
          },
        } as typeof base;
      }),
  });
}
