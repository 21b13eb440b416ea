import Link from "next/link";
import { getConfig } from "@/lib/config/server";
import { toPublicConfig } from "@/lib/config/public";
import { NavLinks } from "./NavLinks";
import { NetworkStatus } from "./NetworkStatus";
import { ThemeToggle } from "./ThemeToggle";
import { WalletSlot } from "./wallet/WalletSlot";

/** Top bar: brand, navigation, network, theme and the (lazily loaded) wallet. */
export function SiteHeader() {
  let config;
  try {
    config = getConfig();
  } catch {
    config = undefined; // the page itself shows the configuration error
  }
  // Client components get the browser's view only: the server's RPC URL may carry an API key.
  const publicConfig = config && toPublicConfig(config);
  return (
    <header className="sticky top-0 z-20 border-b border-stone-200 bg-stone-50/90 backdrop-blur dark:border-stone-800 dark:bg-stone-950/90">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <svg viewBox="0 0 24 24" className="h-6 w-6" aria-hidden="true">
            <path d="M12 3v18M12 8l5-4M12 8L7 4" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" fill="none" className="text-amber-500" />
          </svg>
          Aurorune
        </Link>
        <NavLinks />
        <div className="ml-auto flex items-center gap-2">
          {publicConfig && (
            <NetworkStatus rpcUrl={publicConfig.rpcUrl} chainId={publicConfig.chainId} chainName={publicConfig.chainName} />
          )}
          <ThemeToggle />
          <WalletSlot />
        </div>
      </div>
    </header>
  );
}
