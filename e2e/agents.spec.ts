import { readFileSync } from "node:fs";
import { type Address, type Hex, zeroAddress } from "viem";
import { revenueDistributorAbi, runeRegistryAbi } from "../contracts-abi/generated";
import { parseAgentMetadata } from "../lib/agent-metadata";
import { perThousandStaked } from "../lib/domain/agent";
import { formatFixed } from "../lib/format";
import { demoAgents } from "../scripts/seed-agents";
import { expect, test } from "./support/fixtures";
import { E2E_DEPLOYMENT_DIR } from "./support/ports";

const deployment = JSON.parse(readFileSync(`${E2E_DEPLOYMENT_DIR}/31337.json`, "utf8")) as {
  contracts: { runeRegistry: Address; revenueDistributor: Address };
};

const en = (value: bigint, fractionDigits: number) => formatFixed(value, 18, { locale: "en-US", fractionDigits });

test("lists every seeded agent with the totals a direct chain read returns", { tag: "@history" }, async ({ page, chain }) => {
  const { runeRegistry, revenueDistributor } = deployment.contracts;
  const count = await chain.client.readContract({ address: runeRegistry, abi: runeRegistryAbi, functionName: "runeCount" });
  expect(count).toBe(BigInt(demoAgents.length));

  // What stakers were paid in ETH over the last 30 days of chain time, straight from the ServicePaid events.
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
  const stakersEth30d = (rune: Hex) =>
    paid
      .filter(({ args }) => args.rune === rune && args.token === zeroAddress && args.timestamp >= since)
      .reduce((sum, { args }) => sum + args.stakersAmount, 0n);

  await page.goto("/");
  const table = page.getByRole("table", { name: "Agents" });
  await expect(table.getByRole("row")).toHaveCount(demoAgents.length + 1);

  for (let i = 0n; i < count; i++) {
    const rune = (await chain.client.readContract({ address: runeRegistry, abi: runeRegistryAbi, functionName: "runeAt", args: [i] })) as Hex;
    const info = await chain.client.readContract({ address: runeRegistry, abi: runeRegistryAbi, functionName: "runeInfo", args: [rune] });
    const staked = await chain.client.readContract({ address: revenueDistributor, abi: revenueDistributorAbi, functionName: "activeStakeOf", args: [rune] });
    const stakers = await chain.client.readContract({ address: revenueDistributor, abi: revenueDistributorAbi, functionName: "stakerCountOf", args: [rune] });
    const ethRevenue = await chain.client.readContract({
      address: revenueDistributor,
      abi: revenueDistributorAbi,
      functionName: "revenueOf",
      args: [rune, zeroAddress],
    });
    const name = parseAgentMetadata(info.metadataURI)?.name ?? "";
    const row = table.getByRole("row").filter({ has: page.getByRole("link", { name: new RegExp(name) }) });
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId("total-staked")).toHaveText(en(staked, 2));
    await expect(row.getByTestId("staker-count")).toHaveText(String(stakers));
    await expect(row.getByTestId("revenue-all-time")).toHaveText(en(ethRevenue, 4));
    const perThousand = perThousandStaked(stakersEth30d(rune), staked);
    await expect(row.getByTestId("stakers-per-1000")).toHaveText(perThousand === undefined ? "—" : en(perThousand, 4));
    await expect(row.getByRole("cell").nth(1)).toHaveText(["Unregistered", "Active", "Suspended", "Retired"][info.status] ?? "");
  }
});

test("search filters by name or rune, and columns sort both ways", async ({ page }) => {
  await page.goto("/");
  const table = page.getByRole("table", { name: "Agents" });
  const search = page.getByRole("searchbox", { name: "Search" });

  await search.fill("skald");
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByRole("link", { name: /Skald Translate/ })).toBeVisible();

  const runeHref = await table.getByRole("link", { name: /Skald Translate/ }).getAttribute("href");
  await search.fill(runeHref!.split("/").pop()!.slice(0, 14));
  await expect(table.getByRole("row")).toHaveCount(2);

  await search.fill("no such agent");
  await expect(page.getByText("No agent matches")).toBeVisible();
  await search.fill("");

  const names = () => table.getByTestId("agent-name").allTextContents();
  await table.getByRole("button", { name: /^Agent/ }).click();
  const ascending = [...demoAgents.map((a) => a.name)].sort((a, b) => a.localeCompare(b));
  await expect.poll(names).toEqual(ascending);
  await table.getByRole("button", { name: /^Agent/ }).click();
  await expect.poll(names).toEqual([...ascending].reverse());

  const stakedCells = () => table.getByTestId("total-staked").allTextContents();
  await table.getByRole("button", { name: /^Staked/ }).click();
  // Parsed only to check the order on screen; the figures themselves are compared as exact strings above.
  const toNumber = (text: string) => Number(text.replaceAll(",", ""));
  await expect.poll(async () => (await stakedCells()).map(toNumber)).toEqual(
    [...(await stakedCells()).map(toNumber)].sort((a, b) => b - a),
  );
});

