import { type Address, zeroAddress } from "viem";
import { describe, expect, it } from "vitest";
import {
  type ProposeSplitRulesInput,
  type RegisterAgentRulesInput,
  type RotateSignerRulesInput,
  checkProposeSplit,
  checkRegisterAgent,
  checkRotateSigner,
  checkSplit,
  isSalt,
} from "./registration-rules";

const A: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const B: Address = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const C: Address = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
const salt = `0x${"ab".repeat(32)}`;

const valid: RegisterAgentRulesInput = {
  salt,
  signer: A,
  metadataURI: "ipfs://bafy/agent.json",
  split: { developerBps: 6_000, infraBps: 2_000, stakersBps: 2_000 },
  infraRecipients: [B, C],
  infraWeights: [7_000, 3_000],
  minStakersBps: 1_000,
};

describe("checkRegisterAgent", () => {
  it("accepts a valid registration, with or without infra", () => {
    expect(checkRegisterAgent(valid)).toEqual({ ok: true, violations: [], revert: undefined });
    const noInfra = { ...valid, split: { developerBps: 8_000, infraBps: 0, stakersBps: 2_000 }, infraRecipients: [], infraWeights: [] };
    expect(checkRegisterAgent(noInfra).ok).toBe(true);
    const eight = Array.from({ length: 8 }, (_, i) => `0x${(i + 1).toString(16).padStart(40, "0")}`);
    expect(checkRegisterAgent({ ...valid, infraRecipients: eight, infraWeights: Array(8).fill(1_250) }).ok).toBe(true);
    expect(checkRegisterAgent({ ...valid, split: { developerBps: 9_000, infraBps: 0, stakersBps: 1_000 }, infraRecipients: [], infraWeights: [] }).ok).toBe(true);
  });

  const cases: [string, Partial<RegisterAgentRulesInput>, string, string | undefined][] = [
    ["a zero signer", { signer: zeroAddress }, "signer", "RuneRegistryZeroSigner"],
    ["an empty signer", { signer: "" }, "signer", undefined],
    ["a malformed signer", { signer: "0x1234" }, "signer", undefined],
    ["a signer with a wrong checksum", { signer: A.replace("C8", "c8") }, "signer", undefined],
    ["an empty metadata URI", { metadataURI: "" }, "metadataURI", "RuneRegistryEmptyMetadataURI"],
    ["a split under 100%", { split: { developerBps: 6_000, infraBps: 2_000, stakersBps: 1_999 } }, "split", "RuneRegistrySplitNotExact"],
    ["a split over 100%", { split: { developerBps: 6_000, infraBps: 2_000, stakersBps: 2_001 } }, "split", "RuneRegistrySplitNotExact"],
    ["a split part above 10,000 (still a uint16)", { split: { developerBps: 12_000, infraBps: 2_000, stakersBps: 2_000 } }, "split", "RuneRegistrySplitNotExact"],
    ["a fractional part", { split: { developerBps: 5_999.5, infraBps: 2_000, stakersBps: 2_000 } }, "split.developerBps", undefined],
    ["a negative part", { split: { developerBps: -1, infraBps: 2_001, stakersBps: 8_000 } }, "split.developerBps", undefined],
    ["a stakers share under the minimum", { split: { developerBps: 7_500, infraBps: 2_000, stakersBps: 500 } }, "split.stakersBps", "RuneRegistryStakersShareTooLow"],
    ["a weight missing", { infraWeights: [10_000] }, "infraWeights", "RuneRegistryInfraLengthMismatch"],
    ["an infra share without recipients", { infraRecipients: [], infraWeights: [] }, "infraRecipients", "RuneRegistryInfraMismatch"],
    [
      "recipients with a 0% infra share",
      { split: { developerBps: 8_000, infraBps: 0, stakersBps: 2_000 } },
      "infraRecipients",
      "RuneRegistryInfraMismatch",
    ],
    [
      "nine recipients",
      { infraRecipients: Array.from({ length: 9 }, (_, i) => `0x${(i + 1).toString(16).padStart(40, "0")}`), infraWeights: [2_000, ...Array(8).fill(1_000)] },
      "infraRecipients",
      "RuneRegistryTooManyInfraRecipients",
    ],
    ["a zero recipient", { infraRecipients: [B, zeroAddress] }, "infraRecipients[1]", "RuneRegistryInvalidInfraRecipient"],
    ["a recipient listed twice", { infraRecipients: [B, B] }, "infraRecipients[1]", "RuneRegistryInvalidInfraRecipient"],
    ["a recipient listed twice in another case", { infraRecipients: [B, B.toLowerCase()] }, "infraRecipients[1]", "RuneRegistryInvalidInfraRecipient"],
    ["a malformed recipient", { infraRecipients: [B, "nope"] }, "infraRecipients[1]", undefined],
    ["a zero weight", { infraRecipients: [B, C, A], infraWeights: [7_000, 3_000, 0] }, "infraWeights[2]", "RuneRegistryZeroInfraWeight"],
    ["weights under 100%", { infraWeights: [7_000, 2_999] }, "infraWeights", "RuneRegistryInfraWeightsNotExact"],
    ["weights over 100%", { infraWeights: [7_000, 3_001] }, "infraWeights", "RuneRegistryInfraWeightsNotExact"],
    ["a malformed weight", { infraWeights: [7_000, 70_000] }, "infraWeights[1]", undefined],
    ["a malformed salt", { salt: "0x1234" }, "salt", undefined],
    ["a salt already used", { runeTaken: true }, "salt", "RuneRegistryRuneExists"],
  ];
  it.each(cases)("refuses %s, on the field, with the contract's error", (_case, change, field, contractError) => {
    const checked = checkRegisterAgent({ ...valid, ...change });
    expect(checked.ok).toBe(false);
    expect(checked.violations).toHaveLength(1);
    expect(checked.violations[0]?.field).toBe(field);
    expect(checked.violations[0]?.contractError).toBe(contractError);
    expect(checked.violations[0]?.message).toMatch(/^[A-Z].*\.$/);
    expect(checked.revert?.contractError).toBe(contractError);
  });

  it("lists every violation, and names as the revert the first in the contract's order", () => {
    const checked = checkRegisterAgent({
      ...valid,
      signer: zeroAddress,
      metadataURI: "",
      split: { developerBps: 9_500, infraBps: 0, stakersBps: 400 },
      infraRecipients: [B, B],
      infraWeights: [0, 5_000],
      runeTaken: true,
    });
    expect(checked.violations.map((violation) => violation.contractError)).toEqual([
      "RuneRegistryZeroSigner",
      "RuneRegistryEmptyMetadataURI",
      "RuneRegistrySplitNotExact",
      "RuneRegistryStakersShareTooLow",
      "RuneRegistryInfraMismatch",
      "RuneRegistryZeroInfraWeight",
      "RuneRegistryInvalidInfraRecipient",
      "RuneRegistryInfraWeightsNotExact",
      "RuneRegistryRuneExists",
    ]);
    expect(checked.revert?.contractError).toBe("RuneRegistryZeroSigner");
  });

  it("says what is wrong in percent", () => {
    const checked = checkRegisterAgent({ ...valid, split: { developerBps: 7_500, infraBps: 2_000, stakersBps: 450 } });
    expect(checked.violations.map((violation) => violation.message)).toEqual([
      "The split adds up to 99.5%: it must be exactly 100%.",
      "The stakers' share is 4.5%; the protocol minimum is 10%.",
    ]);
  });

  it("follows the protocol minimum it is given", () => {
    expect(checkRegisterAgent({ ...valid, minStakersBps: 2_000 }).ok).toBe(true);
    expect(checkRegisterAgent({ ...valid, minStakersBps: 2_001 }).revert?.contractError).toBe("RuneRegistryStakersShareTooLow");
  });
});

