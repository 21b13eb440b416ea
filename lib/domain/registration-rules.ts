/**
 * Every rule `RuneRegistry.registerAgent`, `proposeSplit` and `rotateSigner` enforce, mirrored so the developer
 * page can refuse bad input next to the field before any wallet prompt. Each violation names the field, says
 * what is wrong in plain words, and names the registry's custom error for that rule; the anvil test makes the
 * contract revert with exactly that error for each rule, so this module and the contract cannot drift.
 *
 * Rules that need chain state take it as input (the protocol's `minStakersBps`, the rune's owner and status,
 * the pending proposal, chain time): this module reads nothing.
 */
import { type Address, type Hex, isAddress, isAddressEqual, zeroAddress } from "viem";

/** Basis points in a whole (`SplitMath.BPS`). */
export const BPS = 10_000;
/** `RuneRegistry.MAX_INFRA_RECIPIENTS`. */
export const MAX_INFRA_RECIPIENTS = 8;
/** Largest value a `uint16` basis-point field can carry (a bigger one cannot even be sent). */
const MAX_UINT16 = 65_535;

/** Custom errors of the RuneRegistry these rules correspond to (every one has a test that makes the contract raise it). */
export const REGISTRATION_RULE_ERRORS = [
  "RuneRegistryZeroSigner",
  "RuneRegistryEmptyMetadataURI",
  "RuneRegistrySplitNotExact",
  "RuneRegistryStakersShareTooLow",
  "RuneRegistryInfraLengthMismatch",
  "RuneRegistryInfraMismatch",
  "RuneRegistryTooManyInfraRecipients",
  "RuneRegistryInvalidInfraRecipient",
  "RuneRegistryZeroInfraWeight",
  "RuneRegistryInfraWeightsNotExact",
  "RuneRegistryRuneExists",
  "RuneRegistryUnknownRune",
  "RuneRegistryNotRuneOwner",
  "RuneRegistryRuneRetired",
  "RuneRegistryProposalPending",
  "RuneRegistryProposalCooldown",
  "RuneRegistrySameSigner",
] as const;

/** A custom error of the RuneRegistry one of these rules corresponds to. */
export type RegistrationRuleError = (typeof REGISTRATION_RULE_ERRORS)[number];

/** One broken rule. */
export interface RuleViolation {
  /**
   * The input at fault: `signer`, `metadataURI`, `salt`, `split`, `split.developerBps`, `infraRecipients`,
   * `infraRecipients[2]`, `infraWeights[1]`, `newSigner`, `rune`, `account`, `proposal`.
   */
  field: string;
  /** What is wrong, in plain words, for display next to the field. */
  message: string;
  /**
   * The registry's custom error for this rule. Absent for input that cannot even be sent (a malformed address,
   * a basis-point value that is not a uint16).
   */
  contractError?: RegistrationRuleError;
}

/** The outcome of a check: every violation, in the contract's order. */
export interface RulesResult {
  ok: boolean;
  violations: RuleViolation[];
  /**
   * What the transaction would revert with: the first violation in the contract's order that has a contract
   * error. (With a malformed input as well, the transaction cannot be built at all.)
   */
  revert?: RuleViolation;
}

/** A split as typed: basis points (100 = 1%). */
export interface SplitInput {
  developerBps: number;
  infraBps: number;
  stakersBps: number;
}

/** The split and infra set `registerAgent` and `proposeSplit` take. */
export interface SplitRulesInput {
  split: SplitInput;
  /** Addresses as typed (checked for shape here). */
  infraRecipients: readonly string[];
  /** Basis points, one per recipient, summing to 10,000. */
  infraWeights: readonly number[];
  /** The registry's `minStakersBps()` now (a protocol bound governance can change). */
  minStakersBps: number;
}

