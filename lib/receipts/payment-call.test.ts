import { type Hex, keccak256, stringToBytes, zeroAddress } from "viem";
import { describe, expect, it } from "vitest";
import type { SignedCollaborativeReceipt, SignedServiceReceipt } from "./json";
import { collaborativePaymentCall, paymentValue, servicePaymentCall, tokenToApprove } from "./payment-call";
import { ETH_TOKEN } from "./token";

const distributor = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";
const tusd = { address: "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9", symbol: "tUSD", decimals: 6 } as const;
const signature: Hex = `0x${"11".repeat(65)}`;
const base = {
  serviceId: keccak256(stringToBytes("job")),
  payer: "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
  token: zeroAddress,
  amount: 5n,
  deadline: 1_900_000_000n,
} as const;
const single: SignedServiceReceipt = {
  primaryType: "ServiceReceipt",
  domain: { chainId: 31337, distributor },
  receipt: { ...base, rune: keccak256(stringToBytes("rune")) },
  token: ETH_TOKEN,
  signature,
};

describe("payment calls", () => {
  it("pays an ETH receipt with pay and the amount as value, to the receipt's distributor", () => {
    expect(servicePaymentCall(single)).toMatchObject({ address: distributor, functionName: "pay", args: [single.receipt, signature], value: 5n });
    expect(tokenToApprove(single.receipt)).toBeUndefined();
  });

  it("pays an ERC-20 receipt with no value, after approving the token", () => {
    const joint: SignedCollaborativeReceipt = {
      primaryType: "CollaborativeReceipt",
      domain: { chainId: 31337, distributor },
      receipt: { ...base, token: tusd.address, runes: [keccak256(stringToBytes("a")), keccak256(stringToBytes("b"))], weightsBps: [5_000, 5_000] },
      token: tusd,
      signatures: [signature, signature],
    };
    expect(collaborativePaymentCall(joint)).toMatchObject({ functionName: "payCollaborative", args: [joint.receipt, [signature, signature]], value: 0n });
    expect(paymentValue(joint.receipt)).toBe(0n);
    expect(tokenToApprove(joint.receipt)).toBe(tusd.address);
  });
});
