import { AgentsTable } from "@/components/AgentsTable";
import { ChainError } from "@/components/ChainError";
import { HistoryFreshnessNotice } from "@/components/HistoryFreshnessNotice";
import { readAgentsUsd } from "@/lib/data/agents-usd";
import { getHistorySource } from "@/lib/data/factory";
import { getPublicClient } from "@/lib/server/chain";
import { requestLocale } from "@/lib/server/locale";
import { readChain } from "@/lib/server/read-chain";

// Chain state changes with every block: render per request.
export const dynamic = "force-dynamic";

export default async function AgentsPage() {
  const result = await readChain(() => getHistorySource().listAgents());
  const locale = await requestLocale();
  // USD totals are worked out here, on the server: the table receives finished figures, no price code.
  const usd = result.ok ? await readAgentsUsd(getPublicClient(), { snapshot: result.data, config: result.config, locale }) : undefined;
  return (
    <>
      <HistoryFreshnessNotice />
      <div className="mb-6">
        <h1 className="text-2xl font-semibold tracking-tight">Agents</h1>
        <p className="mt-1 max-w-2xl text-sm text-stone-600 dark:text-stone-400">
          Every agent has a rune: an on-chain fingerprint that signs its service receipts. Each payment is split on-chain
          between its developer, its infrastructure and the AURUNES holders staked on it.
        </p>
      </div>
      {result.ok ? (
        <AgentsTable agents={result.data.agents} tokens={result.data.tokens} locale={locale} usd={usd} />
      ) : (
        <ChainError title={result.title} detail={result.detail} />
      )}
    </>
  );
}
