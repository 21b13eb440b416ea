import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { type Address, type Hex, encodeFunctionData, parseEther } from "viem";
import { aurunesTokenAbi, revenueDistributorAbi, runeRegistryAbi } from "../contracts-abi/generated";
import { anvilAccount } from "../lib/anvil-accounts";
import { demoAgents } from "../scripts/seed-agents";
import { type ChainFixture, expect, rpc, test } from "./support/fixtures";
import { E2E_DEPLOYMENT_DIR } from "./support/ports";

const { contracts } = JSON.parse(readFileSync(`${E2E_DEPLOYMENT_DIR}/31337.json`, "utf8")) as {
  contracts: { runeRegistry: Address; revenueDistributor: Address; aurunesToken: Address };
};
const distributor = { address: contracts.revenueDistributor, abi: revenueDistributorAbi } as const;
const token = { address: contracts.aurunesToken, abi: aurunesTokenAbi } as const;

/** The rune of a seeded demo agent, by slug. */
async function runeOf(chain: ChainFixture, slug: string): Promise<Hex> {
  const index = demoAgents.findIndex((agent) => agent.slug === slug);
  return chain.client.readContract({ address: contracts.runeRegistry, abi: runeRegistryAbi, functionName: "runeAt", args: [BigInt(index)] });
}

async function stakeState(chain: ChainFixture, rune: Hex, account: Address) {
  const [balance, position, runeActive, allowance] = await Promise.all([
    chain.client.readContract({ ...token, functionName: "balanceOf", args: [account] }),
    chain.client.readContract({ ...distributor, functionName: "positionOf", args: [rune, account] }),
    chain.client.readContract({ ...distributor, functionName: "activeStakeOf", args: [rune] }),
    chain.client.readContract({ ...token, functionName: "allowance", args: [account, contracts.revenueDistributor] }),
  ]);
  return { balance, active: position.active, unbonding: position.unbonding, runeActive, allowance };
}

async function connectInjected(page: Page) {
  await page.getByRole("banner").getByRole("button", { name: "Connect wallet" }).click();
  await page.getByTestId("rk-wallet-option-dev.aurorune.testwallet").or(page.getByTestId("rk-wallet-option-injected")).first().click();
  await expect(page.getByTestId("rk-account-button")).toBeVisible();
}

function stakeForm(page: Page) {
  return page.getByRole("region", { name: "Stake on this agent" });
}

