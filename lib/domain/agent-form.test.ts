import { type Address, keccak256, stringToBytes, zeroAddress } from "viem";
import { describe, expect, it } from "vitest";
import { parseAgentMetadata } from "../agent-metadata";
import {
  FORM_FIELD,
  type RegisterFormValues,
  type SplitFormValues,
  previewRune,
  randomSalt,
  validateProposeForm,
  validateRegisterForm,
  validateRotateForm,
} from "./agent-form";
import { checkRegistration } from "./registration-check";
import { computeRune } from "./rune";

const registry: Address = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
const developer: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const infraA: Address = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
const infraB: Address = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";
const signer: Address = "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc";
const salt = keccak256(stringToBytes("form test"));
const context = { chainId: 31337, registry, developer, minStakersBps: 1_000 };

const valid: RegisterFormValues = {
  name: "Huginn Scout",
  description: "Finds and summarises fresh sources.",
  image: "",
  web: "https://huginn.example",
  a2a: "",
  mcp: "https://huginn.example/mcp",
  x402Support: true,
  supportedTrust: ["reputation"],
  uriMode: "data",
  customUri: "",
  signer,
  salt,
  developer: "50",
  infra: "20",
  stakers: "30",
  recipients: [
    { address: infraA, weight: "60" },
    { address: infraB, weight: "40" },
  ],
};

function errorsOf(values: Partial<RegisterFormValues>, extra: Partial<typeof context> & { runeTaken?: boolean } = {}) {
  const result = validateRegisterForm({ ...valid, ...values }, { ...context, ...extra });
  if (result.ok) throw new Error("expected the form to be refused");
  return result.errors;
}

describe("validateRegisterForm", () => {
  it("turns a valid form into the exact registerAgent arguments, with a data: URI file naming the rune it will produce", () => {
    const result = validateRegisterForm(valid, context);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const rune = computeRune({ chainId: 31337, registry, developer, salt });
    expect(result.rune).toBe(rune);
    expect(result.salt).toBe(salt);
    expect(result.signer).toBe(signer);
    expect(result.arguments).toEqual({
      split: { developerBps: 5_000, infraBps: 2_000, stakersBps: 3_000 },
      infraRecipients: [infraA, infraB],
      infraWeights: [6_000, 4_000],
    });
    expect(result.metadataURI.startsWith("data:application/json;base64,")).toBe(true);
    const metadata = parseAgentMetadata(result.metadataURI);
    expect(metadata?.name).toBe("Huginn Scout");
    expect(metadata?.x402Support).toBe(true);
    expect(metadata?.services).toEqual([
      { name: "web", endpoint: "https://huginn.example" },
      { name: "MCP", endpoint: "https://huginn.example/mcp" },
    ]);
    expect(checkRegistration(rune, 31337, registry, metadata?.registrations).state).toBe("names-this-rune");
  });

  it("accepts a given https or ipfs URI instead of the built file", () => {
    const result = validateRegisterForm({ ...valid, uriMode: "custom", customUri: "https://huginn.example/agent.json", name: "" }, context);
    // The file's own fields do not matter when the developer points to their own file.
    expect(result).toMatchObject({ ok: true, metadataURI: "https://huginn.example/agent.json" });
  });

  it("refuses a split that does not add up to 100%, next to the split", () => {
    expect(errorsOf({ developer: "60" })).toEqual({ split: "The split adds up to 110%: it must be exactly 100%." });
  });

  it("refuses a stakers share below the chain's minimum, with the minimum read from the chain", () => {
    const errors = errorsOf({ developer: "75", stakers: "5" });
    expect(errors["split.stakersBps"]).toBe("The stakers' share is 5%; the protocol minimum is 10%.");
    expect(errorsOf({ developer: "65", stakers: "15" }, { minStakersBps: 2_000 })["split.stakersBps"]).toContain("minimum is 20%");
  });

  it("refuses infra weights that do not add up to 100%, next to the weights", () => {
    expect(errorsOf({ recipients: [{ address: infraA, weight: "60" }, { address: infraB, weight: "30" }] })).toEqual({
      infraWeights: "The infra weights add up to 90%: they must be exactly 100%.",
    });
  });

  it("refuses more than 8 infra recipients", () => {
    const recipients = Array.from({ length: 9 }, (_, i) => ({ address: `0x${(i + 1).toString(16).padStart(40, "0")}`, weight: i === 0 ? "20" : "10" }));
    expect(errorsOf({ recipients }).infraRecipients).toBe("At most 8 infra recipients (9 given).");
  });

  it("refuses infra recipients with a 0% infra share, and a share without recipients", () => {
    expect(errorsOf({ developer: "70", infra: "0" }).infraRecipients).toBe("With a 0% infra share, remove the infra recipients.");
    expect(errorsOf({ recipients: [] }).infraRecipients).toContain("Add at least one infra recipient");
  });

  it("refuses a zero, malformed or mis-checksummed signer", () => {
    expect(errorsOf({ signer: zeroAddress }).signer).toBe("The agent needs a signer: the zero address cannot sign receipts.");
    expect(errorsOf({ signer: "0x1234" }).signer).toBe("That is not an address: 0x and 40 hex digits.");
    expect(errorsOf({ signer: "" }).signer).toBe("Enter the agent's signer's address.");
    expect(errorsOf({ signer: signer.replace("a", "A") }).signer).toContain("checksum");
  });

  it("refuses a malformed or duplicate infra recipient next to its row", () => {
    expect(errorsOf({ recipients: [{ address: "nope", weight: "60" }, { address: infraB, weight: "40" }] })).toEqual({
      "infraRecipients[0]": "That is not an address: 0x and 40 hex digits.",
    });
    expect(errorsOf({ recipients: [{ address: infraA, weight: "60" }, { address: infraA, weight: "40" }] })["infraRecipients[1]"]).toBe(
      "This infra recipient is listed twice.",
    );
  });

  it("refuses bad URLs next to their field: image, each service endpoint, a given URI", () => {
    expect(errorsOf({ image: "http://huginn.example/logo.png" }).image).toBe("Use an https:// address.");
    expect(errorsOf({ web: "huginn.example" }).web).toBe("That is not a web address: https://host/path.");
    expect(errorsOf({ a2a: "ftp://huginn.example/card.json" }).a2a).toBe("Use an https:// address.");
    expect(errorsOf({ mcp: "https://huginn example/mcp" }).mcp).toBe("An address cannot contain spaces.");
    expect(errorsOf({ uriMode: "custom", customUri: "http://huginn.example/agent.json" }).customUri).toBe("Use an https://, ipfs:// or data: URI.");
    expect(errorsOf({ uriMode: "custom", customUri: "" }).customUri).toContain("Enter the registration file's URI");
  });

  it("refuses an empty name or description", () => {
    expect(errorsOf({ name: "   " })).toEqual({ name: "Enter the agent's name." });
    expect(errorsOf({ description: "" }).description).toContain("Describe what the agent does");
  });

  it("refuses shares that are not percentages, once per field (the rule that cannot read it adds nothing)", () => {
    expect(errorsOf({ developer: "fifty" })).toEqual({ "split.developerBps": "Enter a number, e.g. 30 or 12.5." });
    expect(errorsOf({ stakers: "30.001" })).toEqual({ "split.stakersBps": "At most 2 decimals: shares are whole basis points (0.01%)." });
    expect(errorsOf({ recipients: [{ address: infraA, weight: "" }, { address: infraB, weight: "40" }] })).toEqual({
      "infraWeights[0]": "Enter a percentage (0 to 100).",
    });
  });

  it("refuses a malformed salt, and a salt whose rune this developer already registered", () => {
    expect(errorsOf({ salt: "0x12" }).salt).toBe("The salt must be 32 bytes: 0x and 64 hex digits.");
    expect(errorsOf({}, { runeTaken: true }).salt).toContain("already registered an agent with this salt");
  });

  it("reports every field at fault at once", () => {
    const errors = errorsOf({ name: "", signer: zeroAddress, developer: "90", web: "nope" });
    expect(Object.keys(errors).sort()).toEqual(["name", "signer", "split", "web"]);
  });
});

