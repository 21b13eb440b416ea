/**
 * lib/domain/registration-rules.ts against the RuneRegistry on anvil: for every rule, an input that breaks it
 * alone makes the contract revert with exactly the custom error the module names, and valid input goes through.
 * The module and the contract cannot drift apart without this file going red.
 */
import { type Address, type Hex, keccak256, stringToBytes, zeroAddress } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import { runeRegistryAbi } from "../../contracts-abi/generated";
import { mined, outcomeOf, testChain } from "../test/chain";
import {
  MAX_INFRA_RECIPIENTS,
  REGISTRATION_RULE_ERRORS,
  type RegisterAgentRulesInput,
  type RuneStatusName,
  type SplitRulesInput,
  checkProposeSplit,
  checkRegisterAgent,
  checkRotateSigner,
} from "./registration-rules";
import { computeRune } from "./rune";

const chain = testChain();
const { publicClient, walletClient, deployment } = chain;
const registry = { address: deployment.contracts.runeRegistry, abi: runeRegistryAbi } as const;
const STATUSES: readonly RuneStatusName[] = ["Unregistered", "Active", "Suspended", "Retired"];

let developer: Address;
let other: Address;
let infraA: Address;
let infraB: Address;
let signer: Address;
let minStakersBps: number;
/** Contract errors seen in this file; every rule's error must be among them. */
const seen = new Set<string>();

const salt = (name: string): Hex => keccak256(stringToBytes(`registration-rules.anvil ${name}`));

function registration(name: string): RegisterAgentRulesInput {
  return {
    salt: salt(name),
    signer,
    metadataURI: `ipfs://aurorune-test/${name}.json`,
    split: { developerBps: 6_000, infraBps: 2_000, stakersBps: 2_000 },
    infraRecipients: [infraA, infraB],
    infraWeights: [7_000, 3_000],
    minStakersBps,
  };
}

/** The module's verdict and the contract's on `registerAgent` from `from`; they must agree. */
async function registerVerdicts(input: RegisterAgentRulesInput, from: Address = developer) {
  const rune = computeRune({ chainId: deployment.chainId, registry: registry.address, developer: from, salt: input.salt as Hex });
  const status = await publicClient.readContract({ ...registry, functionName: "statusOf", args: [rune] });
  const module = checkRegisterAgent({ ...input, runeTaken: status !== 0 }).revert?.contractError;
  const contract = await outcomeOf(
    publicClient.simulateContract({
      ...registry,
      account: from,
      functionName: "registerAgent",
      args: [input.salt as Hex, input.signer as Address, input.metadataURI, input.split, input.infraRecipients as Address[], [...input.infraWeights]],
    }),
  );
  if (contract) seen.add(contract);
  return { module, contract };
}

async function register(input: RegisterAgentRulesInput): Promise<Hex> {
  const { request, result } = await publicClient.simulateContract({
    ...registry,
    account: developer,
    functionName: "registerAgent",
    args: [input.salt as Hex, input.signer as Address, input.metadataURI, input.split, input.infraRecipients as Address[], [...input.infraWeights]],
  });
  await mined(publicClient, walletClient.writeContract(request));
  return result;
}

/** What a page reads before checking a rune-owner action. */
async function runeState(rune: Hex, caller: Address) {
  const block = await publicClient.getBlock();
  const status = STATUSES[await publicClient.readContract({ ...registry, functionName: "statusOf", args: [rune] })] ?? "Unregistered";
  const owner = status === "Unregistered" ? zeroAddress : await publicClient.readContract({ ...registry, functionName: "ownerOf", args: [BigInt(rune)] });
  return { status, owner, caller, now: block.timestamp };
}

async function proposeVerdicts(rune: Hex, split: SplitRulesInput, caller: Address = developer) {
  const state = await runeState(rune, caller);
  const pending = await publicClient.readContract({ ...registry, functionName: "pendingSplitProposal", args: [rune] });
  const nextProposalAt = BigInt(await publicClient.readContract({ ...registry, functionName: "nextProposalAt", args: [rune] }));
  const module = checkProposeSplit({
    ...split,
    ...state,
    pendingProposal: { id: pending.id, expiresAt: BigInt(pending.expiresAt) },
    nextProposalAt,
  }).revert?.contractError;
  const contract = await outcomeOf(
    publicClient.simulateContract({
      ...registry,
      account: caller,
      functionName: "proposeSplit",
      args: [rune, split.split, split.infraRecipients as Address[], [...split.infraWeights]],
    }),
  );
  if (contract) seen.add(contract);
  return { module, contract };
}

