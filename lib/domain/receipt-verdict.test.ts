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
    const verdict = receiptVerdict({ payable: false, failure: signature, checks: [signature] }, { payer: PAYER, from: undefined, purpose: "verify" });
    expect(verdict).toEqual({ payable: false, tone: "refused", headline: "Not genuine: the agent's current signer did not sign it.", reason: "Signature: signed by 0xabc, this rune's signer until it was rotated at block 12." });
  });

  it("refuses on a failure the contract does not check itself (another chain, a misnamed token)", () => {
    const domain: ReceiptCheck = { id: "domain", label: "Chain and distributor", outcome: "fail", detail: "the receipt is for chain 1, but this is chain 31337" };
    expect(receiptVerdict({ payable: false, failure: domain, checks: [domain] }, { payer: PAYER, from: undefined, purpose: "verify" })).toMatchObject({
      payable: false,
      tone: "refused",
      headline: "Not for this app: it is made out to another chain or distributor.",
    });
    const token: ReceiptCheck = { id: "token", label: "Token", outcome: "fail", detail: "the receipt says USDC with 6 decimals, but the token is tUSD" };
    expect(receiptVerdict({ payable: false, failure: token, checks: [token] }, { payer: PAYER, from: PAYER, purpose: "pay" }).headline).toBe(
      "Misleading: the file names its token wrongly, so its amount would be misread.",
    );
    const refused: ReceiptCheck = { ...token, detail: "not accepted", errorName: "RevenueDistributorTokenNotAllowed" };
    expect(receiptVerdict({ payable: false, failure: refused, checks: [refused] }, { payer: PAYER, from: PAYER, purpose: "pay" }).headline).toBe(
      "Refused: its token is not accepted for payments.",
    );
  });

  it("on /pay, says which account to connect when another one (or none) is connected", () => {
    const payer = check("payer", "fail", `made out to ${PAYER}, not to ${OTHER}`);
    expect(receiptVerdict({ payable: false, failure: payer, checks: [payer] }, { payer: PAYER, from: OTHER, purpose: "pay" }).reason).toBe(
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
