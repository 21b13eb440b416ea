import "server-only";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { type AppConfig, parseConfig } from "./parse";

let cached: AppConfig | undefined;

/** The app configuration, read once per server process from the environment and the deployment file. */
export function getConfig(): AppConfig {
  const env = process.env;
  const variables = {
    CHAIN_ID: env.CHAIN_ID,
    CHAIN_NAME: env.CHAIN_NAME,
    RPC_URL: env.RPC_URL,
    PUBLIC_RPC_URL: env.PUBLIC_RPC_URL,
    EXPLORER_URL: env.EXPLORER_URL,
    WALLETCONNECT_PROJECT_ID: env.WALLETCONNECT_PROJECT_ID,
    DEPLOYMENT_FILE: env.DEPLOYMENT_FILE,
    PRICE_FEEDS: env.PRICE_FEEDS,
    PRICE_MAX_AGE_SECONDS: env.PRICE_MAX_AGE_SECONDS,
    INDEXER_URL: env.INDEXER_URL,
  };
  cached ??= parseConfig(variables, (file) => {
    const resolved = path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
    return existsSync(resolved) ? readFileSync(resolved, "utf8") : undefined;
  });
  return cached;
}
