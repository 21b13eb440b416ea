import { type Address, type Hex, keccak256, maxUint256, parseEther, stringToBytes, zeroAddress } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import type { ReceiptDomainParameters } from "./eip712";
import {
  RECEIPT_JSON_TYPE,
  type SignedCollaborativeReceipt,
  type SignedServiceReceipt,
  deadlineIso,
  encodeReceiptJson,
  parseReceiptJson,
  receiptToJson,
} from "./json";
import { verifyServiceReceipt } from "./recover";
import { serviceIdFrom } from "./service-id";
import { signCollaborativeReceiptByAll, signServiceReceipt } from "./sign";
import { ETH_TOKEN } from "./token";

const alpha = privateKeyToAccount(keccak256(stringToBytes("json.test alpha")));
const beta = privateKeyToAccount(keccak256(stringToBytes("json.test beta")));
const domain: ReceiptDomainParameters = { chainId: 31337, distributor: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0" };
const tusd = { address: "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9", symbol: "tUSD", decimals: 6 } as const;
const payer: Address = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
const runeA = keccak256(stringToBytes("rune a"));
const runeB = keccak256(stringToBytes("rune b"));

async function serviceReceipt(): Promise<SignedServiceReceipt> {
  const receipt = { rune: runeA, serviceId: serviceIdFrom("job-1"), payer, token: zeroAddress, amount: parseEther("0.25"), deadline: 1_900_000_000n };
  return { primaryType: "ServiceReceipt", domain, receipt, token: ETH_TOKEN, signature: await signServiceReceipt({ signer: alpha, receipt, ...domain }) };
}

async function collaborativeReceipt(): Promise<SignedCollaborativeReceipt> {
  const receipt = {
    serviceId: serviceIdFrom("joint-1"),
    runes: [runeA, runeB],
    weightsBps: [6_000, 4_000],
    payer,
    token: tusd.address,
    amount: 12_345_678n,
    deadline: 1_900_000_000n,
  };
  const signatures = await signCollaborativeReceiptByAll({ signers: [alpha, beta], receipt, ...domain });
  return { primaryType: "CollaborativeReceipt", domain, receipt, token: tusd, signatures };
}

/** Removes the field instead of setting it. */
const DELETE = Symbol("delete");
/** A new value for a field, or a function of the file's JSON that computes it. */
type Change = unknown | ((json: unknown) => unknown);

/** The value at a dotted path (`message.runes.1`) of parsed JSON. */
function get(json: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], json);
}

/** The JSON of a receipt with fields changed (`path` → value), as text. Tests write wrong types on purpose. */
function edited(signed: SignedServiceReceipt | SignedCollaborativeReceipt, changes: Record<string, Change>): string {
  const json: unknown = JSON.parse(encodeReceiptJson(signed));
  for (const [path, change] of Object.entries(changes)) {
    const keys = path.split(".");
    const last = keys.pop() as string;
    const parent = (keys.length === 0 ? json : get(json, keys.join("."))) as Record<string, unknown>;
    const value = typeof change === "function" ? (change as (json: unknown) => unknown)(json) : change;
    if (value === DELETE) delete parent[last];
    else parent[last] = value;
  }
  return JSON.stringify(json);
}

