/**
 * The receipt file: the exact JSON the receipt CLI prints and the /pay and /verify pages accept.
 *
 * Its signed part is the EIP-712 payload itself (`domain`, `primaryType`, `message`, as `eth_signTypedData_v4`
 * takes it minus `types`), so any EIP-712 tool can check it; `display` adds what a person needs to read it
 * (symbol, decimals, the amount in token units, the deadline as a date) and must agree with the signed part.
 *
 * ```json
 * {
 *   "type": "aurorune.receipt/v1",
 *   "primaryType": "ServiceReceipt",
 *   "domain": { "name": "Aurorune", "version": "1", "chainId": 31337, "verifyingContract": "0x9fE4…" },
 *   "message": { "rune": "0x…", "serviceId": "0x…", "payer": "0x…", "token": "0x0000…",
 *                "amount": "250000000000000000", "deadline": "1900000000" },
 *   "display": { "symbol": "ETH", "decimals": 18, "amount": "0.25", "deadline": "2030-03-17T17:46:40.000Z" },
 *   "signature": "0x…"
 * }
 * ```
 * A `CollaborativeReceipt` has `message.runes` and `message.weightsBps` instead of `message.rune`, and
 * `signatures` (one per rune, in rune order) instead of `signature`. Integers that can exceed 2^53 (amount,
 * deadline) are decimal strings.
 */
import { type Address, type Hex, formatUnits, getAddress, isAddress, isAddressEqual, maxUint256, zeroAddress } from "viem";
import { parseAmountInput } from "../domain/amount-input";
import {
  type CollaborativeReceipt,
  RECEIPT_DOMAIN_NAME,
  RECEIPT_DOMAIN_VERSION,
  type ReceiptDomainParameters,
  type ServiceReceipt,
} from "./eip712";
import type { ReceiptToken } from "./token";

/** The `type` of a receipt file of this version. */
export const RECEIPT_JSON_TYPE = "aurorune.receipt/v1";
/** Longest receipt file accepted (a collaborative receipt of 8 runes with 8 signatures is ~3 kB). */
export const MAX_RECEIPT_JSON_LENGTH = 64 * 1024;
/** Longest signature accepted: room for ERC-1271 contract signatures (multisig signatures grow with owners). */
export const MAX_SIGNATURE_BYTES = 2_048;

/** A signed single-agent receipt with what a person needs to read it. */
export interface SignedServiceReceipt {
  primaryType: "ServiceReceipt";
  domain: ReceiptDomainParameters;
  receipt: ServiceReceipt;
  /** The receipt's currency; `token.address` is `receipt.token`. */
  token: ReceiptToken;
  signature: Hex;
}

/** A signed multi-agent receipt with what a person needs to read it. */
export interface SignedCollaborativeReceipt {
  primaryType: "CollaborativeReceipt";
  domain: ReceiptDomainParameters;
  receipt: CollaborativeReceipt;
  /** The receipt's currency; `token.address` is `receipt.token`. */
  token: ReceiptToken;
  /** One per rune, in the receipt's rune order. */
  signatures: readonly Hex[];
}

/** Either kind of signed receipt. */
export type SignedReceipt = SignedServiceReceipt | SignedCollaborativeReceipt;

/** The receipt file's `domain`. */
export interface ReceiptJsonDomain {
  name: string;
  version: string;
  chainId: number;
  verifyingContract: Address;
}

/** The receipt file's `display`. */
export interface ReceiptJsonDisplay {
  symbol: string;
  decimals: number;
  /** The amount in token units, e.g. `"0.25"`. */
  amount: string;
  /** The deadline as an ISO-8601 date, or `null` when it is beyond what a date can show (never expires). */
  deadline: string | null;
}

/** The receipt file of a {@link SignedServiceReceipt}. */
export interface ServiceReceiptJson {
  type: typeof RECEIPT_JSON_TYPE;
  primaryType: "ServiceReceipt";
  domain: ReceiptJsonDomain;
  message: { rune: Hex; serviceId: Hex; payer: Address; token: Address; amount: string; deadline: string };
  display: ReceiptJsonDisplay;
  signature: Hex;
}

/** The receipt file of a {@link SignedCollaborativeReceipt}. */
export interface CollaborativeReceiptJson {
  type: typeof RECEIPT_JSON_TYPE;
  primaryType: "CollaborativeReceipt";
  domain: ReceiptJsonDomain;
  message: {
    serviceId: Hex;
    runes: Hex[];
    weightsBps: number[];
    payer: Address;
    token: Address;
    amount: string;
    deadline: string;
  };
  display: ReceiptJsonDisplay;
  signatures: Hex[];
}

/** Either kind of receipt file. */
export type ReceiptJson = ServiceReceiptJson | CollaborativeReceiptJson;

