/**
 * lib/receipt.ts against the real contracts on anvil (see lib/test/anvil-setup.ts): digests match the
 * distributor's, receipts signed in TypeScript pay, forged ones revert with the contract's own error.
 */
import {
  type Address,
  BaseError,
  ContractFunctionRevertedError,
  type Hash,
  type Hex,
  createPublicClient,
  createWalletClient,
  defineChain,
  http,
  keccak256,
  parseEther,
  parseUnits,
  stringToBytes,
  zeroAddress,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { revenueDistributorAbi, runeRegistryAbi, testStablecoinAbi } from "../contracts-abi/generated";
import {
  computeRune,
  type CollaborativeReceipt,
  type ServiceReceipt,
  hashCollaborativeReceipt,
  hashServiceReceipt,
  serviceIdFrom,
  signCollaborativeReceipt,
  signServiceReceipt,
} from "./receipt";

const rpcUrl = inject("anvilRpcUrl");
const { chainId, contracts } = inject("deployment");
const distributor = contracts.revenueDistributor;
const domain = { chainId, distributor };

const chain = defineChain({
  id: chainId,
  name: "Anvil",
  nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
  rpcUrls: { default: { http: [rpcUrl] } },
  contracts: contracts.multicall3 ? { multicall3: { address: contracts.multicall3 } } : {},
});
const publicClient = createPublicClient({ chain, transport: http(rpcUrl), pollingInterval: 50 });
const walletClient = createWalletClient({ chain, transport: http(rpcUrl), pollingInterval: 50 });

const alphaSigner = privateKeyToAccount(keccak256(stringToBytes("anvil test alpha signer")));
const betaSigner = privateKeyToAccount(keccak256(stringToBytes("anvil test beta signer")));
const impostor = privateKeyToAccount(keccak256(stringToBytes("anvil test impostor")));

let deployer: Address;
let payer: Address;
let runeAlpha: Hex;
let runeBeta: Hex;
let deadline: bigint;

/** Waits until a sent transaction is mined, and checks it succeeded. */
async function mined(sent: Promise<Hash>): Promise<void> {
  const receipt = await publicClient.waitForTransactionReceipt({ hash: await sent });
  expect(receipt.status).toBe("success");
}

async function registerAgent(developer: Address, signer: Address, infra: Address, name: string): Promise<Hex> {
  // The rune is known before registering: the TypeScript derivation, the contract's view and the minted rune agree.
  const salt = keccak256(stringToBytes(name));
  const predicted = computeRune({ chainId: await publicClient.getChainId(), registry: contracts.runeRegistry, developer, salt });
  const onChain = await publicClient.readContract({
    address: contracts.runeRegistry,
    abi: runeRegistryAbi,
    functionName: "computeRune",
    args: [developer, salt],
  });
  expect(onChain).toBe(predicted);
  const { result, request } = await publicClient.simulateContract({
    account: developer,
    address: contracts.runeRegistry,
    abi: runeRegistryAbi,
    functionName: "registerAgent",
    args: [
      keccak256(stringToBytes(name)),
      signer,
      `ipfs://aurorune-test/${name}.json`,
      { developerBps: 7_000, infraBps: 2_000, stakersBps: 1_000 },
      [infra],
      [10_000],
    ],
  });
  await mined(walletClient.writeContract(request));
  expect(result).toBe(predicted);
  return result;
}

async function pay(receipt: ServiceReceipt, signature: Hex): Promise<void> {
  const { request } = await publicClient.simulateContract({
    account: receipt.payer,
    address: distributor,
    abi: revenueDistributorAbi,
    functionName: "pay",
    args: [receipt, signature],
    value: receipt.token === zeroAddress ? receipt.amount : 0n,
  });
  await mined(walletClient.writeContract(request));
}

/** The custom error a failed simulation reverted with. */
async function revertOf(attempt: Promise<unknown>): Promise<{ errorName?: string; args?: readonly unknown[] }> {
  const error = await attempt.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BaseError);
  const reverted = (error as BaseError).walk((cause) => cause instanceof ContractFunctionRevertedError);
  expect(reverted).toBeInstanceOf(ContractFunctionRevertedError);
  const data = (reverted as ContractFunctionRevertedError).data;
  return { errorName: data?.errorName, args: data?.args };
}

