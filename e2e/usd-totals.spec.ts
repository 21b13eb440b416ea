import { readFileSync } from "node:fs";
import { type Address, type Hex, encodeFunctionData, zeroAddress } from "viem";
import { devPriceFeedAbi, revenueDistributorAbi, runeRegistryAbi } from "../contracts-abi/generated";
import { anvilAccount } from "../lib/anvil-accounts";
import { DEFAULT_PRICE_MAX_AGE_SECONDS } from "../lib/config/parse";
import { demoAgents } from "../scripts/seed-agents";
import { type ChainFixture, expect, rpc, test } from "./support/fixtures";
import { E2E_DEPLOYMENT_DIR } from "./support/ports";

// The agents list's USD columns against the chain: every token's revenue (revenueOf, or the ServicePaid events of
// the last 30 days) times its feed's latest answer, worked out here in plain bigint arithmetic. Then a stale feed
// and an invalid answer, each of which must turn the totals into "price unavailable", never into a number.

const deployment = JSON.parse(readFileSync(`${E2E_DEPLOYMENT_DIR}/31337.json`, "utf8")) as {
  deployer: Address;
  contracts: { runeRegistry: Address; revenueDistributor: Address; aurunesToken: Address; stablecoin: Address };
  priceFeeds: Record<Address, Address>;
};
const { runeRegistry, revenueDistributor, aurunesToken, stablecoin } = deployment.contracts;
const TOKENS = [
  { address: zeroAddress, decimals: 18 },
  { address: aurunesToken, decimals: 18 },
  { address: stablecoin, decimals: 6 },
] as const;

function feedOf(token: Address): Address {
  const feed = Object.entries(deployment.priceFeeds).find(([t]) => t.toLowerCase() === token.toLowerCase())?.[1];
  if (!feed) throw new Error(`no feed for ${token} in the e2e deployment`);
  return feed;
}

/** USD cents (rounded down) of token amounts at the feeds' latest answers, from an exact common-denominator sum. */
async function expectedCents(chain: ChainFixture, amounts: readonly bigint[]): Promise<bigint> {
  let numerator = 0n;
  const denominatorDigits = 18 + 8; // the largest token decimals plus the feeds' 8
  for (const [i, token] of TOKENS.entries()) {
    const feed = feedOf(token.address);
    const [, answer] = await chain.client.readContract({ address: feed, abi: devPriceFeedAbi, functionName: "latestRoundData" });
    const decimals = await chain.client.readContract({ address: feed, abi: devPriceFeedAbi, functionName: "decimals" });
    numerator += amounts[i]! * answer * 10n ** BigInt(denominatorDigits - token.decimals - decimals);
  }
  return (numerator * 100n) / 10n ** BigInt(denominatorDigits);
}

function dollars(cents: bigint, locale: string): string {
  // Seeded totals are far below 2^53 cents, so a float shows them exactly here (the app uses bigint throughout).
  return new Intl.NumberFormat(locale, { style: "currency", currency: "USD" }).format(Number(cents) / 100);
}

async function runes(chain: ChainFixture): Promise<Hex[]> {
  const count = await chain.client.readContract({ address: runeRegistry, abi: runeRegistryAbi, functionName: "runeCount" });
  return Promise.all(
    Array.from({ length: Number(count) }, (_, i) =>
      chain.client.readContract({ address: runeRegistry, abi: runeRegistryAbi, functionName: "runeAt", args: [BigInt(i)] }),
    ),
  );
}

function rowOf(page: import("@playwright/test").Page, rune: Hex) {
  return page.getByRole("table", { name: "Agents" }).getByRole("row").filter({ has: page.locator(`a[href="/agents/${rune}"]`) });
}