/** What is wrong with a receipt file, field by field: `message` is one line, `field: reason`. */
export class ReceiptJsonError extends Error {
  override name = "ReceiptJsonError";
  constructor(
    /** Path of the faulty field, e.g. `message.amount`, `signatures[1]`; `(file)` for the whole text. */
    readonly field: string,
    /** What is wrong with it, in plain words. */
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** The outcome of {@link parseReceiptJson} / {@link decodeReceiptJson}. */
export type ParsedReceiptJson = { ok: true; receipt: SignedReceipt } | { ok: false; error: ReceiptJsonError };

/** Largest date a JavaScript `Date` can hold, in seconds. */
const MAX_DATE_SECONDS = 8_640_000_000_000n;
const MAX_UINT64 = 2n ** 64n - 1n;

/**
 * The deadline as the file's `display.deadline` shows it: ISO-8601 in UTC, or `null` past year 275760.
 *
 * @example
 * deadlineIso(1_900_000_000n) // "2030-03-17T17:46:40.000Z"
 */
export function deadlineIso(deadline: bigint): string | null {
  return deadline <= MAX_DATE_SECONDS ? new Date(Number(deadline) * 1000).toISOString() : null;
}

/**
 * The receipt file of a signed receipt, as an object.
 *
 * @example
 * const json = receiptToJson({ primaryType: "ServiceReceipt", domain, receipt, token: ETH_TOKEN, signature });
 */
export function receiptToJson(signed: SignedReceipt): ReceiptJson {
  const { receipt, token } = signed;
  if (!isAddressEqual(receipt.token, token.address)) {
    throw new TypeError(`token.address ${token.address} is not the receipt's token ${receipt.token}`);
  }
  const domain: ReceiptJsonDomain = {
    name: RECEIPT_DOMAIN_NAME,
    version: RECEIPT_DOMAIN_VERSION,
    chainId: signed.domain.chainId,
    verifyingContract: getAddress(signed.domain.distributor),
  };
  const display: ReceiptJsonDisplay = {
    symbol: token.symbol,
    decimals: token.decimals,
    amount: formatUnits(receipt.amount, token.decimals),
    deadline: deadlineIso(receipt.deadline),
  };
  const common = {
    payer: getAddress(receipt.payer),
    token: getAddress(receipt.token),
    amount: receipt.amount.toString(),
    deadline: receipt.deadline.toString(),
  };
  if (signed.primaryType === "ServiceReceipt") {
    return {
      type: RECEIPT_JSON_TYPE,
      primaryType: "ServiceReceipt",
      domain,
      message: { rune: signed.receipt.rune, serviceId: signed.receipt.serviceId, ...common },
      display,
      signature: signed.signature,
    };
  }
  return {
    type: RECEIPT_JSON_TYPE,
    primaryType: "CollaborativeReceipt",
    domain,
    message: {
      serviceId: signed.receipt.serviceId,
      runes: [...signed.receipt.runes],
      weightsBps: [...signed.receipt.weightsBps],
      ...common,
    },
    display,
    signatures: [...signed.signatures],
  };
}

/**
 * The receipt file of a signed receipt, as the text the CLI prints (2-space indented JSON).
 *
 * @example
 * process.stdout.write(`${encodeReceiptJson(signed)}\n`);
 */
export function encodeReceiptJson(signed: SignedReceipt): string {
  return JSON.stringify(receiptToJson(signed), null, 2);
}

/**
 * Reads a receipt file. Strict: unknown or missing fields, wrong types, malformed hex or addresses, integers out
 * of range, and a `display` that disagrees with the signed part are all refused with the faulty field and the
 * reason in one line. Never throws.
 *
 * @example
 * const parsed = parseReceiptJson(text);
 * if (!parsed.ok) console.error(parsed.error.message); // e.g. "message.amount: must be a whole number …"
 */
export function parseReceiptJson(text: string): ParsedReceiptJson {
  if (text.length > MAX_RECEIPT_JSON_LENGTH) {
    return fail("(file)", `is ${text.length} characters long; a receipt file is at most ${MAX_RECEIPT_JSON_LENGTH}`);
  }
  if (text.trim() === "") return fail("(file)", "is empty: paste or pipe a receipt JSON");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0] : "syntax error";
    return fail("(file)", `is not valid JSON (${detail})`);
  }
  return decodeReceiptJson(value);
}

/**
 * Reads a receipt file that is already parsed JSON (see {@link parseReceiptJson}). Never throws.
 *
 * @example
 * const parsed = decodeReceiptJson(await request.json());
 */
export function decodeReceiptJson(value: unknown): ParsedReceiptJson {
  try {
    return { ok: true, receipt: decode(value) };
  } catch (error) {
    if (error instanceof ReceiptJsonError) return { ok: false, error };
    // Not expected (every check above throws a ReceiptJsonError), but the promise is a one-line answer.
    return fail("(file)", `could not be read (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`);
  }
}

