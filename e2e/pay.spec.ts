import type { Page } from "@playwright/test";
import { type Address, type Hex, erc20Abi, parseEther, parseUnits, zeroAddress, encodeFunctionData } from "viem";
import { revenueDistributorAbi } from "../contracts-abi/generated";
import { anvilAccount } from "../lib/anvil-accounts";
import { type ChainFixture, type TestWallet, expect, rpc, test } from "./support/fixtures";
import { type CliReceipt, contracts, revenueOf, runeOf, signCollabWithCli, signWithCli } from "./support/receipts";

// Receipts come from the real receipt CLI (a subprocess per receipt): give each test room for it.
test.describe.configure({ timeout: 90_000 });

const PAYER = anvilAccount(4); // a seeded payer: ETH, AURUNES and tUSD to spend
const OTHER_PAYER = anvilAccount(5);

function receiptRegion(page: Page) {
  return page.getByRole("region", { name: "Receipt" });
}

function paymentRegion(page: Page) {
  return page.getByRole("region", { name: "Payment" });
}

async function pasteAndCheck(page: Page, text: string) {
  await receiptRegion(page).getByRole("textbox", { name: "Signed receipt (JSON)" }).fill(text);
  await receiptRegion(page).getByRole("button", { name: "Check receipt" }).click();
  await expect(page.getByTestId("receipt-report")).toBeVisible();
}

/** Connects the test wallet from the payment panel's own button (the wallet code loads on that click). */
async function connectFromPanel(page: Page, wallet: TestWallet, account: number) {
  await wallet.useAccount(account);
  await paymentRegion(page).getByRole("button", { name: "Connect wallet to pay" }).click();
  await page.getByTestId("rk-wallet-option-dev.aurorune.testwallet").or(page.getByTestId("rk-wallet-option-injected")).first().click();
  await expect(page.getByTestId("rk-account-button")).toBeVisible();
}

async function servicePaidEvents(chain: ChainFixture, rune: Hex, serviceId: Hex) {
  return chain.client.getContractEvents({
    address: contracts.revenueDistributor,
    abi: revenueDistributorAbi,
    eventName: "ServicePaid",
    args: { rune, serviceId },
    fromBlock: 0n,
  });
}

function isServiceUsed(chain: ChainFixture, rune: Hex, serviceId: Hex): Promise<boolean> {
  return chain.client.readContract({ address: contracts.revenueDistributor, abi: revenueDistributorAbi, functionName: "isServiceUsed", args: [rune, serviceId] });
}

function tusdBalance(chain: ChainFixture, account: Address): Promise<bigint> {
  return chain.client.readContract({ address: contracts.stablecoin, abi: erc20Abi, functionName: "balanceOf", args: [account] });
}

/** Sets the payer's tUSD allowance for the distributor (the seed left it unlimited). */
async function setTusdAllowance(chain: ChainFixture, account: Address, amount: bigint) {
  const data = encodeFunctionData({ abi: erc20Abi, functionName: "approve", args: [contracts.revenueDistributor, amount] });
  const hash = await rpc<Hex>("eth_sendTransaction", [{ from: account, to: contracts.stablecoin, data }]);
  await chain.client.waitForTransactionReceipt({ hash });
}

function serviceIdOf({ signed }: CliReceipt): Hex {
  return signed.receipt.serviceId;
}

