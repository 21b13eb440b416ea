/**
 * The developer console's forms (register an agent, propose a split, rotate the signer) read from what was typed
 * into the arguments of the registry call, or into the reason next to each field. The rules themselves live in
 * one place, lib/domain/registration-rules.ts (mirrored from the contract, tested against its custom errors), and
 * the registration file's in lib/domain/registration-file.ts: this module only turns text into their inputs and
 * their violations into one message per form field.
 */
import { type Address, type Hex, bytesToHex, isAddress, zeroAddress } from "viem";
import type { AgentService } from "../agent-metadata";
import { parsePercentInput } from "./percent-input";
import {
  type RegistrationFile,
  type RegistrationIdentity,
  SUPPORTED_TRUST_MODELS,
  type SupportedTrustModel,
  buildRegistrationFile,
  encodeRegistrationFile,
  parseMetadataUriInput,
} from "./registration-file";
import {
  type RuneAccessInput,
  type SplitInput,
  checkProposeSplit,
  checkRegisterAgent,
  checkRotateSigner,
  isSalt,
} from "./registration-rules";
import { computeRune } from "./rune";

/** One infra recipient row as typed: an address and its weight in percent. */
export interface InfraRowValues {
  address: string;
  weight: string;
}

/** A split as typed, in percent, with its infra recipients. */
export interface SplitFormValues {
  developer: string;
  infra: string;
  stakers: string;
  recipients: InfraRowValues[];
}

/** Everything the registration form holds. */
export interface RegisterFormValues extends SplitFormValues {
  name: string;
  description: string;
  image: string;
  /** ERC-8004 service endpoints; empty for none. */
  web: string;
  a2a: string;
  mcp: string;
  x402Support: boolean;
  supportedTrust: SupportedTrustModel[];
  /** `data`: the file is stored in the rune itself as a data: URI; `custom`: `customUri` points to it. */
  uriMode: "data" | "custom";
  customUri: string;
  signer: string;
  /** 32 bytes as 0x-hex. */
  salt: string;
}

/** One message per form field, keyed by the field's name (`name`, `split.stakersBps`, `infraRecipients[2]`, …). */
export type FieldErrors = Record<string, string>;

/** Form-wide problems (who may act, a pending proposal) are reported under this key. */
export const FORM_FIELD = "form";

/** The split arguments as the contract takes them. */
export interface SplitArguments {
  split: SplitInput;
  infraRecipients: Address[];
  infraWeights: number[];
}

/** Which form field each rule-module field lands on (the rest keep their name). */
const FORM_LEVEL_FIELDS = new Set(["rune", "account", "proposal"]);

/**
 * Adds rule violations to the errors, keeping one message per field: the first (so a parse error typed into a
 * field is not repeated by the rule that could not read it).
 */
function addViolations(errors: FieldErrors, violations: readonly { field: string; message: string }[], rename: (field: string) => string = (f) => f) {
  for (const violation of violations) {
    const field = FORM_LEVEL_FIELDS.has(violation.field) ? FORM_FIELD : rename(violation.field);
    errors[field] ??= violation.message;
  }
}

/** The split as typed, read into basis points (NaN where the text is not a percentage: the rules skip it). */
function readSplit(values: SplitFormValues, errors: FieldErrors): { split: SplitInput; infraRecipients: string[]; infraWeights: number[] } {
  const read = (text: string, field: string): number => {
    const parsed = parsePercentInput(text);
    if (parsed.ok) return parsed.bps;
    errors[field] ??= parsed.message;
    return Number.NaN;
  };
  const split = {
    developerBps: read(values.developer, "split.developerBps"),
    infraBps: read(values.infra, "split.infraBps"),
    stakersBps: read(values.stakers, "split.stakersBps"),
  };
  return {
    split,
    infraRecipients: values.recipients.map((row) => row.address.trim()),
    infraWeights: values.recipients.map((row, i) => read(row.weight, `infraWeights[${i}]`)),
  };
}

function asArguments(read: { split: SplitInput; infraRecipients: string[]; infraWeights: number[] }): SplitArguments {
  return { split: read.split, infraRecipients: read.infraRecipients as Address[], infraWeights: read.infraWeights };
}

/** What the registration form produces: the call's arguments, or the reasons by field. */
export type RegisterFormResult =
  | {
      ok: true;
      rune: Hex;
      salt: Hex;
      signer: Address;
      metadataURI: string;
      /** The file when it is built here (data: mode). */
      file?: RegistrationFile;
      arguments: SplitArguments;
    }
  | { ok: false; errors: FieldErrors };

/** Chain facts the registration form is checked against. */
export interface RegisterFormContext {
  chainId: number;
  registry: Address;
  /** The connected account: it registers, and owns the rune. */
  developer: Address;
  /** The registry's `minStakersBps()`, read from the chain. */
  minStakersBps: number;
  /** Whether the rune this salt gives is already registered (`statusOf(rune) != Unregistered`), once read. */
  runeTaken?: boolean;
}

/** The rune a salt gives this developer, or undefined while the salt is not 32 bytes. */
export function previewRune(salt: string, context: Pick<RegisterFormContext, "chainId" | "registry" | "developer">): Hex | undefined {
  return isSalt(salt) ? computeRune({ chainId: context.chainId, registry: context.registry, developer: context.developer, salt }) : undefined;
}

const SERVICE_FIELDS = [
  { field: "web", name: "web" },
  { field: "a2a", name: "A2A" },
  { field: "mcp", name: "MCP" },
] as const;

