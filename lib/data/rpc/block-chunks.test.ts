import { HttpRequestError, LimitExceededRpcError, ResponseBodyTooLargeError, RpcRequestError, TimeoutError } from "viem";
import { describe, expect, it } from "vitest";
import { isRangeTooLargeError, readInChunks } from "./block-chunks";

function nodeError(message: string, code = -32000): RpcRequestError {
  return new RpcRequestError({ body: { method: "eth_getLogs" }, error: { code, message }, url: "http://node.example" });
}

/** A fake log reader: one item per block, refusing ranges wider than `max` blocks. */
function reader(max: bigint, calls: [bigint, bigint][]) {
  return async (from: bigint, to: bigint): Promise<bigint[]> => {
    if (to - from + 1n > max) throw nodeError(`query returned more than 10000 results`, -32005);
    calls.push([from, to]);
    const items: bigint[] = [];
    for (let block = from; block <= to; block++) items.push(block);
    return items;
  };
}

describe("readInChunks", () => {
  it("reads a range in chunks of the given size, in block order, whatever the concurrency", async () => {
    for (const concurrency of [1, 3]) {
      const calls: [bigint, bigint][] = [];
      const items = await readInChunks(10n, 34n, reader(100n, calls), { chunkSize: 10n, concurrency });
      expect(items).toEqual(Array.from({ length: 25 }, (_, i) => 10n + BigInt(i)));
      expect(calls.sort((a, b) => Number(a[0] - b[0]))).toEqual([[10n, 19n], [20n, 29n], [30n, 34n]]);
    }
  });

  it("halves a refused range, keeps the smaller size for the rest, and still returns every block once", async () => {
    const calls: [bigint, bigint][] = [];
    const splits: [bigint, bigint][] = [];
    const items = await readInChunks(0n, 99n, reader(12n, calls), { chunkSize: 50n, concurrency: 1, onSplit: (from, to) => splits.push([from, to]) });
    expect(items).toEqual(Array.from({ length: 100 }, (_, i) => BigInt(i)));
    expect(calls.every(([from, to]) => to - from + 1n <= 12n)).toBe(true);
    // 50 → 25 → 13 → 7 blocks for the first chunk; later chunks start at the learned size and are not refused.
    expect(splits.slice(0, 3)).toEqual([[0n, 49n], [0n, 24n], [0n, 12n]]);
    expect(splits.filter(([from]) => from >= 50n)).toEqual([]);
  });

  it("gives up on a single block the node still refuses, and passes other errors through at once", async () => {
    await expect(readInChunks(0n, 3n, reader(0n, []), { chunkSize: 4n, concurrency: 1 })).rejects.toThrow(RpcRequestError);
    let calls = 0;
    const down = async (): Promise<never[]> => {
      calls++;
      throw new TimeoutError({ body: {}, url: "http://node.example" });
    };
    await expect(readInChunks(0n, 100n, down, { chunkSize: 100n, concurrency: 1 })).rejects.toThrow(TimeoutError);
    expect(calls).toBe(1);
  });
});

describe("isRangeTooLargeError", () => {
  it("recognises what nodes say about wide log queries", () => {
    for (const message of [
      "query returned more than 10000 results",
      "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range",
      "block range is too wide",
      "exceed maximum block range: 5000",
      "eth_getLogs is limited to a 10,000 range",
      "Max range is 800 blocks",
    ]) {
      expect(isRangeTooLargeError(nodeError(message)), message).toBe(true);
    }
    expect(isRangeTooLargeError(new LimitExceededRpcError(new Error("limit")))).toBe(true);
    expect(isRangeTooLargeError(new ResponseBodyTooLargeError({ size: 11_000_000, maxSize: 10_485_760 }))).toBe(true);
  });

  it("does not split on throttling, outages or other failures", () => {
    expect(isRangeTooLargeError(nodeError("rate limit exceeded", -32005))).toBe(false);
    expect(isRangeTooLargeError(new HttpRequestError({ status: 429, url: "http://node.example", details: "Too Many Requests" }))).toBe(false);
    expect(isRangeTooLargeError(new TimeoutError({ body: {}, url: "http://node.example" }))).toBe(false);
    expect(isRangeTooLargeError(nodeError("header not found"))).toBe(false);
    expect(isRangeTooLargeError(nodeError("BlockOutOfRangeError: block height is 9 but requested was 12", -32602))).toBe(false);
    expect(isRangeTooLargeError(nodeError("invalid block range params", -32602))).toBe(false);
    expect(isRangeTooLargeError(new Error("query returned more than 10000 results"))).toBe(false);
  });
});
