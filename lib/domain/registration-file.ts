/**
 * The agent's registration file in the ERC-8004 ("Trustless Agents") shape, which a rune's metadata URI points
 * to: built from what a developer types, validated, and encoded as a self-contained
 * `data:application/json;base64,…` URI — or a developer's own `https://` / `ipfs://` URI accepted instead.
 * lib/agent-metadata.ts reads these files back; scripts/seed-agents.ts writes the demo agents' files in the
 * same shape (a test keeps the two byte-identical).
 */
import { type Address, type Hex, hexToBigInt } from "viem";
import { type AgentRegistration, type AgentService, parseAgentMetadata } from "../agent-metadata";
import { checkRegistration } from "./registration-check";

/** ERC-8004 registration file `type`. */
export const ERC8004_REGISTRATION_TYPE = "https://eips.ethereum.org/EIPS/eip-8004#registration-v1";

/** Trust models ERC-8004 names for `supportedTrust`. */
export const SUPPORTED_TRUST_MODELS = ["reputation", "crypto-economic", "tee-attestation"] as const;

/** A trust model of {@link SUPPORTED_TRUST_MODELS}. */
export type SupportedTrustModel = (typeof SUPPORTED_TRUST_MODELS)[number];

/** Service names with a meaning in ERC-8004 files the app knows: a web page, an A2A agent card, an MCP server. */
export const KNOWN_SERVICE_NAMES = ["web", "A2A", "MCP"] as const;

/** Longest name and description the app shows in full (lib/agent-metadata.ts cuts longer ones). */
export const MAX_NAME_LENGTH = 80;
export const MAX_DESCRIPTION_LENGTH = 400;
/** Longest service endpoint the app reads in full. */
export const MAX_ENDPOINT_LENGTH = 200;
const MAX_SERVICES = 16;
const MAX_VERSION_LENGTH = 40;
const MAX_URI_LENGTH = 2_048;

/** An ERC-8004 registration file, keys in the order they are written. */
export interface RegistrationFile {
  type: typeof ERC8004_REGISTRATION_TYPE;
  name: string;
  description: string;
  /** Absent when the developer gave no image. */
  image?: string;
  services: AgentService[];
  x402Support: boolean;
  active: boolean;
  /** Where the agent is registered: here, its own rune on this registry. */
  registrations: AgentRegistration[];
  supportedTrust: string[];
}

/** What a developer fills in. */
export interface RegistrationFileInput {
  name: string;
  description: string;
  /** `https://…`, `ipfs://…` or a `data:image/…;base64,…` URI; empty for none. The app shows only data: images. */
  image?: string;
  /** e.g. `{ name: "MCP", endpoint: "https://agent.example/mcp", version: "2025-06-18" }`; endpoints must be https. */
  services: readonly AgentService[];
  x402Support: boolean;
  active: boolean;
  supportedTrust: readonly string[];
}

/** The identity the file names, known before registering: the rune is `computeRune(developer, salt)`. */
export interface RegistrationIdentity {
  rune: Hex;
  chainId: number;
  /** The RuneRegistry (ERC-8004 identity registry). */
  registry: Address;
}

/** A field's problem: `name`, `image`, `services[1].endpoint`, `supportedTrust[0]`… */
export interface RegistrationFieldError {
  field: string;
  message: string;
}

/** The outcome of {@link buildRegistrationFile}. */
export type RegistrationFileResult = { ok: true; file: RegistrationFile } | { ok: false; errors: RegistrationFieldError[] };

/** A registration file as a `data:` URI, with its size (what storing it on chain costs grows with it). */
export interface EncodedRegistrationFile {
  uri: string;
  /** Bytes of the URI as the contract stores it. */
  bytes: number;
}

/**
 * The ERC-8004 `registrations` entry that names this very agent: agent id `uint256(rune)` (decimal) in
 * `eip155:<chainId>:<registry>`.
 *
 * @example
 * registrationEntry({ rune, chainId: 31337, registry }) // { agentId: "8452…", agentRegistry: "eip155:31337:0xe7f1…" }
 */