test("each row links to its agent page", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: /Oracle of Mimir/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Oracle of Mimir" })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Futhark / })).toBeVisible();
});

test("an unreachable RPC shows an error state, and Retry recovers", async ({ page, chain }) => {
  await chain.setRpcReachable(false);
  await page.goto("/");
  const alert = page.getByRole("alert").filter({ hasText: "Can't reach the chain" });
  await expect(alert).toBeVisible();
  await chain.setRpcReachable(true);
  await alert.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByRole("table", { name: "Agents" })).toBeVisible();
});

test("the per-1,000 column is what stakers were paid, and says so; every column has one format and a unit", async ({ page }) => {
  await page.goto("/");
  const table = page.getByRole("table", { name: "Agents" });
  const perThousand = table.getByRole("button", { name: /^Stakers’ 30 d per 1,000 staked \(ETH\)/ });
  await expect(perThousand).toBeVisible();
  await expect(perThousand).toHaveAttribute("title", /stakers part of the last 30 days’ payments.*not the agent’s whole revenue/);
  await expect(table.getByRole("button", { name: /^Staked \(AURUNES\)/ })).toBeVisible();
  await expect(table.getByRole("button", { name: /^Revenue all time \(ETH\)/ })).toBeVisible();

  // ETH: always 4 fraction digits; AURUNES stake: always 2; tUSD revenue: always 2.
  const all = (testId: string) => table.getByTestId(testId).allTextContents();
  const fixed = (digits: number) => new RegExp(`^(<?\\d{1,3}(,\\d{3})*\\.\\d{${digits}}|—)$`);
  for (const text of await all("revenue-all-time")) expect(text).toMatch(fixed(4));
  for (const text of await all("revenue-30d")) expect(text).toMatch(fixed(4));
  for (const text of await all("stakers-per-1000")) expect(text).toMatch(fixed(4));
  for (const text of await all("total-staked")) expect(text).toMatch(fixed(2));
  await page.getByRole("combobox", { name: "Revenue in" }).selectOption({ label: "tUSD" });
  await expect(table.getByRole("button", { name: /^Revenue all time \(tUSD\)/ })).toBeVisible();
  for (const text of await all("revenue-all-time")) expect(text).toMatch(fixed(2));
});

test.describe("in a German browser", () => {
  test.use({ locale: "de-DE" });

  test("figures use the reader's digit grouping and decimal sign", async ({ page, chain }) => {
    const { runeRegistry, revenueDistributor } = deployment.contracts;
    const rune = (await chain.client.readContract({ address: runeRegistry, abi: runeRegistryAbi, functionName: "runeAt", args: [0n] })) as Hex;
    const info = await chain.client.readContract({ address: runeRegistry, abi: runeRegistryAbi, functionName: "runeInfo", args: [rune] });
    const staked = await chain.client.readContract({ address: revenueDistributor, abi: revenueDistributorAbi, functionName: "activeStakeOf", args: [rune] });
    await page.goto("/");
    const name = parseAgentMetadata(info.metadataURI)?.name ?? "";
    const row = page.getByRole("table", { name: "Agents" }).getByRole("row").filter({ has: page.getByRole("link", { name: new RegExp(name) }) });
    await expect(row.getByTestId("total-staked")).toHaveText(formatFixed(staked, 18, { locale: "de-DE", fractionDigits: 2 }));
    await expect(row.getByTestId("total-staked")).toHaveText(/^\d{1,3}(\.\d{3})*,\d{2}$/);
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("each agent is a card with its key figures, and nothing scrolls sideways", async ({ page }) => {
    await page.goto("/");
    const list = page.getByRole("list", { name: "Agents" });
    await expect(list.getByRole("listitem")).toHaveCount(demoAgents.length);
    await expect(page.getByRole("table", { name: "Agents" })).toBeHidden();
    for (const agent of demoAgents) {
      const card = list.getByRole("listitem").filter({ has: page.getByRole("link", { name: new RegExp(agent.name) }) });
      await card.scrollIntoViewIfNeeded();
      for (const testId of ["total-staked", "revenue-30d", "stakers-per-1000"]) {
        const figure = card.getByTestId(testId);
        await expect(figure).toBeVisible();
        // Wholly within the phone's width: readable without scrolling sideways.
        const box = await figure.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
      }
      await expect(card.getByText("Stakers’ 30 d per 1,000 staked")).toBeVisible();
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
