/**
 * What `*.anvil.test.ts` files share: clients on the test chain that lib/test/anvil-setup.ts started, and small
 * helpers to send a transaction and to read which custom error a call reverted with. Test support only.
 */
import {
  type Address,
  BaseError,
  ContractFunctionRevertedError,
  type Hash,
  type Hex,
  type PublicClient,
  type WalletClient,
  createPublicClient,
  createWalletClient,
  defineChain,
  http,
  keccak256,
  stringToBytes,
} from "viem";
import { expect, inject } from "vitest";
import { runeRegistryAbi } from "../../contracts-abi/generated";
import type { AuroruneDeployment } from "../../scripts/deploy";

/** Clients and deployment of the test chain. */
export interface TestChain {
  rpcUrl: string;
  deployment: AuroruneDeployment;
  publicClient: PublicClient;
  /** Sends from anvil's unlocked accounts (pass `account` per call). */
  walletClient: WalletClient;
}

/**
 * The test chain of this vitest run.
 *
 * @example
 * const { publicClient, walletClient, deployment } = testChain();
 */
export function testChain(): TestChain {
  const rpcUrl = inject("anvilRpcUrl");
  const deployment = inject("deployment");
  const chain = defineChain({
    id: deployment.chainId,
    name: "Anvil",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
    contracts: deployment.contracts.multicall3 ? { multicall3: { address: deployment.contracts.multicall3 } } : {},
  });
  return {
    rpcUrl,
    deployment,
    publicClient: createPublicClient({ chain, transport: http(rpcUrl), pollingInterval: 50 }) as PublicClient,
    walletClient: createWalletClient({ chain, transport: http(rpcUrl), pollingInterval: 50 }),
  };
}

/** Waits until a sent transaction is mined, and checks it succeeded. */
export async function mined(client: PublicClient, sent: Promise<Hash>): Promise<void> {
  const receipt = await client.waitForTransactionReceipt({ hash: await sent });
  expect(receipt.status).toBe("success");
}

/** The custom error a call reverted with; fails the test when it did not revert with one. */
export async function revertOf(attempt: Promise<unknown>): Promise<{ errorName?: string; args?: readonly unknown[] }> {
  const error = await attempt.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, "the call was expected to revert").toBeInstanceOf(BaseError);
  const reverted = (error as BaseError).walk((cause) => cause instanceof ContractFunctionRevertedError);
  expect(reverted, (error as BaseError).shortMessage).toBeInstanceOf(ContractFunctionRevertedError);
  const data = (reverted as ContractFunctionRevertedError).data;
  return { errorName: data?.errorName, args: data?.args };
}

/** The custom error a call reverted with, or `undefined` when it succeeded. */
export async function outcomeOf(attempt: Promise<unknown>): Promise<string | undefined> {
  const succeeded = await attempt.then(
    () => true,
    () => false,
  );
  if (succeeded) return undefined;
  return (await revertOf(attempt)).errorName ?? "(revert without a custom error)";
}

/** Options of {@link registerTestAgent}. */
export interface RegisterTestAgentOptions {
  developer: Address;
  signer: Address;
  /** Makes the salt (and so the rune) unique. */
  name: string;
  infra?: Address;
}

/** Registers an agent with a 70/20/10 split (one infra recipient when given, else 90/0/10) and returns its rune. */
export async function registerTestAgent(chain: TestChain, { developer, signer, name, infra }: RegisterTestAgentOptions): Promise<Hex> {
  const { request, result } = await chain.publicClient.simulateContract({
    account: developer,
    address: chain.deployment.contracts.runeRegistry,
    abi: runeRegistryAbi,
    functionName: "registerAgent",
    args: [
      keccak256(stringToBytes(name)),
      signer,
      `ipfs://aurorune-test/${name}.json`,
      infra ? { developerBps: 7_000, infraBps: 2_000, stakersBps: 1_000 } : { developerBps: 9_000, infraBps: 0, stakersBps: 1_000 },
      infra ? [infra] : [],
      infra ? [10_000] : [],
    ],
  });
  await mined(chain.publicClient, chain.walletClient.writeContract(request));
  return result;
}
