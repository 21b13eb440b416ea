import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createConfig } from "ponder";
import { revenueDistributorAbi, runeRegistryAbi } from "../../contracts-abi/generated";
import { parseConfig } from "../../lib/config/parse";
import { parseIndexerOptions } from "./options";

// The same chain and deployment as the app (CHAIN_ID, RPC_URL, DEPLOYMENT_FILE, relative to where the command
// runs), plus the indexer's own knobs (./options.ts). See README "History indexer".
const env = process.env;
const app = parseConfig({ CHAIN_ID: env.CHAIN_ID, RPC_URL: env.RPC_URL, DEPLOYMENT_FILE: env.DEPLOYMENT_FILE }, (file) => {
  const resolved = path.resolve(process.cwd(), file);
  return existsSync(resolved) ? readFileSync(resolved, "utf8") : undefined;
});
const options = parseIndexerOptions(env);

export default createConfig({
  database: options.databaseUrl
    ? { kind: "postgres", connectionString: options.databaseUrl }
    : { kind: "pglite", directory: path.resolve(process.cwd(), options.pgliteDirectory) },
  chains: {
    aurorune: {
      id: app.chainId,
      rpc: options.rpcUrl ?? app.rpcUrl,
      pollingInterval: options.pollingIntervalMs,
      ethGetLogsBlockRange: options.logBlockRange,
      // Every local anvil chain is chain 31337 with other blocks: a cache of an earlier one would be wrong.
      disableCache: app.isLocal,
    },
  },
  contracts: {
    RevenueDistributor: {
      chain: "aurorune",
      abi: revenueDistributorAbi,
      address: app.contracts.revenueDistributor,
      startBlock: app.deploymentBlock,
    },
    RuneRegistry: {
      chain: "aurorune",
      abi: runeRegistryAbi,
      address: app.contracts.runeRegistry,
      startBlock: app.deploymentBlock,
    },
  },
});
