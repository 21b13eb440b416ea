import "server-only";
import type { Address, Hex } from "viem";
import { type SignedReceipt, parseReceiptJson } from "../receipts/json";
import { type ReceiptVerification, verifyReceipt } from "../receipts/verify";
import { type RuneRecordStatus, readRuneRecord } from "../registry/rune-record";
import { getPublicClient } from "./chain";
import { readChain } from "./read-chain";

/** One agent a receipt pays, as the pages name it. */
export interface ReceiptAgent {
  rune: Hex;
  /** The name in its registration file, when the rune is registered and the file readable. */
  name: string | undefined;
  status: RuneRecordStatus;
  /** Its weight in a collaborative receipt (basis points); undefined for a single-agent receipt. */
  weightBps: number | undefined;
}

/** A receipt checked against the chain. */
export interface CheckedReceipt {
  kind: "checked";
  signed: SignedReceipt;
  verification: ReceiptVerification;
  /** In the receipt's rune order. */
  agents: ReceiptAgent[];
  /** The account the payer check was made for, if any. */
  from: Address | undefined;
  chainName: string;
}

/** What checking a pasted receipt found: a field error, an unreachable chain, or the checks. */
export type ReceiptReport =
  | { kind: "invalid"; field: string; reason: string }
  | { kind: "unreachable"; title: string; detail: string }
  | CheckedReceipt;

/**
 * Reads a pasted receipt file and checks it against the configured chain the way the distributor's `pay` will
 * (lib/receipts/verify.ts), naming its agents. Never throws: malformed text is a field error, a dead RPC an error
 * state.
 *
 * @example
 * const report = await checkReceiptText(text, { from: account });
 * if (report.kind === "checked" && report.verification.payable) // …
 */
export async function checkReceiptText(text: string, { from }: { from?: Address } = {}): Promise<ReceiptReport> {
  const parsed = parseReceiptJson(text);
  if (!parsed.ok) return { kind: "invalid", field: parsed.error.field, reason: parsed.error.reason };
  const signed = parsed.receipt;
  const result = await readChain(async (config): Promise<CheckedReceipt> => {
    const client = getPublicClient();
    const verification = await verifyReceipt(client, signed, {
      expectedDistributor: config.contracts.revenueDistributor,
      historyFromBlock: BigInt(config.deploymentBlock),
      from,
    });
    const runes = signed.primaryType === "CollaborativeReceipt" ? signed.receipt.runes : [signed.receipt.rune];
    const weights = signed.primaryType === "CollaborativeReceipt" ? signed.receipt.weightsBps : undefined;
    const records = await Promise.all(
      runes.map((rune) =>
        readRuneRecord(client, { registry: config.contracts.runeRegistry, chainId: config.chainId, rune, blockNumber: verification.blockNumber }),
      ),
    );
    const agents = records.map((record, i): ReceiptAgent => ({
      rune: record.rune,
      name: record.registered ? record.metadata?.name : undefined,
      status: record.status,
      weightBps: weights?.[i],
    }));
    return { kind: "checked", signed, verification, agents, from, chainName: config.chainName };
  });
  return result.ok ? result.data : { kind: "unreachable", title: result.title, detail: result.detail };
}