/** What `registerAgent(salt, signer, metadataURI, split, infraRecipients, infraWeights)` takes, plus chain facts. */
export interface RegisterAgentRulesInput extends SplitRulesInput {
  /** 32 bytes, `0x` and 64 hex digits. */
  salt: string;
  signer: string;
  metadataURI: string;
  /** Whether `computeRune(developer, salt)` is already registered (`statusOf(rune) != Unregistered`). */
  runeTaken?: boolean;
}

/** A rune's status as the registry numbers it. */
export type RuneStatusName = "Unregistered" | "Active" | "Suspended" | "Retired";

/** Who acts on which rune: the owner-only rules of `proposeSplit` and `rotateSigner`. */
export interface RuneAccessInput {
  status: RuneStatusName;
  /** The rune's owner (ERC-721 `ownerOf`); ignored when the rune is unregistered. */
  owner: Address;
  /** The account that would send the transaction. */
  caller: Address;
}

/** What `proposeSplit(rune, split, infraRecipients, infraWeights)` takes, plus chain facts. */
export interface ProposeSplitRulesInput extends SplitRulesInput, RuneAccessInput {
  /** The rune's `pendingSplitProposal`: id 0 when none. */
  pendingProposal: { id: bigint; expiresAt: bigint };
  /** The registry's `nextProposalAt(rune)` (0 when no cooldown runs). */
  nextProposalAt: bigint;
  /** Chain time the transaction would run at (e.g. `chainNow` from lib/domain/chain-time.ts). */
  now: bigint;
}

/** What `rotateSigner(rune, newSigner)` takes, plus chain facts. */
export interface RotateSignerRulesInput extends RuneAccessInput {
  newSigner: string;
  /** The rune's signer now. */
  currentSigner: Address;
}

const ADDRESS_SHAPE = /^0x[0-9a-fA-F]{40}$/;
const BYTES32 = /^0x[0-9a-fA-F]{64}$/;

/**
 * The split rules shared by `registerAgent` and `proposeSplit` (`_validateSplit`): the split sums to exactly
 * 10,000; the stakers' share is at least the protocol minimum; one weight per recipient; infra recipients
 * exactly when the infra share is above 0; at most 8 of them; none zero or listed twice; every weight above 0;
 * weights summing to exactly 10,000.
 *
 * @example
 * checkSplit({ split: { developerBps: 7_000, infraBps: 0, stakersBps: 2_000 }, infraRecipients: [], infraWeights: [], minStakersBps: 1_000 })
 *   .revert?.contractError // "RuneRegistrySplitNotExact"
 */
export function checkSplit(input: SplitRulesInput): RulesResult {
  return result(splitViolations(input));
}

/**
 * Every rule of `registerAgent`, in the contract's order: non-zero signer, non-empty metadata URI, the split
 * rules ({@link checkSplit}), and a salt that does not give a rune already registered by this developer.
 *
 * @example
 * const { ok, violations } = checkRegisterAgent({ salt, signer, metadataURI, split, infraRecipients, infraWeights, minStakersBps });
 */
export function checkRegisterAgent(input: RegisterAgentRulesInput): RulesResult {
  const violations: RuleViolation[] = [];
  const signer = addressViolation(input.signer, "signer", "the agent's signer");
  if (signer) violations.push(signer);
  else if (isAddressEqual(input.signer as Address, zeroAddress)) {
    violations.push({ field: "signer", message: "The agent needs a signer: the zero address cannot sign receipts.", contractError: "RuneRegistryZeroSigner" });
  }
  if (input.metadataURI.length === 0) {
    violations.push({ field: "metadataURI", message: "The agent's registration file (metadata URI) is empty.", contractError: "RuneRegistryEmptyMetadataURI" });
  }
  violations.push(...splitViolations(input));
  if (!BYTES32.test(input.salt)) {
    violations.push({ field: "salt", message: "The salt must be 32 bytes: 0x and 64 hex digits." });
  } else if (input.runeTaken === true) {
    violations.push({
      field: "salt",
      message: "You already registered an agent with this salt: choose another salt to get a new rune.",
      contractError: "RuneRegistryRuneExists",
    });
  }
  return result(violations);
}

