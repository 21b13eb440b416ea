import { ChainError } from "@/components/ChainError";
import { getHistorySource } from "@/lib/data/factory";
import { requestLocale } from "@/lib/server/locale";
import { readChain } from "@/lib/server/read-chain";
import { DeveloperIsland } from "./_components/DeveloperIsland";

export const metadata = { title: "Developer" };

export const dynamic = "force-dynamic";

/**
 * The developer's console: the connected account's agents (earnings, balances, signer, split proposals,
 * retirement), its infra balances, and the registration form. The page renders on the server with no wallet code;
 * everything that depends on the account is a client island loaded on demand.
 */
export default async function DeveloperPage() {
  const result = await readChain(() => getHistorySource().listTokens());
  if (!result.ok) return <ChainError title={result.title} detail={result.detail} />;
  const locale = await requestLocale();
  return (
    <section aria-labelledby="developer-title">
      <h1 id="developer-title" className="text-2xl font-semibold tracking-tight">
        Developer
      </h1>
      <p className="mt-2 max-w-3xl text-sm text-stone-600 dark:text-stone-400">
        Your agents and what they earn, the developer and infra balances you can collect, and the registry&apos;s
        controls: register an agent, rotate its signing key, change its split under the stakers&apos; oversight, or
        retire it. Every form is checked against the registry&apos;s own rules before your wallet is asked anything.
      </p>
      <div className="mt-6">
        <DeveloperIsland tokens={result.data} locale={locale} />
      </div>
    </section>
  );
}
