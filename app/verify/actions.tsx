"use server";

import type { ReactNode } from "react";
import { ReceiptReport } from "@/components/ReceiptReport";
import { parseAccountInput } from "@/lib/domain/account-input";
import { checkReceiptText } from "@/lib/server/receipt-report";
import { ReceiptCheckError } from "@/components/ReceiptCheckError";

/** What the receipt form shows after a check: a field error next to its field, or the report (rendered here). */
export interface ReceiptCheckState {
  /** Which field is at fault and why, in one line. */
  error?: { input: "receipt" | "payer"; message: string };
  /** The server-rendered report, or the chain's error state. */
  result?: ReactNode;
}

/**
 * Checks a pasted receipt on the server (the /verify form's action) and answers with the report already rendered, so
 * the browser runs no verification code. The input is bounded by the receipt codec (64 kB).
 */
export async function checkReceiptAction(_previous: ReceiptCheckState, form: FormData): Promise<ReceiptCheckState> {
  const text = form.get("receipt");
  const payerText = form.get("payer");
  if (typeof text !== "string") return { error: { input: "receipt", message: "Paste a receipt: the JSON the receipt CLI prints." } };
  const payer = parseAccountInput(typeof payerText === "string" ? payerText : "");
  if (!payer.ok) return { error: { input: "payer", message: payer.error } };
  const report = await checkReceiptText(text, { from: payer.account });
  if (report.kind === "invalid") {
    return { error: { input: "receipt", message: report.field === "(file)" ? `The receipt ${report.reason}.` : `${report.field}: ${report.reason}.` } };
  }
  if (report.kind === "unreachable") return { result: <ReceiptCheckError title={report.title} detail={report.detail} /> };
  return { result: <ReceiptReport report={report} purpose="verify" /> };
}
