import type { EIP1193Provider } from "viem";

/** An EIP-6963 announcement: a wallet extension's provider and how it presents itself. */
export interface AnnouncedProvider {
  info: { uuid: string; name: string; icon: string; rdns: string };
  provider: EIP1193Provider;
}

function isAnnouncement(detail: unknown): detail is AnnouncedProvider {
  const candidate = detail as Partial<AnnouncedProvider> | null;
  return (
    typeof candidate?.info?.uuid === "string" &&
    typeof candidate.info.rdns === "string" &&
    typeof candidate.info.name === "string" &&
    typeof candidate.info.icon === "string" &&
    typeof candidate.provider?.request === "function"
  );
}

/**
 * The wallets installed in this browser, asked for over EIP-6963. Wallets answer the request synchronously, so
 * the list is complete when this returns (the wallet code loads after the page, long after extensions announce).
 */
export function discoverInjectedProviders(target: Window = window): AnnouncedProvider[] {
  const found = new Map<string, AnnouncedProvider>();
  const onAnnounce = (event: Event) => {
    const { detail } = event as CustomEvent<unknown>;
    if (isAnnouncement(detail)) found.set(detail.info.uuid, detail);
  };
  target.addEventListener("eip6963:announceProvider", onAnnounce);
  target.dispatchEvent(new Event("eip6963:requestProvider"));
  target.removeEventListener("eip6963:announceProvider", onAnnounce);
  return [...found.values()];
}

/**
 * Whether the generic "Browser Wallet" has something to connect to: a legacy `window.ethereum` that is not
 * already one of the announced wallets.
 */
export function hasInjectedProvider(target: { ethereum?: unknown }, announced: readonly AnnouncedProvider[]): boolean {
  const legacy = target.ethereum;
  if (legacy === undefined || legacy === null) return false;
  return !announced.some(({ provider }) => provider === legacy);
}
