import { readFileSync } from "node:fs";
import type { Address, Hex } from "viem";
import { runeRegistryAbi } from "../contracts-abi/generated";
import { anvilAccount } from "../lib/anvil-accounts";
import { expect, test } from "./support/fixtures";
import { E2E_ALT_APP_PORT, E2E_ALT_CHAIN_NAME, E2E_ALT_RPC_SECRET, E2E_DEPLOYMENT_DIR } from "./support/ports";

// One build, two servers: the suite's own (local defaults) and this one, started with another chain name, a server
// RPC URL holding an API key and the browser's reads through the app's relay (playwright.config.ts).
const ALT = `http://127.0.0.1:${E2E_ALT_APP_PORT}`;
const deployment = JSON.parse(readFileSync(`${E2E_DEPLOYMENT_DIR}/31337.json`, "utf8")) as { contracts: { runeRegistry: Address } };

async function routes(client: { readContract: (args: never) => Promise<unknown> }): Promise<string[]> {
  const rune = (await client.readContract({
    address: deployment.contracts.runeRegistry,
    abi: runeRegistryAbi,
    functionName: "runeAt",
    args: [0n],
  } as never)) as Hex;
  return ["/", "/portfolio", "/developer", "/verify", `/agents/${rune}`, "/agents/0xdeadbeef", "/no-such-page"];
}

test("every route serves the running server's configuration, never the build's, and never the server's RPC key", async ({ request, chain }) => {
  for (const route of await routes(chain.client as never)) {
    const html = await (await request.get(`${ALT}${route}`)).text();
    expect(html, route).toContain(E2E_ALT_CHAIN_NAME);
    expect(html, route).not.toContain("Local chain");
    expect(html, route).not.toContain(E2E_ALT_RPC_SECRET);
    // The browser is told to read through the relay, not through the server's URL or the build's default.
    expect(html, route).toContain("/api/rpc");
    expect(html, route).not.toContain("127.0.0.1:8545");
  }
  // The suite's own server still shows its own configuration.
  expect(await (await request.get("/portfolio")).text()).toContain("Local chain");
});

test("the browser on the second server reads the chain through that server's relay, and nowhere else", async ({ page }) => {
  const rpcCalls: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.postData()?.includes('"jsonrpc"')) rpcCalls.push(request.url());
  });
  for (const route of ["/portfolio", "/"]) {
    await page.goto(`${ALT}${route}`);
    // The network pill probes the chain from the browser: through the relay, and it finds the chain.
    await expect(page.getByTestId("network-indicator")).toHaveAttribute("data-state", "reachable");
    await expect(page.getByTestId("network-indicator")).toHaveAccessibleName(new RegExp(E2E_ALT_CHAIN_NAME));
  }
  // Connecting a wallet keeps the browser's reads on the relay too.
  await page.getByRole("button", { name: "Connect wallet" }).click();
  await page.getByRole("button", { name: /Dev account: #7 staker/ }).click();
  const account = anvilAccount(7);
  await expect(page.getByTestId("rk-account-button")).toContainText(new RegExp(`${account.slice(0, 4)}.*${account.slice(-4)}`, "i"));
  expect(rpcCalls.length).toBeGreaterThan(0);
  expect(rpcCalls.filter((url) => url !== `${ALT}/api/rpc`)).toEqual([]);
});

test("the relay forwards reads and refuses anything else, without revealing the server's RPC URL", async ({ request }) => {
  const read = await request.post(`${ALT}/api/rpc`, { data: { jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] } });
  expect(read.status()).toBe(200);
  expect((await read.json()) as { result: string }).toMatchObject({ result: "0x7a69" });

  const send = await request.post(`${ALT}/api/rpc`, {
    data: { jsonrpc: "2.0", id: 2, method: "eth_sendTransaction", params: [{ from: anvilAccount(0), to: anvilAccount(1), value: "0x1" }] },
  });
  expect(send.status()).toBe(403);
  expect(await send.text()).toContain("not relayed");

  const garbage = await request.post(`${ALT}/api/rpc`, { headers: { "content-type": "application/json" }, data: "{not json" });
  expect(garbage.status()).toBe(400);

  // The suite's own server gives the browser the node's URL directly, so its relay is off.
  const off = await request.post("/api/rpc", { data: { jsonrpc: "2.0", id: 3, method: "eth_chainId", params: [] } });
  expect(off.status()).toBe(404);
});

test("with the RPC down, the error page names the network, not the server's RPC URL", async ({ page, chain }) => {
  await chain.setRpcReachable(false);
  await page.goto(`${ALT}/`);
  const alert = page.getByRole("alert").filter({ hasText: "Can't reach the chain" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(E2E_ALT_CHAIN_NAME);
  expect(await page.content()).not.toContain(E2E_ALT_RPC_SECRET);
});
