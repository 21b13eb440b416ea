import type { Metadata, Viewport } from "next";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/SiteHeader";
import { WalletSettings, type WalletSettingsValue } from "@/components/wallet/WalletSettings";
import { toPublicConfig } from "@/lib/config/public";
import { getConfig } from "@/lib/config/server";
import { publicDevAccounts } from "@/lib/server/dev-accounts";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Aurorune", template: "%s · Aurorune" },
  description: "Rune-verified AI agents whose every payment is split on-chain between developers, infra and stakers.",
};

// Every page reads the running server's chain configuration (the header's network and wallet): render per
// request, never at build time, so one build serves any network.
export const dynamic = "force-dynamic";

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Sets the theme before first paint (no flash): the saved choice, else the system's.
const themeScript = `try{var t=localStorage.getItem("aurorune.theme");if(t==="dark"||(!t&&matchMedia("(prefers-color-scheme: dark)").matches))document.documentElement.classList.add("dark")}catch(e){}`;

/** What every wallet island gets: the browser's view of the configuration (never the server's RPC URL). */
function walletSettings(): WalletSettingsValue | undefined {
  try {
    const config = getConfig();
    return { config: toPublicConfig(config), devAccounts: publicDevAccounts(config) };
  } catch {
    return undefined; // pages show the configuration problem
  }
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen font-sans">
        <WalletSettings value={walletSettings()}>
          <SiteHeader />
          <main className="mx-auto w-full max-w-6xl px-4 pb-16 pt-6 sm:px-6">{children}</main>
        </WalletSettings>
      </body>
    </html>
  );
}
