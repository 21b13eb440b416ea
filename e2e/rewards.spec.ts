import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { type Address, type Hex, erc20Abi, parseEther } from "viem";
import { revenueDistributorAbi, runeRegistryAbi } from "../contracts-abi/generated";
import { anvilAccount } from "../lib/anvil-accounts";
import { accruedBetween } from "../lib/domain/stream";
import { formatFixed } from "../lib/format";
import { demoAgents } from "../scripts/seed-agents";
import { type ChainFixture, expect, rpc, test } from "./support/fixtures";
import { E2E_DEPLOYMENT_DIR } from "./support/ports";

const { contracts } = JSON.parse(readFileSync(`${E2E_DEPLOYMENT_DIR}/31337.json`, "utf8")) as {
  contracts: { runeRegistry: Address; revenueDistributor: Address; aurunesToken: Address; stablecoin: Address };
};
const distributor = { address: contracts.revenueDistributor, abi: revenueDistributorAbi } as const;
const DAY = 86_400n;

async function runeOf(chain: ChainFixture, slug: string): Promise<Hex> {
  const index = demoAgents.findIndex((agent) => agent.slug === slug);
  return chain.client.readContract({ address: contracts.runeRegistry, abi: runeRegistryAbi, functionName: "runeAt", args: [BigInt(index)] });
}

async function connectDevAccount(page: Page, label: RegExp = /Dev account: #7 staker/) {
  await page.getByRole("banner").getByRole("button", { name: "Connect wallet" }).click();
  await page.getByRole("button", { name: label }).click();
  await expect(page.getByTestId("rk-account-button")).toBeVisible();
}

test("pending rewards are exact on each read, tick between reads at the stream's rate, and follow time travel", async ({ page, chain }) => {
  const rune = await runeOf(chain, "oracle-of-mimir");
  const account = anvilAccount(7);
  // The page's clock stands still unless the test moves it: what it shows is then exactly computable.
  await page.clock.install();
  await page.goto(`/agents/${rune}`);
  await connectDevAccount(page);
  // A token whose stream is still releasing (the seed's payments run up to now).
  const now = (await chain.client.getBlock()).timestamp;
  const candidates = [
    { symbol: "tUSD", address: contracts.stablecoin, decimals: 6, digits: 2 },
    { symbol: "AURUNES", address: contracts.aurunesToken, decimals: 18, digits: 2 },
  ];
  let token = candidates[0]!;
  for (const candidate of candidates) {
    const stream = await chain.client.readContract({ ...distributor, functionName: "streamOf", args: [rune, candidate.address] });
    if (stream.finish > now + 3_600n && stream.remaining > 0n) {
      token = candidate;
      break;
    }
  }
  const show = (value: bigint) => formatFixed(value, token.decimals, { locale: "en-US", fractionDigits: token.digits, symbol: token.symbol });
  const row = page.getByTestId("position-pending").locator(`[data-token="${token.symbol}"]`);

  const exactAt = async () => {
    const block = await chain.client.getBlock();
    const [pending, stream, position, runeActive] = await Promise.all([
      chain.client.readContract({ ...distributor, functionName: "pendingRewards", args: [rune, account, token.address] }),
      chain.client.readContract({ ...distributor, functionName: "streamOf", args: [rune, token.address] }),
      chain.client.readContract({ ...distributor, functionName: "positionOf", args: [rune, account] }),
      chain.client.readContract({ ...distributor, functionName: "activeStakeOf", args: [rune] }),
    ]);
    return { block, pending, stream, active: position.active, runeActive };
  };

  const first = await exactAt();
  expect(first.pending).toBeGreaterThan(0n);
  await expect(row).toContainText(show(first.pending));

  // An hour later on the page's clock, with no new block: the figure has grown by exactly the stream's release.
  await page.clock.fastForward(3_600_000);
  const projected = first.pending + accruedBetween(first.stream, first.active, first.runeActive, first.block.timestamp, first.block.timestamp + 3_600n);
  expect(projected).toBeGreaterThan(first.pending);
  await expect(row).toContainText(show(projected));

  // A day of chain time passes; a fresh read is exact again.
  await rpc("evm_increaseTime", [Number(DAY)]);
  await rpc("evm_mine");
  await page.reload();
  const second = await exactAt();
  expect(second.pending).toBeGreaterThan(first.pending);
  await expect(row).toContainText(show(second.pending));
});

