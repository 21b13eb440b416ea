import { readFileSync } from "node:fs";
import { type Address, type Hex, zeroAddress } from "viem";
import { revenueDistributorAbi, runeRegistryAbi } from "../contracts-abi/generated";
import { parseAgentMetadata } from "../lib/agent-metadata";
import { formatAmount } from "../lib/format";
import { demoAgents } from "../scripts/seed-agents";
import { expect, test } from "./support/fixtures";
import { E2E_DEPLOYMENT_DIR } from "./support/ports";

const deployment = JSON.parse(readFileSync(`${E2E_DEPLOYMENT_DIR}/31337.json`, "utf8")) as {
  contracts: { runeRegistry: Address; revenueDistributor: Address };
};

test("lists every seeded agent with the totals a direct chain read returns", async ({ page, chain }) => {
  const { runeRegistry, revenueDistributor } = deployment.contracts;
  const count = await chain.client.readContract({ address: runeRegistry, abi: runeRegistryAbi, functionName: "runeCount" });
  expect(count).toBe(BigInt(demoAgents.length));

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
    await expect(row.getByTestId("total-staked")).toHaveText(formatAmount(staked, 18, { maxFractionDigits: 2 }));
    await expect(row.getByTestId("staker-count")).toHaveText(String(stakers));
    await expect(row.getByTestId("revenue-all-time")).toHaveText(formatAmount(ethRevenue, 18, { maxFractionDigits: 2 }));
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