beforeAll(async () => {
  const accounts = await walletClient.getAddresses();
  const [first, developerA, developerB, client, infraA, infraB] = accounts;
  if (!first || !developerA || !developerB || !client || !infraA || !infraB) throw new Error("anvil has too few accounts");
  deployer = first;
  payer = client;
  runeAlpha = await registerAgent(developerA, alphaSigner.address, infraA, "alpha");
  runeBeta = await registerAgent(developerB, betaSigner.address, infraB, "beta");
  const block = await publicClient.getBlock();
  deadline = block.timestamp + 3_600n;
});

function ethReceipt(label: string, amount = parseEther("0.5")): ServiceReceipt {
  return { rune: runeAlpha, serviceId: serviceIdFrom(label), payer, token: zeroAddress, amount, deadline };
}

describe("receipts against RevenueDistributor on anvil", () => {
  it("computes the same digests as the contract", async () => {
    const receipt: ServiceReceipt = {
      ...ethReceipt("digest"),
      token: contracts.stablecoin,
      amount: 2n ** 200n + 7n,
      deadline: 2n ** 64n - 1n,
    };
    const onChain = await publicClient.readContract({
      address: distributor,
      abi: revenueDistributorAbi,
      functionName: "hashServiceReceipt",
      args: [receipt],
    });
    expect(hashServiceReceipt(receipt, domain)).toBe(onChain);

    const collaborative: CollaborativeReceipt = {
      serviceId: serviceIdFrom("digest-joint"),
      runes: [runeAlpha, runeBeta, keccak256(stringToBytes("third"))],
      weightsBps: [5_000, 3_000, 2_000],
      payer,
      token: contracts.aurunesToken,
      amount: 123_456_789n,
      deadline,
    };
    const onChainJoint = await publicClient.readContract({
      address: distributor,
      abi: revenueDistributorAbi,
      functionName: "hashCollaborativeReceipt",
      args: [collaborative],
    });
    expect(hashCollaborativeReceipt(collaborative, domain)).toBe(onChainJoint);
  });

  it("reads through the deployed Multicall3", async () => {
    const [allowed, stakeLedger] = await publicClient.multicall({
      allowFailure: false,
      contracts: [
        { address: distributor, abi: revenueDistributorAbi, functionName: "isTokenAllowed", args: [contracts.stablecoin] },
        { address: contracts.runeRegistry, abi: runeRegistryAbi, functionName: "stakeLedger" },
      ],
    });
    expect(allowed).toBe(true);
    expect(stakeLedger).toBe(distributor);
  });

  it("accepts an ETH payment with a receipt signed in TypeScript", async () => {
    const receipt = ethReceipt("eth-1");
    const signature = await signServiceReceipt({ signer: alphaSigner, receipt, ...domain });
    const before = await publicClient.getBalance({ address: distributor });

    await pay(receipt, signature);

    expect(await publicClient.getBalance({ address: distributor })).toBe(before + receipt.amount);
    const read = { address: distributor, abi: revenueDistributorAbi } as const;
    expect(await publicClient.readContract({ ...read, functionName: "isServiceUsed", args: [runeAlpha, receipt.serviceId] })).toBe(
      true,
    );
    expect(await publicClient.readContract({ ...read, functionName: "revenueOf", args: [runeAlpha, zeroAddress] })).toBe(
      receipt.amount,
    );
  });

  it("accepts a stablecoin payment after approve", async () => {
    const amount = parseUnits("42.5", 6);
    const stablecoin = { address: contracts.stablecoin, abi: testStablecoinAbi } as const;
    const mint = await publicClient.simulateContract({
      ...stablecoin,
      account: deployer,
      functionName: "mint",
      args: [payer, amount],
    });
    await mined(walletClient.writeContract(mint.request));
    const approve = await publicClient.simulateContract({
      ...stablecoin,
      account: payer,
      functionName: "approve",
      args: [distributor, amount],
    });
    await mined(walletClient.writeContract(approve.request));
    const receipt: ServiceReceipt = { ...ethReceipt("usd-1"), token: contracts.stablecoin, amount };
    const signature = await signServiceReceipt({ signer: alphaSigner, receipt, ...domain });

    await pay(receipt, signature);

    expect(await publicClient.readContract({ ...stablecoin, functionName: "balanceOf", args: [distributor] })).toBe(amount);
    expect(
      await publicClient.readContract({
        address: distributor,
        abi: revenueDistributorAbi,
        functionName: "revenueOf",
        args: [runeAlpha, contracts.stablecoin],
      }),
    ).toBe(amount);
  });

  it("refuses a tampered receipt with RevenueDistributorInvalidSignature", async () => {
    const receipt = ethReceipt("tampered");
    const signature = await signServiceReceipt({ signer: alphaSigner, receipt, ...domain });
    const forged = { ...receipt, amount: receipt.amount / 100n };

    const { errorName, args } = await revertOf(
      publicClient.simulateContract({
        account: payer,
        address: distributor,
        abi: revenueDistributorAbi,
        functionName: "pay",
        args: [forged, signature],
        value: forged.amount,
      }),
    );
    expect(errorName).toBe("RevenueDistributorInvalidSignature");
    expect(args).toEqual([runeAlpha]);
  });

  it("refuses a receipt signed by a key that is not the rune's signer", async () => {
    const receipt = ethReceipt("impostor");
    const signature = await signServiceReceipt({ signer: impostor, receipt, ...domain });
    const { errorName } = await revertOf(
      publicClient.simulateContract({
        account: payer,
        address: distributor,
        abi: revenueDistributorAbi,
        functionName: "pay",
        args: [receipt, signature],
        value: receipt.amount,
      }),
    );
    expect(errorName).toBe("RevenueDistributorInvalidSignature");
  });

  it("accepts a collaborative receipt signed by both agents", async () => {
    const receipt: CollaborativeReceipt = {
      serviceId: serviceIdFrom("joint-1"),
      runes: [runeAlpha, runeBeta],
      weightsBps: [6_000, 4_000],
      payer,
      token: zeroAddress,
      amount: parseEther("1"),
      deadline,
    };
    const signatures = await Promise.all(
      [alphaSigner, betaSigner].map((signer) => signCollaborativeReceipt({ signer, receipt, ...domain })),
    );
    const call = {
      account: payer,
      address: distributor,
      abi: revenueDistributorAbi,
      functionName: "payCollaborative",
      value: receipt.amount,
    } as const;

    // Signatures out of rune order are refused, naming the first rune whose signature does not match.
    const swapped = await revertOf(publicClient.simulateContract({ ...call, args: [receipt, [...signatures].reverse()] }));
    expect(swapped).toEqual({ errorName: "RevenueDistributorInvalidSignature", args: [runeAlpha] });

    const alphaBefore = await publicClient.readContract({
      address: distributor,
      abi: revenueDistributorAbi,
      functionName: "revenueOf",
      args: [runeAlpha, zeroAddress],
    });
    const { request } = await publicClient.simulateContract({ ...call, args: [receipt, signatures] });
    await mined(walletClient.writeContract(request));

    const revenue = (rune: Hex) =>
      publicClient.readContract({ address: distributor, abi: revenueDistributorAbi, functionName: "revenueOf", args: [rune, zeroAddress] });
    expect(await revenue(runeAlpha)).toBe(alphaBefore + parseEther("0.6"));
    expect(await revenue(runeBeta)).toBe(parseEther("0.4"));
    for (const rune of receipt.runes) {
      expect(
        await publicClient.readContract({
          address: distributor,
          abi: revenueDistributorAbi,
          functionName: "isServiceUsed",
          args: [rune, receipt.serviceId],
        }),
      ).toBe(true);
    }
  });
});