test("Claim moves exactly the pending rewards to the wallet", async ({ page, chain }) => {
  const rune = await runeOf(chain, "oracle-of-mimir");
  const account = anvilAccount(7);
  await page.goto(`/agents/${rune}`);
  await connectDevAccount(page);
  await expect(page.getByRole("button", { name: "Claim", exact: true })).toBeEnabled();

  // Fix the claim block's time, and read what is pending at exactly that time (the pending block).
  const next = (await chain.client.getBlock()).timestamp + 60n;
  await rpc("evm_setNextBlockTimestamp", [Number(next)]);
  const tokens = [contracts.aurunesToken, contracts.stablecoin] as const;
  const pendingAtClaim = await Promise.all(
    tokens.map((token) => chain.client.readContract({ ...distributor, functionName: "pendingRewards", args: [rune, account, token], blockTag: "pending" })),
  );
  const balancesBefore = await Promise.all(tokens.map((token) => chain.client.readContract({ address: token, abi: erc20Abi, functionName: "balanceOf", args: [account] })));
  const blockBefore = await chain.client.getBlockNumber({ cacheTime: 0 });

  await page.getByRole("button", { name: "Claim", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Claim rewards: Confirmed" })).toBeVisible();
  expect((await chain.client.getBlock()).timestamp).toBe(next);
  expect(await chain.client.getBlockNumber({ cacheTime: 0 })).toBe(blockBefore + 1n);

  const balancesAfter = await Promise.all(tokens.map((token) => chain.client.readContract({ address: token, abi: erc20Abi, functionName: "balanceOf", args: [account] })));
  tokens.forEach((_, i) => expect(balancesAfter[i]! - balancesBefore[i]!).toBe(pendingAtClaim[i]!));
  for (const token of tokens) {
    expect(await chain.client.readContract({ ...distributor, functionName: "pendingRewards", args: [rune, account, token] })).toBe(0n);
  }
});

test("unstake, count down in chain time, time travel, withdraw the exact amount", async ({ page, chain }) => {
  const rune = await runeOf(chain, "oracle-of-mimir");
  const account = anvilAccount(7);
  await page.goto(`/agents/${rune}`);
  await connectDevAccount(page);
  const form = page.getByRole("region", { name: "Stake on this agent" });
  await form.getByRole("tab", { name: "Unstake" }).click();
  await form.getByLabel("Amount to unstake (AURUNES)").fill("40");
  await form.getByRole("button", { name: "Unstake", exact: true }).click();
  await expect(page.getByTestId("unbonding-countdown")).toContainText(/Withdrawable in (7 d 0 h|6 d 23 h) \(chain time\)/);
  await expect(page.getByRole("button", { name: "Withdraw" })).toBeDisabled();

  await rpc("evm_increaseTime", [Number(7n * DAY)]);
  await rpc("evm_mine");
  await page.reload();
  await expect(page.getByTestId("unbonding-countdown")).toContainText("Unbonding finished");
  const before = await chain.client.readContract({ address: contracts.aurunesToken, abi: erc20Abi, functionName: "balanceOf", args: [account] });
  await page.getByRole("button", { name: "Withdraw" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Withdraw .*: Confirmed/ })).toBeVisible();
  const after = await chain.client.readContract({ address: contracts.aurunesToken, abi: erc20Abi, functionName: "balanceOf", args: [account] });
  expect(after - before).toBe(parseEther("40"));
  expect((await chain.client.readContract({ ...distributor, functionName: "positionOf", args: [rune, account] })).unbonding).toBe(0n);
});

test("on a suspended agent, unstaked AURUNES can be withdrawn at once", async ({ page, chain, wallet }) => {
  const rune = await runeOf(chain, "loki-sandbox");
  // A seeded staker with stake on the suspended agent.
  let staker: number | undefined;
  for (const index of [0, 7, 8, 9, 10, 11, 12, 13, 14]) {
    const position = await chain.client.readContract({ ...distributor, functionName: "positionOf", args: [rune, anvilAccount(index)] });
    if (position.active > 0n && position.unbonding === 0n) {
      staker = index;
      break;
    }
  }
  expect(staker).toBeDefined();
  await wallet.useAccount(staker!);
  await page.goto(`/agents/${rune}`);
  await page.getByRole("banner").getByRole("button", { name: "Connect wallet" }).click();
  await page.getByTestId("rk-wallet-option-dev.aurorune.testwallet").or(page.getByTestId("rk-wallet-option-injected")).first().click();
  const form = page.getByRole("region", { name: "Stake on this agent" });
  await form.getByRole("tab", { name: "Unstake" }).click();
  await expect(form).toContainText("can be withdrawn at once");
  await form.getByLabel("Amount to unstake (AURUNES)").fill("1");
  await form.getByRole("button", { name: "Unstake", exact: true }).click();
  await expect(page.getByTestId("unbonding-countdown")).toContainText("no unbonding wait");
  const before = await chain.client.readContract({ address: contracts.aurunesToken, abi: erc20Abi, functionName: "balanceOf", args: [anvilAccount(staker!)] });
  await page.getByRole("button", { name: "Withdraw" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Withdraw .*: Confirmed/ })).toBeVisible();
  const after = await chain.client.readContract({ address: contracts.aurunesToken, abi: erc20Abi, functionName: "balanceOf", args: [anvilAccount(staker!)] });
  expect(after - before).toBe(parseEther("1"));
});
