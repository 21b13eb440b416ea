import { describe, expect, it } from "vitest";
import type { ReceiptCheck } from "../receipts/verify";
import { checkTitle, receiptVerdict } from "./receipt-verdict";

const PAYER = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";
const OTHER = "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc";

function check(id: ReceiptCheck["id"], outcome: ReceiptCheck["outcome"], detail: string): ReceiptCheck {
  return { id, label: id === "payer" ? "Payer" : "Signature", outcome, detail };
}

describe("receiptVerdict", () => {
  it("names the first refusal, in the contract's order", () => {
    const signature = check("signature", "fail", "signed by 0xabc, this rune's signer until it was rotated at block 12");
    const verdict = receiptVerdict({ payable: false, revert: signature, checks: [signature] }, { payer: PAYER, from: undefined, purpose: "verify" });
    expect(verdict).toEqual({ payable: false, tone: "refused", headline: "Not genuine: the agent's current signer did not sign it.", reason: "Signature: signed by 0xabc, this rune's signer until it was rotated at block 12." });
  });

  it("on /pay, says which account to connect when another one (or none) is connected", () => {
    const payer = check("payer", "fail", `made out to ${PAYER}, not to ${OTHER}`);
    expect(receiptVerdict({ payable: false, revert: payer, checks: [payer] }, { payer: PAYER, from: OTHER, purpose: "pay" }).reason).toBe(
      `Connect the payer's account ${PAYER} to pay: the connected account ${OTHER} cannot pay this receipt.`,
    );
    const open = check("payer", "unchecked", `only ${PAYER} can pay it`);
    expect(receiptVerdict({ payable: true, checks: [open] }, { payer: PAYER, from: undefined, purpose: "pay" })).toEqual({
      payable: false,
      tone: "connect",
      headline: "Genuine: only its payer can pay it.",
      reason: `Connect the payer's account ${PAYER} to pay.`,
    });
  });

  it("on /verify, a receipt every check passes is genuine for its payer", () => {
    const open = check("payer", "unchecked", `only ${PAYER} can pay it`);
    expect(receiptVerdict({ payable: true, checks: [open] }, { payer: PAYER, from: undefined, purpose: "verify" })).toEqual({
      payable: true,
      tone: "payable",
      headline: `Genuine: its payer ${PAYER} can pay it now.`,
    });
    expect(receiptVerdict({ payable: true, checks: [] }, { payer: PAYER, from: PAYER, purpose: "pay" }).payable).toBe(true);
  });
});

describe("checkTitle", () => {
  it("words the payer check for the page that asks", () => {
    expect(checkTitle(check("payer", "pass", ""), "pay")).toBe("Made out to the connected account");
    expect(checkTitle(check("payer", "pass", ""), "verify")).toBe("Made out to the account checked");
    expect(checkTitle(check("signature", "pass", ""), "verify")).toBe("Signed by the agent's current signer");
  });
});