async function rotateVerdicts(rune: Hex, newSigner: string, caller: Address = developer) {
  const state = await runeState(rune, caller);
  const currentSigner = state.status === "Unregistered" ? zeroAddress : (await publicClient.readContract({ ...registry, functionName: "runeInfo", args: [rune] })).signer;
  const module = checkRotateSigner({ ...state, newSigner, currentSigner }).revert?.contractError;
  const contract = await outcomeOf(
    publicClient.simulateContract({ ...registry, account: caller, functionName: "rotateSigner", args: [rune, newSigner as Address] }),
  );
  if (contract) seen.add(contract);
  return { module, contract };
}

async function send(functionName: "retire" | "cancelSplitProposal", rune: Hex): Promise<void> {
  const { request } = await publicClient.simulateContract({ ...registry, account: developer, functionName, args: [rune] });
  await mined(publicClient, walletClient.writeContract(request));
}

beforeAll(async () => {
  const accounts = await walletClient.getAddresses();
  const [, first, second, third, fourth, fifth] = accounts;
  if (!first || !second || !third || !fourth || !fifth) throw new Error("anvil has too few accounts");
  [developer, other, infraA, infraB, signer] = [first, second, third, fourth, fifth];
  minStakersBps = await publicClient.readContract({ ...registry, functionName: "minStakersBps" });
});