test("each agent's USD totals equal its revenue in every token times the feeds' prices, to the cent", async ({ page, chain }) => {
  const latest = await chain.client.getBlock();
  const since = latest.timestamp - 30n * 86_400n;
  const paid = await chain.client.getContractEvents({
    address: revenueDistributor,
    abi: revenueDistributorAbi,
    eventName: "ServicePaid",
    fromBlock: 0n,
    toBlock: latest.number,
    strict: true,
  });

  await page.goto("/");
  await expect(page.getByRole("table", { name: "Agents" }).getByRole("row")).toHaveCount(demoAgents.length + 1);
  for (const rune of await runes(chain)) {
    const allTime = await Promise.all(
      TOKENS.map((token) =>
        chain.client.readContract({ address: revenueDistributor, abi: revenueDistributorAbi, functionName: "revenueOf", args: [rune, token.address] }),
      ),
    );
    const last30 = TOKENS.map((token) =>
      paid
        .filter(({ args }) => args.rune === rune && args.token.toLowerCase() === token.address.toLowerCase() && args.timestamp >= since)
        .reduce((sum, { args }) => sum + args.amount, 0n),
    );
    const row = rowOf(page, rune);
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId("usd-revenue-all-time")).toHaveText(dollars(await expectedCents(chain, allTime), "en-US"));
    await expect(row.getByTestId("usd-revenue-30d")).toHaveText(dollars(await expectedCents(chain, last30), "en-US"));
  }
});

test("USD totals follow the reader's locale", async ({ browser, chain }) => {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  const [rune] = await runes(chain);
  const allTime = await Promise.all(
    TOKENS.map((token) =>
      chain.client.readContract({ address: revenueDistributor, abi: revenueDistributorAbi, functionName: "revenueOf", args: [rune!, token.address] }),
    ),
  );
  await page.goto("/");
  const text = dollars(await expectedCents(chain, allTime), "fr-FR");
  expect(text).toMatch(/\$US$/);
  await expect(rowOf(page, rune!).getByTestId("usd-revenue-all-time")).toHaveText(text);
  await context.close();
});

test("a feed older than the allowed age in chain time makes every USD total read price unavailable", async ({ page, chain }) => {
  await page.goto("/");
  const cells = page.getByRole("table", { name: "Agents" }).getByTestId("usd-revenue-all-time");
  await expect(cells.first()).toHaveText(/^\$/);

  await rpc("evm_increaseTime", [DEFAULT_PRICE_MAX_AGE_SECONDS + 1]);
  await rpc("evm_mine");
  await page.reload();
  await expect(cells).toHaveCount(demoAgents.length);
  await expect(cells).toHaveText(Array(demoAgents.length).fill("price unavailable"));
  await expect(cells.first()).toHaveAttribute("title", /out of date/);
  // The token figures themselves are still shown.
  await expect(page.getByRole("table", { name: "Agents" }).getByTestId("revenue-all-time").first()).toHaveText(/^\d/);
});

test("an invalid answer (zero) makes the totals that need that token read price unavailable, and only those", async ({ page, chain }) => {
  const hash = await rpc<Hex>("eth_sendTransaction", [
    {
      from: anvilAccount(0),
      to: feedOf(zeroAddress),
      data: encodeFunctionData({ abi: devPriceFeedAbi, functionName: "setAnswer", args: [0n] }),
    },
  ]);
  await chain.client.waitForTransactionReceipt({ hash, pollingInterval: 50 });
  expect(deployment.deployer).toBe(anvilAccount(0));

  await page.goto("/");
  await expect(page.getByRole("table", { name: "Agents" }).getByRole("row")).toHaveCount(demoAgents.length + 1);
  for (const rune of await runes(chain)) {
    const amounts = await Promise.all(
      TOKENS.map((token) =>
        chain.client.readContract({ address: revenueDistributor, abi: revenueDistributorAbi, functionName: "revenueOf", args: [rune, token.address] }),
      ),
    );
    const cell = rowOf(page, rune).getByTestId("usd-revenue-all-time");
    if (amounts[0]! > 0n) {
      await expect(cell).toHaveText("price unavailable");
      await expect(cell).toHaveAttribute("title", "The USD price feed of ETH gave an invalid answer.");
    } else {
      await expect(cell).toHaveText(dollars(await expectedCents(chain, [0n, amounts[1]!, amounts[2]!]), "en-US"));
    }
  }
});
