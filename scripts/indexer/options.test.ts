import { describe, expect, it } from "vitest";
import { DEFAULT_PGLITE_DIRECTORY, IndexerOptionError, parseIndexerOptions } from "./options";

describe("parseIndexerOptions", () => {
  it("defaults to PGlite, the app's RPC, a 1 s poll and no log range cap", () => {
    expect(parseIndexerOptions({})).toEqual({
      databaseUrl: undefined,
      pgliteDirectory: DEFAULT_PGLITE_DIRECTORY,
      rpcUrl: undefined,
      pollingIntervalMs: 1_000,
      logBlockRange: undefined,
    });
  });

  it("reads Postgres, an indexer RPC and the rate-limit settings", () => {
    expect(
      parseIndexerOptions({
        DATABASE_URL: " postgresql://u:p@db:5432/aurorune ",
        INDEXER_RPC_URL: "https://rpc.example/v2/key",
        INDEXER_POLLING_INTERVAL_MS: "2000",
        INDEXER_LOG_BLOCK_RANGE: "2000",
        INDEXER_PGLITE_DIR: "/var/lib/aurorune",
      }),
    ).toEqual({
      databaseUrl: "postgresql://u:p@db:5432/aurorune",
      pgliteDirectory: "/var/lib/aurorune",
      rpcUrl: "https://rpc.example/v2/key",
      pollingIntervalMs: 2_000,
      logBlockRange: 2_000,
    });
  });

  it("refuses a malformed value, naming the variable and never echoing a connection string", () => {
    expect(() => parseIndexerOptions({ DATABASE_URL: "mysql://u:secret@db/x" })).toThrow(
      new IndexerOptionError("DATABASE_URL must be a postgres:// or postgresql:// connection string"),
    );
    expect(() => parseIndexerOptions({ DATABASE_URL: "mysql://u:secret@db/x" })).not.toThrow(/secret/);
    expect(() => parseIndexerOptions({ INDEXER_RPC_URL: "rpc.example" })).toThrow(/INDEXER_RPC_URL must be an http\(s\) or ws\(s\) URL/);
    expect(() => parseIndexerOptions({ INDEXER_POLLING_INTERVAL_MS: "50" })).toThrow(/INDEXER_POLLING_INTERVAL_MS must be a whole number from 100 to 60000 \(got "50"\)/);
    expect(() => parseIndexerOptions({ INDEXER_LOG_BLOCK_RANGE: "1e3" })).toThrow(/INDEXER_LOG_BLOCK_RANGE must be a whole number/);
    expect(() => parseIndexerOptions({ INDEXER_LOG_BLOCK_RANGE: "0" })).toThrow(/INDEXER_LOG_BLOCK_RANGE/);
  });
});