describe("registration rules against RuneRegistry on anvil", () => {
  it("mirror the contract's constants and name only errors the registry declares", async () => {
    expect(Number(await publicClient.readContract({ ...registry, functionName: "MAX_INFRA_RECIPIENTS" }))).toBe(MAX_INFRA_RECIPIENTS);
    const declared = new Set(runeRegistryAbi.filter((item) => item.type === "error").map((item) => item.name));
    for (const name of REGISTRATION_RULE_ERRORS) expect(declared.has(name), name).toBe(true);
  });

  const many = (count: number) => Array.from({ length: count }, (_, i) => `0x${(i + 1).toString(16).padStart(40, "0")}`);
  const registerCases: [string, (input: RegisterAgentRulesInput) => RegisterAgentRulesInput][] = [
    ["valid", (input) => input],
    ["valid without infra", (input) => ({ ...input, split: { developerBps: 8_000, infraBps: 0, stakersBps: 2_000 }, infraRecipients: [], infraWeights: [] })],
    ["a zero signer", (input) => ({ ...input, signer: zeroAddress })],
    ["an empty metadata URI", (input) => ({ ...input, metadataURI: "" })],
    ["a split under 100%", (input) => ({ ...input, split: { ...input.split, stakersBps: 1_999 } })],
    ["a split part above 10,000", (input) => ({ ...input, split: { developerBps: 12_000, infraBps: 2_000, stakersBps: 2_000 } })],
    [
      "valid at exactly the minimum stakers share",
      (input) => ({ ...input, split: { developerBps: 8_000 - input.minStakersBps, infraBps: 2_000, stakersBps: input.minStakersBps } }),
    ],
    [
      "a stakers share just under the minimum",
      (input) => ({ ...input, split: { developerBps: 8_001 - input.minStakersBps, infraBps: 2_000, stakersBps: input.minStakersBps - 1 } }),
    ],
    ["eight recipients (the most)", (input) => ({ ...input, infraRecipients: many(8), infraWeights: Array(8).fill(1_250) })],
    ["a weight missing", (input) => ({ ...input, infraWeights: [10_000] })],
    ["an infra share without recipients", (input) => ({ ...input, infraRecipients: [], infraWeights: [] })],
    ["recipients with a 0% infra share", (input) => ({ ...input, split: { developerBps: 8_000, infraBps: 0, stakersBps: 2_000 } })],
    ["nine recipients", (input) => ({ ...input, infraRecipients: many(9), infraWeights: [2_000, ...Array(8).fill(1_000)] })],
    ["a zero recipient", (input) => ({ ...input, infraRecipients: [infraA, zeroAddress] })],
    ["a recipient twice", (input) => ({ ...input, infraRecipients: [infraA, infraA] })],
    ["a zero weight", (input) => ({ ...input, infraRecipients: [infraA, infraB, signer], infraWeights: [7_000, 3_000, 0] })],
    ["weights over 100%", (input) => ({ ...input, infraWeights: [7_000, 3_001] })],
    ["several broken rules at once", (input) => ({ ...input, metadataURI: "", split: { developerBps: 9_600, infraBps: 0, stakersBps: 500 }, infraWeights: [0, 1] })],
  ];
  it.each(registerCases)("registerAgent with %s: the module names the contract's verdict", async (name, change) => {
    const verdicts = await registerVerdicts(change(registration(name)));
    expect(verdicts.module).toBe(verdicts.contract);
    if (name.startsWith("valid") || name.startsWith("eight")) expect(verdicts.contract).toBeUndefined();
    else expect(verdicts.contract).toBeDefined();
  });

  it("registerAgent with a salt already used by this developer (not by another)", async () => {
    const input = registration("taken");
    await register(input);
    const verdicts = await registerVerdicts(input);
    expect(verdicts).toEqual({ module: "RuneRegistryRuneExists", contract: "RuneRegistryRuneExists" });
    expect(await registerVerdicts(input, other)).toEqual({ module: undefined, contract: undefined });
  });

  it("proposeSplit: owner only, not retired, one pending at a time, cooldown, the same split rules", async () => {
    const rune = await register(registration("proposals"));
    const split: SplitRulesInput = { split: { developerBps: 5_000, infraBps: 2_000, stakersBps: 3_000 }, infraRecipients: [infraB], infraWeights: [10_000], minStakersBps };

    expect(await proposeVerdicts(keccak256(stringToBytes("no such rune")), split)).toEqual({ module: "RuneRegistryUnknownRune", contract: "RuneRegistryUnknownRune" });
    expect(await proposeVerdicts(rune, split, other)).toEqual({ module: "RuneRegistryNotRuneOwner", contract: "RuneRegistryNotRuneOwner" });
    expect(await proposeVerdicts(rune, { ...split, infraWeights: [9_999] })).toEqual({
      module: "RuneRegistryInfraWeightsNotExact",
      contract: "RuneRegistryInfraWeightsNotExact",
    });
    expect(await proposeVerdicts(rune, { ...split, split: { developerBps: 9_500, infraBps: 0, stakersBps: 500 }, infraRecipients: [], infraWeights: [] })).toEqual({
      module: "RuneRegistryStakersShareTooLow",
      contract: "RuneRegistryStakersShareTooLow",
    });
    expect(await proposeVerdicts(rune, split)).toEqual({ module: undefined, contract: undefined });

    const { request } = await publicClient.simulateContract({
      ...registry,
      account: developer,
      functionName: "proposeSplit",
      args: [rune, split.split, split.infraRecipients as Address[], [...split.infraWeights]],
    });
    await mined(publicClient, walletClient.writeContract(request));
    expect(await proposeVerdicts(rune, split)).toEqual({ module: "RuneRegistryProposalPending", contract: "RuneRegistryProposalPending" });

    await send("cancelSplitProposal", rune);
    expect(await proposeVerdicts(rune, split)).toEqual({ module: "RuneRegistryProposalCooldown", contract: "RuneRegistryProposalCooldown" });

    await send("retire", rune);
    expect(await proposeVerdicts(rune, split)).toEqual({ module: "RuneRegistryRuneRetired", contract: "RuneRegistryRuneRetired" });
  });

  it("rotateSigner: owner only, not retired, a non-zero new signer that differs from the current one", async () => {
    const rune = await register(registration("rotations"));
    expect(await rotateVerdicts(keccak256(stringToBytes("no such rune")), other)).toEqual({ module: "RuneRegistryUnknownRune", contract: "RuneRegistryUnknownRune" });
    expect(await rotateVerdicts(rune, other, other)).toEqual({ module: "RuneRegistryNotRuneOwner", contract: "RuneRegistryNotRuneOwner" });
    expect(await rotateVerdicts(rune, zeroAddress)).toEqual({ module: "RuneRegistryZeroSigner", contract: "RuneRegistryZeroSigner" });
    expect(await rotateVerdicts(rune, signer.toLowerCase())).toEqual({ module: "RuneRegistrySameSigner", contract: "RuneRegistrySameSigner" });
    expect(await rotateVerdicts(rune, other)).toEqual({ module: undefined, contract: undefined });
    await send("retire", rune);
    expect(await rotateVerdicts(rune, other)).toEqual({ module: "RuneRegistryRuneRetired", contract: "RuneRegistryRuneRetired" });
  });

  it("covered every rule: the contract raised each error the module names", () => {
    expect([...seen].sort()).toEqual([...REGISTRATION_RULE_ERRORS].sort());
  });
});