describe("previewRune", () => {
  it("is the registry's computeRune for this developer and salt, or nothing while the salt is malformed", () => {
    expect(previewRune(salt, context)).toBe(computeRune({ chainId: 31337, registry, developer, salt }));
    expect(previewRune("0x12", context)).toBeUndefined();
  });
  it("changes with every random salt", () => {
    const a = randomSalt();
    const b = randomSalt();
    expect(a).toMatch(/^0x[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
  });
});

describe("validateProposeForm", () => {
  const values: SplitFormValues = { developer: "40", infra: "20", stakers: "40", recipients: [{ address: infraA, weight: "100" }] };
  const proposeContext = {
    status: "Active" as const,
    owner: developer,
    caller: developer,
    minStakersBps: 1_000,
    pendingProposal: { id: 0n, expiresAt: 0n },
    nextProposalAt: 0n,
    now: 1_000_000n,
  };
  it("gives the proposeSplit arguments for a valid split", () => {
    expect(validateProposeForm(values, proposeContext)).toEqual({
      ok: true,
      arguments: { split: { developerBps: 4_000, infraBps: 2_000, stakersBps: 4_000 }, infraRecipients: [infraA], infraWeights: [10_000] },
    });
  });
  it("puts who may act, a live proposal and the cooldown at the form's level, the split rules at their fields", () => {
    expect(validateProposeForm(values, { ...proposeContext, caller: signer })).toEqual({
      ok: false,
      errors: { [FORM_FIELD]: "Only the agent's owner can do this: connect the account that owns it." },
    });
    const pending = validateProposeForm({ ...values, stakers: "45" }, { ...proposeContext, pendingProposal: { id: 4n, expiresAt: 2_000_000n } });
    expect(pending).toEqual({
      ok: false,
      errors: {
        [FORM_FIELD]: "A split proposal is already pending on this agent: cancel it or let it run out first.",
        split: "The split adds up to 105%: it must be exactly 100%.",
      },
    });
    expect(validateProposeForm(values, { ...proposeContext, nextProposalAt: 1_000_100n })).toMatchObject({
      ok: false,
      errors: { [FORM_FIELD]: expect.stringContaining("100 s of chain time left") },
    });
  });
});

describe("validateRotateForm", () => {
  const rotateContext = { status: "Active" as const, owner: developer, caller: developer, currentSigner: signer };
  it("accepts a new non-zero signer", () => {
    expect(validateRotateForm(` ${infraA} `, rotateContext)).toEqual({ ok: true, signer: infraA });
  });
  it("refuses the zero address, the current signer and a malformed address, next to the field", () => {
    expect(validateRotateForm(zeroAddress, rotateContext)).toEqual({ ok: false, errors: { newSigner: "The new signer cannot be the zero address." } });
    expect(validateRotateForm(signer, rotateContext)).toEqual({ ok: false, errors: { newSigner: "That is already the agent's signer." } });
    expect(validateRotateForm("0xabc", rotateContext)).toMatchObject({ ok: false, errors: { newSigner: expect.stringContaining("not an address") } });
  });
  it("refuses a retired agent at the form's level", () => {
    expect(validateRotateForm(infraA, { ...rotateContext, status: "Retired" })).toEqual({
      ok: false,
      errors: { [FORM_FIELD]: "This agent is retired: it cannot change any more." },
    });
  });
});
