/**
 * lib/data/prices.ts against DevPriceFeeds deployed by scripts/deploy.ts on anvil (lib/test/anvil-setup.ts): one
 * multicall, each feed judged on its own, staleness measured in chain time. The chain is reverted after each test.
 */
import {
  type Address,
  type Hex,
  type PublicClient,
  createPublicClient,
  createTestClient,
  createWalletClient,
  http,
  zeroAddress,
} from "viem";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { devPriceFeedAbi } from "../../contracts-abi/generated";
import { readTokenPrices } from "./prices";

const rpcUrl = inject("anvilRpcUrl");
const deployment = inject("deployment");
const { contracts, deployer } = deployment;
const feeds = Object.fromEntries(
  Object.entries(deployment.priceFeeds ?? {}).map(([token, feed]) => [token.toLowerCase(), feed]),
) as Record<Address, Address>;
const tokens: Address[] = [zeroAddress, contracts.aurunesToken, contracts.stablecoin];
const MAX_AGE = 3_600;

const client = createPublicClient({ transport: http(rpcUrl) }) as PublicClient;
const wallet = createWalletClient({ transport: http(rpcUrl), account: deployer });
const testClient = createTestClient({ transport: http(rpcUrl), mode: "anvil" });

async function setAnswer(token: Address, answer: bigint): Promise<void> {
  const hash = await wallet.writeContract({ address: feeds[token.toLowerCase() as Address]!, abi: devPriceFeedAbi, functionName: "setAnswer", args: [answer], chain: null });
  await client.waitForTransactionReceipt({ hash, pollingInterval: 50 });
}

function read(overrides: Partial<Parameters<typeof readTokenPrices>[1]> = {}, on: PublicClient = client) {
  return readTokenPrices(on, { tokens, feeds, multicallAddress: contracts.multicall3!, maxAgeSeconds: MAX_AGE, ...overrides });
}

let snapshot: Hex;
beforeEach(async () => {
  snapshot = await testClient.snapshot();
});
afterEach(async () => {
  await testClient.revert({ id: snapshot });
});

describe("readTokenPrices", () => {
  it("deploys one feed per payment token on the local chain", () => {
    expect(Object.keys(feeds).sort()).toEqual(tokens.map((t) => t.toLowerCase()).sort());
  });

  it("reads every feed's answer and decimals, stamped with the chain time of the block read", async () => {
    await setAnswer(zeroAddress, 3_200_00000000n);
    await setAnswer(contracts.aurunesToken, 85_000000n);
    await setAnswer(contracts.stablecoin, 1_00000000n);
    const block = await client.getBlock();
    const { prices, chainTime } = await read();
    expect(chainTime).toBe(Number(block.timestamp));
    expect(prices.get(zeroAddress)).toEqual({ status: "ok", token: zeroAddress, answer: 3_200_00000000n, decimals: 8, updatedAt: Number(block.timestamp) });
    expect(prices.get(contracts.aurunesToken.toLowerCase() as Address)).toMatchObject({ status: "ok", answer: 85_000000n });
    expect(prices.get(contracts.stablecoin.toLowerCase() as Address)).toMatchObject({ status: "ok", answer: 1_00000000n });
  });

  it("marks only the broken feed unavailable: one without an answer yet, one that is not a contract", async () => {
    await setAnswer(zeroAddress, 3_200_00000000n);
    const { prices } = await read();
    expect(prices.get(zeroAddress)?.status).toBe("ok");
    expect(prices.get(contracts.aurunesToken.toLowerCase() as Address)).toEqual({ status: "unavailable", token: contracts.aurunesToken, reason: "unreachable" });
    const notAFeed = await read({ feeds: { ...feeds, [zeroAddress]: "0x000000000000000000000000000000000000dEaD" } });
    expect(notAFeed.prices.get(zeroAddress)).toMatchObject({ status: "unavailable", reason: "unreachable" });
  });

  it("says which tokens have no feed", async () => {
    const { prices } = await read({ feeds: {} });
    expect([...prices.values()].map((price) => price.status === "unavailable" && price.reason)).toEqual(["no feed", "no feed", "no feed"]);
  });

  it("calls an answer stale once chain time has moved past the allowed age, whatever the wall clock says", async () => {
    await setAnswer(zeroAddress, 3_200_00000000n);
    await testClient.increaseTime({ seconds: MAX_AGE });
    await testClient.mine({ blocks: 1 });
    expect((await read()).prices.get(zeroAddress)?.status).toBe("ok");
    await testClient.increaseTime({ seconds: 1 });
    await testClient.mine({ blocks: 1 });
    expect((await read()).prices.get(zeroAddress)).toMatchObject({ status: "unavailable", reason: "stale" });
  });

  it("refuses a zero or negative answer", async () => {
    await setAnswer(zeroAddress, 0n);
    await setAnswer(contracts.stablecoin, -1n);
    const { prices } = await read();
    expect(prices.get(zeroAddress)).toMatchObject({ status: "unavailable", reason: "invalid answer" });
    expect(prices.get(contracts.stablecoin.toLowerCase() as Address)).toMatchObject({ status: "unavailable", reason: "invalid answer" });
  });

  it("reads at the block asked for", async () => {
    await setAnswer(zeroAddress, 3_000_00000000n);
    const earlier = await client.getBlockNumber({ cacheTime: 0 });
    await setAnswer(zeroAddress, 3_100_00000000n);
    expect((await read({ blockNumber: earlier })).prices.get(zeroAddress)).toMatchObject({ answer: 3_000_00000000n });
    expect((await read()).prices.get(zeroAddress)).toMatchObject({ answer: 3_100_00000000n });
  });

  it("marks every price unreachable, without throwing, when the node does not answer", async () => {
    const dead = createPublicClient({ transport: http("http://127.0.0.1:9", { retryCount: 0, timeout: 2_000 }) }) as PublicClient;
    const { prices, chainTime } = await read({}, dead);
    expect(chainTime).toBeUndefined();
    expect([...prices.values()].every((price) => price.status === "unavailable" && price.reason === "unreachable")).toBe(true);
  });
});