export function registrationEntry({ rune, chainId, registry }: RegistrationIdentity): AgentRegistration {
  return { agentId: hexToBigInt(rune).toString(10), agentRegistry: `eip155:${chainId}:${registry}` };
}

/**
 * Validates what the developer typed and builds the registration file naming the rune. Every problem is
 * reported, by field.
 *
 * @example
 * const built = buildRegistrationFile(
 *   { name: "Mimir", description: "Research agent", services: [{ name: "MCP", endpoint: "https://mimir.example/mcp" }],
 *     x402Support: false, active: true, supportedTrust: ["reputation"] },
 *   { rune: computeRune({ chainId, registry, developer, salt }), chainId, registry },
 * );
 * if (built.ok) registerAgent(salt, signer, encodeRegistrationFile(built.file).uri, split, infra, weights);
 */
export function buildRegistrationFile(input: RegistrationFileInput, identity: RegistrationIdentity): RegistrationFileResult {
  const errors: RegistrationFieldError[] = [];
  const name = input.name.trim();
  if (name === "") errors.push({ field: "name", message: "Enter the agent's name." });
  else if (name.length > MAX_NAME_LENGTH) errors.push({ field: "name", message: `Keep the name to ${MAX_NAME_LENGTH} characters (${name.length} now).` });
  const description = input.description.trim();
  if (description === "") errors.push({ field: "description", message: "Describe what the agent does in a sentence or two." });
  else if (description.length > MAX_DESCRIPTION_LENGTH) {
    errors.push({ field: "description", message: `Keep the description to ${MAX_DESCRIPTION_LENGTH} characters (${description.length} now).` });
  }
  const image = input.image?.trim() ?? "";
  if (image !== "") {
    const problem = imageProblem(image);
    if (problem) errors.push({ field: "image", message: problem });
  }
  if (input.services.length > MAX_SERVICES) errors.push({ field: "services", message: `At most ${MAX_SERVICES} services.` });
  const services: AgentService[] = [];
  input.services.forEach((service, i) => {
    const serviceName = service.name.trim();
    if (serviceName === "" || serviceName.length > 40) errors.push({ field: `services[${i}].name`, message: "Name the service (e.g. web, A2A, MCP), in up to 40 characters." });
    const endpoint = service.endpoint.trim();
    const problem = httpsProblem(endpoint, MAX_ENDPOINT_LENGTH);
    if (problem) errors.push({ field: `services[${i}].endpoint`, message: problem });
    const version = service.version?.trim() ?? "";
    if (version.length > MAX_VERSION_LENGTH) errors.push({ field: `services[${i}].version`, message: `Keep the version to ${MAX_VERSION_LENGTH} characters.` });
    services.push(version === "" ? { name: serviceName, endpoint } : { name: serviceName, endpoint, version });
  });
  input.supportedTrust.forEach((model, i) => {
    if (!(SUPPORTED_TRUST_MODELS as readonly string[]).includes(model)) {
      errors.push({ field: `supportedTrust[${i}]`, message: `"${model}" is not a trust model ERC-8004 names (${SUPPORTED_TRUST_MODELS.join(", ")}).` });
    }
  });
  if (new Set(input.supportedTrust).size !== input.supportedTrust.length) {
    errors.push({ field: "supportedTrust", message: "A trust model is listed twice." });
  }
  if (errors.length > 0) return { ok: false, errors };
  const file: RegistrationFile = {
    type: ERC8004_REGISTRATION_TYPE,
    name,
    description,
    ...(image === "" ? {} : { image }),
    services,
    x402Support: input.x402Support,
    active: input.active,
    registrations: [registrationEntry(identity)],
    supportedTrust: [...input.supportedTrust],
  };
  return { ok: true, file };
}

/**
 * The registration file as a self-contained `data:application/json;base64,…` URI (no host to call, no pinning),
 * with its size in bytes.
 *
 * @example
 * const { uri, bytes } = encodeRegistrationFile(file);
 */
