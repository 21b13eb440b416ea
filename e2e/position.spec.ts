import { readFileSync } from "node:fs";
import { type Address, type Hex, zeroAddress } from "viem";
import { revenueDistributorAbi } from "../contracts-abi/generated";
import { anvilAccount } from "../lib/anvil-accounts";
import { formatFixed } from "../lib/format";
import { expect, test } from "./support/fixtures";
import { E2E_DEPLOYMENT_DIR } from "./support/ports";

const deployment = JSON.parse(readFileSync(`${E2E_DEPLOYMENT_DIR}/31337.json`, "utf8")) as {
  contracts: { revenueDistributor: Address };
};
const distributor = { address: deployment.contracts.revenueDistributor, abi: revenueDistributorAbi } as const;
const aurunes = (value: bigint) => formatFixed(value, 18, { locale: "en-US", fractionDigits: 2, symbol: "AURUNES" });

test("a wallet connected in the header shows its position in the page body: one wallet state for every island", async ({ page, chain }) => {
  const staker = anvilAccount(7);
  const runes = (await chain.client.readContract({ ...distributor, functionName: "stakedRunesOf", args: [staker] })) as readonly Hex[];
  expect(runes.length).toBeGreaterThan(0);
  const rune = runes[0]!;
  const position = await chain.client.readContract({ ...distributor, functionName: "positionOf", args: [rune, staker] });
  const runeActive = await chain.client.readContract({ ...distributor, functionName: "activeStakeOf", args: [rune] });
  expect(position.active).toBeGreaterThan(0n);

  await page.goto(`/agents/${rune}`);
  const panel = page.getByRole("region", { name: "Your position" });
  await expect(panel).toContainText("Connect a wallet to see your stake");

  // Connect from the header, not from the panel: the panel must follow.
  await page.getByRole("banner").getByRole("button", { name: "Connect wallet" }).click();
  await page.getByRole("button", { name: /Dev account: #7 staker/ }).click();
  await expect(panel.getByTestId("position-active")).toHaveText(aurunes(position.active));
  await expect(panel.getByTestId("position-unbonding")).toHaveText(aurunes(position.unbonding));
  const shareBps = (position.active * 10_000n) / runeActive;
  await expect(panel.getByTestId("position-share")).toHaveText(`${formatFixed(shareBps, 2, { locale: "en-US", fractionDigits: 2 })} %`);
  // Pending rewards only grow between this read and the page's: the page shows at least what was pending before.
  const pendingEth = await chain.client.readContract({ ...distributor, functionName: "pendingRewards", args: [rune, staker, zeroAddress] });
  if (pendingEth > 0n) await expect(panel.getByTestId("position-pending")).toContainText("ETH");

  // Disconnecting in the header empties the panel again.
  await page.getByTestId("rk-account-button").click();
  await page.getByTestId("rk-disconnect-button").click();
  await expect(panel).toContainText("Connect a wallet to see your stake");
});

test("connecting from the position panel opens the same wallet dialog and fills both islands", async ({ page, chain }) => {
  const staker = anvilAccount(7);
  const [rune] = (await chain.client.readContract({ ...distributor, functionName: "stakedRunesOf", args: [staker] })) as readonly Hex[];
  await page.goto(`/agents/${rune}`);
  const panel = page.getByRole("region", { name: "Your position" });
  await panel.getByRole("button", { name: "Connect wallet" }).click();
  await page.getByRole("button", { name: /Dev account: #7 staker/ }).click();
  await expect(panel.getByTestId("position-active")).toBeVisible();
  await expect(page.getByTestId("rk-account-button")).toContainText(new RegExp(`${staker.slice(0, 4)}.*${staker.slice(-4)}`, "i"));
});