describe("checkSplit", () => {
  it("is the split part of registration alone", () => {
    expect(checkSplit(valid).ok).toBe(true);
    expect(checkSplit({ ...valid, infraWeights: [1, 2] }).revert?.contractError).toBe("RuneRegistryInfraWeightsNotExact");
  });
});

describe("checkProposeSplit", () => {
  const proposal: ProposeSplitRulesInput = {
    ...valid,
    status: "Active",
    owner: A,
    caller: A,
    pendingProposal: { id: 0n, expiresAt: 0n },
    nextProposalAt: 0n,
    now: 1_000_000n,
  };

  it("accepts the owner's valid proposal on an active or suspended rune, and once a pending one expired", () => {
    expect(checkProposeSplit(proposal).ok).toBe(true);
    expect(checkProposeSplit({ ...proposal, status: "Suspended" }).ok).toBe(true);
    expect(checkProposeSplit({ ...proposal, caller: A.toLowerCase() as Address }).ok).toBe(true);
    expect(checkProposeSplit({ ...proposal, pendingProposal: { id: 3n, expiresAt: 1_000_000n } }).ok).toBe(true);
    expect(checkProposeSplit({ ...proposal, nextProposalAt: 1_000_000n }).ok).toBe(true);
  });

  const cases: [string, Partial<ProposeSplitRulesInput>, string, string][] = [
    ["an unknown rune", { status: "Unregistered" }, "rune", "RuneRegistryUnknownRune"],
    ["another account", { caller: B }, "account", "RuneRegistryNotRuneOwner"],
    ["a retired rune", { status: "Retired" }, "rune", "RuneRegistryRuneRetired"],
    ["a pending proposal", { pendingProposal: { id: 3n, expiresAt: 1_000_001n } }, "proposal", "RuneRegistryProposalPending"],
    ["the cooldown", { nextProposalAt: 1_000_001n }, "proposal", "RuneRegistryProposalCooldown"],
    ["a split that is not exact", { split: { developerBps: 1, infraBps: 2_000, stakersBps: 2_000 } }, "split", "RuneRegistrySplitNotExact"],
  ];
  it.each(cases)("refuses %s", (_case, change, field, contractError) => {
    const checked = checkProposeSplit({ ...proposal, ...change });
    expect(checked.revert).toMatchObject({ field, contractError });
  });

  it("checks ownership before anything else, as the contract does", () => {
    const checked = checkProposeSplit({ ...proposal, caller: B, nextProposalAt: 2_000_000n, split: { developerBps: 0, infraBps: 0, stakersBps: 0 } });
    expect(checked.violations.map((violation) => violation.contractError)).toEqual(["RuneRegistryNotRuneOwner"]);
  });
});

