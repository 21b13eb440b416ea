import type { Address, PublicClient } from "viem";
import { revenueDistributorAbi, runeRegistryAbi } from "../../contracts-abi/generated";
import type { DeveloperAgent, DeveloperConsole } from "../domain/developer-console";
import { type HoldingsContracts, readDeveloperHoldings } from "./portfolio";

/** Parameters of {@link readDeveloperConsole}. */
export interface ReadDeveloperConsoleParameters {
  account: Address;
  contracts: HoldingsContracts;
  /** The distributor's tokens. */
  tokens: readonly Address[];
}

export type ReadDeveloperConsoleReturnType = DeveloperConsole;

/**
 * Reads what the developer console shows for an account at the latest block, every figure at that block: the
 * runes it owns with their records, developer balances, pending split proposals (with the veto tally) and proposal
 * cooldowns; its infra balances; and the registry's rule parameters a new split must meet (`minStakersBps`,
 * `ruleDelay`, `EXECUTION_WINDOW`, `PROPOSAL_COOLDOWN`). The holdings come from {@link readDeveloperHoldings}, the reader /portfolio uses too.
 *
 * @example
 * const console = await readDeveloperConsole(client, { account, contracts, tokens: tokens.map((t) => t.address) });
 */
export async function readDeveloperConsole(
  client: PublicClient,
  { account, contracts, tokens }: ReadDeveloperConsoleParameters,
): Promise<ReadDeveloperConsoleReturnType> {
  const block = await client.getBlock({ blockTag: "latest" });
  const at = { blockNumber: block.number, multicallAddress: contracts.multicall3, allowFailure: false } as const;
  const registry = { address: contracts.runeRegistry, abi: runeRegistryAbi } as const;
  const [holdings, [minStakersBps, ruleDelay, executionWindow, proposalCooldown]] = await Promise.all([
    readDeveloperHoldings(client, { account, contracts, tokens, blockNumber: block.number }),
    client.multicall({
      ...at,
      contracts: [
        { ...registry, functionName: "minStakersBps" },
        { ...registry, functionName: "ruleDelay" },
        { ...registry, functionName: "EXECUTION_WINDOW" },
        { ...registry, functionName: "PROPOSAL_COOLDOWN" },
      ],
    }),
  ]);
  const runes = holdings.developer.map((owned) => owned.rune);
  const [proposals, cooldowns] = await Promise.all([
    client.multicall({ ...at, contracts: runes.map((rune) => ({ ...registry, functionName: "pendingSplitProposal" as const, args: [rune] as const })) }),
    client.multicall({ ...at, contracts: runes.map((rune) => ({ ...registry, functionName: "nextProposalAt" as const, args: [rune] as const })) }),
  ]);
  const open = runes.flatMap((rune, r) => (proposals[r]!.id === 0n ? [] : [{ rune, id: proposals[r]!.id }]));
  const tallies = await client.multicall({
    ...at,
    contracts: open.map(({ rune, id }) => ({
      address: contracts.revenueDistributor,
      abi: revenueDistributorAbi,
      functionName: "vetoTally" as const,
      args: [rune, id] as const,
    })),
  });

  const agents = holdings.developer.map((owned, r): DeveloperAgent => {
    const proposal = proposals[r]!;
    const tally = open.findIndex((entry) => entry.rune === owned.rune);
    return {
      ...owned,
      nextProposalAt: BigInt(cooldowns[r]!),
      proposal:
        proposal.id === 0n
          ? undefined
          : {
              id: proposal.id,
              proposedAt: BigInt(proposal.proposedAt),
              executableAt: BigInt(proposal.executableAt),
              expiresAt: BigInt(proposal.expiresAt),
              stakeAtProposal: proposal.stakeAtProposal,
              vetoStake: tallies[tally]![0],
              split: { developerBps: proposal.split.developerBps, infraBps: proposal.split.infraBps, stakersBps: proposal.split.stakersBps },
              infra: proposal.infra.map((share) => ({ recipient: share.recipient, weightBps: share.weightBps })),
            },
    };
  });
  return {
    account,
    blockNumber: block.number,
    blockTimestamp: block.timestamp,
    minStakersBps,
    ruleDelay: BigInt(ruleDelay),
    executionWindow: BigInt(executionWindow),
    proposalCooldown: BigInt(proposalCooldown),
    agents,
    infra: holdings.infra,
  };
}
