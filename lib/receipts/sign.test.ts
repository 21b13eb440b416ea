import { readFileSync } from "node:fs";
import {
  type Address,
  type Hex,
  concatHex,
  createWalletClient,
  custom,
  hashTypedData,
  hexToBigInt,
  keccak256,
  numberToHex,
  parseEther,
  recoverTypedDataAddress,
  sliceHex,
  stringToBytes,
  zeroAddress,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import {
  type CollaborativeReceipt,
  type ReceiptDomainParameters,
  type ServiceReceipt,
  hashCollaborativeReceipt,
  hashServiceReceipt,
  RECEIPT_DOMAIN_NAME,
  RECEIPT_DOMAIN_VERSION,
  receiptDomain,
  serviceReceiptTypedData,
} from "./eip712";
import { recoverServiceReceiptSigner, verifyCollaborativeReceipt, verifyServiceReceipt } from "./recover";
import { serviceIdFrom } from "./service-id";
import { SignerCountError, signCollaborativeReceipt, signCollaborativeReceiptByAll, signServiceReceipt } from "./sign";

const alpha = privateKeyToAccount(keccak256(stringToBytes("receipt.test alpha signer")));
const beta = privateKeyToAccount(keccak256(stringToBytes("receipt.test beta signer")));
const mallory = privateKeyToAccount(keccak256(stringToBytes("receipt.test mallory")));

const domain: ReceiptDomainParameters = {
  chainId: 31337,
  distributor: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0",
};

const receipt: ServiceReceipt = {
  rune: keccak256(stringToBytes("rune alpha")),
  serviceId: serviceIdFrom("job-1"),
  payer: "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
  token: zeroAddress,
  amount: parseEther("0.25"),
  deadline: 1_900_000_000n,
};

const collaborative: CollaborativeReceipt = {
  serviceId: serviceIdFrom("joint-job-1"),
  runes: [keccak256(stringToBytes("rune alpha")), keccak256(stringToBytes("rune beta"))],
  weightsBps: [6_000, 4_000],
  payer: "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
  token: "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9",
  amount: 12_345_678n,
  deadline: 1_900_000_000n,
};

/** The same signature with `s` mirrored to the high half: ecrecover accepts it, OpenZeppelin's ECDSA does not. */
function malleate(signature: Hex): Hex {
  const n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
  const s = hexToBigInt(sliceHex(signature, 32, 64));
  const v = hexToBigInt(sliceHex(signature, 64, 65));
  return concatHex([sliceHex(signature, 0, 32), numberToHex(n - s, { size: 32 }), numberToHex(v === 27n ? 28 : 27, { size: 1 })]);
}

describe("ServiceReceipt", () => {
  it("names the domain the RevenueDistributor's constructor declares", () => {
    // The anvil test compares with the deployed contract's eip712Domain(); this catches an edit before any deploy.
    const source = readFileSync(new URL("../../contracts/src/RevenueDistributor.sol", import.meta.url), "utf8");
    expect(source).toContain(`EIP712("${RECEIPT_DOMAIN_NAME}", "${RECEIPT_DOMAIN_VERSION}")`);
  });

  it("uses the distributor's EIP-712 domain", () => {
    expect(receiptDomain(domain)).toEqual({
      name: "Aurorune",
      version: "1",
      chainId: 31337,
      verifyingContract: domain.distributor,
    });
  });

  it("signs and verifies a roundtrip", async () => {
    const signature = await signServiceReceipt({ signer: alpha, receipt, ...domain });
    expect(await verifyServiceReceipt({ receipt, signature, expectedSigner: alpha.address, ...domain })).toBe(true);
    expect(await recoverServiceReceiptSigner({ receipt, signature, ...domain })).toBe(alpha.address);
  });

  it("signs the same bytes through a wallet client", async () => {
    const walletClient = createWalletClient({
      account: alpha,
      transport: custom({
        request: async () => {
          throw new Error("a local account signs without the network");
        },
      }),
    });
    const viaClient = await signServiceReceipt({ signer: walletClient, receipt, ...domain });
    expect(viaClient).toBe(await signServiceReceipt({ signer: alpha, receipt, ...domain }));
  });

  it("hashes as EIP-712 typed data, bound to chain and distributor", () => {
    const digest = hashServiceReceipt(receipt, domain);
    expect(digest).toBe(hashTypedData(serviceReceiptTypedData(receipt, domain)));
    expect(hashServiceReceipt(receipt, { ...domain, chainId: 1 })).not.toBe(digest);
    expect(hashServiceReceipt(receipt, { ...domain, distributor: zeroAddress })).not.toBe(digest);
  });

  const tampered: [string, Partial<ServiceReceipt>][] = [
    ["rune", { rune: keccak256(stringToBytes("another rune")) }],
    ["serviceId", { serviceId: serviceIdFrom("job-2") }],
    ["payer", { payer: mallory.address }],
    ["token", { token: collaborative.token }],
    ["amount", { amount: receipt.amount + 1n }],
    ["deadline", { deadline: receipt.deadline + 1n }],
  ];
  it.each(tampered)("fails verification when %s is tampered with", async (_field, change) => {
    const signature = await signServiceReceipt({ signer: alpha, receipt, ...domain });
    const forged = { ...receipt, ...change };
    expect(await verifyServiceReceipt({ receipt: forged, signature, expectedSigner: alpha.address, ...domain })).toBe(
      false,
    );
  });

  it("fails verification against another signer, chain or distributor", async () => {
    const signature = await signServiceReceipt({ signer: mallory, receipt, ...domain });
    expect(await verifyServiceReceipt({ receipt, signature, expectedSigner: alpha.address, ...domain })).toBe(false);

    const genuine = await signServiceReceipt({ signer: alpha, receipt, ...domain });
    const check = { receipt, signature: genuine, expectedSigner: alpha.address };
    expect(await verifyServiceReceipt({ ...check, ...domain, chainId: 1 })).toBe(false);
    expect(await verifyServiceReceipt({ ...check, ...domain, distributor: zeroAddress })).toBe(false);
  });

  it("refuses what the contract refuses: malleable, short or garbage signatures", async () => {
    const signature = await signServiceReceipt({ signer: alpha, receipt, ...domain });
    const highS = malleate(signature);
    // Plain ecrecover still finds the signer: the check must be ours.
    expect(await recoverTypedDataAddress({ ...serviceReceiptTypedData(receipt, domain), signature: highS })).toBe(
      alpha.address,
    );
    for (const bad of [highS, sliceHex(signature, 0, 64), "0x" as Hex, "0xnothex" as Hex]) {
      expect(await verifyServiceReceipt({ receipt, signature: bad, expectedSigner: alpha.address, ...domain })).toBe(
        false,
      );
    }
  });
});

describe("CollaborativeReceipt", () => {
  async function signAll(signers = [alpha, beta], message = collaborative): Promise<Hex[]> {
    return Promise.all(signers.map((signer) => signCollaborativeReceipt({ signer, receipt: message, ...domain })));
  }
  const expectedSigners: Address[] = [alpha.address, beta.address];

  it("signs and verifies a roundtrip with every rune's signer", async () => {
    const signatures = await signAll();
    expect(await verifyCollaborativeReceipt({ receipt: collaborative, signatures, expectedSigners, ...domain })).toBe(
      true,
    );
  });

  it("hashes arrays as EIP-712 does and binds the domain", () => {
    const digest = hashCollaborativeReceipt(collaborative, domain);
    expect(hashCollaborativeReceipt({ ...collaborative, weightsBps: [4_000, 6_000] }, domain)).not.toBe(digest);
    expect(hashCollaborativeReceipt(collaborative, { ...domain, chainId: 10 })).not.toBe(digest);
  });

  it("fails when a field is tampered with, a signer is wrong, or the order is swapped", async () => {
    const signatures = await signAll();
    const check = { signatures, expectedSigners, ...domain };
    expect(await verifyCollaborativeReceipt({ ...check, receipt: { ...collaborative, weightsBps: [5_000, 5_000] } })).toBe(
      false,
    );
    expect(await verifyCollaborativeReceipt({ ...check, receipt: { ...collaborative, amount: 1n } })).toBe(false);
    expect(
      await verifyCollaborativeReceipt({ ...check, receipt: { ...collaborative, runes: [...collaborative.runes].reverse() } }),
    ).toBe(false);
    expect(
      await verifyCollaborativeReceipt({ ...check, receipt: collaborative, signatures: [...signatures].reverse() }),
    ).toBe(false);
    expect(
      await verifyCollaborativeReceipt({ ...check, receipt: collaborative, signatures: await signAll([alpha, mallory]) }),
    ).toBe(false);
  });

  it("signs with every rune's signer in rune order, and refuses a signer count other than the rune count", async () => {
    const signatures = await signCollaborativeReceiptByAll({ signers: [alpha, beta], receipt: collaborative, ...domain });
    expect(signatures).toEqual(await signAll());
    await expect(signCollaborativeReceiptByAll({ signers: [alpha], receipt: collaborative, ...domain })).rejects.toThrow(
      SignerCountError,
    );
    await expect(
      signCollaborativeReceiptByAll({ signers: [alpha, beta, mallory], receipt: collaborative, ...domain }),
    ).rejects.toThrow("2 runes need 2 signers");
  });

  it("fails when signatures and runes differ in count", async () => {
    const [first] = await signAll([alpha]);
    expect(
      await verifyCollaborativeReceipt({ receipt: collaborative, signatures: [first as Hex], expectedSigners, ...domain }),
    ).toBe(false);
  });
});

