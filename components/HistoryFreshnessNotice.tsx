import { getHistoryFreshness } from "@/lib/data/factory";

const CAUSE = {
  backfilling: "The history indexer is still reading the chain's past",
  behind: "The history indexer is behind the chain",
  unreachable: "The history indexer is not reachable",
} as const;

/**
 * Says when history is being read straight from the chain because the configured indexer cannot answer yet:
 * figures stay complete and exact, pages may be slower. Nothing when the indexer answers, or none is configured.
 */
export async function HistoryFreshnessNotice() {
  const freshness = await getHistoryFreshness().catch(() => undefined);
  if (!freshness || freshness.source === "indexer") return null;
  // Only a live indexer's block says how far it is: during its backfill Ponder reports the start block.
  const progress =
    freshness.reason === "behind" && freshness.indexedBlock !== undefined && freshness.headBlock !== undefined
      ? ` (block ${freshness.indexedBlock.toString()} of ${freshness.headBlock.toString()})`
      : "";
  return (
    <p
      role="status"
      className="mb-4 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200"
    >
      <span className="font-medium">History is catching up.</span> {CAUSE[freshness.reason]}
      {progress}: figures come straight from the chain meanwhile, complete and exact, but pages may load more slowly.
    </p>
  );
}
