import { describe, expect, it } from "vitest";
import { ConfigError } from "../../config/parse";
import { parseRpcReadOptions } from "./options";

describe("parseRpcReadOptions", () => {
  it("defaults to 10,000-block log chunks and 64 confirmations", () => {
    expect(parseRpcReadOptions({})).toEqual({ logChunkBlocks: 10_000n, finalityConfirmations: 64n });
    expect(parseRpcReadOptions({ LOG_CHUNK_BLOCKS: " ", FINALITY_CONFIRMATIONS: "" })).toEqual({ logChunkBlocks: 10_000n, finalityConfirmations: 64n });
  });

  it("reads whole numbers", () => {
    expect(parseRpcReadOptions({ LOG_CHUNK_BLOCKS: "2000", FINALITY_CONFIRMATIONS: "0" })).toEqual({ logChunkBlocks: 2_000n, finalityConfirmations: 0n });
  });

  it("refuses what is not a whole number of blocks, saying which setting", () => {
    expect(() => parseRpcReadOptions({ LOG_CHUNK_BLOCKS: "0" })).toThrow(new ConfigError('LOG_CHUNK_BLOCKS must be a whole number of blocks, at least 1 (got "0")'));
    expect(() => parseRpcReadOptions({ LOG_CHUNK_BLOCKS: "10k" })).toThrow(ConfigError);
    expect(() => parseRpcReadOptions({ FINALITY_CONFIRMATIONS: "-1" })).toThrow(
      'FINALITY_CONFIRMATIONS must be a whole number of blocks, at least 0 (got "-1")',
    );
  });
});
