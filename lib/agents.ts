import { type Address, type Hex, type PublicClient, erc20Abi, zeroAddress } from "viem";
import { revenueDistributorAbi, runeRegistryAbi } from "../contracts-abi/generated";
import { parseAgentMetadata } from "./agent-metadata";
import type { AppConfig } from "./config/parse";
import { type AgentSummary, type AgentsSnapshot, RECENT_REVENUE_WINDOW, RUNE_STATUSES, type TokenInfo, perThousandStaked } from "./domain/agent";

const STATUSES = RUNE_STATUSES;
const THIRTY_DAYS = RECENT_REVENUE_WINDOW;
/** Block span of one eth_getLogs call (public RPCs cap ranges). */
const LOG_CHUNK = 10_000n;

/**
 * Reads every agent and its totals from the chain in a few batched calls: one multicall for counts and
 * tokens, one for the rune list, one for every rune's record and totals, and one log scan for 30-day revenue.
 *
 * @example
 * const { agents, tokens } = await loadAgents(client, config);
 */
export async function loadAgents(client: PublicClient, config: AppConfig): Promise<AgentsSnapshot> {
  const { runeRegistry, revenueDistributor, multicall3 } = config.contracts;
  const block = await client.getBlock();
  const at = { blockNumber: block.number, multicallAddress: multicall3, allowFailure: false } as const;

  const [runeCount, [tokenAddresses, tokenAllowed]] = await client.multicall({
    ...at,
    contracts: [
      { address: runeRegistry, abi: runeRegistryAbi, functionName: "runeCount" },
      { address: revenueDistributor, abi: revenueDistributorAbi, functionName: "tokens" },
    ],
  });
  const tokens = await loadTokens(client, config, tokenAddresses, tokenAllowed, block.number);

  const runes = await client.multicall({
    ...at,
    contracts: Array.from({ length: Number(runeCount) }, (_, index) => ({
      address: runeRegistry,
      abi: runeRegistryAbi,
      functionName: "runeAt" as const,
      args: [BigInt(index)] as const,
    })),
  });

  // Homogeneous multicalls keep their types; the batched transport sends them in one HTTP request.
  const registry = { address: runeRegistry, abi: runeRegistryAbi } as const;
  const distributor = { address: revenueDistributor, abi: revenueDistributorAbi } as const;
  const [infos, stakes, stakerCounts, revenues] = await Promise.all([
    client.multicall({
      ...at,
      contracts: runes.map((rune) => ({ ...registry, functionName: "runeInfo" as const, args: [rune] as const })),
    }),
    client.multicall({
      ...at,
      contracts: runes.map((rune) => ({ ...distributor, functionName: "activeStakeOf" as const, args: [rune] as const })),
    }),
    client.multicall({
      ...at,
      contracts: runes.map((rune) => ({ ...distributor, functionName: "stakerCountOf" as const, args: [rune] as const })),
    }),
    client.multicall({
      ...at,
      contracts: runes.flatMap((rune) =>
        tokens.map((token) => ({
          ...distributor,
          functionName: "revenueOf" as const,
          args: [rune, token.address] as const,
        })),
      ),
    }),
  ]);

  const since = Number(block.timestamp) - THIRTY_DAYS;
  const recent = await revenueSince(client, config, since, block.number);

  const agents = runes.map((rune, i): AgentSummary => {
    const info = infos[i]!;
    const totalStaked = stakes[i]!;
    const revenueAllTime: Record<Address, bigint> = {};
    const revenue30d: Record<Address, bigint> = {};
    const stakersRevenue30d: Record<Address, bigint> = {};
    const stakersPer1000Staked30d: Record<Address, bigint> = {};
    tokens.forEach((token, t) => {
      revenueAllTime[token.address] = revenues[i * tokens.length + t]!;
      const last30 = recent.get(`${rune}:${token.address.toLowerCase()}`) ?? { amount: 0n, stakers: 0n };
      revenue30d[token.address] = last30.amount;
      stakersRevenue30d[token.address] = last30.stakers;
      const perThousand = perThousandStaked(last30.stakers, totalStaked);
      if (perThousand !== undefined) stakersPer1000Staked30d[token.address] = perThousand;
    });
    return {
      rune,
      owner: info.owner,
      signer: info.signer,
      status: STATUSES[info.status] ?? "Unregistered",
      registeredAt: Number(info.registeredAt),
      metadataURI: info.metadataURI,
      metadata: parseAgentMetadata(info.metadataURI),
      split: {
        developerBps: info.split.developerBps,
        infraBps: info.split.infraBps,
        stakersBps: info.split.stakersBps,
      },
      infra: info.infra.map((share) => ({ recipient: share.recipient, weightBps: share.weightBps })),
      totalStaked,
      stakerCount: stakerCounts[i]!,
      revenueAllTime,
      revenue30d,
      stakersRevenue30d,
      stakersPer1000Staked30d,
    };
  });
  return { agents, tokens, blockNumber: block.number, blockTimestamp: Number(block.timestamp) };
}

