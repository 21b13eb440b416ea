import type { Address, Hex, PublicClient } from "viem";
import { revenueDistributorAbi, runeRegistryAbi } from "../../contracts-abi/generated";
import { parseAgentMetadata } from "../agent-metadata";
import { RUNE_STATUSES } from "../domain/agent";
import type { DeveloperRune, Portfolio, PortfolioPosition } from "../domain/portfolio";

/** Parameters of {@link readPortfolio}. */
export interface ReadPortfolioParameters {
  account: Address;
  contracts: { revenueDistributor: Address; runeRegistry: Address; multicall3: Address };
  /** The distributor's tokens (every token a reward or balance can be owed in). */
  tokens: readonly Address[];
}

export type ReadPortfolioReturnType = Portfolio;

function runeName(rune: Hex, metadataURI: string): string {
  return parseAgentMetadata(metadataURI)?.name ?? `Agent ${rune.slice(0, 10)}`;
}

/**
 * Reads everything an account holds in Aurorune at the latest block, every figure at that same block: its
 * positions (stake, unbonding, pending rewards and the streams behind them), the developer balances of the runes
 * it owns and its infra balances. A handful of multicalls, sent together over the batched transport.
 *
 * A rune stays in `stakedRunesOf` once staked on; positions with nothing left (no stake, nothing unbonding,
 * nothing pending) are left out. Owned runes are found by scanning the registry, only when the account owns one.
 *
 * @example
 * const portfolio = await readPortfolio(client, { account, contracts, tokens: tokens.map((t) => t.address) });
 */
export async function readPortfolio(client: PublicClient, { account, contracts, tokens }: ReadPortfolioParameters): Promise<ReadPortfolioReturnType> {
  const block = await client.getBlock({ blockTag: "latest" });
  const at = { blockNumber: block.number, multicallAddress: contracts.multicall3, allowFailure: false } as const;
  const distributor = { address: contracts.revenueDistributor, abi: revenueDistributorAbi } as const;
  const registry = { address: contracts.runeRegistry, abi: runeRegistryAbi } as const;

  const [[runes, ownedCount, runeCount], infra] = await Promise.all([
    client.multicall({
      ...at,
      contracts: [
        { ...distributor, functionName: "stakedRunesOf", args: [account] },
        { ...registry, functionName: "balanceOf", args: [account] },
        { ...registry, functionName: "runeCount" },
      ],
    }),
    client.multicall({
      ...at,
      contracts: tokens.map((token) => ({ ...distributor, functionName: "infraBalanceOf" as const, args: [account, token] as const })),
    }),
  ]);

  const pairs = runes.flatMap((rune) => tokens.map((token) => [rune, token] as const));
  const [positions, runeActives, infos, pendings, streams, allRunes] = await Promise.all([
    client.multicall({ ...at, contracts: runes.map((rune) => ({ ...distributor, functionName: "positionOf" as const, args: [rune, account] as const })) }),
    client.multicall({ ...at, contracts: runes.map((rune) => ({ ...distributor, functionName: "activeStakeOf" as const, args: [rune] as const })) }),
    client.multicall({ ...at, contracts: runes.map((rune) => ({ ...registry, functionName: "runeInfo" as const, args: [rune] as const })) }),
    client.multicall({
      ...at,
      contracts: pairs.map(([rune, token]) => ({ ...distributor, functionName: "pendingRewards" as const, args: [rune, account, token] as const })),
    }),
    client.multicall({ ...at, contracts: pairs.map(([rune, token]) => ({ ...distributor, functionName: "streamOf" as const, args: [rune, token] as const })) }),
    ownedCount > 0n
      ? client.multicall({
          ...at,
          contracts: Array.from({ length: Number(runeCount) }, (_, i) => ({ ...registry, functionName: "runeAt" as const, args: [BigInt(i)] as const })),
        })
      : Promise.resolve([] as Hex[]),
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

  const developer = await readDeveloperRunes(client, at, { account, registry, distributor, tokens, allRunes });
  return {
    account,
    blockNumber: block.number,
    blockTimestamp: block.timestamp,
    positions: held,
    developer,
    infra: tokens.map((token, t) => ({ token, amount: infra[t]! })),
  };
}

/** The runes `account` owns among `allRunes`, with their developer balances, at the same block. */
async function readDeveloperRunes(
  client: PublicClient,
  at: { blockNumber: bigint; multicallAddress: Address; allowFailure: false },
  {
    account,
    registry,
    distributor,
    tokens,
    allRunes,
  }: {
    account: Address;
    registry: { address: Address; abi: typeof runeRegistryAbi };
    distributor: { address: Address; abi: typeof revenueDistributorAbi };
    tokens: readonly Address[];
    allRunes: readonly Hex[];
  },
): Promise<DeveloperRune[]> {
  if (allRunes.length === 0) return [];
  const infos = await client.multicall({ ...at, contracts: allRunes.map((rune) => ({ ...registry, functionName: "runeInfo" as const, args: [rune] as const })) });
  const owned = infos.filter((info) => info.owner.toLowerCase() === account.toLowerCase());
  if (owned.length === 0) return [];
  const balances = await client.multicall({
    ...at,
    contracts: owned.flatMap((info) => tokens.map((token) => ({ ...distributor, functionName: "pendingDeveloperBalance" as const, args: [info.rune, token] as const }))),
  });
  return owned.map((info, o) => ({
    rune: info.rune,
    name: runeName(info.rune, info.metadataURI),
    balances: tokens.map((token, t) => ({ token, amount: balances[o * tokens.length + t]! })),
  }));
}
