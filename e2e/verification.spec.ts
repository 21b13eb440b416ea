import { readFileSync } from "node:fs";
import { type Address, type Hex, encodeFunctionData } from "viem";
import { runeRegistryAbi } from "../contracts-abi/generated";
import { demoAgents } from "../scripts/seed-agents";
import { type ChainFixture, expect, rpc, test } from "./support/fixtures";
import { E2E_DEPLOYMENT_DIR } from "./support/ports";

const { contracts } = JSON.parse(readFileSync(`${E2E_DEPLOYMENT_DIR}/31337.json`, "utf8")) as { contracts: { runeRegistry: Address } };
const registry = { address: contracts.runeRegistry, abi: runeRegistryAbi } as const;

async function runeOf(chain: ChainFixture, slug: string): Promise<Hex> {
  const index = demoAgents.findIndex((agent) => agent.slug === slug);
  return chain.client.readContract({ ...registry, functionName: "runeAt", args: [BigInt(index)] });
}

test("the agent page verifies that the token's registration file names this very rune", async ({ page, chain }) => {
  const rune = await runeOf(chain, "oracle-of-mimir");
  await page.goto(`/agents/${rune}`);
  const card = page.getByRole("region", { name: "Verification" });
  await expect(card).toContainText("Yes: Registered on this network's rune registry (active)");
  await expect(card).toContainText("Yes: The registration file names this rune");
  await expect(card).toContainText(/A2A/);
});

test("a registration file copied from another agent is flagged", async ({ page, chain }) => {
  const mimir = await runeOf(chain, "oracle-of-mimir");
  const skald = await runeOf(chain, "skald-translate");
  // Skald's owner points its token at Mimir's registration file (which names Mimir's rune).
  const [mimirUri, skaldOwner] = await Promise.all([
    chain.client.readContract({ ...registry, functionName: "tokenURI", args: [BigInt(mimir)] }),
    chain.client.readContract({ ...registry, functionName: "ownerOf", args: [BigInt(skald)] }),
  ]);
  const data = encodeFunctionData({ abi: runeRegistryAbi, functionName: "setAgentURI", args: [BigInt(skald), mimirUri] });
  const hash = await rpc<Hex>("eth_sendTransaction", [{ from: skaldOwner, to: contracts.runeRegistry, data, gas: "0x200000" }]);
  expect((await chain.client.waitForTransactionReceipt({ hash })).status).toBe("success");

  await page.goto(`/agents/${skald}`);
  const card = page.getByRole("region", { name: "Verification" });
  await expect(card).toContainText("No: The registration file names this rune");
  await expect(card).toContainText("copied from another agent");
});

test("after the rune changes hands its signer is revoked, and the page says payments are refused until a new key is set", async ({ page, chain }) => {
  const rune = await runeOf(chain, "oracle-of-mimir");
  const owner = await chain.client.readContract({ ...registry, functionName: "ownerOf", args: [BigInt(rune)] });
  const buyer = "0x000000000000000000000000000000000000bEEF" as Address;
  const data = encodeFunctionData({ abi: runeRegistryAbi, functionName: "transferFrom", args: [owner, buyer, BigInt(rune)] });
  const hash = await rpc<Hex>("eth_sendTransaction", [{ from: owner, to: contracts.runeRegistry, data, gas: "0x200000" }]);
  expect((await chain.client.waitForTransactionReceipt({ hash })).status).toBe("success");
  await page.goto(`/agents/${rune}`);
  await expect(page.getByTestId("no-signer")).toContainText("Payments are refused until the new owner sets the agent's key");
});
