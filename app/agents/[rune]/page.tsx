import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense, cache } from "react";
import { ChainError } from "@/components/ChainError";
import { CopyValue } from "@/components/CopyValue";
import { FutharkText } from "@/components/FutharkText";
import { RuneSigil } from "@/components/RuneSigil";
import { SplitBar } from "@/components/SplitBar";
import { StatusBadge } from "@/components/StatusBadge";
import { StatusNotice } from "@/components/StatusNotice";
import { HistoryFreshnessNotice } from "@/components/HistoryFreshnessNotice";
import { getHistorySource } from "@/lib/data/factory";
import { formatBps } from "@/lib/format";
import { isRuneHex } from "@/lib/domain/rune";
import { getPublicClient } from "@/lib/server/chain";
import { requestLocale } from "@/lib/server/locale";
import { readChain } from "@/lib/server/read-chain";
import { PositionIsland } from "./_components/PositionIsland";
import { StakeIsland } from "./_components/StakeIsland";
import { type PendingProposal, ProposalCard } from "./_components/ProposalCard";
import { VetoIsland } from "./_components/VetoIsland";
import { VerificationCard } from "@/components/VerificationCard";
import { HistoryLoading } from "./_components/HistoryLoading";
import { PaymentsSection } from "./_components/PaymentsSection";
import { RevenueChartSection } from "./_components/RevenueChartSection";
import { chartParamEntries, parseChartParams } from "@/lib/domain/chart-period";
import { PAYMENT_PARAM_NAMES } from "@/lib/data/payment-params";
import { checkRegistration } from "@/lib/domain/registration-check";
import { revenueDistributorAbi, runeRegistryAbi } from "@/contracts-abi/generated";
import type { AppConfig } from "@/lib/config/parse";
import type { Hex } from "viem";
import type { TokenInfo } from "@/lib/domain/agent";

export const dynamic = "force-dynamic";

// One chain read per request, shared by the page and its metadata: this agent only, not every agent.
const readAgent = cache((rune: Hex) => readChain(() => getHistorySource().getAgent(rune)));

/** The rune's pending split proposal with its veto tally, or undefined when none is pending. */
async function readPendingProposal(
  config: AppConfig,
  rune: Hex,
  block: { number: bigint; timestamp: bigint },
): Promise<PendingProposal | undefined> {
  const client = getPublicClient();
  const proposal = await client.readContract({
    address: config.contracts.runeRegistry,
    abi: runeRegistryAbi,
    functionName: "pendingSplitProposal",
    args: [rune],
    blockNumber: block.number,
  });
  if (proposal.id === 0n) return undefined;
  const [vetoStake] = await client.readContract({
    address: config.contracts.revenueDistributor,
    abi: revenueDistributorAbi,
    functionName: "vetoTally",
    args: [rune, proposal.id],
    blockNumber: block.number,
  });
  return {
    id: proposal.id,
    executableAt: BigInt(proposal.executableAt),
    expiresAt: BigInt(proposal.expiresAt),
    stakeAtProposal: proposal.stakeAtProposal,
    vetoStake,
    split: { developerBps: proposal.split.developerBps, infraBps: proposal.split.infraBps, stakersBps: proposal.split.stakersBps },
    readAt: block.timestamp,
  };
}

function agentName(agent: { rune: string; metadata?: { name: string } }): string {
  return agent.metadata?.name ?? `Agent ${agent.rune.slice(0, 10)}`;
}

export async function generateMetadata({ params }: { params: Promise<{ rune: string }> }): Promise<Metadata> {
  const { rune } = await params;
  // Never name a rune that does not exist: the title says what the page found.
  if (!isRuneHex(rune)) return { title: "Not a rune" };
  const result = await readAgent(rune);
  if (!result.ok) return { title: "Agent" };
  const agent = result.data?.agent;
  return { title: agent ? agentName(agent) : "Unknown agent" };
}

type SearchParams = Record<string, string | string[] | undefined>;

/** The payment filter's entries of the page's URL (paging included), to carry through the chart's links. */
function paymentEntries(search: SearchParams): [string, string][] {
  return PAYMENT_PARAM_NAMES.filter((name) => name !== "format").flatMap((name) => {
    const value = search[name];
    return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v): [string, string] => [name, v]);
  });
}

