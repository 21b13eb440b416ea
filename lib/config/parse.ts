import type { Address } from "viem";

/** Canonical Multicall3 address on public chains. */
export const CANONICAL_MULTICALL3: Address = "0xcA11bde05977b3631167028862bE2a173976CA11";

/** Chain id of the local development chain. */
export const LOCAL_CHAIN_ID = 31337;

/**
 * Default of `PRICE_MAX_AGE_SECONDS`: 25 hours. Chainlink's slowest USD feeds (stablecoins) update at least once
 * every 24 hours (their heartbeat); the extra hour covers a late round without accepting a feed that has stopped.
 */
export const DEFAULT_PRICE_MAX_AGE_SECONDS = 90_000;

/** Path of the app's own read-only JSON-RPC relay (app/api/rpc/route.ts). */
export const RPC_RELAY_PATH = "/api/rpc";

/**
 * What the server knows about its chain and deployment. `rpcUrl` may carry an API key: it stays on the
 * server. What the browser may see is {@link PublicConfig} (lib/config/public.ts).
 */
export interface AppConfig {
  chainId: number;
  chainName: string;
  /** The server's JSON-RPC endpoint (may hold an API key: never sent to the browser, never printed). */
  rpcUrl: string;
  /**
   * The browser's JSON-RPC endpoint: `PUBLIC_RPC_URL`, else the local node on the local chain, else the app's
   * own relay ({@link RPC_RELAY_PATH}, a same-origin path) which forwards read calls to `rpcUrl`.
   */
  publicRpcUrl: string;
  /** Block explorer base URL (no trailing slash), if any. */
  explorerUrl?: string;
  /** WalletConnect Cloud project id; WalletConnect-based wallets are offered only when set. */
  walletConnectProjectId?: string;
  isLocal: boolean;
  deploymentBlock: number;
  contracts: {
    aurunesToken: Address;
    runeRegistry: Address;
    revenueDistributor: Address;
    stablecoin: Address;
    multicall3: Address;
  };
  multicall3BlockCreated?: number;
  /**
   * USD price feed (a Chainlink-style `AggregatorV3Interface`) per payment token, keyed by the token's lowercase
   * address (`0x0000…0000` is ETH): `PRICE_FEEDS` when set, else the deployment file's `priceFeeds`. A token
   * without a feed has no USD value ("price unavailable").
   */
  priceFeeds: Record<Address, Address>;
  /** A feed's answer older than this (seconds of chain time) is stale: no USD value is shown from it. */
  priceMaxAgeSeconds: number;
  /**
   * Base URL of the history indexer (`INDEXER_URL`, scripts/indexer): history is read from it while it is in step
   * with the chain, and from the RPC otherwise. Unset: history from the RPC only.
   */
  indexerUrl?: string;
}

/** A configuration problem, with a message that says how to fix it. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Environment variables the app reads (documented in README and .env.example). */
export interface ConfigEnv {
  CHAIN_ID?: string;
  CHAIN_NAME?: string;
  RPC_URL?: string;
  PUBLIC_RPC_URL?: string;
  EXPLORER_URL?: string;
  WALLETCONNECT_PROJECT_ID?: string;
  DEPLOYMENT_FILE?: string;
  PRICE_FEEDS?: string;
  PRICE_MAX_AGE_SECONDS?: string;
  INDEXER_URL?: string;
}

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** The origin of a URL without path, query or credentials (where an API key usually sits), for logs. */
export function redactUrl(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "(unparsable URL)";
  }
}

/**
 * Builds and validates the app configuration from environment variables and the deployment file's text.
 * `readDeployment(path)` returns the file's text or `undefined` when it does not exist.
 *
 * @example
 * const config = parseConfig(process.env, (file) => (existsSync(file) ? readFileSync(file, "utf8") : undefined));
 */
