import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { type Address, type Hex, decodeFunctionData, encodeFunctionData, erc20Abi, parseEther, zeroAddress } from "viem";
import { revenueDistributorAbi, runeRegistryAbi } from "../contracts-abi/generated";
import { parseAgentMetadata } from "../lib/agent-metadata";
import { anvilAccount } from "../lib/anvil-accounts";
import { formatFixed } from "../lib/format";
import { type ChainFixture, type TestWallet, expect, rpc, test } from "./support/fixtures";
import { E2E_DEPLOYMENT_DIR } from "./support/ports";

const deployment = JSON.parse(readFileSync(`${E2E_DEPLOYMENT_DIR}/31337.json`, "utf8")) as {
  contracts: { revenueDistributor: Address; runeRegistry: Address; aurunesToken: Address; stablecoin: Address };
};
const distributor = { address: deployment.contracts.revenueDistributor, abi: revenueDistributorAbi } as const;
const registry = { address: deployment.contracts.runeRegistry, abi: runeRegistryAbi } as const;
const aurunes = (value: bigint) => formatFixed(value, 18, { locale: "en-US", fractionDigits: 2, symbol: "AURUNES" });
const DAY = 86_400;

async function connectDevAccount(page: Page, label: RegExp) {
  await page.getByRole("banner").getByRole("button", { name: "Connect wallet" }).click();
  await page.getByRole("button", { name: label }).click();
}

async function connectTestWallet(page: Page) {
  await page.getByRole("banner").getByRole("button", { name: "Connect wallet" }).click();
  await page.getByTestId("rk-wallet-option-dev.aurorune.testwallet").or(page.getByTestId("rk-wallet-option-injected")).first().click();
  await expect(page.getByTestId("rk-account-button")).toBeVisible();
}

async function tokenList(chain: ChainFixture): Promise<readonly Address[]> {
  const [tokens] = await chain.client.readContract({ ...distributor, functionName: "tokens" });
  return tokens;
}

async function balanceOf(chain: ChainFixture, token: Address, account: Address, blockNumber?: bigint): Promise<bigint> {
  if (token === zeroAddress) return chain.client.getBalance({ address: account, blockNumber });
  return chain.client.readContract({ address: token, abi: erc20Abi, functionName: "balanceOf", args: [account], blockNumber });
}

/** The one transaction `account` sent after `fromBlock` (and that there is exactly one). */
async function onlyTransactionSince(chain: ChainFixture, account: Address, fromBlock: bigint) {
  const latest = await chain.client.getBlockNumber({ cacheTime: 0 });
  const sent = [];
  for (let n = fromBlock + 1n; n <= latest; n++) {
    const block = await chain.client.getBlock({ blockNumber: n, includeTransactions: true });
    sent.push(...block.transactions.filter((tx) => tx.from.toLowerCase() === account.toLowerCase()));
  }
  expect(sent).toHaveLength(1);
  const tx = sent[0]!;
  const receipt = await chain.client.getTransactionReceipt({ hash: tx.hash });
  expect(receipt.status).toBe("success");
  const block = await chain.client.getBlock({ blockNumber: receipt.blockNumber });
  return { tx, receipt, block };
}

/** Sends a distributor call from an account the node holds the key of (setup outside the page), and checks it was mined. */
async function sendAs(chain: ChainFixture, from: Address, data: Hex) {
  await chain.client.call({ account: from, to: distributor.address, data }); // throws with the contract's reason
  // A fixed gas limit: the node's estimate is made at the latest block, and streams release more by the next one.
  const hash = await rpc<Hex>("eth_sendTransaction", [{ from, to: distributor.address, data, gas: "0x2dc6c0" }]);
  expect((await chain.client.waitForTransactionReceipt({ hash })).status).toBe("success");
}

/**
 * A view exactly as the transaction mined in `block` saw it: the state before it (the block before; automine puts
 * one transaction in a block) at that block's own timestamp, so streamed amounts include the block's last seconds.
 */
function asSeenBy(block: { number: bigint; timestamp: bigint }) {
  return { blockNumber: block.number - 1n, blockOverrides: { time: block.timestamp } } as const;
}

