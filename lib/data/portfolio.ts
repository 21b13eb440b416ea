import type { Address, Hex, PublicClient } from "viem";
import { revenueDistributorAbi, runeRegistryAbi } from "../../contracts-abi/generated";
import { parseAgentMetadata } from "../agent-metadata";
import { RUNE_STATUSES } from "../domain/agent";
import type { DeveloperHoldings, DeveloperRune, Portfolio, PortfolioPosition } from "../domain/portfolio";

/** Parameters of {@link readPortfolio}. */
export interface ReadPortfolioParameters {
  account: Address;
  contracts: HoldingsContracts;
  /** The distributor's tokens (every token a reward or balance can be owed in). */
  tokens: readonly Address[];
}

export type ReadPortfolioReturnType = Portfolio;

function runeName(rune: Hex, metadataURI: string): string {
  return parseAgentMetadata(metadataURI)?.name ?? `Agent ${rune.slice(0, 10)}`;
}

/** The contracts {@link readDeveloperHoldings} reads. */
export interface HoldingsContracts {
  revenueDistributor: Address;
  runeRegistry: Address;
  multicall3: Address;
}

/** Parameters of {@link readDeveloperHoldings}. */
export interface ReadDeveloperHoldingsParameters {
  account: Address;
  contracts: HoldingsContracts;
  /** The distributor's tokens. */
  tokens: readonly Address[];
  /** The block every figure is read at (the caller's snapshot block). */
  blockNumber: bigint;
}

/**
 * What an account collects as a developer and an infra provider at one block: the runes it owns with their
 * records and developer balances (`pendingDeveloperBalance`, streamed leftovers included), and its infra balances.
 * Owned runes are found by scanning the registry, only when the account owns one (an indexer replaces the scan).
 *
 * @example
 * const { developer, infra } = await readDeveloperHoldings(client, { account, contracts, tokens, blockNumber });
 */
export async function readDeveloperHoldings(
  client: PublicClient,
  { account, contracts, tokens, blockNumber }: ReadDeveloperHoldingsParameters,
): Promise<DeveloperHoldings> {
  const at = { blockNumber, multicallAddress: contracts.multicall3, allowFailure: false } as const;
  const distributor = { address: contracts.revenueDistributor, abi: revenueDistributorAbi } as const;
  const registry = { address: contracts.runeRegistry, abi: runeRegistryAbi } as const;
  const [[ownedCount, runeCount], infra] = await Promise.all([
    client.multicall({
      ...at,
      contracts: [
        { ...registry, functionName: "balanceOf", args: [account] },
        { ...registry, functionName: "runeCount" },
      ],
    }),
    client.multicall({
      ...at,
      contracts: tokens.map((token) => ({ ...distributor, functionName: "infraBalanceOf" as const, args: [account, token] as const })),
    }),
  ]);
  const infraBalances = tokens.map((token, t) => ({ token, amount: infra[t]! }));
  if (ownedCount === 0n || runeCount === 0n) return { developer: [], infra: infraBalances };

  const allRunes = await client.multicall({
    ...at,
    contracts: Array.from({ length: Number(runeCount) }, (_, i) => ({ ...registry, functionName: "runeAt" as const, args: [BigInt(i)] as const })),
  });
  const infos = await client.multicall({ ...at, contracts: allRunes.map((rune) => ({ ...registry, functionName: "runeInfo" as const, args: [rune] as const })) });
  const owned = infos.filter((info) => info.owner.toLowerCase() === account.toLowerCase());
  const balances =
    owned.length === 0
      ? []
      : await client.multicall({
          ...at,
          contracts: owned.flatMap((info) =>
            tokens.map((token) => ({ ...distributor, functionName: "pendingDeveloperBalance" as const, args: [info.rune, token] as const })),
          ),
        });
  return {
    developer: owned.map(
      (info, o): DeveloperRune => ({
        rune: info.rune,
        name: runeName(info.rune, info.metadataURI),
        status: RUNE_STATUSES[info.status] ?? "Unregistered",
        signer: info.signer,
        metadataURI: info.metadataURI,
        split: { developerBps: info.split.developerBps, infraBps: info.split.infraBps, stakersBps: info.split.stakersBps },
        infra: info.infra.map((share) => ({ recipient: share.recipient, weightBps: share.weightBps })),
        balances: tokens.map((token, t) => ({ token, amount: balances[o * tokens.length + t]! })),
      }),
    ),
    infra: infraBalances,
  };
}