/**
 * Every rule of `proposeSplit`, in the contract's order: the caller owns the rune and it is registered and not
 * retired; no proposal still pending; the cooldown after the last one has passed; the split rules.
 *
 * @example
 * checkProposeSplit({ ...splitInput, status: "Active", owner, caller, pendingProposal: { id: 0n, expiresAt: 0n }, nextProposalAt: 0n, now })
 */
export function checkProposeSplit(input: ProposeSplitRulesInput): RulesResult {
  const violations = accessViolations(input);
  if (violations.length > 0) return result(violations);
  if (input.pendingProposal.id !== 0n && input.now < input.pendingProposal.expiresAt) {
    violations.push({
      field: "proposal",
      message: "A split proposal is already pending on this agent: cancel it or let it run out first.",
      contractError: "RuneRegistryProposalPending",
    });
  } else if (input.now < input.nextProposalAt) {
    violations.push({
      field: "proposal",
      message: `A new proposal must wait for the cooldown after the last one ended (${input.nextProposalAt - input.now} s of chain time left).`,
      contractError: "RuneRegistryProposalCooldown",
    });
  }
  violations.push(...splitViolations(input));
  return result(violations);
}

/**
 * Every rule of `rotateSigner`, in the contract's order: the caller owns the rune and it is registered and not
 * retired; the new signer is not the zero address and not the current signer.
 *
 * @example
 * checkRotateSigner({ status: "Active", owner, caller, newSigner, currentSigner }).ok
 */
export function checkRotateSigner(input: RotateSignerRulesInput): RulesResult {
  const violations = accessViolations(input);
  if (violations.length > 0) return result(violations);
  const malformed = addressViolation(input.newSigner, "newSigner", "the new signer");
  if (malformed) return result([malformed]);
  const newSigner = input.newSigner as Address;
  if (isAddressEqual(newSigner, zeroAddress)) {
    violations.push({ field: "newSigner", message: "The new signer cannot be the zero address.", contractError: "RuneRegistryZeroSigner" });
  } else if (isAddressEqual(newSigner, input.currentSigner)) {
    violations.push({ field: "newSigner", message: "That is already the agent's signer.", contractError: "RuneRegistrySameSigner" });
  }
  return result(violations);
}

function result(violations: RuleViolation[]): RulesResult {
  return { ok: violations.length === 0, violations, revert: violations.find((violation) => violation.contractError !== undefined) };
}

/** `_requireOwnerOfLiveRune`: registered, owned by the caller, not retired. */
function accessViolations({ status, owner, caller }: RuneAccessInput): RuleViolation[] {
  if (status === "Unregistered") {
    return [{ field: "rune", message: "No agent is registered with this rune.", contractError: "RuneRegistryUnknownRune" }];
  }
  if (!isAddressEqual(owner, caller)) {
    return [{ field: "account", message: "Only the agent's owner can do this: connect the account that owns it.", contractError: "RuneRegistryNotRuneOwner" }];
  }
  if (status === "Retired") {
    return [{ field: "rune", message: "This agent is retired: it cannot change any more.", contractError: "RuneRegistryRuneRetired" }];
  }
  return [];
}

function percent(bps: number): string {
  return `${bps / 100}%`;
}