test("an ETH receipt from the CLI is checked, paid from the payer's account, and linked to the agent's history", { tag: "@history" }, async ({ page, chain, wallet }) => {
  const rune = await runeOf(chain, "oracle-of-mimir");
  const receipt = await signWithCli(rune, "oracle-of-mimir", { serviceId: "e2e pay eth", payer: PAYER, token: "ETH", amount: "0.25" });
  const serviceId = serviceIdOf(receipt);
  const revenueBefore = await revenueOf(chain, rune, zeroAddress);

  await page.goto("/pay");
  await pasteAndCheck(page, receipt.text);
  const report = page.getByTestId("receipt-report");
  await expect(report).toContainText(`Genuine: only its payer can pay it.`);
  await expect(report).toContainText("Oracle of Mimir");
  await expect(report).toContainText("0.25 ETH");
  await expect(report).toContainText(serviceId);
  await expect(report).toContainText("Yes: Signed by the agent's current signer");
  await expect(report).toContainText("Yes: Service not paid yet");
  await expect(report).toContainText("Yes: Deadline not passed");
  await expect(report).toContainText("Yes: Agent registered and active");
  await expect(report).toContainText("Yes: Token accepted for payments");
  // Nothing connected yet: the panel says whose account can pay, and offers to connect it.
  await expect(paymentRegion(page)).toContainText(`Connect the payer's account ${PAYER} to pay.`);

  await connectFromPanel(page, wallet, 4);
  // Checked again for the connected account: it is the payer.
  await expect(report).toContainText("Yes: Made out to the connected account");
  await expect(paymentRegion(page).getByTestId("pay-deadline")).toContainText(/expires in (59 min|1 h)/);
  const pay = paymentRegion(page).getByRole("button", { name: "Pay 0.25 ETH" });
  await expect(pay).toBeEnabled();
  await pay.click();

  const done = paymentRegion(page).getByTestId("pay-done");
  await expect(done).toContainText("Paid 0.25 ETH.");
  const events = await servicePaidEvents(chain, rune, serviceId);
  expect(events).toHaveLength(1);
  const [event] = events;
  expect(event!.args.payer).toBe(PAYER);
  expect(event!.args.amount).toBe(parseEther("0.25"));
  expect(await revenueOf(chain, rune, zeroAddress)).toBe(revenueBefore + parseEther("0.25"));
  // The report follows: the service is now paid, so the same receipt would be refused.
  await expect(report).toContainText("No: Service not paid yet");

  const link = done.getByRole("link", { name: "See the payment in Oracle of Mimir's history" });
  await expect(link).toHaveAttribute("href", `/agents/${rune}?cursor=${event!.blockNumber}-${event!.logIndex + 1}#revenue`);
  await link.click();
  await expect(page.getByRole("heading", { name: "Oracle of Mimir", level: 1 })).toBeVisible();
  // The agent's history opens at the payment: its first row.
  const first = page.getByRole("table", { name: "Payments" }).getByRole("row").nth(1);
  await expect(first).toHaveAttribute("data-position", `${event!.blockNumber}-${event!.logIndex}`);
  await expect(first).toContainText(serviceId.slice(0, 6));
  await expect(first).toContainText("0.25");
});

test("a tUSD receipt uploaded as a file is paid with a permit: one signature, one transaction, the exact amount", async ({ page, chain, wallet }) => {
  const rune = await runeOf(chain, "skald-translate");
  const receipt = await signWithCli(rune, "skald-translate", { serviceId: "e2e pay tusd", payer: PAYER, token: "tUSD", amount: "12.5" });
  await setTusdAllowance(chain, PAYER, 0n);
  const [revenueBefore, balanceBefore] = await Promise.all([revenueOf(chain, rune, contracts.stablecoin), tusdBalance(chain, PAYER)]);

  await page.goto("/pay");
  await receiptRegion(page)
    .getByLabel("or upload a receipt file")
    .setInputFiles({ name: "receipt.json", mimeType: "application/json", buffer: Buffer.from(receipt.text) });
  const report = page.getByTestId("receipt-report");
  await expect(report).toContainText("12.5 tUSD");
  await expect(report).toContainText("Skald Translate");
  await connectFromPanel(page, wallet, 4);
  await expect(report).toContainText("Yes: Made out to the connected account");
  await paymentRegion(page).getByRole("button", { name: "Pay 12.5 tUSD" }).click();

  const progress = paymentRegion(page).getByTestId("pay-progress");
  await expect(progress).toHaveAttribute("data-path", "permit");
  await expect(progress.locator('li[data-state="done"]')).toHaveCount(2);
  await expect(paymentRegion(page).getByTestId("pay-done")).toContainText("Paid 12.5 tUSD.");
  await expect(report).toContainText("No: Service not paid yet");
  expect(wallet.requestCount("eth_signTypedData_v4")).toBe(1);
  expect(wallet.requestCount("eth_sendTransaction")).toBe(1);
  expect(await servicePaidEvents(chain, rune, serviceIdOf(receipt))).toHaveLength(1);
  expect(await revenueOf(chain, rune, contracts.stablecoin)).toBe(revenueBefore + parseUnits("12.5", 6));
  expect(await tusdBalance(chain, PAYER)).toBe(balanceBefore - parseUnits("12.5", 6));
  expect(
    await chain.client.readContract({ address: contracts.stablecoin, abi: erc20Abi, functionName: "allowance", args: [PAYER, contracts.revenueDistributor] }),
  ).toBe(0n); // the permit was for exactly this payment

  // And it is in the agent's history, first row of the page the link opens.
  const [event] = await servicePaidEvents(chain, rune, serviceIdOf(receipt));
  await paymentRegion(page).getByRole("link", { name: "See the payment in Skald Translate's history" }).click();
  const first = page.getByRole("table", { name: "Payments" }).getByRole("row").nth(1);
  await expect(first).toHaveAttribute("data-position", `${event!.blockNumber}-${event!.logIndex}`);
  await expect(first).toContainText("12.50");
  await expect(first).toContainText("tUSD");
});