export default async function AgentPage({ params, searchParams }: { params: Promise<{ rune: string }>; searchParams: Promise<SearchParams> }) {
  const { rune } = await params;
  const search = await searchParams;
  if (!isRuneHex(rune)) notFound();
  const result = await readAgent(rune);
  if (!result.ok) return <ChainError title={result.title} detail={result.detail} />;
  if (!result.data) notFound();
  const { agent, blockNumber, blockTimestamp } = result.data;
  const name = agentName(agent);
  const locale = await requestLocale();
  const pending = await readChain((config) => readPendingProposal(config, agent.rune, {
      // The block the agents were read at: one view of the chain, and no second getBlock.
      number: blockNumber,
      timestamp: BigInt(blockTimestamp),
    }));
  const proposal = pending.ok ? pending.data : undefined;
  return (
    <article>
      <HistoryFreshnessNotice />
      <Link href="/" className="text-sm text-stone-500 hover:underline">← All agents</Link>
      <header className="mt-4 flex flex-wrap items-start gap-5">
        <RuneSigil rune={agent.rune} size={88} />
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <h1 className="text-2xl font-semibold tracking-tight">{name}</h1>
            <StatusBadge status={agent.status} size="large" />
          </div>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">{agent.metadata?.description}</p>
          <FutharkText rune={agent.rune} height={22} className="mt-3 text-amber-600 dark:text-amber-400" />
          <CopyValue label="Rune" value={agent.rune} />
        </div>
      </header>
      <StatusNotice status={agent.status} />
      {proposal && (
        <div className="mt-8">
          <ProposalCard proposal={proposal} currentSplit={agent.split} locale={locale}>
            <VetoIsland rune={agent.rune} proposalId={proposal.id} expiresAt={proposal.expiresAt} locale={locale} />
          </ProposalCard>
        </div>
      )}
      <div className="mt-8 grid gap-4 lg:grid-cols-2">
        <PositionIsland rune={agent.rune} tokens={result.data.tokens} status={agent.status} locale={locale} />
        <StakeIsland rune={agent.rune} status={agent.status} locale={locale} />
      </div>
      <div className="mt-4">
        {/* agent.metadata is parsed from the registry's stored URI: the same storage `tokenURI` (the ERC-8004
            identity other agent tooling reads) returns, so it is not read a second time. */}
        <VerificationCard
          status={agent.status}
          registry={result.config.contracts.runeRegistry}
          chainId={result.config.chainId}
          metadata={agent.metadata}
          check={checkRegistration(agent.rune, result.config.chainId, result.config.contracts.runeRegistry, agent.metadata?.registrations)}
        />
      </div>
      <dl className="mt-4 grid gap-4 sm:grid-cols-2">
        <div className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
          <dt className="text-xs font-medium uppercase tracking-wide text-stone-500">Split</dt>
          <dd className="mt-2"><SplitBar split={agent.split} /></dd>
        </div>
        <div className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
          <dt className="text-xs font-medium uppercase tracking-wide text-stone-500">Infra recipients</dt>
          <dd className="mt-2 space-y-1 text-sm">
            {agent.infra.length === 0 ? "None" : agent.infra.map((share) => (
              <CopyValue key={share.recipient} label={formatBps(share.weightBps)} value={share.recipient} />
            ))}
          </dd>
        </div>
        <div className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
          <dt className="text-xs font-medium uppercase tracking-wide text-stone-500">Developer (rune owner)</dt>
          <dd className="mt-2"><CopyValue label="Owner" value={agent.owner} /></dd>
        </div>
        <div className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
          <dt className="text-xs font-medium uppercase tracking-wide text-stone-500">Receipt signer</dt>
          <dd className="mt-2">
            {/^0x0{40}$/.test(agent.signer) ? (
              <p className="text-sm text-amber-700 dark:text-amber-300" data-testid="no-signer">
                No signer: the rune changed hands, so the previous owner&apos;s key was revoked. Payments are refused until
                the new owner sets the agent&apos;s key.
              </p>
            ) : (
              <CopyValue label="Signer" value={agent.signer} />
            )}
          </dd>
        </div>
      </dl>
      <RevenueHistory
        rune={agent.rune}
        tokens={result.data.tokens}
        search={search}
        now={blockTimestamp}
        blockNumber={blockNumber}
        registeredAt={agent.registeredAt}
        explorerUrl={result.config.explorerUrl}
        locale={locale}
      />
    </article>
  );
}

/**
 * The revenue history: chart and payments, each in its own Suspense boundary so the page above streams first and
 * each part says it is loading until its read is done.
 */
function RevenueHistory({
  rune,
  tokens,
  search,
  now,
  blockNumber,
  registeredAt,
  explorerUrl,
  locale,
}: {
  rune: Hex;
  tokens: TokenInfo[];
  search: SearchParams;
  now: number;
  blockNumber: bigint;
  registeredAt: number;
  explorerUrl?: string;
  locale: string;
}) {
  const chart = parseChartParams(search);
  const chartEntries = chartParamEntries(chart);
  const payments = paymentEntries(search);
  return (
    <section id="revenue" aria-labelledby="revenue-title" className="mt-10 scroll-mt-4">
      <h2 id="revenue-title" className="text-lg font-semibold tracking-tight">Revenue history</h2>
      <Suspense fallback={<HistoryLoading what="Reading revenue history…" />}>
        <RevenueChartSection rune={rune} tokens={tokens} chart={chart} now={now} blockNumber={blockNumber} registeredAt={registeredAt} keep={payments} locale={locale} />
      </Suspense>
      <h3 className="mt-8 text-base font-semibold tracking-tight">Payments</h3>
      <Suspense fallback={<HistoryLoading what="Reading payment history…" />}>
        <PaymentsSection rune={rune} tokens={tokens} search={search} keep={chartEntries} explorerUrl={explorerUrl} locale={locale} />
      </Suspense>
    </section>
  );
}