describe("receipt JSON", () => {
  it("writes the EIP-712 payload plus a readable display", async () => {
    const signed = await serviceReceipt();
    expect(receiptToJson(signed)).toEqual({
      type: RECEIPT_JSON_TYPE,
      primaryType: "ServiceReceipt",
      domain: { name: "Aurorune", version: "1", chainId: 31337, verifyingContract: domain.distributor },
      message: {
        rune: runeA,
        serviceId: serviceIdFrom("job-1"),
        payer,
        token: zeroAddress,
        amount: "250000000000000000",
        deadline: "1900000000",
      },
      display: { symbol: "ETH", decimals: 18, amount: "0.25", deadline: "2030-03-17T17:46:40.000Z" },
      signature: signed.signature,
    });
  });

  it("reads back exactly what it wrote, and the signature still verifies", async () => {
    const signed = await serviceReceipt();
    const parsed = parseReceiptJson(encodeReceiptJson(signed));
    expect(parsed).toEqual({ ok: true, receipt: signed });
    if (parsed.ok && parsed.receipt.primaryType === "ServiceReceipt") {
      expect(await verifyServiceReceipt({ ...parsed.receipt, ...parsed.receipt.domain, expectedSigner: alpha.address })).toBe(true);
    }
    const collaborative = await collaborativeReceipt();
    const text = encodeReceiptJson(collaborative);
    expect(JSON.parse(text)).toMatchObject({ display: { amount: "12.345678", symbol: "tUSD", decimals: 6 }, signatures: collaborative.signatures });
    expect(parseReceiptJson(text)).toEqual({ ok: true, receipt: collaborative });
  });

  it("accepts lower-case addresses, an equal display amount written differently, and a deadline with an offset", async () => {
    const signed = await serviceReceipt();
    const text = edited(signed, {
      "message.payer": payer.toLowerCase(),
      "display.amount": "0.250",
      "display.deadline": "2030-03-17T18:46:40+01:00",
    });
    expect(parseReceiptJson(text)).toEqual({ ok: true, receipt: signed });
  });

  it("shows a deadline beyond any date as null, and reads it back", async () => {
    const signed = await serviceReceipt();
    const forever = { ...signed, receipt: { ...signed.receipt, deadline: 2n ** 64n - 1n } };
    expect(deadlineIso(forever.receipt.deadline)).toBeNull();
    expect(receiptToJson(forever).display.deadline).toBeNull();
    expect(parseReceiptJson(encodeReceiptJson(forever))).toEqual({ ok: true, receipt: forever });
  });

  it("refuses to write a token description that is not the receipt's token", async () => {
    const signed = await serviceReceipt();
    expect(() => receiptToJson({ ...signed, token: tusd })).toThrow(TypeError);
  });

  const bad: [string, Record<string, Change>, string][] = [
    ["an unknown type", { type: "something/v1" }, 'type: must be "aurorune.receipt/v1"'],
    ["a missing type", { type: DELETE }, 'type: must be "aurorune.receipt/v1" (missing)'],
    ["a future version", { type: "aurorune.receipt/v2" }, 'type: "aurorune.receipt/v2" is not a version this app reads'],
    ["an unknown primary type", { primaryType: "Receipt" }, 'primaryType: must be "ServiceReceipt" or "CollaborativeReceipt", got "Receipt"'],
    ["an extra field", { note: "hi" }, "note: is not a field of this receipt type"],
    ["signatures on a single receipt", { signatures: (json: unknown) => [get(json, "signature")] }, "signatures: is not a field of this receipt type"],
    ["a missing signature", { signature: DELETE }, "signature: is missing"],
    ["a missing domain", { domain: DELETE }, "domain: is missing"],
    ["a domain that is a string", { domain: "Aurorune" }, 'domain: must be an object, got "Aurorune"'],
    ["another domain name", { "domain.name": "Other" }, 'domain.name: must be "Aurorune"'],
    ["another domain version", { "domain.version": "2" }, 'domain.version: must be "1", got "2"'],
    ["a chain id as a string", { "domain.chainId": "31337" }, 'domain.chainId: must be a positive whole number, got "31337"'],
    ["a zero chain id", { "domain.chainId": 0 }, "domain.chainId: must be a positive whole number, got 0"],
    ["an extra domain field", { "domain.salt": "0x00" }, "domain.salt: is not a field of this receipt type"],
    ["a short distributor", { "domain.verifyingContract": "0x1234" }, 'domain.verifyingContract: must be an address (0x and 40 hex digits), got "0x1234"'],
    ["a message that is an array", { message: [] }, "message: must be an object, got an array"],
    ["a short rune", { "message.rune": "0xabcd" }, 'message.rune: must be 0x and 64 hex digits (32 bytes), got "0xabcd"'],
    ["a rune as a number", { "message.rune": 12 }, "message.rune: must be 0x and 64 hex digits (32 bytes), got 12"],
    ["a text service id", { "message.serviceId": "job-1" }, 'message.serviceId: must be 0x and 64 hex digits (32 bytes), got "job-1"'],
    ["a bad checksum", { "message.payer": "0x90F79bf6EB2c4f870365E785982E1f101E93B906" }, "message.payer: 0x90F79bf6EB2c4f870365E785982E1f101E93B906 has a wrong checksum"],
    ["a missing token", { "message.token": DELETE }, "message.token: is missing"],
    ["a numeric amount", { "message.amount": 250000000000000000 }, "message.amount: must be a whole number as a string of digits"],
    ["a decimal amount", { "message.amount": "0.25" }, 'message.amount: must be a whole number as a string of digits (no sign, decimals or leading zeros), got "0.25"'],
    ["a negative amount", { "message.amount": "-1" }, 'message.amount: must be a whole number as a string of digits (no sign, decimals or leading zeros), got "-1"'],
    ["a leading zero", { "message.amount": "0250000000000000000" }, "message.amount: must be a whole number"],
    ["an amount above uint256", { "message.amount": (maxUint256 + 1n).toString() }, "is too large for a uint256"],
    ["a deadline above uint64", { "message.deadline": (2n ** 64n).toString() }, "message.deadline: 18446744073709551616 is too large for a uint64"],
    ["a missing display", { display: DELETE }, "display: is missing"],
    ["an empty symbol", { "display.symbol": " " }, 'display.symbol: must be the token\'s symbol (1 to 64 characters), got " "'],
    ["fractional decimals", { "display.decimals": 1.5 }, "display.decimals: must be a whole number from 0 to 77, got 1.5"],
    ["ETH with 6 decimals", { "display.decimals": 6 }, "display.decimals: must be 18 for the native currency"],
    ["a display amount that differs", { "display.amount": "2.5" }, 'display.amount: "2.5" does not match message.amount 250000000000000000 (that is 0.25 ETH with 18 decimals)'],
    ["a display amount as a number", { "display.amount": 0.25 }, "display.amount: must be the amount in ETH as a string, got 0.25"],
    ["a display amount in another notation", { "display.amount": "2.5e-1" }, 'display.amount: "2.5e-1" does not match'],
    ["a display deadline that is not a date", { "display.deadline": "tomorrow" }, 'display.deadline: must be an ISO-8601 date like 2030-03-17T17:46:40.000Z, got "tomorrow"'],
    ["a display deadline that differs", { "display.deadline": "2030-03-17T17:46:41Z" }, "display.deadline: 2030-03-17T17:46:41Z does not match message.deadline 1900000000"],
    ["a display deadline of null", { "display.deadline": null }, "display.deadline: must be an ISO-8601 date like 2030-03-17T17:46:40.000Z, got null"],
    ["an odd-length signature", { signature: "0x123" }, 'signature: must be 0x and an even number of hex digits, got "0x123"'],
    ["an empty signature", { signature: "0x" }, 'signature: must be 0x and an even number of hex digits, got "0x"'],
    ["a huge signature", { signature: `0x${"00".repeat(2_049)}` }, "signature: is 2049 bytes; at most 2048 are accepted"],
  ];
  it.each(bad)("refuses %s with the field and the reason in one line", async (_case, edit, message) => {
    const parsed = parseReceiptJson(edited(await serviceReceipt(), edit));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.message).toContain(message);
      expect(parsed.error.message).not.toContain("\n");
      expect(parsed.error.message.startsWith(`${parsed.error.field}: `)).toBe(true);
    }
  });

  const badCollaborative: [string, Record<string, Change>, string][] = [
    ["a rune field", { "message.rune": (json: unknown) => get(json, "message.runes.0") }, "message.rune: is not a field of this receipt type"],
    ["runes as a string", { "message.runes": "0xab" }, 'message.runes: must be an array, got "0xab"'],
    ["a malformed second rune", { "message.runes.1": "0x12" }, 'message.runes[1]: must be 0x and 64 hex digits (32 bytes), got "0x12"'],
    ["a weight as a string", { "message.weightsBps.0": "6000" }, 'message.weightsBps[0]: must be a whole number from 0 to 65535 (uint16 basis points), got "6000"'],
    ["a weight above uint16", { "message.weightsBps.1": 70_000 }, "message.weightsBps[1]: must be a whole number from 0 to 65535"],
    ["a single signature field", { signature: (json: unknown) => get(json, "signatures.0") }, "signature: is not a field of this receipt type"],
    ["a malformed signature", { "signatures.1": "nope" }, 'signatures[1]: must be 0x and an even number of hex digits, got "nope"'],
    ["too many runes to read", { "message.runes": (json: unknown) => Array(17).fill(get(json, "message.runes.0")) }, "message.runes: has 17 entries; at most 16 are read"],
    ["a display amount at the wrong decimals", { "display.amount": "0.000000000012345678" }, "display.amount"],
  ];
  it.each(badCollaborative)("refuses a collaborative receipt with %s", async (_case, edit, message) => {
    const parsed = parseReceiptJson(edited(await collaborativeReceipt(), edit));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toContain(message);
  });

  it("keeps well-formed but unpayable values for the on-chain checks (zero amount, wrong counts)", async () => {
    const zero = edited(await serviceReceipt(), { "message.amount": "0", "display.amount": "0" });
    expect(parseReceiptJson(zero).ok).toBe(true);
    const mismatched = edited(await collaborativeReceipt(), { signatures: (json: unknown) => (get(json, "signatures") as string[]).slice(0, 1) });
    expect(parseReceiptJson(mismatched).ok).toBe(true);
  });

  it.each([
    ["", "(file): is empty"],
    ["   ", "(file): is empty"],
    ["{", "(file): is not valid JSON"],
    ["[]", "(file): must be a JSON object, got an array"],
    ["null", "(file): must be a JSON object, got null"],
    ['"receipt"', '(file): must be a JSON object, got "receipt"'],
    [`{"type":"${"x".repeat(70_000)}"}`, "(file): is 70011 characters long"],
  ])("refuses the text %j", (text, message) => {
    const parsed = parseReceiptJson(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toContain(message);
  });

  it("never throws, whatever it is given", () => {
    const samples: unknown[] = [undefined, 1, true, Symbol.iterator.toString(), { type: RECEIPT_JSON_TYPE, primaryType: "ServiceReceipt" }];
    for (const sample of samples) expect(() => parseReceiptJson(JSON.stringify(sample) ?? "")).not.toThrow();
    const signature: Hex = "0x00";
    expect(parseReceiptJson(JSON.stringify({ type: RECEIPT_JSON_TYPE, primaryType: "ServiceReceipt", signature })).ok).toBe(false);
  });
});
