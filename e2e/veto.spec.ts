import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import type { Address, Hex } from "viem";
import { aurunesTokenAbi, revenueDistributorAbi, runeRegistryAbi } from "../contracts-abi/generated";
import { anvilAccount } from "../lib/anvil-accounts";
import { demoAgents } from "../scripts/seed-agents";
import { type ChainFixture, expect, test } from "./support/fixtures";
import { E2E_DEPLOYMENT_DIR } from "./support/ports";

const { contracts } = JSON.parse(readFileSync(`${E2E_DEPLOYMENT_DIR}/31337.json`, "utf8")) as {
  contracts: { runeRegistry: Address; revenueDistributor: Address; aurunesToken: Address };
};
const distributor = { address: contracts.revenueDistributor, abi: revenueDistributorAbi } as const;
const registry = { address: contracts.runeRegistry, abi: runeRegistryAbi } as const;
const ACCOUNTS = Array.from({ length: 20 }, (_, i) => i);

async function valkyrie(chain: ChainFixture): Promise<{ rune: Hex; proposalId: bigint }> {
  const index = demoAgents.findIndex((agent) => agent.slug === "valkyrie-vision");
  const rune = await chain.client.readContract({ ...registry, functionName: "runeAt", args: [BigInt(index)] });
  const proposal = await chain.client.readContract({ ...registry, functionName: "pendingSplitProposal", args: [rune] });
  expect(proposal.id).not.toBe(0n); // the seed leaves a pending proposal here
  return { rune, proposalId: proposal.id };
}

async function connectAs(page: Page, wallet: { useAccount(index: number): Promise<void> }, index: number) {
  await wallet.useAccount(index);
  await page.getByRole("banner").getByRole("button", { name: "Connect wallet" }).click();
  await page.getByTestId("rk-wallet-option-dev.aurorune.testwallet").or(page.getByTestId("rk-wallet-option-injected")).first().click();
  await expect(page.getByTestId("rk-account-button")).toBeVisible();
}

test("the pending proposal shows on the server-rendered page, and a staker from before it vetoes with that stake", async ({ page, chain, wallet }) => {
  const { rune, proposalId } = await valkyrie(chain);
  let voter: number | undefined;
  let weight = 0n;
  for (const index of ACCOUNTS) {
    const [openId, w] = await chain.client.readContract({ ...distributor, functionName: "vetoWeightOf", args: [rune, anvilAccount(index)] });
    const position = await chain.client.readContract({ ...distributor, functionName: "positionOf", args: [rune, anvilAccount(index)] });
    if (openId === proposalId && w > 0n && position.vetoedProposalId !== proposalId) {
      voter = index;
      weight = w;
      break;
    }
  }
  expect(voter).toBeDefined();
  const [tallyBefore] = await chain.client.readContract({ ...distributor, functionName: "vetoTally", args: [rune, proposalId] });

  await page.goto(`/agents/${rune}`);
  const card = page.getByRole("region", { name: "Pending split change" });
  await expect(card.getByTestId("proposal-phase")).toContainText(/Can execute in \d+ d \d+ h \(chain time\)/);
  await connectAs(page, wallet, voter!);
  await card.getByRole("button", { name: "Veto" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Veto the split change: Confirmed" })).toBeVisible();
  const [tallyAfter] = await chain.client.readContract({ ...distributor, functionName: "vetoTally", args: [rune, proposalId] });
  expect(tallyAfter).toBe(tallyBefore + weight);
  await expect(card.getByTestId("veto-status")).toContainText("You vetoed this proposal");
});

test("stake added after the proposal cannot veto it: the page says why, and warns before staking", async ({ page, chain, wallet }) => {
  const { rune } = await valkyrie(chain);
  // An account with AURUNES and no stake on this agent.
  let late: number | undefined;
  for (const index of ACCOUNTS) {
    const [, w] = await chain.client.readContract({ ...distributor, functionName: "vetoWeightOf", args: [rune, anvilAccount(index)] });
    const balance = await chain.client.readContract({ address: contracts.aurunesToken, abi: aurunesTokenAbi, functionName: "balanceOf", args: [anvilAccount(index)] });
    const owner = await chain.client.readContract({ ...registry, functionName: "ownerOf", args: [BigInt(rune)] });
    if (w === 0n && balance > 10n ** 20n && owner !== anvilAccount(index)) {
      late = index;
      break;
    }
  }
  expect(late).toBeDefined();
  await page.goto(`/agents/${rune}`);
  await connectAs(page, wallet, late!);
  const form = page.getByRole("region", { name: "Stake on this agent" });
  await expect(form).toContainText("cannot veto that proposal");
  await form.getByLabel("Amount to stake (AURUNES)").fill("50");
  await form.getByRole("button", { name: "Stake", exact: true }).click();
  await expect(form.getByTestId("stake-progress").locator('li[data-state="done"]')).not.toHaveCount(0);
  await expect.poll(async () => (await chain.client.readContract({ ...distributor, functionName: "positionOf", args: [rune, anvilAccount(late!)] })).active).toBeGreaterThan(0n);
  const card = page.getByRole("region", { name: "Pending split change" });
  await expect(card.getByTestId("veto-status")).toContainText("Only stake held when the proposal was made can veto it");
  await expect(card.getByRole("button", { name: "Veto" })).toHaveCount(0);
});

test("the agent's owner is told it cannot veto its own proposal", async ({ page, chain, wallet }) => {
  const { rune } = await valkyrie(chain);
  const owner = await chain.client.readContract({ ...registry, functionName: "ownerOf", args: [BigInt(rune)] });
  const index = ACCOUNTS.find((i) => anvilAccount(i) === owner)!;
  await page.goto(`/agents/${rune}`);
  await connectAs(page, wallet, index);
  await expect(page.getByRole("region", { name: "Pending split change" }).getByTestId("veto-status")).toContainText("You own this agent");
});