function fail(field: string, reason: string): { ok: false; error: ReceiptJsonError } {
  return { ok: false, error: new ReceiptJsonError(field, reason) };
}

type JsonObject = Record<string, unknown>;

function decode(value: unknown): SignedReceipt {
  const file = object(value, "(file)", "must be a JSON object");
  const type = file.type;
  if (type !== RECEIPT_JSON_TYPE) {
    if (typeof type === "string" && type.startsWith("aurorune.receipt/")) {
      throw new ReceiptJsonError("type", `"${type}" is not a version this app reads (expected "${RECEIPT_JSON_TYPE}")`);
    }
    throw new ReceiptJsonError("type", `must be "${RECEIPT_JSON_TYPE}"${type === undefined ? " (missing)" : ""}`);
  }
  const primaryType = file.primaryType;
  if (primaryType !== "ServiceReceipt" && primaryType !== "CollaborativeReceipt") {
    throw new ReceiptJsonError("primaryType", `must be "ServiceReceipt" or "CollaborativeReceipt", got ${show(primaryType)}`);
  }
  const collaborative = primaryType === "CollaborativeReceipt";
  onlyKeys(file, "", ["type", "primaryType", "domain", "message", "display", collaborative ? "signatures" : "signature"]);

  const domainObject = object(file.domain, "domain", "must be an object");
  onlyKeys(domainObject, "domain", ["name", "version", "chainId", "verifyingContract"]);
  if (domainObject.name !== RECEIPT_DOMAIN_NAME) {
    throw new ReceiptJsonError("domain.name", `must be "${RECEIPT_DOMAIN_NAME}" (the RevenueDistributor's EIP-712 name), got ${show(domainObject.name)}`);
  }
  if (domainObject.version !== RECEIPT_DOMAIN_VERSION) {
    throw new ReceiptJsonError("domain.version", `must be "${RECEIPT_DOMAIN_VERSION}", got ${show(domainObject.version)}`);
  }
  const chainId = domainObject.chainId;
  if (typeof chainId !== "number" || !Number.isSafeInteger(chainId) || chainId <= 0) {
    throw new ReceiptJsonError("domain.chainId", `must be a positive whole number, got ${show(chainId)}`);
  }
  const domain: ReceiptDomainParameters = { chainId, distributor: address(domainObject.verifyingContract, "domain.verifyingContract") };

  const message = object(file.message, "message", "must be an object");
  onlyKeys(
    message,
    "message",
    collaborative
      ? ["serviceId", "runes", "weightsBps", "payer", "token", "amount", "deadline"]
      : ["rune", "serviceId", "payer", "token", "amount", "deadline"],
  );
  const rune = collaborative ? undefined : bytes32(message.rune, "message.rune");
  const serviceId = bytes32(message.serviceId, "message.serviceId");
  const runes = collaborative ? array(message.runes, "message.runes").map((entry, i) => bytes32(entry, `message.runes[${i}]`)) : [];
  const weightsBps = collaborative
    ? array(message.weightsBps, "message.weightsBps").map((entry, i) => uint16(entry, `message.weightsBps[${i}]`))
    : [];
  const payer = address(message.payer, "message.payer");
  const tokenAddress = address(message.token, "message.token");
  const amount = integer(message.amount, "message.amount", maxUint256, "uint256");
  const deadline = integer(message.deadline, "message.deadline", MAX_UINT64, "uint64");

  const displayObject = object(file.display, "display", "must be an object");
  onlyKeys(displayObject, "display", ["symbol", "decimals", "amount", "deadline"]);
  const symbol = displayObject.symbol;
  if (typeof symbol !== "string" || symbol.trim() === "" || symbol.length > 64) {
    throw new ReceiptJsonError("display.symbol", `must be the token's symbol (1 to 64 characters), got ${show(symbol)}`);
  }
  const decimals = displayObject.decimals;
  if (typeof decimals !== "number" || !Number.isInteger(decimals) || decimals < 0 || decimals > 77) {
    throw new ReceiptJsonError("display.decimals", `must be a whole number from 0 to 77, got ${show(decimals)}`);
  }
  if (tokenAddress === zeroAddress && decimals !== 18) {
    throw new ReceiptJsonError("display.decimals", `must be 18 for the native currency (message.token is the zero address), got ${decimals}`);
  }
  checkDisplayAmount(displayObject.amount, amount, symbol, decimals);
  checkDisplayDeadline(displayObject.deadline, deadline);

  const token: ReceiptToken = { address: tokenAddress, symbol, decimals };
  if (collaborative) {
    const signatures = array(file.signatures, "signatures").map((entry, i) => signature(entry, `signatures[${i}]`));
    return {
      primaryType: "CollaborativeReceipt",
      domain,
      receipt: { serviceId, runes, weightsBps, payer, token: tokenAddress, amount, deadline },
      token,
      signatures,
    };
  }
  return {
    primaryType: "ServiceReceipt",
    domain,
    receipt: { rune: rune as Hex, serviceId, payer, token: tokenAddress, amount, deadline },
    token,
    signature: signature(file.signature, "signature"),
  };
}