export function parseConfig(env: ConfigEnv, readDeployment: (file: string) => string | undefined): AppConfig {
  const chainIdText = env.CHAIN_ID?.trim() || String(LOCAL_CHAIN_ID);
  if (!/^[1-9]\d{0,15}$/.test(chainIdText)) {
    throw new ConfigError(`CHAIN_ID must be a positive integer chain id (got "${chainIdText}")`);
  }
  const chainId = Number(chainIdText);
  const isLocal = chainId === LOCAL_CHAIN_ID;
  const rpcUrl = env.RPC_URL?.trim() || (isLocal ? "http://127.0.0.1:8545" : "");
  if (!rpcUrl) throw new ConfigError(`RPC_URL is required for chain ${chainId}`);
  // The value is not echoed: a real RPC URL often carries an API key.
  if (!/^https?:\/\/[^\s]+$/.test(rpcUrl)) throw new ConfigError("RPC_URL must be an http(s) URL");
  const publicRpcUrl = env.PUBLIC_RPC_URL?.trim() || (isLocal ? rpcUrl : RPC_RELAY_PATH);
  if (!/^https?:\/\/[^\s]+$/.test(publicRpcUrl) && publicRpcUrl !== RPC_RELAY_PATH) {
    throw new ConfigError(`PUBLIC_RPC_URL must be an http(s) URL (got "${publicRpcUrl}")`);
  }
  const explorerUrl = env.EXPLORER_URL?.trim().replace(/\/+$/, "") || undefined;
  if (explorerUrl && !/^https?:\/\/[^\s]+$/.test(explorerUrl)) {
    throw new ConfigError(`EXPLORER_URL must be an http(s) URL (got "${explorerUrl}")`);
  }
  const indexerUrl = env.INDEXER_URL?.trim().replace(/\/+$/, "") || undefined;
  if (indexerUrl && !/^https?:\/\/[^\s]+$/.test(indexerUrl)) {
    throw new ConfigError(`INDEXER_URL must be an http(s) URL (got "${indexerUrl}")`);
  }
  const deploymentFile = env.DEPLOYMENT_FILE?.trim() || `contracts-abi/deployments/${chainId}.json`;
  const text = readDeployment(deploymentFile);
  if (text === undefined) {
    throw new ConfigError(
      `no deployment for chain ${chainId}: ${deploymentFile} is missing (run \`npm run dev\` for the local chain, ` +
        "or `npm run deploy -- --rpc <url>` for another network)",
    );
  }
  let deployment: unknown;
  try {
    deployment = JSON.parse(text);
  } catch {
    throw new ConfigError(`${deploymentFile} is not valid JSON`);
  }
  const parsed = deployment as {
    chainId?: unknown;
    deploymentBlock?: unknown;
    blocks?: { multicall3?: unknown };
    contracts?: Record<string, unknown>;
    priceFeeds?: unknown;
  };
  if (parsed.chainId !== chainId) {
    throw new ConfigError(`${deploymentFile} is for chain ${String(parsed.chainId)}, not CHAIN_ID ${chainId}`);
  }
  const address = (name: string): Address => {
    const value = parsed.contracts?.[name];
    if (typeof value !== "string" || !ADDRESS.test(value)) {
      throw new ConfigError(`${deploymentFile} has no valid address for ${name}`);
    }
    return value as Address;
  };
  const multicall3 = parsed.contracts?.multicall3 === undefined ? CANONICAL_MULTICALL3 : address("multicall3");
  const priceFeedsText = env.PRICE_FEEDS?.trim();
  const priceFeeds = priceFeedsText
    ? parsePriceFeeds(priceFeedsText)
    : deploymentPriceFeeds(parsed.priceFeeds, deploymentFile);
  return {
    chainId,
    chainName: env.CHAIN_NAME?.trim() || (isLocal ? "Local chain" : `Chain ${chainId}`),
    rpcUrl,
    publicRpcUrl,
    explorerUrl,
    walletConnectProjectId: env.WALLETCONNECT_PROJECT_ID?.trim() || undefined,
    isLocal,
    deploymentBlock: typeof parsed.deploymentBlock === "number" ? parsed.deploymentBlock : 0,
    contracts: {
      aurunesToken: address("aurunesToken"),
      runeRegistry: address("runeRegistry"),
      revenueDistributor: address("revenueDistributor"),
      stablecoin: address("stablecoin"),
      multicall3,
    },
    multicall3BlockCreated: typeof parsed.blocks?.multicall3 === "number" ? parsed.blocks.multicall3 : undefined,
    priceFeeds,
    priceMaxAgeSeconds: parsePriceMaxAge(env.PRICE_MAX_AGE_SECONDS),
    indexerUrl,
  };
}

/**
 * Parses `PRICE_FEEDS`: comma-separated `<token address>=<feed address>` pairs, ETH as the zero address. Keys come
 * back lowercase; a token named twice, or a malformed pair, is refused with the pair quoted.
 *
 * @example
 * parsePriceFeeds("0x0000000000000000000000000000000000000000=0x694AA1769357215DE4FAC081bf1f309aDC325306")
 * // { "0x0000000000000000000000000000000000000000": "0x694AA1769357215DE4FAC081bf1f309aDC325306" }
 */
export function parsePriceFeeds(text: string): Record<Address, Address> {
  const feeds: Record<Address, Address> = {};
  for (const raw of text.split(",")) {
    const pair = raw.trim();
    if (pair === "") continue; // a trailing comma
    const [token, feed, ...rest] = pair.split("=").map((part) => part.trim());
    if (token === undefined || feed === undefined || rest.length > 0) {
      throw new ConfigError(`PRICE_FEEDS: "${pair}" is not <token address>=<feed address>`);
    }
    if (!ADDRESS.test(token)) throw new ConfigError(`PRICE_FEEDS: "${token}" is not a token address (in "${pair}")`);
    if (!ADDRESS.test(feed)) throw new ConfigError(`PRICE_FEEDS: "${feed}" is not a feed address (in "${pair}")`);
    const key = token.toLowerCase() as Address;
    if (key in feeds) throw new ConfigError(`PRICE_FEEDS names the token ${token} twice`);
    feeds[key] = feed as Address;
  }
  return feeds;
}

/** The deployment file's `priceFeeds` (written by scripts/deploy.ts on the local chain), or none. */
function deploymentPriceFeeds(value: unknown, deploymentFile: string): Record<Address, Address> {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConfigError(`${deploymentFile}: priceFeeds must map token addresses to feed addresses`);
  }
  const feeds: Record<Address, Address> = {};
  for (const [token, feed] of Object.entries(value)) {
    if (!ADDRESS.test(token) || typeof feed !== "string" || !ADDRESS.test(feed)) {
      throw new ConfigError(`${deploymentFile}: priceFeeds has an invalid entry for "${token}"`);
    }
    feeds[token.toLowerCase() as Address] = feed as Address;
  }
  return feeds;
}

/** `PRICE_MAX_AGE_SECONDS`: a whole number of seconds from 1 to a year; default {@link DEFAULT_PRICE_MAX_AGE_SECONDS}. */
function parsePriceMaxAge(text: string | undefined): number {
  const value = text?.trim();
  if (!value) return DEFAULT_PRICE_MAX_AGE_SECONDS;
  const seconds = /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
  if (!(seconds >= 1 && seconds <= 365 * 86_400)) {
    throw new ConfigError(`PRICE_MAX_AGE_SECONDS must be a whole number of seconds from 1 to 31536000 (got "${value}")`);
  }
  return seconds;
}