/**
 * Reads everything an account holds in Aurorune at the latest block, every figure at that same block: its
 * positions (stake, unbonding, pending rewards and the streams behind them), the developer balances of the runes
 * it owns and its infra balances ({@link readDeveloperHoldings}). A handful of multicalls, sent together over the
 * batched transport.
 *
 * A rune stays in `stakedRunesOf` once staked on; positions with nothing left (no stake, nothing unbonding,
 * nothing pending) are left out.
 *
 * @example
 * const portfolio = await readPortfolio(client, { account, contracts, tokens: tokens.map((t) => t.address) });
 */
export async function readPortfolio(client: PublicClient, { account, contracts, tokens }: ReadPortfolioParameters): Promise<ReadPortfolioReturnType> {
  const block = await client.getBlock({ blockTag: "latest" });
  const at = { blockNumber: block.number, multicallAddress: contracts.multicall3, allowFailure: false } as const;
  const distributor = { address: contracts.revenueDistributor, abi: revenueDistributorAbi } as const;
  const registry = { address: contracts.runeRegistry, abi: runeRegistryAbi } as const;

  const [runes, holdings] = await Promise.all([
    client.readContract({ ...distributor, functionName: "stakedRunesOf", args: [account], blockNumber: block.number }),
    readDeveloperHoldings(client, { account, contracts, tokens, blockNumber: block.number }),
  ]);

  const pairs = runes.flatMap((rune) => tokens.map((token) => [rune, token] as const));
  const [positions, runeActives, infos, pendings, streams] = await Promise.all([
    client.multicall({ ...at, contracts: runes.map((rune) => ({ ...distributor, functionName: "positionOf" as const, args: [rune, account] as const })) }),
    client.multicall({ ...at, contracts: runes.map((rune) => ({ ...distributor, functionName: "activeStakeOf" as const, args: [rune] as const })) }),
    client.multicall({ ...at, contracts: runes.map((rune) => ({ ...registry, functionName: "runeInfo" as const, args: [rune] as const })) }),
    client.multicall({
      ...at,
      contracts: pairs.map(([rune, token]) => ({ ...distributor, functionName: "pendingRewards" as const, args: [rune, account, token] as const })),
    }),
    client.multicall({ ...at, contracts: pairs.map(([rune, token]) => ({ ...distributor, functionName: "streamOf" as const, args: [rune, token] as const })) }),
  ]);

  const held: PortfolioPosition[] = runes.flatMap((rune, r): PortfolioPosition[] => {
    const position = positions[r]!;
    const info = infos[r]!;
    const rewards = tokens.map((token, t) => {
      const stream = streams[r * tokens.length + t]!;
      return {
        token,
        pending: pendings[r * tokens.length + t]!,
        stream: { remaining: stream.remaining, lastUpdate: BigInt(stream.lastUpdate), finish: BigInt(stream.finish) },
      };
    });
    if (position.active === 0n && position.unbonding === 0n && rewards.every((reward) => reward.pending === 0n)) return [];
    return [
      {
        rune,
        name: runeName(rune, info.metadataURI),
        status: RUNE_STATUSES[info.status] ?? "Unregistered",
        active: position.active,
        unbonding: position.unbonding,
        unbondingEndsAt: BigInt(position.unbondingEndsAt),
        runeActive: runeActives[r]!,
        rewards,
      },
    ];
  });

  return {
    account,
    blockNumber: block.number,
    blockTimestamp: block.timestamp,
    positions: held,
    developer: holdings.developer,
    infra: holdings.infra,
  };
}
