import { type Address, type Hex, type PublicClient, erc20Abi, zeroAddress } from "viem";
import { revenueDistributorAbi, runeRegistryAbi } from "../../../contracts-abi/generated";
import { type RuneStatus, RUNE_STATUSES, type TokenInfo } from "../../domain/agent";

/** Where the reads go: the registry, the distributor and the Multicall3 that batches them. */
export interface AgentReadContracts {
  runeRegistry: Address;
  revenueDistributor: Address;
  multicall3: Address;
}

/** One rune's registry record and distributor counters, as of one block. */
export interface AgentRecord {
  rune: Hex;
  owner: Address;
  signer: Address;
  status: RuneStatus;
  registeredAt: number;
  metadataURI: string;
  split: { developerBps: number; infraBps: number; stakersBps: number };
  infra: { recipient: Address; weightBps: number }[];
  totalStaked: bigint;
  stakerCount: bigint;
  /** `revenueOf(rune, token)`, aligned with the token list it was read with. */
  revenueAllTime: bigint[];
}

/** Every agent's record and the distributor's tokens at one block. */
export interface AgentRecords {
  tokens: TokenInfo[];
  records: AgentRecord[];
}

type At = { blockNumber: bigint; multicallAddress: Address; allowFailure: false };

/**
 * Every rune's record, in registry order, and the tokens: three rounds of multicalls (counts and tokens; the rune
 * list and token metadata; each rune's record and counters).
 *
 * @example
 * const { tokens, records } = await readAllAgents(client, contracts, head.number);
 */
export async function readAllAgents(client: PublicClient, contracts: AgentReadContracts, blockNumber: bigint): Promise<AgentRecords> {
  const at = atBlock(contracts, blockNumber);
  const [runeCount, [tokenAddresses, tokenAllowed]] = await client.multicall({
    ...at,
    contracts: [
      { address: contracts.runeRegistry, abi: runeRegistryAbi, functionName: "runeCount" },
      { address: contracts.revenueDistributor, abi: revenueDistributorAbi, functionName: "tokens" },
    ],
  });
  const [tokens, runes] = await Promise.all([
    readTokenMetadata(client, at, tokenAddresses, tokenAllowed),
    client.multicall({
      ...at,
      contracts: Array.from({ length: Number(runeCount) }, (_, index) => ({
        address: contracts.runeRegistry,
        abi: runeRegistryAbi,
        functionName: "runeAt" as const,
        args: [BigInt(index)] as const,
      })),
    }),
  ]);
  return { tokens, records: await readRecords(client, contracts, at, runes, tokens) };
}

/**
 * One rune's record and the tokens, or `undefined` when the rune is not registered: two rounds of
 * multicalls that read this rune only.
 *
 * @example
 * const found = await readOneAgent(client, contracts, rune, head.number);
 */
export async function readOneAgent(
  client: PublicClient,
  contracts: AgentReadContracts,
  rune: Hex,
  blockNumber: bigint,
): Promise<{ tokens: TokenInfo[]; record: AgentRecord } | undefined> {
  const at = atBlock(contracts, blockNumber);
  const [status, [tokenAddresses, tokenAllowed]] = await client.multicall({
    ...at,
    contracts: [
      { address: contracts.runeRegistry, abi: runeRegistryAbi, functionName: "statusOf", args: [rune] },
      { address: contracts.revenueDistributor, abi: revenueDistributorAbi, functionName: "tokens" },
    ],
  });
  if (status === 0) return undefined;
  const [tokens, records] = await Promise.all([
    readTokenMetadata(client, at, tokenAddresses, tokenAllowed),
    readRecords(client, contracts, at, [rune], tokenAddresses.map((address) => ({ address }))),
  ]);
  return { tokens, record: records[0]! };
}

/**
 * The distributor's tokens (allowed or not: rewards and balances can still be owed in a token no longer accepted)
 * with their symbols and decimals, at one block.
 *
 * @example
 * const tokens = await readTokens(client, contracts, head.number);
 */
