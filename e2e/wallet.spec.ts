import { anvilAccount } from "../lib/anvil-accounts";
import { expect, test } from "./support/fixtures";

const short = (address: string) => new RegExp(`${address.slice(0, 4)}.*${address.slice(-4)}`, "i");

test("connects the injected browser wallet through RainbowKit and shows its address", async ({ page, wallet }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Connect wallet" }).click();
  await page.getByTestId("rk-wallet-option-dev.aurorune.testwallet").or(page.getByTestId("rk-wallet-option-injected")).first().click();
  await expect(page.getByTestId("rk-account-button")).toContainText(short(wallet.address()));
});

test("a rejected connection leaves the wallet disconnected, and connecting again works", async ({ page, wallet }) => {
  wallet.rejectNext("eth_requestAccounts");
  await page.goto("/");
  await page.getByRole("button", { name: "Connect wallet" }).click();
  await page.getByTestId("rk-wallet-option-dev.aurorune.testwallet").or(page.getByTestId("rk-wallet-option-injected")).first().click();
  await expect.poll(() => wallet.requestCount("eth_requestAccounts")).toBe(1);
  await expect(page.getByTestId("rk-account-button")).toHaveCount(0);

  // The user changes their mind and connects from the header again.
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: /connect wallet/i }).click();
  await page.getByTestId("rk-wallet-option-dev.aurorune.testwallet").or(page.getByTestId("rk-wallet-option-injected")).first().click();
  await expect(page.getByTestId("rk-account-button")).toContainText(short(wallet.address()));
});

test("connects a built-in dev account with no extension, and keeps it after a reload", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Connect wallet" }).click();
  await page.getByRole("button", { name: /Dev account: #7 staker/ }).click();
  const account = page.getByTestId("rk-account-button");
  await expect(account).toContainText(short(anvilAccount(7)));
  await page.reload();
  await expect(account).toContainText(short(anvilAccount(7)));
});

test("a wallet on the wrong network gets a prompt that switches it", async ({ page, wallet }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Connect wallet" }).click();
  await page.getByTestId("rk-wallet-option-dev.aurorune.testwallet").or(page.getByTestId("rk-wallet-option-injected")).first().click();
  await expect(page.getByTestId("rk-account-button")).toBeVisible();
  // The user moves their wallet to another network.
  await wallet.setChain(1);
  const prompt = page.getByRole("alert").filter({ hasText: "Wrong network" });
  await expect(prompt).toBeVisible();
  await prompt.getByRole("button", { name: /Switch to/ }).click();
  await expect(prompt).toBeHidden();
  expect(wallet.chainId()).toBe(31337);
});

test.describe("with no wallet extension", () => {
  test("the dialog offers no Browser Wallet, and a dev account still connects", async ({ page }) => {
    await page.goto("/");
    expect(await page.evaluate(() => "ethereum" in window)).toBe(false);
    await page.getByRole("button", { name: "Connect wallet" }).click();
    const dialog = page.getByRole("dialog");
    const devAccount = dialog.getByRole("button", { name: /Dev account: #7 staker/ });
    await expect(devAccount).toBeVisible();
    await expect(dialog.getByRole("button", { name: /Browser Wallet/ })).toHaveCount(0);
    await expect(dialog.getByTestId("rk-wallet-option-injected")).toHaveCount(0);
    await devAccount.click();
    await expect(page.getByTestId("rk-account-button")).toContainText(short(anvilAccount(7)));
  });
});

test("a wallet that never answers times out with a clear message, and Retry connects", async ({ page, wallet }) => {
  wallet.hangNext("eth_requestAccounts");
  // A controllable clock: the 30 s timeout is jumped over, not waited for.
  await page.clock.install();
  await page.goto("/");
  await page.getByRole("button", { name: "Connect wallet" }).click();
  await page.getByTestId("rk-wallet-option-dev.aurorune.testwallet").click();
  await expect.poll(() => wallet.requestCount("eth_requestAccounts")).toBe(1);
  const problem = page.getByRole("alert").filter({ hasText: "No answer from the wallet" });
  await expect(problem).toHaveCount(0);

  await page.clock.fastForward("00:31");
  await expect(problem).toBeVisible();
  await expect(problem).toContainText("Test Wallet did not answer within 30 seconds");
  await expect(page.getByTestId("rk-account-button")).toHaveCount(0);

  // The wallet answers this time.
  await page.getByRole("dialog").getByRole("button", { name: "Retry" }).click();
  await expect(page.getByTestId("rk-account-button")).toContainText(short(wallet.address()));
  await expect(problem).toHaveCount(0);
  expect(wallet.requestCount("eth_requestAccounts")).toBe(2);
});