function splitViolations({ split, infraRecipients, infraWeights, minStakersBps }: SplitRulesInput): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const parts = [
    ["developerBps", split.developerBps],
    ["infraBps", split.infraBps],
    ["stakersBps", split.stakersBps],
  ] as const;
  const malformedParts = parts.filter(([, value]) => !isUint16(value));
  for (const [name] of malformedParts) {
    violations.push({ field: `split.${name}`, message: "Enter a whole number of basis points from 0 to 10,000 (100 = 1%)." });
  }
  if (malformedParts.length === 0) {
    const sum = split.developerBps + split.infraBps + split.stakersBps;
    if (sum !== BPS) {
      violations.push({ field: "split", message: `The split adds up to ${percent(sum)}: it must be exactly 100%.`, contractError: "RuneRegistrySplitNotExact" });
    }
  }
  if (isUint16(split.stakersBps) && split.stakersBps < minStakersBps) {
    violations.push({
      field: "split.stakersBps",
      message: `The stakers' share is ${percent(split.stakersBps)}; the protocol minimum is ${percent(minStakersBps)}.`,
      contractError: "RuneRegistryStakersShareTooLow",
    });
  }

  const count = infraRecipients.length;
  if (count !== infraWeights.length) {
    violations.push({
      field: "infraWeights",
      message: `Each infra recipient needs exactly one weight (${count} recipients, ${infraWeights.length} weights).`,
      contractError: "RuneRegistryInfraLengthMismatch",
    });
  }
  if (isUint16(split.infraBps) && (split.infraBps === 0) !== (count === 0)) {
    violations.push(
      split.infraBps === 0
        ? { field: "infraRecipients", message: "With a 0% infra share, remove the infra recipients.", contractError: "RuneRegistryInfraMismatch" }
        : { field: "infraRecipients", message: `Add at least one infra recipient for the ${percent(split.infraBps)} infra share, or set it to 0%.`, contractError: "RuneRegistryInfraMismatch" },
    );
  }
  if (count > MAX_INFRA_RECIPIENTS) {
    violations.push({
      field: "infraRecipients",
      message: `At most ${MAX_INFRA_RECIPIENTS} infra recipients (${count} given).`,
      contractError: "RuneRegistryTooManyInfraRecipients",
    });
  }

  let weightSum = 0;
  let weightsWellFormed = true;
  for (let i = 0; i < count; i++) {
    const recipient = infraRecipients[i] ?? "";
    const malformed = addressViolation(recipient, `infraRecipients[${i}]`, "this infra recipient");
    if (malformed) violations.push(malformed);
    else if (isAddressEqual(recipient as Address, zeroAddress)) {
      violations.push({ field: `infraRecipients[${i}]`, message: "An infra recipient cannot be the zero address.", contractError: "RuneRegistryInvalidInfraRecipient" });
    } else if (infraRecipients.slice(0, i).some((earlier) => ADDRESS_SHAPE.test(earlier) && isAddressEqual(earlier as Address, recipient as Address))) {
      violations.push({ field: `infraRecipients[${i}]`, message: "This infra recipient is listed twice.", contractError: "RuneRegistryInvalidInfraRecipient" });
    }
    if (i >= infraWeights.length) continue;
    const weight = infraWeights[i] ?? 0;
    if (!isUint16(weight)) {
      weightsWellFormed = false;
      violations.push({ field: `infraWeights[${i}]`, message: "Enter a whole number of basis points from 1 to 10,000 (100 = 1%)." });
    } else if (weight === 0) {
      violations.push({ field: `infraWeights[${i}]`, message: "Every infra recipient needs a weight above 0%.", contractError: "RuneRegistryZeroInfraWeight" });
    }
    weightSum += weight;
  }
  // The contract sums the weights it walked: all of them when the lengths match (else it reverted earlier).
  if (count !== 0 && weightsWellFormed && count === infraWeights.length && weightSum !== BPS) {
    violations.push({
      field: "infraWeights",
      message: `The infra weights add up to ${percent(weightSum)}: they must be exactly 100%.`,
      contractError: "RuneRegistryInfraWeightsNotExact",
    });
  }
  return violations;
}

function isUint16(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= MAX_UINT16;
}

function addressViolation(value: string, field: string, what: string): RuleViolation | undefined {
  if (value.trim() === "") return { field, message: `Enter ${what}'s address.` };
  if (!ADDRESS_SHAPE.test(value)) return { field, message: `That is not an address: 0x and 40 hex digits.` };
  if (!isAddress(value)) return { field, message: "The address's checksum is wrong (mixed case that is not EIP-55): check for a typo." };
  return undefined;
}

/** A salt as the contract takes it (a `bytes32`), when well-formed. */
export function isSalt(value: string): value is Hex {
  return BYTES32.test(value);
}
