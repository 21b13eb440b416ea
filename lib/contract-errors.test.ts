import { BaseError, ContractFunctionRevertedError, UserRejectedRequestError, encodeErrorResult } from "viem";
import { describe, expect, it } from "vitest";
import { revenueDistributorAbi, runeRegistryAbi } from "../contracts-abi/generated";
import { CONTRACT_ERROR_MESSAGES, describeError } from "./contract-errors";

function reverted(errorName: string, args: readonly unknown[]): BaseError {
  const abi = [...revenueDistributorAbi, ...runeRegistryAbi];
  const data = encodeErrorResult({ abi, errorName, args } as Parameters<typeof encodeErrorResult>[0]);
  return new BaseError("Execution reverted", { cause: new ContractFunctionRevertedError({ abi, data, functionName: "pay" }) });
}

describe("describeError", () => {
  it("names every custom error of the contracts in plain words", () => {
    const names = [...revenueDistributorAbi, ...runeRegistryAbi].filter((item) => item.type === "error").map((item) => item.name);
    const own = names.filter((name) => name.startsWith("RevenueDistributor") || name.startsWith("RuneRegistry"));
    const missing = own.filter((name) => !(name in CONTRACT_ERROR_MESSAGES));
    expect(own.length).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });

  it("decodes a custom error from revert data", () => {
    const described = describeError(reverted("RevenueDistributorReceiptExpired", [123n]));
    expect(described.errorName).toBe("RevenueDistributorReceiptExpired");
    expect(described.message).toMatch(/expired/);
  });

  it("recognizes a wallet rejection", () => {
    const described = describeError(new BaseError("rejected", { cause: new UserRejectedRequestError(new Error("no")) }));
    expect(described).toEqual({ message: "You rejected the request in your wallet.", rejectedByUser: true });
  });

  it("falls back to one line for anything else", () => {
    expect(describeError(new Error("boom\n at stack")).message).toBe("boom");
    expect(describeError("weird").message).toBe("Something went wrong.");
  });
});