export async function readTokens(client: PublicClient, contracts: AgentReadContracts, blockNumber: bigint): Promise<TokenInfo[]> {
  const at = atBlock(contracts, blockNumber);
  const [addresses, allowed] = await client.readContract({
    address: contracts.revenueDistributor,
    abi: revenueDistributorAbi,
    functionName: "tokens",
    blockNumber,
  });
  return readTokenMetadata(client, at, addresses, allowed);
}

function atBlock(contracts: AgentReadContracts, blockNumber: bigint): At {
  return { blockNumber, multicallAddress: contracts.multicall3, allowFailure: false };
}

/** Symbol and decimals of every ERC-20 listed (ETH is native: 18 decimals). */
async function readTokenMetadata(
  client: PublicClient,
  at: At,
  addresses: readonly Address[],
  allowed: readonly boolean[],
): Promise<TokenInfo[]> {
  const erc20s = addresses.filter((address) => address !== zeroAddress);
  const metadata =
    erc20s.length === 0
      ? []
      : await client.multicall({
          ...at,
          contracts: erc20s.flatMap((address) => [
            { address, abi: erc20Abi, functionName: "symbol" },
            { address, abi: erc20Abi, functionName: "decimals" },
          ]),
        });
  return addresses.map((address, i) => {
    if (address === zeroAddress) return { address, symbol: "ETH", decimals: 18, allowed: allowed[i] ?? false };
    const k = erc20s.indexOf(address);
    return { address, symbol: String(metadata[k * 2]), decimals: Number(metadata[k * 2 + 1]), allowed: allowed[i] ?? false };
  });
}

/** Registry records and distributor counters of some runes (one multicall each, sent in one batch). */
async function readRecords(
  client: PublicClient,
  contracts: AgentReadContracts,
  at: At,
  runes: readonly Hex[],
  tokens: readonly { address: Address }[],
): Promise<AgentRecord[]> {
  if (runes.length === 0) return [];
  const registry = { address: contracts.runeRegistry, abi: runeRegistryAbi } as const;
  const distributor = { address: contracts.revenueDistributor, abi: revenueDistributorAbi } as const;
  // Homogeneous multicalls keep their types; the batched transport sends them in one HTTP request.
  const [infos, stakes, stakerCounts, revenues] = await Promise.all([
    client.multicall({ ...at, contracts: runes.map((rune) => ({ ...registry, functionName: "runeInfo" as const, args: [rune] as const })) }),
    client.multicall({
      ...at,
      contracts: runes.map((rune) => ({ ...distributor, functionName: "activeStakeOf" as const, args: [rune] as const })),
    }),
    client.multicall({
      ...at,
      contracts: runes.map((rune) => ({ ...distributor, functionName: "stakerCountOf" as const, args: [rune] as const })),
    }),
    tokens.length === 0
      ? Promise.resolve([] as bigint[])
      : client.multicall({
          ...at,
          contracts: runes.flatMap((rune) =>
            tokens.map((token) => ({ ...distributor, functionName: "revenueOf" as const, args: [rune, token.address] as const })),
          ),
        }),
  ]);
  return runes.map((rune, i): AgentRecord => {
    const info = infos[i]!;
    return {
      rune: rune.toLowerCase() as Hex,
      owner: info.owner,
      signer: info.signer,
      status: RUNE_STATUSES[info.status] ?? "Unregistered",
      registeredAt: Number(info.registeredAt),
      metadataURI: info.metadataURI,
      split: { developerBps: info.split.developerBps, infraBps: info.split.infraBps, stakersBps: info.split.stakersBps },
      infra: info.infra.map((share) => ({ recipient: share.recipient, weightBps: share.weightBps })),
      totalStaked: stakes[i]!,
      stakerCount: stakerCounts[i]!,
      revenueAllTime: tokens.map((_, t) => revenues[i * tokens.length + t]!),
    };
  });
}