/**
 * The registration file the form describes, and its `data:` URI with its size, for the rune `identity` names
 * (errors by form field when it cannot be built).
 */
export function registrationFileFromForm(
  values: RegisterFormValues,
  identity: RegistrationIdentity,
): { ok: true; file: RegistrationFile; uri: string; bytes: number } | { ok: false; errors: FieldErrors } {
  const services: AgentService[] = [];
  const serviceField: string[] = [];
  for (const { field, name } of SERVICE_FIELDS) {
    const endpoint = values[field].trim();
    if (endpoint === "") continue;
    services.push({ name, endpoint });
    serviceField.push(field);
  }
  const built = buildRegistrationFile(
    {
      name: values.name,
      description: values.description,
      image: values.image,
      services,
      x402Support: values.x402Support,
      active: true,
      supportedTrust: SUPPORTED_TRUST_MODELS.filter((model) => values.supportedTrust.includes(model)),
    },
    identity,
  );
  if (!built.ok) {
    const errors: FieldErrors = {};
    addViolations(errors, built.errors, (field) => {
      const service = /^services\[(\d+)\]/.exec(field);
      return service ? (serviceField[Number(service[1])] ?? "services") : field;
    });
    return { ok: false, errors };
  }
  return { ok: true, file: built.file, ...encodeRegistrationFile(built.file) };
}

/**
 * Checks the whole registration form before any wallet prompt: the file's fields, the metadata URI, and every
 * rule `registerAgent` enforces (signer, split, stakers minimum, infra recipients and weights, salt). On success,
 * the exact arguments to send and the rune the registration will produce.
 *
 * @example
 * const result = validateRegisterForm(values, { chainId, registry, developer: address, minStakersBps });
 * if (!result.ok) showNextToFields(result.errors);
 */
export function validateRegisterForm(values: RegisterFormValues, context: RegisterFormContext): RegisterFormResult {
  const errors: FieldErrors = {};
  const rune = previewRune(values.salt.trim(), context);
  const identity: RegistrationIdentity | undefined = rune && { rune, chainId: context.chainId, registry: context.registry };

  let metadataURI = "";
  let file: RegistrationFile | undefined;
  if (values.uriMode === "data") {
    // The file names its rune: without a valid salt there is no rune yet (the salt's own error says why).
    const built = registrationFileFromForm(values, identity ?? { rune: `0x${"0".repeat(64)}`, chainId: context.chainId, registry: context.registry });
    if (built.ok) {
      metadataURI = built.uri;
      file = built.file;
    } else Object.assign(errors, built.errors);
  } else {
    const given = parseMetadataUriInput(values.customUri, identity);
    if (given.ok) metadataURI = given.uri;
    else errors.customUri = given.error;
  }

  const split = readSplit(values, errors);
  const checked = checkRegisterAgent({
    ...split,
    salt: values.salt.trim(),
    signer: values.signer.trim(),
    metadataURI,
    minStakersBps: context.minStakersBps,
    runeTaken: context.runeTaken,
  });
  addViolations(errors, checked.violations, (field) => (field === "metadataURI" && values.uriMode === "custom" ? "customUri" : field));
  // A built file is never empty: an empty URI here means the file's own fields are at fault, and say why.
  if (values.uriMode === "data") delete errors.metadataURI;
  if (Object.keys(errors).length > 0 || rune === undefined) return { ok: false, errors };
  return {
    ok: true,
    rune,
    salt: values.salt.trim() as Hex,
    signer: values.signer.trim() as Address,
    metadataURI,
    file,
    arguments: asArguments(split),
  };
}

/** What the proposal form is checked against: the rune's state and the chain's. */
export interface ProposeFormContext extends RuneAccessInput {
  minStakersBps: number;
  pendingProposal: { id: bigint; expiresAt: bigint };
  nextProposalAt: bigint;
  /** Chain time now. */
  now: bigint;
}

/**
 * Checks a split proposal before any wallet prompt: every rule of `proposeSplit` (owner, not retired, no live
 * proposal, cooldown over, the split rules).
 *
 * @example
 * const result = validateProposeForm(values, { status, owner, caller, minStakersBps, pendingProposal, nextProposalAt, now });
 */
export function validateProposeForm(values: SplitFormValues, context: ProposeFormContext): { ok: true; arguments: SplitArguments } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const split = readSplit(values, errors);
  addViolations(errors, checkProposeSplit({ ...split, ...context }).violations);
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, arguments: asArguments(split) };
}

/**
 * Checks a signer rotation before any wallet prompt: owner, not retired, a new non-zero signer.
 *
 * @example
 * validateRotateForm("0x…", { status: "Active", owner, caller, currentSigner })
 */
export function validateRotateForm(
  newSigner: string,
  context: RuneAccessInput & { currentSigner: Address },
): { ok: true; signer: Address } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  addViolations(errors, checkRotateSigner({ ...context, newSigner: newSigner.trim() }).violations);
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, signer: newSigner.trim() as Address };
}

/** A fresh random salt (32 bytes from the platform's CSPRNG), so each registration gets a new rune by default. */
export function randomSalt(): Hex {
  return bytesToHex(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}

/** Whether a typed address is a usable, non-zero address (for hints such as "use my address"). */
export function isNonZeroAddress(text: string): boolean {
  return isAddress(text.trim()) && text.trim().toLowerCase() !== zeroAddress;
}