test("a collaborative tUSD receipt is paid in one EIP-5792 batch and split between its agents by weight", async ({ page, chain, wallet }) => {
  wallet.supportBatches(true);
  const mimir = await runeOf(chain, "oracle-of-mimir");
  const skald = await runeOf(chain, "skald-translate");
  const receipt = await signCollabWithCli(
    [
      { rune: mimir, slug: "oracle-of-mimir" },
      { rune: skald, slug: "skald-translate" },
    ],
    [6_000, 4_000],
    { serviceId: "e2e pay team", payer: PAYER, token: "tUSD", amount: "30" },
  );
  await setTusdAllowance(chain, PAYER, 0n);
  const before = await Promise.all([revenueOf(chain, mimir, contracts.stablecoin), revenueOf(chain, skald, contracts.stablecoin)]);

  await page.goto("/pay");
  await pasteAndCheck(page, receipt.text);
  const report = page.getByTestId("receipt-report");
  await expect(report).toContainText("Collaborative receipt: 2 agents share the payment");
  await expect(report).toContainText("60% of the amount");
  await expect(report).toContainText("40% of the amount");
  await expect(report).toContainText("Yes: Signed by the agent's current signer (Oracle of Mimir)");
  await expect(report).toContainText("Yes: Signed by the agent's current signer (Skald Translate)");
  await connectFromPanel(page, wallet, 4);
  await expect(report).toContainText("Yes: Made out to the connected account");
  await paymentRegion(page).getByRole("button", { name: "Pay 30 tUSD" }).click();

  await expect(paymentRegion(page).getByTestId("pay-progress")).toHaveAttribute("data-path", "batch");
  const done = paymentRegion(page).getByTestId("pay-done");
  await expect(done).toContainText("Paid 30 tUSD.");
  await expect(done.getByRole("link")).toHaveCount(2);
  expect(wallet.requestCount("wallet_sendCalls")).toBe(1);
  expect(wallet.requestCount("eth_sendTransaction")).toBe(0);
  await expect(report).toContainText("No: Service not paid yet (Skald Translate)");
  expect(await revenueOf(chain, mimir, contracts.stablecoin)).toBe(before[0] + parseUnits("18", 6));
  expect(await revenueOf(chain, skald, contracts.stablecoin)).toBe(before[1] + parseUnits("12", 6));
  expect(await servicePaidEvents(chain, skald, serviceIdOf(receipt))).toHaveLength(1);
});

