import type { Address } from "viem";
import type { ReceiptCheck, ReceiptVerification } from "../receipts/verify";

/** Which page asks: /verify checks for anyone, /pay for the connected account, which must be the payer. */
export type ReceiptPurpose = "verify" | "pay";

/** A receipt's verdict in one line, and the reason it cannot be paid (the first refusal), if any. */
export interface ReceiptVerdict {
  payable: boolean;
  /** `refused`: the contract would refuse it from anyone; `connect`: only the account is wrong (or missing) on /pay. */
  tone: "payable" | "refused" | "connect";
  headline: string;
  /** Why it cannot be paid: the first check the contract would refuse, in plain words. */
  reason?: string;
}

/** What a refusal amounts to, by the first check that fails. */
const REFUSAL_HEADLINES: Record<ReceiptCheck["id"], string> = {
  domain: "Not for this app: it is made out to another chain or distributor.",
  collaborators: "Refused: its runes and weights are not a valid collaborative receipt.",
  token: "Refused: its token is not accepted for payments.",
  amount: "Refused: its amount cannot be paid.",
  rune: "Refused: the agent takes no payments.",
  signature: "Not genuine: the agent's current signer did not sign it.",
  serviceId: "Already paid: a receipt pays once.",
  deadline: "Expired: its deadline has passed.",
  payer: "Made out to another account.",
};

const MISDESCRIBED_TOKEN = "Misleading: the file names its token wrongly, so its amount would be misread.";

/**
 * The one-line verdict of a checked receipt. On /pay a payer mismatch (or no account yet) is said as what to do:
 * "Connect the payer's account 0x… to pay".
 *
 * @example
 * receiptVerdict(verification, { payer, from: undefined, purpose: "verify" }).headline
 * // "Genuine: its payer 0x… can pay it now."
 */
export function receiptVerdict(
  verification: Pick<ReceiptVerification, "payable" | "failure" | "checks">,
  { payer, from, purpose }: { payer: Address; from: Address | undefined; purpose: ReceiptPurpose },
): ReceiptVerdict {
  // The first failure of any kind (a wrong chain or a misdescribed token too, which the contract does not check).
  const { failure } = verification;
  if (failure) {
    if (failure.id === "payer" && purpose === "pay") {
      return { payable: false, tone: "connect", headline: REFUSAL_HEADLINES.payer, reason: connectPayer(payer, from) };
    }
    // A token check without a contract error: the token is accepted, but the file gives it another symbol or decimals.
    const headline = failure.id === "token" && failure.errorName === undefined ? MISDESCRIBED_TOKEN : REFUSAL_HEADLINES[failure.id];
    return { payable: false, tone: "refused", headline, reason: `${failure.label}: ${failure.detail}.` };
  }
  if (purpose === "pay" && from === undefined) {
    return { payable: false, tone: "connect", headline: "Genuine: only its payer can pay it.", reason: connectPayer(payer, undefined) };
  }
  return {
    payable: true,
    tone: "payable",
    headline: from === undefined ? `Genuine: its payer ${payer} can pay it now.` : `Genuine: ${from} can pay it now.`,
  };
}

/** The title of a check as a statement a yes/no answers ("No: Signed by the agent's current signer"). */
export function checkTitle(check: ReceiptCheck, purpose: ReceiptPurpose): string {
  switch (check.id) {
    case "domain":
      return "Made out to this app's distributor on this chain";
    case "collaborators":
      return "Runes and weights are well formed";
    case "token":
      return "Token accepted for payments";
    case "amount":
      return "Amount can be paid";
    case "rune":
      return "Agent registered and active";
    case "signature":
      return "Signed by the agent's current signer";
    case "serviceId":
      return "Service not paid yet";
    case "deadline":
      return "Deadline not passed";
    case "payer":
      return purpose === "pay" ? "Made out to the connected account" : "Made out to the account checked";
  }
}

/** What the payer check says on /pay. */
export function connectPayer(payer: Address, from: Address | undefined): string {
  return from === undefined
    ? `Connect the payer's account ${payer} to pay.`
    : `Connect the payer's account ${payer} to pay: the connected account ${from} cannot pay this receipt.`;
}
