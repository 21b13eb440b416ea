/**
 * lib/receipts against the real contracts on anvil (see lib/test/anvil-setup.ts): the domain and digests match
 * the distributor's, receipts signed in TypeScript pay, and `verifyReceipt` reaches the same verdict as the
 * contract — for each refusal, the custom error it names is the one `pay` reverts with.
 */
import { type Address, type Hex, getAddress, keccak256, parseEther, parseUnits, stringToBytes, zeroAddress } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { beforeAll, describe, expect, it } from "vitest";
import { revenueDistributorAbi, runeRegistryAbi, testStablecoinAbi } from "../../contracts-abi/generated";
import { computeRune } from "../domain/rune";
import { mined, outcomeOf, registerTestAgent, revertOf, testChain } from "../test/chain";
import { deployContractSigner } from "../test/contract-signer";
import {
  type CollaborativeReceipt,
  type ServiceReceipt,
  hashCollaborativeReceipt,
  hashServiceReceipt,
  receiptDomain,
} from "./eip712";
import { type SignedCollaborativeReceipt, type SignedReceipt, type SignedServiceReceipt, decodeReceiptJson, receiptToJson } from "./json";
import { collaborativePaymentCall, servicePaymentCall } from "./payment-call";
import { checkCollaborators } from "./rules";
import { serviceIdFrom } from "./service-id";
import { signCollaborativeReceipt, signCollaborativeReceiptByAll, signServiceReceipt } from "./sign";
import { ETH_TOKEN, readPaymentTokens } from "./token";
import { type ReceiptVerification, verifyReceipt } from "./verify";

const chain = testChain();
const { publicClient, walletClient, deployment } = chain;
const { chainId, contracts } = deployment;
const distributor = contracts.revenueDistributor;
const domain = { chainId, distributor };

const alphaSigner = privateKeyToAccount(keccak256(stringToBytes("anvil test alpha signer")));
const betaSigner = privateKeyToAccount(keccak256(stringToBytes("anvil test beta signer")));
const impostor = privateKeyToAccount(keccak256(stringToBytes("anvil test impostor")));
const retiredKey = privateKeyToAccount(keccak256(stringToBytes("anvil test key rotated away")));
const contractKey = privateKeyToAccount(keccak256(stringToBytes("anvil test key behind a contract signer")));

let deployer: Address;
let payer: Address;
let stranger: Address;
let developerA: Address;
let runeAlpha: Hex;
let runeBeta: Hex;
let deadline: bigint;

async function chainTime(): Promise<bigint> {
  return (await publicClient.getBlock()).timestamp;
}

function simulatePay(signed: SignedServiceReceipt, from: Address = signed.receipt.payer) {
  return publicClient.simulateContract({ account: from, ...servicePaymentCall(signed) });
}

function simulatePayCollaborative(signed: SignedCollaborativeReceipt, from: Address = signed.receipt.payer) {
  return publicClient.simulateContract({ account: from, ...collaborativePaymentCall(signed) });
}

/**
 * Verifies offline-signed `signed` and simulates its payment from `from`: the verdicts must agree — payable and
 * the payment goes through, or not payable and the first failed check names the contract's revert.
 */
async function sameVerdict(signed: SignedReceipt, from: Address = signed.receipt.payer): Promise<ReceiptVerification> {
  const verification = await verifyReceipt(publicClient, signed, { from, expectedDistributor: distributor, historyFromBlock: 0n });
  const simulated = await outcomeOf(signed.primaryType === "ServiceReceipt" ? simulatePay(signed, from) : simulatePayCollaborative(signed, from));
  expect(verification.revert?.errorName, verification.failure?.detail).toBe(simulated);
  expect(verification.payable).toBe(simulated === undefined);
  // Where the contract decides, the first reason shown is the contract's.
  expect(verification.failure).toBe(verification.revert);
  return verification;
}

async function pay(signed: SignedServiceReceipt): Promise<void> {
  const { request } = await simulatePay(signed);
  await mined(publicClient, walletClient.writeContract(request));
}

async function ethReceipt(label: string, change: Partial<ServiceReceipt> = {}, signer = alphaSigner): Promise<SignedServiceReceipt> {
  const receipt: ServiceReceipt = {
    rune: runeAlpha,
    serviceId: serviceIdFrom(label),
    payer,
    token: zeroAddress,
    amount: parseEther("0.5"),
    deadline,
    ...change,
  };
  return { primaryType: "ServiceReceipt", domain, receipt, token: ETH_TOKEN, signature: await signServiceReceipt({ signer, receipt, ...domain }) };
}