test("a receipt made out to another account cannot be paid until the payer's account is connected", async ({ page, chain, wallet }) => {
  const rune = await runeOf(chain, "oracle-of-mimir");
  const receipt = await signWithCli(rune, "oracle-of-mimir", { serviceId: "e2e pay other", payer: OTHER_PAYER, token: "ETH", amount: "0.1" });
  const nonce = await chain.client.getTransactionCount({ address: PAYER });

  await page.goto("/pay");
  await pasteAndCheck(page, receipt.text);
  await connectFromPanel(page, wallet, 4);
  const report = page.getByTestId("receipt-report");
  const refusal = `Connect the payer's account ${OTHER_PAYER} to pay: the connected account ${PAYER} cannot pay this receipt.`;
  await expect(report).toContainText("No: Made out to the connected account");
  await expect(report).toContainText(refusal);
  const pay = paymentRegion(page).getByRole("button", { name: "Pay 0.1 ETH" });
  await expect(pay).toBeDisabled();
  await expect(paymentRegion(page).getByTestId("pay-blocked")).toHaveText(refusal);
  expect(await chain.client.getTransactionCount({ address: PAYER })).toBe(nonce);

  // The payer's own account: checked again, and payable.
  await wallet.useAccount(5);
  await expect(report).toContainText("Yes: Made out to the connected account");
  await expect(pay).toBeEnabled();
  await pay.click();
  await expect(paymentRegion(page).getByTestId("pay-done")).toContainText("Paid 0.1 ETH.");
  await expect(report).toContainText("No: Service not paid yet");
  expect(await isServiceUsed(chain, rune, serviceIdOf(receipt))).toBe(true);
});

test("a wallet on another network is asked to switch, and a rejected prompt pays nothing", async ({ page, chain, wallet }) => {
  const rune = await runeOf(chain, "valkyrie-vision");
  const receipt = await signWithCli(rune, "valkyrie-vision", { serviceId: "e2e pay network", payer: PAYER, token: "ETH", amount: "0.05" });
  const serviceId = serviceIdOf(receipt);

  await page.goto("/pay");
  await pasteAndCheck(page, receipt.text);
  await connectFromPanel(page, wallet, 4);
  const pay = paymentRegion(page).getByRole("button", { name: "Pay 0.05 ETH" });
  await expect(pay).toBeEnabled();

  await wallet.setChain(1);
  await expect(paymentRegion(page).getByTestId("pay-blocked")).toHaveText("Your wallet is on chain 1: switch it to Local chain to pay.");
  await expect(pay).toBeHidden();
  await paymentRegion(page).getByRole("button", { name: "Switch to Local chain" }).click();
  await expect(pay).toBeEnabled();
  expect(wallet.chainId()).toBe(31337);

  const nonce = await chain.client.getTransactionCount({ address: PAYER });
  wallet.rejectNext("eth_sendTransaction");
  await pay.click();
  await expect(paymentRegion(page).getByRole("alert")).toHaveText("You rejected the request in your wallet: nothing was paid.");
  expect(await chain.client.getTransactionCount({ address: PAYER })).toBe(nonce);
  expect(await isServiceUsed(chain, rune, serviceId)).toBe(false);

  // Trying again works.
  await pay.click();
  await expect(paymentRegion(page).getByTestId("pay-done")).toContainText("Paid 0.05 ETH.");
  await expect(page.getByTestId("receipt-report")).toContainText("No: Service not paid yet");
  expect(await isServiceUsed(chain, rune, serviceId)).toBe(true);
});

test("malformed receipts get a field error on /pay, and nothing to pay", async ({ page }) => {
  await page.goto("/pay");
  const field = receiptRegion(page).getByRole("textbox", { name: "Signed receipt (JSON)" });
  for (const [text, error] of [
    ["", "Paste a receipt, or upload a receipt file."],
    ["{", /^The receipt is not valid JSON/],
    ['{"type":"aurorune.receipt/v1","primaryType":"Invoice"}', 'primaryType: must be "ServiceReceipt" or "CollaborativeReceipt", got "Invoice".'],
  ] as const) {
    await field.fill(text);
    await receiptRegion(page).getByRole("button", { name: "Check receipt" }).click();
    await expect(receiptRegion(page).getByRole("alert")).toHaveText(error);
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(paymentRegion(page)).toHaveText(/Check a receipt first/);
    await expect(paymentRegion(page).getByRole("button")).toHaveCount(0);
  }
});