function checkDisplayAmount(value: unknown, amount: bigint, symbol: string, decimals: number): void {
  if (typeof value !== "string") throw new ReceiptJsonError("display.amount", `must be the amount in ${symbol} as a string, got ${show(value)}`);
  const expected = formatUnits(amount, decimals);
  const parsed = parseAmountInput(value, { decimals, symbol });
  // Zero is a well-formed (if unpayable) amount: compare it as such rather than take the input rule's refusal.
  const matches = parsed.ok ? parsed.value === amount : amount === 0n && /^0*(?:\.0*)?$/.test(value.trim()) && value.trim() !== "";
  if (!matches) {
    throw new ReceiptJsonError(
      "display.amount",
      `"${value}" does not match message.amount ${amount} (that is ${expected} ${symbol} with ${decimals} decimals)`,
    );
  }
}

function checkDisplayDeadline(value: unknown, deadline: bigint): void {
  const expected = deadlineIso(deadline);
  if (expected === null) {
    if (value !== null) throw new ReceiptJsonError("display.deadline", `must be null: message.deadline ${deadline} is beyond any date`);
    return;
  }
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw new ReceiptJsonError("display.deadline", `must be an ISO-8601 date like ${expected}, got ${show(value)}`);
  }
  if (Date.parse(value) !== Number(deadline) * 1000) {
    throw new ReceiptJsonError("display.deadline", `${value} does not match message.deadline ${deadline} (${expected})`);
  }
}

function object(value: unknown, field: string, reason: string): JsonObject {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ReceiptJsonError(field, value === undefined ? "is missing" : `${reason}, got ${show(value)}`);
  }
  return value as JsonObject;
}

function onlyKeys(value: JsonObject, prefix: string, allowed: readonly string[]): void {
  const path = (key: string) => (prefix === "" ? key : `${prefix}.${key}`);
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new ReceiptJsonError(path(key), "is not a field of this receipt type");
  }
  for (const key of allowed) {
    if (!(key in value)) throw new ReceiptJsonError(path(key), "is missing");
  }
}

function array(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw new ReceiptJsonError(field, `must be an array, got ${show(value)}`);
  if (value.length > 16) throw new ReceiptJsonError(field, `has ${value.length} entries; at most 16 are read (a receipt lists 2 to 8 runes)`);
  return value;
}

function bytes32(value: unknown, field: string): Hex {
  if (typeof value !== "string" || !/^0x[0-9a-fA-F]{64}$/.test(value)) {
    throw new ReceiptJsonError(field, `must be 0x and 64 hex digits (32 bytes), got ${show(value)}`);
  }
  return value.toLowerCase() as Hex;
}

function address(value: unknown, field: string): Address {
  if (typeof value !== "string" || !/^0x[0-9a-fA-F]{40}$/.test(value)) {
    throw new ReceiptJsonError(field, `must be an address (0x and 40 hex digits), got ${show(value)}`);
  }
  if (!isAddress(value)) throw new ReceiptJsonError(field, `${value} has a wrong checksum (mixed case that is not EIP-55)`);
  return getAddress(value);
}

function integer(value: unknown, field: string, max: bigint, type: string): bigint {
  if (typeof value !== "string" || !/^(?:0|[1-9]\d*)$/.test(value)) {
    throw new ReceiptJsonError(field, `must be a whole number as a string of digits (no sign, decimals or leading zeros), got ${show(value)}`);
  }
  const parsed = BigInt(value);
  if (parsed > max) throw new ReceiptJsonError(field, `${value} is too large for a ${type}`);
  return parsed;
}

function uint16(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 65_535) {
    throw new ReceiptJsonError(field, `must be a whole number from 0 to 65535 (uint16 basis points), got ${show(value)}`);
  }
  return value;
}

function signature(value: unknown, field: string): Hex {
  if (typeof value !== "string" || !/^0x(?:[0-9a-fA-F]{2})+$/.test(value)) {
    throw new ReceiptJsonError(field, `must be 0x and an even number of hex digits, got ${show(value)}`);
  }
  const bytes = (value.length - 2) / 2;
  if (bytes > MAX_SIGNATURE_BYTES) throw new ReceiptJsonError(field, `is ${bytes} bytes; at most ${MAX_SIGNATURE_BYTES} are accepted`);
  return value.toLowerCase() as Hex;
}

/** A short rendering of an unexpected value for an error message. */
function show(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") return value.length > 40 ? `"${value.slice(0, 37)}…"` : `"${value}"`;
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return String(value);
}
