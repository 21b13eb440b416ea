import { readFileSync } from "node:fs";
import type { Address, Hex } from "viem";
import { runeRegistryAbi } from "../contracts-abi/generated";
import { expect, test } from "./support/fixtures";
import { E2E_DEPLOYMENT_DIR } from "./support/ports";

const { runeRegistry } = (
  JSON.parse(readFileSync(`${E2E_DEPLOYMENT_DIR}/31337.json`, "utf8")) as { contracts: { runeRegistry: Address } }
).contracts;

async function agentHref(page: import("@playwright/test").Page, name: string): Promise<string> {
  await page.goto("/");
  const href = await page.getByRole("table", { name: "Agents" }).getByRole("link", { name: new RegExp(name) }).getAttribute("href");
  expect(href).toMatch(/^\/agents\/0x[0-9a-f]{64}$/i);
  return href!;
}

test("a suspended agent looks suspended and tells stakers what it means; an active one does not", async ({ page, chain }) => {
  const suspendedHref = await agentHref(page, "Loki Sandbox");
  const activeHref = await agentHref(page, "Oracle of Mimir");
  const statusOf = async (href: string) =>
    (await chain.client.readContract({ address: runeRegistry, abi: runeRegistryAbi, functionName: "runeInfo", args: [href.split("/").pop() as Hex] })).status;
  expect(await statusOf(suspendedHref)).toBe(2); // Suspended
  expect(await statusOf(activeHref)).toBe(1); // Active

  await page.goto(activeHref);
  const activeBadge = page.getByRole("main").getByText("Active", { exact: true });
  await expect(activeBadge).toBeVisible();
  const activeColour = await activeBadge.evaluate((el) => getComputedStyle(el).backgroundColor);
  await expect(page.getByRole("region", { name: /suspended/ })).toHaveCount(0);

  await page.goto(suspendedHref);
  const badge = page.getByRole("main").getByText("Suspended", { exact: true });
  await expect(badge).toBeVisible();
  expect(await badge.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(activeColour);
  const notice = page.getByRole("region", { name: "This agent is suspended" });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("no new payments and no new stakes");
  await expect(notice).toContainText("withdraw at once");
});
