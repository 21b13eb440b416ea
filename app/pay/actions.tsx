"use server";

import type { ReactNode } from "react";
import type { Address } from "viem";
import { ReceiptCheckError } from "@/components/ReceiptCheckError";
import { ReceiptReport } from "@/components/ReceiptReport";
import { parseAccountInput } from "@/lib/domain/account-input";
import { type ReceiptVerdict, receiptVerdict } from "@/lib/domain/receipt-verdict";
import type { SignedReceipt } from "@/lib/receipts/json";
import { type ReceiptAgent, checkReceiptText } from "@/lib/server/receipt-report";

/** A receipt checked for paying: the report (rendered on the server) and what the pay button needs. */
export interface CheckedPayment {
  kind: "checked";
  view: ReactNode;
  signed: SignedReceipt;
  agents: ReceiptAgent[];
  verdict: ReceiptVerdict;
  /** The account the checks were made for (the payer check), if one was connected. */
  from: Address | undefined;
  /** Chain time of the block the checks read (seconds): the deadline countdown starts from it. */
  chainTime: bigint;
}

/** The outcome of {@link checkReceiptToPay}. */
export type PayCheck = { kind: "invalid"; message: string } | { kind: "unreachable"; view: ReactNode } | CheckedPayment;

/**
 * Checks a pasted or uploaded receipt on the server for the /pay page, for the connected account when there is one
 * (the payer check), and answers with the rendered report plus the signed receipt the wallet will send.
 */
export async function checkReceiptToPay(text: string, from: string | undefined): Promise<PayCheck> {
  if (typeof text !== "string") return { kind: "invalid", message: "Paste a receipt: the JSON the receipt CLI prints." };
  const account = parseAccountInput(typeof from === "string" ? from : "");
  const report = await checkReceiptText(text, { from: account.ok ? account.account : undefined });
  if (report.kind === "invalid") {
    return { kind: "invalid", message: report.field === "(file)" ? `The receipt ${report.reason}.` : `${report.field}: ${report.reason}.` };
  }
  if (report.kind === "unreachable") return { kind: "unreachable", view: <ReceiptCheckError title={report.title} detail={report.detail} /> };
  return {
    kind: "checked",
    view: <ReceiptReport report={report} purpose="pay" />,
    signed: report.signed,
    agents: report.agents,
    verdict: receiptVerdict(report.verification, { payer: report.signed.receipt.payer, from: report.from, purpose: "pay" }),
    from: report.from,
    chainTime: report.verification.chainTime,
  };
}
