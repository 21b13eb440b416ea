/**
 * lib/transaction.ts against the real contracts on anvil, through a real wagmi config and connector:
 * simulate → send → confirm → refetch, and refusals decoded before anything is sent.
 */
import { connect, createConfig, http } from "@wagmi/core";
import { mock } from "@wagmi/core";
import { type Address, createPublicClient, defineChain, keccak256, parseEther, stringToHex } from "viem";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { aurunesTokenAbi, revenueDistributorAbi } from "../contracts-abi/generated";
import { type TransactionStage, runTransaction } from "./transaction";

const rpcUrl = inject("anvilRpcUrl");
const { chainId, contracts, deployer } = inject("deployment");
const chain = defineChain({
  id: chainId,
  name: "Anvil",
  nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
  rpcUrls: { default: { http: [rpcUrl] } },
});
const publicClient = createPublicClient({ chain, transport: http(rpcUrl) });
const config = createConfig({
  chains: [chain],
  connectors: [mock({ accounts: [deployer as Address] })],
  transports: { [chain.id]: http(rpcUrl) },
  pollingInterval: 50,
});

beforeAll(async () => {
  await connect(config, { connector: config.connectors[0]! });
});

describe("runTransaction", () => {
  it("reports simulating, pending then confirmed, and refetches after confirmation", async () => {
    const stages: TransactionStage["status"][] = [];
    let refetched = false;
    const receipt = await runTransaction({
      config,
      request: {
        address: contracts.aurunesToken,
        abi: aurunesTokenAbi,
        functionName: "approve",
        args: [contracts.revenueDistributor, parseEther("5")],
      },
      onStage: (stage) => stages.push(stage.status),
      refetch: async () => {
        refetched = true;
      },
    });
    expect(receipt?.status).toBe("success");
    expect(stages).toEqual(["simulating", "pending", "confirmed"]);
    expect(refetched).toBe(true);
    const allowance = await publicClient.readContract({
      address: contracts.aurunesToken,
      abi: aurunesTokenAbi,
      functionName: "allowance",
      args: [deployer as Address, contracts.revenueDistributor],
    });
    expect(allowance).toBe(parseEther("5"));
  });

  it("decodes a contract refusal in the simulation, before any transaction is sent", async () => {
    const nonceBefore = await publicClient.getTransactionCount({ address: deployer as Address });
    const stages: TransactionStage[] = [];
    const receipt = await runTransaction({
      config,
      request: {
        address: contracts.revenueDistributor,
        abi: revenueDistributorAbi,
        functionName: "stake",
        args: [keccak256(stringToHex("no such rune")), parseEther("1")],
      },
      onStage: (stage) => stages.push(stage),
    });
    expect(receipt).toBeUndefined();
    expect(stages.at(-1)).toEqual({
      status: "failed",
      hash: undefined,
      message: "No agent is registered with this rune.",
      rejectedByUser: false,
    });
    expect(await publicClient.getTransactionCount({ address: deployer as Address })).toBe(nonceBefore);
  });
});

/**
 * Compile-time checks, run by `tsc` (never called): runTransaction is typed against the ABI, so a misspelt function
 * or a wrong argument is a type error. An `@ts-expect-error` that stops erroring fails the typecheck.
 */
export function runTransactionTypeChecks(): void {
  const onStage = () => {};
  void runTransaction({
    config,
    // @ts-expect-error: no such function on the distributor
    request: { address: contracts.revenueDistributor, abi: revenueDistributorAbi, functionName: "stakee", args: [keccak256(stringToHex("x")), 1n] },
    onStage,
  });
  void runTransaction({
    config,
    // @ts-expect-error: stake takes (bytes32 rune, uint256 amount): an amount given as a string does not compile
    request: { address: contracts.revenueDistributor, abi: revenueDistributorAbi, functionName: "stake", args: [keccak256(stringToHex("x")), "1"] },
    onStage,
  });
}