test("lists every position of a seeded staker exactly as the chain reads, after connecting from the page's prompt", async ({ page, chain }) => {
  const staker = anvilAccount(7);
  const runes = await chain.client.readContract({ ...distributor, functionName: "stakedRunesOf", args: [staker] });
  expect(runes.length).toBeGreaterThan(1);

  await page.goto("/portfolio");
  await expect(page.getByRole("heading", { level: 1, name: "Portfolio" })).toBeVisible();
  await page.getByRole("main").getByRole("button", { name: "Connect wallet" }).click();
  await page.getByRole("button", { name: /Dev account: #7 staker/ }).click();

  const cards = page.getByTestId("position");
  await expect(cards).toHaveCount(runes.length);
  for (const [i, rune] of runes.entries()) {
    const position = await chain.client.readContract({ ...distributor, functionName: "positionOf", args: [rune, staker] });
    const info = await chain.client.readContract({ ...registry, functionName: "runeInfo", args: [rune] });
    const card = cards.nth(i);
    await expect(card).toHaveAttribute("data-rune", rune);
    await expect(card.getByRole("heading", { level: 3 })).toHaveText(parseAgentMetadata(info.metadataURI)!.name);
    await expect(card.getByRole("img", { name: "Rune sigil" })).toBeVisible();
    await expect(card.getByTestId("active")).toHaveText(aurunes(position.active));
    await expect(card.getByTestId("unbonding")).toHaveText(aurunes(position.unbonding));
  }
  // The seeded unbonding stake is still in its period: a countdown, no Withdraw yet.
  const unbonding = page.getByTestId("position").filter({ has: page.getByText(/Withdrawable in \d/) });
  await expect(unbonding).toHaveCount(1);
  await expect(unbonding.getByRole("button", { name: "Withdraw" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Claim all" })).toBeEnabled();
});

test("pending rewards tick between reads, grow after time travel and equal a direct chain read on each refetch", async ({ page, chain }) => {
  test.setTimeout(60_000);
  const staker = anvilAccount(7);
  await page.goto("/portfolio");
  await connectDevAccount(page, /Dev account: #7 staker/);
  await expect(page.getByTestId("pending").first()).toBeVisible();
  // A reward whose stream still runs for more than a day (so it moves now and after the time travel).
  const latest = await chain.client.getBlock();
  let pending = page.getByTestId("pending").first();
  let rune: Hex | undefined;
  for (const card of await page.getByTestId("position").all()) {
    const cardRune = (await card.getAttribute("data-rune")) as Hex;
    for (const candidate of await card.getByTestId("pending").all()) {
      const stream = await chain.client.readContract({
        ...distributor,
        functionName: "streamOf",
        args: [cardRune, (await candidate.getAttribute("data-token")) as Address],
      });
      if (rune === undefined && BigInt(stream.finish) > latest.timestamp + BigInt(DAY) && stream.remaining > 0n) {
        pending = candidate;
        rune = cardRune;
      }
    }
  }
  if (!rune) throw new Error("no running stream for the seeded staker");

  async function shown() {
    const block = BigInt((await pending.getAttribute("data-block"))!);
    const token = (await pending.getAttribute("data-token")) as Address;
    const exact = BigInt((await pending.getAttribute("data-exact"))!);
    return { block, token, exact };
  }
  const before = await shown();
  // Exact at the block the page read.
  const read = await chain.client.readContract({ ...distributor, functionName: "pendingRewards", args: [rune, staker, before.token], blockNumber: before.block });
  expect(before.exact).toBe(read);
  expect(read).toBeGreaterThan(0n);

  // Between reads, the figure moves with the stream (projected in the chain's time).
  const first = await pending.textContent();
  await expect(pending).not.toHaveText(first!, { timeout: 8_000 });

  await rpc("evm_increaseTime", [DAY]);
  await rpc("evm_mine");
  // The next refetch reads the new block: exact again, and more than before.
  await expect.poll(async () => (await shown()).block, { timeout: 25_000 }).toBeGreaterThan(before.block);
  const after = await shown();
  const readAfter = await chain.client.readContract({ ...distributor, functionName: "pendingRewards", args: [rune, staker, after.token], blockNumber: after.block });
  expect(after.token).toBe(before.token);
  expect(after.exact).toBe(readAfter);
  expect(after.exact).toBeGreaterThan(before.exact);
});

test("Claim all: one transaction over exactly the runes and tokens with something pending, paying exactly what was pending", async ({ page, chain, wallet }) => {
  const staker = wallet.address();
  const tokens = await tokenList(chain);
  const runes = await chain.client.readContract({ ...distributor, functionName: "stakedRunesOf", args: [staker] });
  // One position that has stopped earning and was already claimed (all of it unbonding): it stays listed, but has
  // nothing pending in any token, so Claim all must leave it out.
  const positions = await Promise.all(runes.map((rune) => chain.client.readContract({ ...distributor, functionName: "positionOf", args: [rune, staker] })));
  const leaving = runes.find((_, r) => positions[r]!.unbonding === 0n)!;
  const leavingActive = positions[runes.indexOf(leaving)]!.active;
  await sendAs(chain, staker, encodeFunctionData({ abi: revenueDistributorAbi, functionName: "requestUnstake", args: [leaving, leavingActive] }));
  await sendAs(chain, staker, encodeFunctionData({ abi: revenueDistributorAbi, functionName: "claim", args: [[leaving], [...tokens]] }));
  await page.goto("/portfolio");
  await connectTestWallet(page);
  await expect(page.getByTestId("pending").first()).toBeVisible();
  const leavingCard = page.locator(`[data-testid="position"][data-rune="${leaving}"]`);
  await expect(leavingCard.getByTestId("unbonding")).toHaveText(aurunes(leavingActive));
  await expect(leavingCard.getByTestId("pending")).toHaveCount(0);

  const start = await chain.client.getBlockNumber({ cacheTime: 0 });
  const balancesBefore = await Promise.all(tokens.map((token) => balanceOf(chain, token, staker, start)));
  const nonceBefore = await chain.client.getTransactionCount({ address: staker, blockNumber: start });
  await page.getByRole("button", { name: "Claim all" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Claim all rewards: confirmed." })).toBeVisible();

  expect(wallet.requestCount("eth_sendTransaction")).toBe(1);
  const { tx, receipt, block } = await onlyTransactionSince(chain, staker, start);
  expect(await chain.client.getTransactionCount({ address: staker })).toBe(nonceBefore + 1);
  console.log(`claim all: gasUsed ${receipt.gasUsed}`);

  // What each (rune, token) had pending as the claim saw it.
  const pendingAtClaim = await Promise.all(
    runes.map((rune) =>
      Promise.all(tokens.map((token) => chain.client.readContract({ ...distributor, functionName: "pendingRewards", args: [rune, staker, token], ...asSeenBy(block) }))),
    ),
  );
  const call = decodeFunctionData({ abi: revenueDistributorAbi, data: tx.input });
  expect(call.functionName).toBe("claim");
  const expectedRunes = runes.filter((_, r) => pendingAtClaim[r]!.some((amount) => amount > 0n));
  const expectedTokens = tokens.filter((_, t) => pendingAtClaim.some((row) => row[t]! > 0n));
  expect(expectedRunes.length).toBeGreaterThan(0);
  expect(expectedRunes).not.toContain(leaving);
  expect(call.args).toEqual([expectedRunes, expectedTokens]);

  // The wallet received exactly the sum (ETH less the gas it paid).
  for (const [t, token] of tokens.entries()) {
    const claimed = pendingAtClaim.reduce((sum, row) => sum + row[t]!, 0n);
    const gas = token === zeroAddress ? receipt.gasUsed * receipt.effectiveGasPrice : 0n;
    expect(await balanceOf(chain, token, staker, receipt.blockNumber)).toBe(balancesBefore[t]! + claimed - gas);
    if (expectedTokens.includes(token)) expect(claimed).toBeGreaterThan(0n);
  }
  // Nothing is left pending at the claim's block, and the page shows that block's exact zeroes.
  for (const rune of expectedRunes) {
    for (const token of expectedTokens) {
      expect(await chain.client.readContract({ ...distributor, functionName: "pendingRewards", args: [rune, staker, token], blockNumber: receipt.blockNumber })).toBe(0n);
    }
  }
  await expect(page.getByTestId("portfolio")).toHaveAttribute("data-block", receipt.blockNumber.toString());
  for (const exact of await page.getByTestId("pending").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-exact")))) {
    expect(exact).toBe("0");
  }
});

test("Withdraw: the seeded unbonding stake, once matured after time travel, comes back in full", async ({ page, chain, wallet }) => {
  const staker = wallet.address();
  const runes = await chain.client.readContract({ ...distributor, functionName: "stakedRunesOf", args: [staker] });
  const positions = await Promise.all(runes.map((rune) => chain.client.readContract({ ...distributor, functionName: "positionOf", args: [rune, staker] })));
  const r = positions.findIndex((position) => position.unbonding > 0n);
  expect(r).toBeGreaterThanOrEqual(0);
  const rune = runes[r]!;
  const { unbonding, unbondingEndsAt } = positions[r]!;
  const latest = await chain.client.getBlock();
  expect(unbondingEndsAt).toBeGreaterThan(latest.timestamp);

  // Past the end of the unbonding period.
  await rpc("evm_increaseTime", [Number(unbondingEndsAt - latest.timestamp) + 60]);
  await rpc("evm_mine");
  await page.goto("/portfolio");
  await connectTestWallet(page);
  const card = page.locator(`[data-testid="position"][data-rune="${rune}"]`);
  await expect(card.getByTestId("unbonding-state")).toHaveText("Unbonding period over: withdrawable now.");

  const start = await chain.client.getBlockNumber({ cacheTime: 0 });
  const aurunesBefore = await balanceOf(chain, deployment.contracts.aurunesToken, staker, start);
  await card.getByRole("button", { name: "Withdraw" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Withdraw from .*: confirmed\./ })).toBeVisible();
  const { tx, receipt } = await onlyTransactionSince(chain, staker, start);
  expect(decodeFunctionData({ abi: revenueDistributorAbi, data: tx.input })).toEqual({ functionName: "withdraw", args: [rune] });
  console.log(`withdraw: gasUsed ${receipt.gasUsed}`);
  expect(await balanceOf(chain, deployment.contracts.aurunesToken, staker)).toBe(aurunesBefore + unbonding);
  expect((await chain.client.readContract({ ...distributor, functionName: "positionOf", args: [rune, staker] })).unbonding).toBe(0n);
  await expect(card.getByTestId("unbonding")).toHaveText(aurunes(0n));
  await expect(card.getByRole("button", { name: "Withdraw" })).toHaveCount(0);
});

test("Withdraw on a suspended agent is instant, and the card says why", async ({ page, chain, wallet }) => {
  // The seeded suspended rune, and one of its stakers.
  const count = Number(await chain.client.readContract({ ...registry, functionName: "runeCount" }));
  const runes = await Promise.all(Array.from({ length: count }, (_, i) => chain.client.readContract({ ...registry, functionName: "runeAt", args: [BigInt(i)] })));
  const infos = await Promise.all(runes.map((rune) => chain.client.readContract({ ...registry, functionName: "runeInfo", args: [rune] })));
  const suspended = infos.find((info) => info.status === 2)!;
  expect(suspended).toBeDefined();
  let index = -1;
  for (const candidate of [0, 8, 9, 10, 11, 12, 13, 14]) {
    const position = await chain.client.readContract({ ...distributor, functionName: "positionOf", args: [suspended.rune, anvilAccount(candidate)] });
    if (position.active >= parseEther("100") && position.unbonding === 0n) {
      index = candidate;
      break;
    }
  }
  expect(index).toBeGreaterThanOrEqual(0);
  const staker = anvilAccount(index);
  const amount = parseEther("100");
  // The staker asks to leave (the node holds its key), then opens the portfolio: no waiting on a suspended agent.
  await sendAs(chain, staker, encodeFunctionData({ abi: revenueDistributorAbi, functionName: "requestUnstake", args: [suspended.rune, amount] }));
  await wallet.useAccount(index);
  await page.goto("/portfolio");
  await connectTestWallet(page);
  const card = page.locator(`[data-testid="position"][data-rune="${suspended.rune}"]`);
  await expect(card.getByText("Suspended", { exact: true })).toBeVisible();
  await expect(card.getByTestId("unbonding-state")).toHaveText(
    "Withdrawable now: this agent is suspended, so its stake can leave without waiting for the unbonding period.",
  );
  const start = await chain.client.getBlockNumber({ cacheTime: 0 });
  const before = await balanceOf(chain, deployment.contracts.aurunesToken, staker, start);
  await card.getByRole("button", { name: "Withdraw" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Withdraw from .*: confirmed\./ })).toBeVisible();
  const { receipt } = await onlyTransactionSince(chain, staker, start);
  expect(await balanceOf(chain, deployment.contracts.aurunesToken, staker, receipt.blockNumber)).toBe(before + amount);
  await expect(card.getByTestId("unbonding")).toHaveText(aurunes(0n));
});

/** Balances shown in `scope` equal `expected` (non-zero ones only), token by token. */
async function expectBalancesShown(scope: ReturnType<Page["locator"]>, expected: Map<Address, bigint>) {
  const shown = await scope.getByTestId("balance").evaluateAll((nodes) => nodes.map((node) => [node.getAttribute("data-token"), node.getAttribute("data-exact")]));
  const nonZero = [...expected].filter(([, amount]) => amount > 0n).map(([token, amount]) => [token, amount.toString()]);
  expect(shown).toEqual(nonZero);
}

async function claimAndCheck(options: {
  page: Page;
  chain: ChainFixture;
  wallet: TestWallet;
  scope: ReturnType<Page["locator"]>;
  confirmed: RegExp;
  owed: (token: Address, view: ReturnType<typeof asSeenBy> | { blockNumber: bigint }) => Promise<bigint>;
}) {
  const { page, chain, wallet, scope, confirmed, owed } = options;
  const account = wallet.address();
  const tokens = await tokenList(chain);
  const start = await chain.client.getBlockNumber({ cacheTime: 0 });
  const before = new Map<Address, bigint>();
  for (const token of tokens) before.set(token, await owed(token, { blockNumber: start }));
  await expectBalancesShown(scope, before);
  const balancesBefore = await Promise.all(tokens.map((token) => balanceOf(chain, token, account, start)));

  await scope.getByRole("button", { name: "Claim" }).click();
  await expect(page.getByRole("status").filter({ hasText: confirmed })).toBeVisible();
  const { tx, receipt, block } = await onlyTransactionSince(chain, account, start);
  const call = decodeFunctionData({ abi: revenueDistributorAbi, data: tx.input });
  for (const [t, token] of tokens.entries()) {
    const paid = await owed(token, asSeenBy(block));
    const gas = token === zeroAddress ? receipt.gasUsed * receipt.effectiveGasPrice : 0n;
    expect(await balanceOf(chain, token, account, receipt.blockNumber)).toBe(balancesBefore[t]! + paid - gas);
    expect(await owed(token, { blockNumber: receipt.blockNumber })).toBe(0n);
  }
  return { call, receipt };
}

test("developer and infra balances: each Claim collects exactly what was owed (developer #1, infra #15)", async ({ page, chain, wallet }) => {
  await wallet.useAccount(1);
  const developer = anvilAccount(1);
  await page.goto("/portfolio");
  await connectTestWallet(page);
  await expect(page.getByRole("heading", { name: "Developer balances" })).toBeVisible();
  const count = Number(await chain.client.readContract({ ...registry, functionName: "runeCount" }));
  const all = await Promise.all(Array.from({ length: count }, (_, i) => chain.client.readContract({ ...registry, functionName: "runeAt", args: [BigInt(i)] })));
  const owners = await Promise.all(all.map((rune) => chain.client.readContract({ ...registry, functionName: "runeInfo", args: [rune] })));
  const owned = owners.filter((info) => info.owner === developer);
  await expect(page.getByTestId("developer-rune")).toHaveCount(owned.length);
  const mimir = owned.find((info) => parseAgentMetadata(info.metadataURI)?.name === "Oracle of Mimir")!;
  expect(mimir).toBeDefined();

  const { call } = await claimAndCheck({
    page,
    chain,
    wallet,
    scope: page.getByRole("article", { name: "Oracle of Mimir" }),
    confirmed: /Claim developer balance of Oracle of Mimir: confirmed\./,
    owed: (token, view) => chain.client.readContract({ ...distributor, functionName: "pendingDeveloperBalance", args: [mimir.rune, token], ...view }),
  });
  expect(call.functionName).toBe("claimDeveloper");

  // Infra recipient #15: the same page, another account.
  await wallet.useAccount(15);
  await expect(page.getByRole("heading", { name: "Infra balance" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Developer balances" })).toHaveCount(0);
  const infra = await claimAndCheck({
    page,
    chain,
    wallet,
    scope: page.getByRole("region", { name: "Infra balance" }),
    confirmed: /Claim infra balance: confirmed\./,
    owed: (token, view) => chain.client.readContract({ ...distributor, functionName: "infraBalanceOf", args: [anvilAccount(15), token], ...view }),
  });
  expect(infra.call.functionName).toBe("claimInfra");
  // All collected: the section goes away.
  await expect(page.getByRole("heading", { name: "Infra balance" })).toHaveCount(0);
});

test("an account with nothing gets a helpful empty state linking to the agents", async ({ page, chain, wallet }) => {
  await wallet.useAccount(18);
  expect(await chain.client.readContract({ ...distributor, functionName: "stakedRunesOf", args: [wallet.address()] })).toEqual([]);
  await page.goto("/portfolio");
  await connectTestWallet(page);
  await expect(page.getByRole("heading", { name: "Nothing here yet" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Claim all" })).toHaveCount(0);
  await page.getByRole("link", { name: "Browse the agents" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("a rejected Claim all leaves balances and nonce unchanged and says so calmly", async ({ page, chain, wallet }) => {
  const staker = wallet.address();
  const tokens = await tokenList(chain);
  await page.goto("/portfolio");
  await connectTestWallet(page);
  await expect(page.getByTestId("pending").first()).toBeVisible();
  const start = await chain.client.getBlockNumber({ cacheTime: 0 });
  const balancesBefore = await Promise.all(tokens.map((token) => balanceOf(chain, token, staker)));
  const nonceBefore = await chain.client.getTransactionCount({ address: staker });

  wallet.rejectNext("eth_sendTransaction");
  await page.getByRole("button", { name: "Claim all" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("You rejected the request in your wallet. Nothing was sent, and nothing changed.");
  expect(wallet.requestCount("eth_sendTransaction")).toBe(1);
  await expect(page.getByRole("button", { name: "Claim all" })).toBeEnabled();
  expect(await chain.client.getBlockNumber({ cacheTime: 0 })).toBe(start);
  expect(await chain.client.getTransactionCount({ address: staker })).toBe(nonceBefore);
  expect(await Promise.all(tokens.map((token) => balanceOf(chain, token, staker)))).toEqual(balancesBefore);
});

test("when a refresh fails, the figures stay with the block they are from, and Retry recovers", async ({ page, chain }) => {
  test.setTimeout(60_000);
  await page.goto("/portfolio");
  await connectDevAccount(page, /Dev account: #7 staker/);
  await expect(page.getByTestId("pending").first()).toBeVisible();
  const block = await page.getByTestId("portfolio").getAttribute("data-block");
  await chain.setRpcReachable(false);
  const stale = page.getByRole("status").filter({ hasText: "The latest refresh failed" });
  await expect(stale).toContainText(`as of block ${block}`, { timeout: 30_000 });
  await expect(page.getByTestId("position").first()).toBeVisible();
  await chain.setRpcReachable(true);
  await stale.getByRole("button", { name: "Retry" }).click();
  await expect(stale).toHaveCount(0);
});