/**
 * The distributor's tokens (allowed or not: rewards and balances can still be owed in a token no longer accepted)
 * with their symbols and decimals, at the latest block.
 *
 * @example
 * const tokens = await loadTokenList(client, config);
 */
export async function loadTokenList(client: PublicClient, config: AppConfig): Promise<TokenInfo[]> {
  // Not getBlockNumber: viem caches it for a few seconds, and a cached number can be ahead of a local chain just reverted.
  const { number: blockNumber } = await client.getBlock();
  const [addresses, allowed] = await client.readContract({
    address: config.contracts.revenueDistributor,
    abi: revenueDistributorAbi,
    functionName: "tokens",
    blockNumber,
  });
  return loadTokens(client, config, addresses, allowed, blockNumber);
}

/** Symbol and decimals of every allow-listed token (ETH is native: 18 decimals). */
async function loadTokens(
  client: PublicClient,
  config: AppConfig,
  addresses: readonly Address[],
  allowed: readonly boolean[],
  blockNumber: bigint,
): Promise<TokenInfo[]> {
  const erc20s = addresses.filter((address) => address !== zeroAddress);
  const metadata = await client.multicall({
    blockNumber,
    multicallAddress: config.contracts.multicall3,
    allowFailure: false,
    contracts: erc20s.flatMap((address) => [
      { address, abi: erc20Abi, functionName: "symbol" },
      { address, abi: erc20Abi, functionName: "decimals" },
    ]),
  });
  return addresses.map((address, i) => {
    if (address === zeroAddress) return { address, symbol: "ETH", decimals: 18, allowed: allowed[i] ?? false };
    const k = erc20s.indexOf(address);
    return {
      address,
      symbol: String(metadata[k * 2]),
      decimals: Number(metadata[k * 2 + 1]),
      allowed: allowed[i] ?? false,
    };
  });
}

/** Paid amounts and their stakers parts summed per `${rune}:${token}`. */
interface RecentRevenue {
  amount: bigint;
  stakers: bigint;
}

/** Sum of ServicePaid amounts (and their stakers parts) per `${rune}:${token}` since a chain time, from one chunked log scan. */
async function revenueSince(
  client: PublicClient,
  config: AppConfig,
  since: number,
  toBlock: bigint,
): Promise<Map<string, RecentRevenue>> {
  const totals = new Map<string, RecentRevenue>();
  for (let from = BigInt(config.deploymentBlock); from <= toBlock; from += LOG_CHUNK) {
    const to = from + LOG_CHUNK - 1n < toBlock ? from + LOG_CHUNK - 1n : toBlock;
    const logs = await client.getContractEvents({
      address: config.contracts.revenueDistributor,
      abi: revenueDistributorAbi,
      eventName: "ServicePaid",
      fromBlock: from,
      toBlock: to,
      strict: true,
    });
    for (const { args } of logs) {
      if (Number(args.timestamp) < since) continue;
      const key = `${args.rune}:${args.token.toLowerCase()}`;
      const sum = totals.get(key) ?? { amount: 0n, stakers: 0n };
      totals.set(key, { amount: sum.amount + args.amount, stakers: sum.stakers + args.stakersAmount });
    }
  }
  return totals;
}