beforeAll(async () => {
  const accounts = await walletClient.getAddresses();
  const [first, devA, devB, client, infraA, infraB, other] = accounts;
  if (!first || !devA || !devB || !client || !infraA || !infraB || !other) throw new Error("anvil has too few accounts");
  deployer = first;
  payer = client;
  stranger = other;
  developerA = devA;
  // The rune is known before registering: the TypeScript derivation, the contract's view and the minted rune agree.
  const salt = keccak256(stringToBytes("alpha"));
  const predicted = computeRune({ chainId, registry: contracts.runeRegistry, developer: devA, salt });
  expect(
    await publicClient.readContract({ address: contracts.runeRegistry, abi: runeRegistryAbi, functionName: "computeRune", args: [devA, salt] }),
  ).toBe(predicted);
  runeAlpha = await registerTestAgent(chain, { developer: devA, signer: alphaSigner.address, name: "alpha", infra: infraA });
  expect(runeAlpha).toBe(predicted);
  runeBeta = await registerTestAgent(chain, { developer: devB, signer: betaSigner.address, name: "beta", infra: infraB });
  deadline = (await chainTime()) + 3_600n;
});

describe("receipts against RevenueDistributor on anvil", () => {
  it("uses the deployed distributor's EIP-712 domain (ERC-5267)", async () => {
    const [, name, version, onChainId, verifyingContract] = await publicClient.readContract({
      address: distributor,
      abi: revenueDistributorAbi,
      functionName: "eip712Domain",
    });
    expect(receiptDomain(domain)).toEqual({ name, version, chainId: Number(onChainId), verifyingContract });
  });

  it("computes the same digests as the contract", async () => {
    const receipt: ServiceReceipt = {
      ...(await ethReceipt("digest")).receipt,
      token: contracts.stablecoin,
      amount: 2n ** 200n + 7n,
      deadline: 2n ** 64n - 1n,
    };
    const onChain = await publicClient.readContract({ address: distributor, abi: revenueDistributorAbi, functionName: "hashServiceReceipt", args: [receipt] });
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

  it("reads the accepted tokens with their symbols and decimals", async () => {
    const tokens = await readPaymentTokens(publicClient, { distributor });
    expect(tokens.map(({ symbol, decimals, allowed }) => ({ symbol, decimals, allowed }))).toEqual([
      { symbol: "ETH", decimals: 18, allowed: true },
      { symbol: "AURUNES", decimals: 18, allowed: true },
      { symbol: "tUSD", decimals: 6, allowed: true },
    ]);
  });

  it("accepts an ETH payment with a receipt signed in TypeScript, after the file's round trip", async () => {
    const signed = await ethReceipt("eth-1");
    // What the CLI prints and the /pay page reads back.
    const decoded = decodeReceiptJson(JSON.parse(JSON.stringify(receiptToJson(signed))));
    if (!decoded.ok || decoded.receipt.primaryType !== "ServiceReceipt") throw new Error("the receipt file did not read back");
    const verification = await sameVerdict(decoded.receipt);
    expect(verification.checks.map((check) => [check.id, check.outcome])).toEqual([
      ["domain", "pass"],
      ["token", "pass"],
      ["amount", "pass"],
      ["rune", "pass"],
      ["signature", "pass"],
      ["serviceId", "pass"],
      ["deadline", "pass"],
      ["payer", "pass"],
    ]);
    const before = await publicClient.getBalance({ address: distributor });

    await pay(decoded.receipt);

    expect(await publicClient.getBalance({ address: distributor })).toBe(before + signed.receipt.amount);
    const read = { address: distributor, abi: revenueDistributorAbi } as const;
    expect(await publicClient.readContract({ ...read, functionName: "isServiceUsed", args: [runeAlpha, signed.receipt.serviceId] })).toBe(true);
    expect(await publicClient.readContract({ ...read, functionName: "revenueOf", args: [runeAlpha, zeroAddress] })).toBe(signed.receipt.amount);

    // Paid once: now refused as used, by both.
    const again = await sameVerdict(decoded.receipt);
    expect(again.revert).toMatchObject({ id: "serviceId", errorName: "RevenueDistributorServiceAlreadyPaid", rune: runeAlpha });
  });

  it("accepts a stablecoin payment after approve", async () => {
    const amount = parseUnits("42.5", 6);
    const stablecoin = { address: contracts.stablecoin, abi: testStablecoinAbi } as const;
    const mint = await publicClient.simulateContract({ ...stablecoin, account: deployer, functionName: "mint", args: [payer, amount] });
    await mined(publicClient, walletClient.writeContract(mint.request));
    const approve = await publicClient.simulateContract({ ...stablecoin, account: payer, functionName: "approve", args: [distributor, amount] });
    await mined(publicClient, walletClient.writeContract(approve.request));
    const receipt: ServiceReceipt = { ...(await ethReceipt("usd-1")).receipt, token: contracts.stablecoin, amount };
    const signed: SignedServiceReceipt = {
      primaryType: "ServiceReceipt",
      domain,
      receipt,
      token: { address: contracts.stablecoin, symbol: "tUSD", decimals: 6 },
      signature: await signServiceReceipt({ signer: alphaSigner, receipt, ...domain }),
    };
    expect((await sameVerdict(signed)).payable).toBe(true);

    await pay(signed);

    expect(await publicClient.readContract({ ...stablecoin, functionName: "balanceOf", args: [distributor] })).toBe(amount);
  });

  it("refuses a tampered receipt with RevenueDistributorInvalidSignature, saying it was altered", async () => {
    const signed = await ethReceipt("tampered");
    const forged = { ...signed, receipt: { ...signed.receipt, amount: signed.receipt.amount / 100n } };
    const { revert } = await sameVerdict(forged);
    expect(revert).toMatchObject({ id: "signature", errorName: "RevenueDistributorInvalidSignature", signer: alphaSigner.address });
    expect(revert?.detail).toContain("altered after signing, or signed by another key");
    expect((await revertOf(simulatePay(forged))).args).toEqual([runeAlpha]);
  });

  it("refuses a receipt signed by a key that is not the rune's signer, naming who signed", async () => {
    const signed = await ethReceipt("impostor", {}, impostor);
    const { revert } = await sameVerdict(signed);
    expect(revert).toMatchObject({ id: "signature", errorName: "RevenueDistributorInvalidSignature", recovered: impostor.address });
    expect(revert?.detail).toContain(`recovers to ${impostor.address}, not to the rune's signer ${alphaSigner.address}`);
  });

  it("refuses a receipt signed by the rune's former key after a rotation, and says so", async () => {
    const [, , , , , , , , developer] = await walletClient.getAddresses();
    if (!developer) throw new Error("anvil has too few accounts");
    const rune = await registerTestAgent(chain, { developer, signer: retiredKey.address, name: "rotating" });
    const before = await ethReceipt("before-rotation", { rune }, retiredKey);
    expect((await sameVerdict(before)).payable).toBe(true);

    const rotate = await publicClient.simulateContract({
      account: developer,
      address: contracts.runeRegistry,
      abi: runeRegistryAbi,
      functionName: "rotateSigner",
      args: [rune, betaSigner.address],
    });
    await mined(publicClient, walletClient.writeContract(rotate.request));
    // Not getBlockNumber's default: viem caches it for a few seconds, an older block on a busy machine.
    const rotatedAt = await publicClient.getBlockNumber({ cacheTime: 0 });

    const { revert } = await sameVerdict(before);
    expect(revert).toMatchObject({ id: "signature", errorName: "RevenueDistributorInvalidSignature", recovered: retiredKey.address, signer: betaSigner.address });
    expect(revert?.detail).toContain(`this rune's signer until it was rotated at block ${rotatedAt}`);
    // Without the history, still refused, in general words.
    const plain = await verifyReceipt(publicClient, before);
    expect(plain.revert?.detail).toContain("altered after signing, or signed by another key");
  });

  it("refuses an expired receipt by chain time with RevenueDistributorReceiptExpired", async () => {
    const signed = await ethReceipt("expired", { deadline: (await chainTime()) - 10n });
    const { revert } = await sameVerdict(signed);
    expect(revert).toMatchObject({ id: "deadline", errorName: "RevenueDistributorReceiptExpired" });
    expect(revert?.detail).toMatch(/^expired 10 s ago/);
  });

  it("refuses a payment sent by anyone but the named payer", async () => {
    const signed = await ethReceipt("payer");
    const { revert } = await sameVerdict(signed, stranger);
    expect(revert).toMatchObject({ id: "payer", errorName: "RevenueDistributorPayerMismatch" });
    // Without knowing who will pay, the payer is left unchecked and the receipt is payable by its payer.
    const unknownSender = await verifyReceipt(publicClient, signed);
    expect(unknownSender.payable).toBe(true);
    expect(unknownSender.checks.find((check) => check.id === "payer")?.outcome).toBe("unchecked");
  });

  it("refuses a token that is not accepted, a zero amount, an unknown rune and a suspended one, as the contract does", async () => {
    const token = await sameVerdict({ ...(await ethReceipt("token", { token: stranger })), token: { address: stranger, symbol: "X", decimals: 18 } });
    expect(token.revert).toMatchObject({ id: "token", errorName: "RevenueDistributorTokenNotAllowed" });
    const zero = await sameVerdict(await ethReceipt("zero", { amount: 0n }));
    expect(zero.revert).toMatchObject({ id: "amount", errorName: "RevenueDistributorZeroAmount" });
    const unknown = await sameVerdict(await ethReceipt("unknown", { rune: keccak256(stringToBytes("nobody")) }));
    expect(unknown.revert).toMatchObject({ id: "rune", errorName: "RevenueDistributorUnknownRune", status: "Unregistered" });
    expect(unknown.checks.find((check) => check.id === "signature")?.outcome).toBe("unchecked");

    const [, , , , , , , , , developer] = await walletClient.getAddresses();
    if (!developer) throw new Error("anvil has too few accounts");
    const rune = await registerTestAgent(chain, { developer, signer: alphaSigner.address, name: "to-suspend" });
    const suspend = await publicClient.simulateContract({
      account: deployment.admin,
      address: contracts.runeRegistry,
      abi: runeRegistryAbi,
      functionName: "suspend",
      args: [rune],
    });
    await mined(publicClient, walletClient.writeContract(suspend.request));
    const suspended = await sameVerdict(await ethReceipt("suspended", { rune }));
    expect(suspended.revert).toMatchObject({ id: "rune", errorName: "RevenueDistributorRuneNotActive", status: "Suspended" });
    // Still genuine: the signature is checked and reported even though the rune refuses payments.
    expect(suspended.checks.find((check) => check.id === "signature")?.outcome).toBe("pass");
  });

  it("refuses a file whose symbol or decimals misdescribe the token (not a contract rule: a misreading)", async () => {
    const signed = await ethReceipt("usd-display", { token: contracts.stablecoin, amount: 5_000_000n });
    const lying = { ...signed, token: { address: contracts.stablecoin, symbol: "tUSD", decimals: 18 } };
    const verification = await verifyReceipt(publicClient, lying, { from: payer });
    expect(verification.payable).toBe(false);
    expect(verification.failure).toMatchObject({ id: "token", outcome: "fail" });
    expect(verification.failure?.errorName).toBeUndefined();
    expect(verification.failure?.detail).toContain("the token is tUSD with 6 decimals");
    // The contract itself would take it (the display is not signed): no revert is named.
    expect(verification.revert).toBeUndefined();
  });

  it("refuses a receipt for another chain or another distributor before reading anything else", async () => {
    const signed = await ethReceipt("domain");
    const otherChain = await verifyReceipt(publicClient, { ...signed, domain: { ...domain, chainId: 1 } });
    expect(otherChain.failure).toMatchObject({ id: "domain", detail: `the receipt is for chain 1, but this is chain ${chainId}` });
    expect(otherChain.payable).toBe(false);
    expect(otherChain.checks.filter((check) => check.outcome === "unchecked")).toHaveLength(7);
    const otherDistributor = await verifyReceipt(publicClient, signed, { expectedDistributor: contracts.runeRegistry });
    expect(otherDistributor.failure?.id).toBe("domain");
    const noContract = await verifyReceipt(publicClient, { ...signed, domain: { ...domain, distributor: stranger } });
    expect(noContract.failure?.detail).toBe(`there is no contract at ${stranger} on chain ${chainId}`);
  });

  it("asks a contract signer (ERC-1271) as the contract does", async () => {
    const contractSigner = await deployContractSigner(chain, deployer, contractKey.address);
    const rune = await registerTestAgent(chain, { developer: developerA, signer: contractSigner, name: "contract-signed" });
    const genuine = await ethReceipt("erc1271", { rune }, contractKey);
    const ok = await sameVerdict(genuine);
    expect(ok.checks.find((check) => check.id === "signature")).toMatchObject({ outcome: "pass", signer: getAddress(contractSigner) });
    await pay(genuine);

    const refused = await sameVerdict(await ethReceipt("erc1271-wrong", { rune }, impostor));
    expect(refused.revert).toMatchObject({ id: "signature", errorName: "RevenueDistributorInvalidSignature" });
    expect(refused.revert?.detail).toContain("is a contract");
  });

  it("accepts a collaborative receipt signed by both agents, in rune order", async () => {
    const receipt: CollaborativeReceipt = {
      serviceId: serviceIdFrom("joint-1"),
      runes: [runeAlpha, runeBeta],
      weightsBps: [6_000, 4_000],
      payer,
      token: zeroAddress,
      amount: parseEther("1"),
      deadline,
    };
    const signatures = await signCollaborativeReceiptByAll({ signers: [alphaSigner, betaSigner], receipt, ...domain });
    const signed: SignedCollaborativeReceipt = { primaryType: "CollaborativeReceipt", domain, receipt, token: ETH_TOKEN, signatures };

    // Signatures out of rune order are refused, naming the first rune whose signature does not match.
    const swapped = await sameVerdict({ ...signed, signatures: [...signatures].reverse() });
    expect(swapped.revert).toMatchObject({ id: "signature", rune: runeAlpha, errorName: "RevenueDistributorInvalidSignature" });
    expect(await revertOf(simulatePayCollaborative({ ...signed, signatures: [...signatures].reverse() }))).toEqual({
      errorName: "RevenueDistributorInvalidSignature",
      args: [runeAlpha],
    });
    expect((await sameVerdict(signed)).payable).toBe(true);

    const revenue = (rune: Hex) =>
      publicClient.readContract({ address: distributor, abi: revenueDistributorAbi, functionName: "revenueOf", args: [rune, zeroAddress] });
    const alphaBefore = await revenue(runeAlpha);
    const { request } = await simulatePayCollaborative(signed);
    await mined(publicClient, walletClient.writeContract(request));

    expect(await revenue(runeAlpha)).toBe(alphaBefore + parseEther("0.6"));
    expect(await revenue(runeBeta)).toBe(parseEther("0.4"));
    const used = await sameVerdict(signed);
    expect(used.checks.filter((check) => check.id === "serviceId").map((check) => check.outcome)).toEqual(["fail", "fail"]);
  });

  it("names the same error as the contract for every collaborative rule", async () => {
    const other = keccak256(stringToBytes("not registered"));
    const base = { serviceId: serviceIdFrom("joint-rules"), payer, token: zeroAddress, amount: parseEther("0.1"), deadline };
    const cases: { runes: Hex[]; weightsBps: number[]; signers: number }[] = [
      { runes: [runeAlpha], weightsBps: [10_000], signers: 1 },
      { runes: Array.from({ length: 9 }, (_, i) => keccak256(stringToBytes(`r${i}`))), weightsBps: Array(9).fill(1_000), signers: 9 },
      { runes: [runeAlpha, runeBeta], weightsBps: [10_000], signers: 2 },
      { runes: [runeAlpha, runeBeta], weightsBps: [5_000, 5_000], signers: 1 },
      { runes: [runeAlpha, runeBeta, other], weightsBps: [10_000, 0, 0], signers: 3 },
      { runes: [runeAlpha, runeBeta, runeAlpha], weightsBps: [4_000, 3_000, 3_000], signers: 3 },
      { runes: [runeAlpha, runeBeta], weightsBps: [6_000, 3_000], signers: 2 },
      { runes: [runeAlpha, other], weightsBps: [6_000, 4_000], signers: 2 },
    ];
    for (const { runes, weightsBps, signers } of cases) {
      const receipt: CollaborativeReceipt = { ...base, runes, weightsBps };
      const signature = await signCollaborativeReceipt({ signer: alphaSigner, receipt, ...domain });
      const signed: SignedCollaborativeReceipt = { primaryType: "CollaborativeReceipt", domain, receipt, token: ETH_TOKEN, signatures: Array(signers).fill(signature) };
      const verification = await sameVerdict(signed);
      const rule = checkCollaborators({ runes, weightsBps, signatureCount: signers });
      if (rule) expect(verification.revert?.errorName).toBe(rule.errorName);
      else expect(verification.revert).toMatchObject({ id: "rune", rune: other, errorName: "RevenueDistributorUnknownRune" });
    }
  });
});