describe("checkRotateSigner", () => {
  const rotation: RotateSignerRulesInput = { status: "Active", owner: A, caller: A, newSigner: B, currentSigner: C };

  it("accepts the owner's new, different, non-zero signer", () => {
    expect(checkRotateSigner(rotation).ok).toBe(true);
    expect(checkRotateSigner({ ...rotation, status: "Suspended" }).ok).toBe(true);
  });

  const cases: [string, Partial<RotateSignerRulesInput>, string, string | undefined][] = [
    ["an unknown rune", { status: "Unregistered" }, "rune", "RuneRegistryUnknownRune"],
    ["another account", { caller: C }, "account", "RuneRegistryNotRuneOwner"],
    ["a retired rune", { status: "Retired" }, "rune", "RuneRegistryRuneRetired"],
    ["the zero address", { newSigner: zeroAddress }, "newSigner", "RuneRegistryZeroSigner"],
    ["the same signer", { newSigner: C.toLowerCase() }, "newSigner", "RuneRegistrySameSigner"],
    ["a malformed address", { newSigner: "C" }, "newSigner", undefined],
  ];
  it.each(cases)("refuses %s", (_case, change, field, contractError) => {
    const checked = checkRotateSigner({ ...rotation, ...change });
    expect(checked.ok).toBe(false);
    expect(checked.violations[0]?.field).toBe(field);
    expect(checked.violations[0]?.contractError).toBe(contractError);
  });
});

describe("isSalt", () => {
  it("is 0x and 64 hex digits", () => {
    expect(isSalt(salt)).toBe(true);
    expect(isSalt(salt.slice(0, -1))).toBe(false);
  });
});