test("a dev account stakes with a permit: one signature, one transaction, exact balances", async ({ page, chain }) => {
  const rune = await runeOf(chain, "oracle-of-mimir");
  const account = anvilAccount(7);
  const before = await stakeState(chain, rune, account);
  await page.goto(`/agents/${rune}`);
  await page.getByRole("banner").getByRole("button", { name: "Connect wallet" }).click();
  await page.getByRole("button", { name: /Dev account: #7 staker/ }).click();

  const form = stakeForm(page);
  await form.getByLabel("Amount to stake (AURUNES)").fill("100");
  await form.getByRole("button", { name: "Stake", exact: true }).click();
  const progress = form.getByTestId("stake-progress");
  await expect(progress).toHaveAttribute("data-path", "permit");
  await expect(progress.locator('li[data-state="done"]')).toHaveCount(2);

  const after = await stakeState(chain, rune, account);
  expect(after.balance).toBe(before.balance - parseEther("100"));
  expect(after.active).toBe(before.active + parseEther("100"));
  expect(after.runeActive).toBe(before.runeActive + parseEther("100"));
  expect(after.allowance).toBe(0n); // the permit was for exactly this stake
  // The position island on the same page follows (one wallet state).
  await expect(page.getByTestId("position-active")).toContainText(
    new Intl.NumberFormat("en-US", { minimumFractionDigits: 2 }).format(Number(after.active / 10n ** 16n) / 100),
  );
});

test("a wallet with EIP-5792 batches approves and stakes in one prompt", async ({ page, chain, wallet }) => {
  wallet.supportBatches(true);
  const rune = await runeOf(chain, "oracle-of-mimir");
  const account = anvilAccount(7);
  const before = await stakeState(chain, rune, account);
  await page.goto(`/agents/${rune}`);
  await connectInjected(page);
  const form = stakeForm(page);
  await form.getByLabel("Amount to stake (AURUNES)").fill("12.5");
  await form.getByRole("button", { name: "Stake", exact: true }).click();
  await expect(form.getByTestId("stake-progress")).toHaveAttribute("data-path", "batch");
  await expect(form.getByTestId("stake-progress").locator('li[data-state="done"]')).toHaveCount(1);
  expect(wallet.requestCount("wallet_sendCalls")).toBe(1);
  expect(wallet.requestCount("eth_sendTransaction")).toBe(0);
  expect(wallet.requestCount("eth_signTypedData_v4")).toBe(0);
  const after = await stakeState(chain, rune, account);
  expect(after.active).toBe(before.active + parseEther("12.5"));
  expect(after.balance).toBe(before.balance - parseEther("12.5"));
});

/** Sets the account's AURUNES allowance for the distributor directly on the node (the key is unlocked there). */
async function setAllowance(chain: ChainFixture, account: Address, amount: bigint) {
  const data = encodeFunctionData({ abi: aurunesTokenAbi, functionName: "approve", args: [contracts.revenueDistributor, amount] });
  const hash = await rpc<Hex>("eth_sendTransaction", [{ from: account, to: contracts.aurunesToken, data }]);
  await chain.client.waitForTransactionReceipt({ hash });
}

test("a wallet that cannot sign typed data approves exactly, then stakes; an approval already in place is not asked again", async ({ page, chain, wallet }) => {
  wallet.supportTypedData(false);
  const rune = await runeOf(chain, "oracle-of-mimir");
  const account = anvilAccount(7);
  await setAllowance(chain, account, 0n);
  const before = await stakeState(chain, rune, account);
  await page.goto(`/agents/${rune}`);
  await connectInjected(page);
  const form = stakeForm(page);
  await form.getByLabel("Amount to stake (AURUNES)").fill("7");
  await form.getByRole("button", { name: "Stake", exact: true }).click();
  await expect(form.getByTestId("stake-progress")).toHaveAttribute("data-path", "approve");
  await expect(form.getByTestId("stake-progress").locator('li[data-state="done"]')).toHaveCount(2);
  expect(wallet.requestCount("eth_sendTransaction")).toBe(2);
  const after = await stakeState(chain, rune, account);
  expect(after.active).toBe(before.active + parseEther("7"));
  expect(after.allowance).toBe(0n);

  // Enough allowance already: the approve step is skipped, one transaction.
  await setAllowance(chain, account, parseEther("1000"));
  await form.getByLabel("Amount to stake (AURUNES)").fill("3");
  await form.getByRole("button", { name: "Stake", exact: true }).click();
  await expect(form.getByTestId("stake-progress").locator('li[data-state="skipped"]')).toHaveText(/Approval already in place/);
  await expect(form.getByTestId("stake-progress").locator('li[data-state="done"]')).toHaveCount(1);
  expect(wallet.requestCount("eth_sendTransaction")).toBe(3);
  expect((await stakeState(chain, rune, account)).active).toBe(after.active + parseEther("3"));
});

test("bad amounts are refused next to the field, with no wallet prompt and no transaction", async ({ page, chain, wallet }) => {
  const rune = await runeOf(chain, "oracle-of-mimir");
  const account = anvilAccount(7);
  const nonce = await chain.client.getTransactionCount({ address: account });
  const { balance } = await stakeState(chain, rune, account);
  await page.goto(`/agents/${rune}`);
  await connectInjected(page);
  const form = stakeForm(page);
  const field = form.getByLabel("Amount to stake (AURUNES)");
  const tooMuch = `${balance / 10n ** 18n + 1n}`;
  for (const [text, reason] of [
    ["", "Enter an amount."],
    ["0", "The amount must be more than zero."],
    ["-1", "The amount cannot be negative."],
    ["1e3", "Enter a plain number, like 12.5."],
    ["abc", "Enter a plain number, like 12.5."],
    ["1.0000000000000000001", "AURUNES has at most 18 decimals."],
    [tooMuch, "That is more than your AURUNES balance."],
  ] as const) {
    await field.fill(text);
    await form.getByRole("button", { name: "Stake", exact: true }).click();
    await expect(form.getByRole("alert")).toHaveText(reason);
    await expect(field).toHaveAttribute("aria-invalid", "true");
  }
  // Unstake checks against the active stake.
  await form.getByRole("tab", { name: "Unstake" }).click();
  await form.getByLabel("Amount to unstake (AURUNES)").fill("100000000");
  await form.getByRole("button", { name: "Unstake", exact: true }).click();
  await expect(form.getByRole("alert")).toHaveText("That is more than your active stake.");

  for (const method of ["eth_sendTransaction", "eth_signTypedData_v4", "wallet_sendCalls"]) expect(wallet.requestCount(method)).toBe(0);
  expect(await chain.client.getTransactionCount({ address: account })).toBe(nonce);
});

test("a suspended agent takes no new stake: said before any prompt", async ({ page, chain, wallet }) => {
  const rune = await runeOf(chain, "loki-sandbox");
  await page.goto(`/agents/${rune}`);
  await connectInjected(page);
  const form = stakeForm(page);
  await form.getByLabel("Amount to stake (AURUNES)").fill("1");
  await form.getByRole("button", { name: "Stake", exact: true }).click();
  await expect(form.getByRole("alert")).toHaveText("This agent is suspended: it takes no new stakes.");
  expect(wallet.requestCount("eth_sendTransaction") + wallet.requestCount("eth_signTypedData_v4")).toBe(0);
});

test("rejecting the permit signature leaves everything as it was, calmly", async ({ page, chain, wallet }) => {
  const rune = await runeOf(chain, "oracle-of-mimir");
  const account = anvilAccount(7);
  const before = await stakeState(chain, rune, account);
  wallet.rejectNext("eth_signTypedData_v4");
  await page.goto(`/agents/${rune}`);
  await connectInjected(page);
  const form = stakeForm(page);
  await form.getByLabel("Amount to stake (AURUNES)").fill("5");
  await form.getByRole("button", { name: "Stake", exact: true }).click();
  await expect(form.getByTestId("stake-progress").locator('li[data-state="failed"]')).toHaveCount(1);
  await expect(page.getByRole("status").filter({ hasText: /rejected|cancel/i })).toBeVisible();
  expect(await stakeState(chain, rune, account)).toEqual(before);
  await expect(form.getByRole("button", { name: "Stake", exact: true })).toBeEnabled();
});

test("unstaking stops earning at once and starts the unbonding period", async ({ page, chain }) => {
  const rune = await runeOf(chain, "oracle-of-mimir");
  const account = anvilAccount(7);
  const before = await stakeState(chain, rune, account);
  await page.goto(`/agents/${rune}`);
  await page.getByRole("banner").getByRole("button", { name: "Connect wallet" }).click();
  await page.getByRole("button", { name: /Dev account: #7 staker/ }).click();
  const form = stakeForm(page);
  await form.getByRole("tab", { name: "Unstake" }).click();
  await expect(form).toContainText("stop earning at once");
  await form.getByLabel("Amount to unstake (AURUNES)").fill("10");
  await form.getByRole("button", { name: "Unstake", exact: true }).click();
  await expect.poll(async () => (await stakeState(chain, rune, account)).unbonding).toBe(before.unbonding + parseEther("10"));
  const after = await stakeState(chain, rune, account);
  expect(after.active).toBe(before.active - parseEther("10"));
  expect(after.runeActive).toBe(before.runeActive - parseEther("10"));
});

test("a transaction the contract would refuse is stopped at simulation, before any prompt, with the decoded reason", async ({ page, chain, wallet }) => {
  wallet.supportTypedData(false);
  const rune = await runeOf(chain, "oracle-of-mimir");
  const account = anvilAccount(7);
  await setAllowance(chain, account, parseEther("1000")); // no approve step: the stake itself is simulated first
  await page.goto(`/agents/${rune}`);
  await connectInjected(page);
  // Governance pauses new stakes after the page was loaded (the page still believes it is open).
  const pause = encodeFunctionData({ abi: revenueDistributorAbi, functionName: "pause" });
  const hash = await rpc<Hex>("eth_sendTransaction", [{ from: anvilAccount(0), to: contracts.revenueDistributor, data: pause, gas: "0x100000" }]);
  expect((await chain.client.waitForTransactionReceipt({ hash })).status).toBe("success");
  const nonce = await chain.client.getTransactionCount({ address: account });

  const form = stakeForm(page);
  await form.getByLabel("Amount to stake (AURUNES)").fill("5");
  await form.getByRole("button", { name: "Stake", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "The protocol is paused: new payments and stakes are stopped for now." })).toBeVisible();
  expect(wallet.requestCount("eth_sendTransaction")).toBe(0);
  expect(await chain.client.getTransactionCount({ address: account })).toBe(nonce);
  await expect(form.getByRole("button", { name: "Stake", exact: true })).toBeEnabled();
});
