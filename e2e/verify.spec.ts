import type { Page } from "@playwright/test";
import { createWalletClient, getAddress, http, keccak256, toHex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { anvilAccount } from "../lib/anvil-accounts";
import { deployContractSigner } from "../lib/test/contract-signer";
import { demoSignerKey } from "../scripts/seed-agents";
import { expect, rpc, test } from "./support/fixtures";
import { E2E_ANVIL_URL } from "./support/ports";
import { contracts, payOutsideTheApp, rotateSigner, runeOf, signWithCli } from "./support/receipts";

// Receipts come from the real receipt CLI (a subprocess per receipt): give each test room for it.
test.describe.configure({ timeout: 90_000 });

const PAYER = anvilAccount(4);

function runeRegion(page: Page) {
  return page.getByRole("region", { name: "Rune" });
}

function receiptRegion(page: Page) {
  return page.getByRole("region", { name: "Receipt" });
}

async function checkRune(page: Page, text: string) {
  await runeRegion(page).getByRole("textbox", { name: "Rune (0x and 64 hex digits)" }).fill(text);
  await runeRegion(page).getByRole("button", { name: "Check rune" }).click();
}

async function checkReceipt(page: Page, text: string, payer = "") {
  await receiptRegion(page).getByRole("textbox", { name: "Receipt (JSON, with its signature or signatures)" }).fill(text);
  await receiptRegion(page).getByRole("textbox", { name: "Account that will pay (optional)" }).fill(payer);
  await receiptRegion(page).getByRole("button", { name: "Check receipt" }).click();
}

test("a rune is checked against the registry: registered, suspended, unknown, malformed", async ({ page, chain }) => {
  const mimir = await runeOf(chain, "oracle-of-mimir");
  const loki = await runeOf(chain, "loki-sandbox");
  await page.goto("/verify");

  await checkRune(page, mimir.toUpperCase().replace("0X", "0x"));
  await expect(page).toHaveURL(/\/verify\?rune=0x/);
  const result = page.getByTestId("rune-result");
  await expect(result).toHaveAttribute("data-status", "Active");
  await expect(result).toContainText("Oracle of Mimir");
  await expect(result).toContainText("Yes: Registered on this network's rune registry (active)");
  await expect(result).toContainText("Yes: The registration file names this rune");
  await expect(result).toContainText("Yes: Takes payments and stakes");
  await expect(result.getByTestId("signer-kind")).toHaveText("A key (EOA): receipts carry its ECDSA signature.");
  await expect(result.getByRole("img", { name: "Rune sigil" })).toBeVisible();
  await expect(result.getByRole("img", { name: /^Futhark / })).toBeVisible();
  await expect(result).toContainText(mimir);

  await checkRune(page, loki);
  await expect(result).toHaveAttribute("data-status", "Suspended");
  await expect(result).toContainText("Loki Sandbox");
  await expect(result).toContainText("No: Takes no payments or stakes (suspended)");

  const unknown = keccak256(toHex("no such agent"));
  await checkRune(page, unknown);
  await expect(result).toHaveAttribute("data-status", "Unregistered");
  await expect(result).toContainText("Unknown rune");
  await expect(result).toContainText("No: Registered on this network's rune registry");

  const field = runeRegion(page).getByRole("textbox", { name: "Rune (0x and 64 hex digits)" });
  for (const [text, error] of [
    ["0xdeadbeef", "A rune is 0x and 64 hex digits (32 bytes); this has 8."],
    [`0x${"g".repeat(64)}`, "A rune has only hex digits (0–9, a–f) after 0x."],
    ["Oracle of Mimir", 'A rune starts with 0x, then 64 hex digits; "Oracle of Mimir" does not.'],
    [`0x${"a".repeat(5_000)}`, "A rune is 0x and 64 hex digits (32 bytes); this has 198."],
  ] as const) {
    await checkRune(page, text);
    await expect(runeRegion(page).getByRole("alert")).toHaveText(error);
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(result).toHaveCount(0);
  }
});

test("a CLI receipt is genuine; checked for another account it is refused as made out to someone else", async ({ page, chain }) => {
  const rune = await runeOf(chain, "oracle-of-mimir");
  const receipt = await signWithCli(rune, "oracle-of-mimir", { serviceId: "e2e verify genuine", payer: PAYER, token: "tUSD", amount: "4.2" });
  await page.goto("/verify");
  await checkReceipt(page, receipt.text);
  const report = page.getByTestId("receipt-report");
  await expect(report).toHaveAttribute("data-payable", "true");
  await expect(report).toContainText(`Genuine: its payer ${PAYER} can pay it now.`);
  await expect(report).toContainText("Oracle of Mimir");
  await expect(report).toContainText("4.2 tUSD");
  await expect(report).toContainText(`tUSD (${contracts.stablecoin}) is accepted.`);
  const signer = privateKeyToAccount(demoSignerKey("oracle-of-mimir")).address;
  await expect(report).toContainText(`Yes: Signed by the agent's current signer`);
  await expect(report).toContainText(`Signed by the rune's current signer ${signer}.`);
  await expect(report).toContainText("Yes: Service not paid yet");
  await expect(report).toContainText("Yes: Deadline not passed");
  await expect(report).toContainText(`Unknown: Payer`);

  const other = anvilAccount(6);
  await checkReceipt(page, receipt.text, other);
  await expect(report).toHaveAttribute("data-payable", "false");
  await expect(report).toContainText("No: Made out to the account checked");
  await expect(report).toContainText(`made out to ${PAYER}, not to ${other}`);
});

test("rotating the agent's signer: a receipt signed by the old signer is refused on /verify and on /pay", async ({ page, chain, wallet }) => {
  const rune = await runeOf(chain, "oracle-of-mimir");
  const receipt = await signWithCli(rune, "oracle-of-mimir", { serviceId: "e2e verify rotated", payer: PAYER, token: "ETH", amount: "0.2" });
  const oldSigner = privateKeyToAccount(demoSignerKey("oracle-of-mimir")).address;
  const newSigner = privateKeyToAccount(keccak256(toHex("mimir's new key"))).address;
  await rotateSigner(chain, rune, newSigner);

  await page.goto("/verify");
  await checkReceipt(page, receipt.text);
  const report = page.getByTestId("receipt-report");
  await expect(report).toHaveAttribute("data-payable", "false");
  await expect(report).toContainText("Not genuine: the agent's current signer did not sign it.");
  await expect(report).toContainText("No: Signed by the agent's current signer");
  await expect(report).toContainText(new RegExp(`Signed by ${oldSigner}, this rune's signer until it was rotated at block \\d+; only its current signer ${newSigner} can sign now`));

  await page.goto("/pay");
  await page.getByRole("region", { name: "Receipt" }).getByRole("textbox", { name: "Signed receipt (JSON)" }).fill(receipt.text);
  await page.getByRole("region", { name: "Receipt" }).getByRole("button", { name: "Check receipt" }).click();
  const payReport = page.getByTestId("receipt-report");
  await expect(payReport).toContainText("No: Signed by the agent's current signer");
  const payment = page.getByRole("region", { name: "Payment" });
  await wallet.useAccount(4);
  await payment.getByRole("button", { name: "Connect wallet to pay" }).click();
  await page.getByTestId("rk-wallet-option-dev.aurorune.testwallet").or(page.getByTestId("rk-wallet-option-injected")).first().click();
  await expect(payReport).toContainText("Yes: Made out to the connected account");
  await expect(payment.getByRole("button", { name: "Pay 0.2 ETH" })).toBeDisabled();
  await expect(payment.getByTestId("pay-blocked")).toContainText(`Signature: signed by ${oldSigner}, this rune's signer until it was rotated`);
});

test("an agent whose signer is a contract (ERC-1271): its receipts are genuine when the contract accepts them", async ({ page, chain }) => {
  const rune = await runeOf(chain, "oracle-of-mimir");
  const key = privateKeyToAccount(demoSignerKey("oracle-of-mimir")).address;
  const walletClient = createWalletClient({ transport: http(E2E_ANVIL_URL) });
  const contractSigner = await deployContractSigner({ walletClient, publicClient: chain.client }, anvilAccount(0), key);
  await rotateSigner(chain, rune, contractSigner);
  // The agent keeps signing with its key; the rune's signer is now the contract that vouches for that key.
  const receipt = await signWithCli(rune, "oracle-of-mimir", { serviceId: "e2e verify erc1271", payer: PAYER, token: "ETH", amount: "0.3" });

  await page.goto(`/verify?rune=${rune}`);
  await expect(page.getByTestId("signer-kind")).toHaveText("A contract (ERC-1271): it decides itself which signatures it accepts.");
  await checkReceipt(page, receipt.text);
  const report = page.getByTestId("receipt-report");
  await expect(report).toHaveAttribute("data-payable", "true");
  await expect(report).toContainText("Yes: Signed by the agent's current signer");
  await expect(report).toContainText(`Accepted by the rune's contract signer ${getAddress(contractSigner)} (ERC-1271).`);
});

test("a used service id and a passed deadline are reported, in chain time", async ({ page, chain }) => {
  const rune = await runeOf(chain, "skald-translate");
  const paid = await signWithCli(rune, "skald-translate", { serviceId: "e2e verify used", payer: PAYER, token: "ETH", amount: "0.01" });
  const expiring = await signWithCli(rune, "skald-translate", { serviceId: "e2e verify expiring", payer: PAYER, token: "tUSD", amount: "1", deadline: "+30m" });
  await payOutsideTheApp(chain, paid);

  await page.goto("/verify");
  await checkReceipt(page, paid.text);
  const report = page.getByTestId("receipt-report");
  await expect(report).toContainText("Already paid: a receipt pays once.");
  await expect(report).toContainText("No: Service not paid yet");
  await expect(report).toContainText("This service was already paid for with this rune: a receipt pays once.");

  await checkReceipt(page, expiring.text);
  await expect(report).toContainText("Yes: Deadline not passed");
  await expect(report).toContainText(/in (29|30) min/);
  // An hour passes on the chain (not on this machine's clock).
  await rpc("evm_increaseTime", [3_600]);
  await rpc("evm_mine");
  await checkReceipt(page, expiring.text);
  await expect(report).toContainText("Expired: its deadline has passed.");
  await expect(report).toContainText("No: Deadline not passed");
  await expect(report).toContainText(/Expired (29|30) min \d+ s ago/);
});

test("malformed receipts get a field error next to the field, never a crash", async ({ page, chain }) => {
  const rune = await runeOf(chain, "oracle-of-mimir");
  const receipt = await signWithCli(rune, "oracle-of-mimir", { serviceId: "e2e verify malformed", payer: PAYER, token: "ETH", amount: "0.5" });
  const file = JSON.parse(receipt.text) as { message: { amount: string }; display: { amount: string; symbol: string }; signature: string };
  const withAmount = (amount: string, display: string) => JSON.stringify({ ...file, message: { ...file.message, amount }, display: { ...file.display, amount: display } });
  await page.goto("/verify");
  const field = receiptRegion(page).getByRole("textbox", { name: "Receipt (JSON, with its signature or signatures)" });
  const alert = receiptRegion(page).getByRole("alert");
  for (const [text, error] of [
    ["{", /^The receipt is not valid JSON/],
    ["[1, 2]", "The receipt must be a JSON object, got an array."],
    [withAmount("600000000000000000", "0.5"), 'display.amount: "0.5" does not match message.amount 600000000000000000 (that is 0.6 ETH with 18 decimals).'],
    [JSON.stringify({ ...file, signature: "0xzz" }), 'signature: must be 0x and an even number of hex digits, got "0xzz".'],
    [JSON.stringify({ ...file, extra: 1 }), "extra: is not a field of this receipt type."],
  ] as const) {
    await checkReceipt(page, text);
    await expect(alert).toHaveText(error);
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId("receipt-report")).toHaveCount(0);
  }

  // Well formed but altered after signing: a failed check, not a field error.
  await checkReceipt(page, withAmount("600000000000000000", "0.6"));
  const report = page.getByTestId("receipt-report");
  await expect(report).toContainText("No: Signed by the agent's current signer");
  await expect(report).toContainText("altered after signing, or signed by another key");
  await expect(field).toHaveAttribute("aria-invalid", "false");

  // A display part that misnames the token: well formed, but the amount would be misread.
  await checkReceipt(page, JSON.stringify({ ...file, display: { ...file.display, symbol: "WETH" } }));
  await expect(report).toContainText("Misleading: the file names its token wrongly, so its amount would be misread.");
  await expect(report).toContainText("No: Token accepted for payments");

  // Too large: refused in the page, before anything is sent.
  await checkReceipt(page, `${receipt.text}${" ".repeat(70_000)}`);
  await expect(alert).toHaveText(/^The receipt is 7\d,\d{3} characters long; a receipt file is at most 65,536\.$/);

  // The optional payer.
  await checkReceipt(page, receipt.text, "0x1234");
  await expect(receiptRegion(page).getByRole("alert")).toHaveText("An account is 0x and 40 hex digits.");
  await expect(receiptRegion(page).getByRole("textbox", { name: "Account that will pay (optional)" })).toHaveAttribute("aria-invalid", "true");
});
