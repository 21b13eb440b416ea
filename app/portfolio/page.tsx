import { ChainError } from "@/components/ChainError";
import { getHistorySource } from "@/lib/data/factory";
import { requestLocale } from "@/lib/server/locale";
import { readChain } from "@/lib/server/read-chain";
import { PortfolioIsland } from "./_components/PortfolioIsland";

export const metadata = { title: "Portfolio" };

export const dynamic = "force-dynamic";

/** The staker's page: every position of the connected account, its rewards and balances, claim all at once. */
export default async function PortfolioPage() {
  const result = await readChain(() => getHistorySource().listTokens());
  if (!result.ok) return <ChainError title={result.title} detail={result.detail} />;
  const locale = await requestLocale();
  return (
    <section aria-labelledby="portfolio-title">
      <h1 id="portfolio-title" className="text-2xl font-semibold tracking-tight">
        Portfolio
      </h1>
      <p className="mt-2 max-w-3xl text-sm text-stone-600 dark:text-stone-400">
        Every agent you stake on, what is still unbonding, and the rewards streaming to you, per token. Stakers&apos;
        rewards are released second by second over the reward window, so pending amounts grow while you watch; claim
        them all in one transaction. Developer and infra balances you can collect are listed too.
      </p>
      <div className="mt-6">
        <PortfolioIsland tokens={result.data} locale={locale} />
      </div>
    </section>
  );
}