export function encodeRegistrationFile(file: RegistrationFile): EncodedRegistrationFile {
  const utf8 = new TextEncoder().encode(JSON.stringify(file));
  let binary = "";
  // In slices: String.fromCharCode over a whole large array can exceed the argument limit.
  for (let i = 0; i < utf8.length; i += 0x8000) binary += String.fromCharCode(...utf8.subarray(i, i + 0x8000));
  const uri = `data:application/json;base64,${btoa(binary)}`;
  return { uri, bytes: uri.length };
}

/** The outcome of {@link parseMetadataUriInput}. */
export type MetadataUriInput =
  | { ok: true; uri: string; kind: "https" | "ipfs" | "data"; bytes: number }
  | { ok: false; error: string };

/**
 * Reads a metadata URI the developer gives instead of the built file: an `https://` or `ipfs://` URI (not
 * fetched: the app makes no outside calls), or a `data:application/json` URI, which must be a readable
 * registration file and, when `identity` is given, must name this rune.
 *
 * @example
 * parseMetadataUriInput("ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/agent.json").ok // true
 */
export function parseMetadataUriInput(text: string, identity?: RegistrationIdentity): MetadataUriInput {
  const uri = text.trim();
  const bytes = new TextEncoder().encode(uri).length;
  if (uri === "") return { ok: false, error: "Enter the registration file's URI (https://, ipfs:// or data:)." };
  if (uri.startsWith("data:")) {
    const metadata = parseAgentMetadata(uri);
    if (metadata === undefined) return { ok: false, error: "This data: URI is not a readable registration file (JSON with at least a name)." };
    if (identity) {
      const check = checkRegistration(identity.rune, identity.chainId, identity.registry, metadata.registrations);
      if (check.state !== "names-this-rune") {
        return { ok: false, error: "This registration file does not name this rune in its registrations: it belongs to another agent or registry." };
      }
    }
    return { ok: true, uri, kind: "data", bytes };
  }
  if (uri.startsWith("ipfs://")) {
    if (!/^ipfs:\/\/[A-Za-z0-9]{46,}(?:\/[^\s]*)?$/.test(uri) || uri.length > MAX_URI_LENGTH) {
      return { ok: false, error: "That is not an ipfs:// URI: ipfs:// then a CID (e.g. bafy… or Qm…), then an optional /path." };
    }
    return { ok: true, uri, kind: "ipfs", bytes };
  }
  const problem = httpsProblem(uri, MAX_URI_LENGTH);
  if (problem) return { ok: false, error: uri.startsWith("https://") ? problem : "Use an https://, ipfs:// or data: URI." };
  return { ok: true, uri, kind: "https", bytes };
}

function httpsProblem(text: string, maxLength: number): string | undefined {
  if (text === "") return "Enter the address (https://…).";
  if (text.length > maxLength) return `Keep the address to ${maxLength} characters.`;
  if (/\s/.test(text)) return "An address cannot contain spaces.";
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "That is not a web address: https://host/path.";
  }
  if (url.protocol !== "https:") return "Use an https:// address.";
  if (url.hostname === "") return "The address needs a host name.";
  if (url.username !== "" || url.password !== "") return "Leave credentials out of the address (anyone can read this file).";
  return undefined;
}

function imageProblem(image: string): string | undefined {
  if (image.startsWith("data:")) {
    return /^data:image\/(?:png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/.test(image)
      ? undefined
      : "An embedded image must be a base64 data:image URI (png, jpeg, gif, webp or svg).";
  }
  if (image.startsWith("ipfs://")) {
    return /^ipfs:\/\/[A-Za-z0-9]{46,}(?:\/[^\s]*)?$/.test(image) && image.length <= MAX_URI_LENGTH ? undefined : "That is not an ipfs:// URI.";
  }
  return httpsProblem(image, MAX_URI_LENGTH);
}
