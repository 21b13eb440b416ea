import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_PRICE_MAX_AGE_SECONDS, RPC_RELAY_PATH, parseConfig, parsePriceFeeds, redactUrl } from "./parse";
import { toPublicConfig } from "./public";
import { checkRelayRequest } from "./rpc-relay";

const address = (n: number) => `0x${n.toString(16).padStart(40, "0")}`;

function deployment(chainId: number, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    chainId,
    deploymentBlock: 7,
    contracts: {
      aurunesToken: address(1),
      runeRegistry: address(2),
      revenueDistributor: address(3),
      stablecoin: address(4),
      multicall3: address(5),
    },
    ...extra,
  });
}

const ETH = "0x0000000000000000000000000000000000000000";
const USDC = "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48";
const ETH_FEED = "0x5f4eC3Df9cbd43714FE2740f5E3616155c5b8419";
const USDC_FEED = "0x8fFfFfd4AfB6115b954Bd326cbe7B4BA576818f6";

const SECRET_RPC = "https://eth-sepolia.example/v2/secret-api-key";

describe("parseConfig", () => {
  it("gives the browser the local node on the local chain", () => {
    const config = parseConfig({}, () => deployment(31337));
    expect(config.rpcUrl).toBe("http://127.0.0.1:8545");
    expect(config.publicRpcUrl).toBe("http://127.0.0.1:8545");
  });

  it("routes the browser through the relay on another network unless PUBLIC_RPC_URL is set", () => {
    const relayed = parseConfig({ CHAIN_ID: "11155111", RPC_URL: SECRET_RPC }, () => deployment(11155111));
    expect(relayed.publicRpcUrl).toBe(RPC_RELAY_PATH);
    const direct = parseConfig(
      { CHAIN_ID: "11155111", RPC_URL: SECRET_RPC, PUBLIC_RPC_URL: "https://rpc.sepolia.org" },
      () => deployment(11155111),
    );
    expect(direct.publicRpcUrl).toBe("https://rpc.sepolia.org");
  });

  it("never puts the server's RPC URL in what the browser sees", () => {
    const config = parseConfig({ CHAIN_ID: "11155111", RPC_URL: SECRET_RPC }, () => deployment(11155111));
    expect(JSON.stringify(toPublicConfig(config))).not.toContain("secret-api-key");
    expect(toPublicConfig(config).rpcUrl).toBe(RPC_RELAY_PATH);
  });

  it("refuses a malformed RPC URL without echoing it (it may hold a key)", () => {
    expect(() => parseConfig({ RPC_URL: "ftp://secret-api-key@host" }, () => deployment(31337))).toThrow(ConfigError);
    try {
      parseConfig({ RPC_URL: "ftp://secret-api-key@host" }, () => deployment(31337));
    } catch (error) {
      expect((error as Error).message).not.toContain("secret-api-key");
    }
    expect(() => parseConfig({ PUBLIC_RPC_URL: "not a url" }, () => deployment(31337))).toThrow(/PUBLIC_RPC_URL/);
  });

  it("says what is missing", () => {
    expect(() => parseConfig({ CHAIN_ID: "11155111" }, () => deployment(11155111))).toThrow(/RPC_URL is required/);
    expect(() => parseConfig({}, () => undefined)).toThrow(/no deployment for chain 31337/);
    expect(() => parseConfig({ CHAIN_ID: "1" , RPC_URL: SECRET_RPC }, () => deployment(31337))).toThrow(/is for chain 31337/);
  });
});

describe("indexer", () => {
  const file = () => deployment(31337);
  it("reads INDEXER_URL without its trailing slash, keeps it on the server, and is RPC-only without it", () => {
    const config = parseConfig({ INDEXER_URL: " http://127.0.0.1:42069/ " }, file);
    expect(config.indexerUrl).toBe("http://127.0.0.1:42069");
    expect(JSON.stringify(toPublicConfig(config))).not.toContain("42069");
    expect(parseConfig({}, file).indexerUrl).toBeUndefined();
  });

  it("refuses an INDEXER_URL that is not http(s)", () => {
    expect(() => parseConfig({ INDEXER_URL: "127.0.0.1:42069" }, file)).toThrow(new ConfigError('INDEXER_URL must be an http(s) URL (got "127.0.0.1:42069")'));
  });
});

describe("price feeds", () => {
  it("reads PRICE_FEEDS as token=feed pairs, keyed by lowercase token address", () => {
    const config = parseConfig(
      { CHAIN_ID: "1", RPC_URL: SECRET_RPC, PRICE_FEEDS: ` ${ETH}=${ETH_FEED} , ${USDC}=${USDC_FEED},` },
      () => deployment(1),
    );
    expect(config.priceFeeds).toEqual({ [ETH]: ETH_FEED, [USDC.toLowerCase()]: USDC_FEED });
  });

  it("uses the deployment file's priceFeeds when PRICE_FEEDS is not set, and PRICE_FEEDS over them when it is", () => {
    const file = () => deployment(31337, { priceFeeds: { [address(4)]: address(9) } });
    expect(parseConfig({}, file).priceFeeds).toEqual({ [address(4)]: address(9) });
    expect(parseConfig({ PRICE_FEEDS: `${ETH}=${ETH_FEED}` }, file).priceFeeds).toEqual({ [ETH]: ETH_FEED });
    expect(parseConfig({}, () => deployment(31337)).priceFeeds).toEqual({});
  });

  it("refuses malformed PRICE_FEEDS with the offending pair", () => {
    expect(() => parsePriceFeeds(`${ETH}:${ETH_FEED}`)).toThrow(/is not <token address>=<feed address>/);
    expect(() => parsePriceFeeds(`${ETH}=${ETH_FEED}=${ETH_FEED}`)).toThrow(ConfigError);
    expect(() => parsePriceFeeds(`0x1234=${ETH_FEED}`)).toThrow(/"0x1234" is not a token address/);
    expect(() => parsePriceFeeds(`${ETH}=feed`)).toThrow(/"feed" is not a feed address/);
    expect(() => parsePriceFeeds(`${USDC}=${USDC_FEED},${USDC.toLowerCase()}=${ETH_FEED}`)).toThrow(/twice/);
  });

  it("refuses a deployment file whose priceFeeds are malformed", () => {
    expect(() => parseConfig({}, () => deployment(31337, { priceFeeds: [address(9)] }))).toThrow(/priceFeeds must map/);
    expect(() => parseConfig({}, () => deployment(31337, { priceFeeds: { [address(4)]: 7 } }))).toThrow(/invalid entry/);
  });

  it("reads PRICE_MAX_AGE_SECONDS, defaulting to a day and an hour", () => {
    expect(parseConfig({}, () => deployment(31337)).priceMaxAgeSeconds).toBe(DEFAULT_PRICE_MAX_AGE_SECONDS);
    expect(DEFAULT_PRICE_MAX_AGE_SECONDS).toBe(90_000);
    expect(parseConfig({ PRICE_MAX_AGE_SECONDS: " 3600 " }, () => deployment(31337)).priceMaxAgeSeconds).toBe(3_600);
    for (const bad of ["0", "-5", "1.5", "one hour", "31536001"]) {
      expect(() => parseConfig({ PRICE_MAX_AGE_SECONDS: bad }, () => deployment(31337))).toThrow(/PRICE_MAX_AGE_SECONDS must be/);
    }
  });

  it("keeps feeds and staleness out of what the browser sees", () => {
    const config = parseConfig({ PRICE_FEEDS: `${ETH}=${ETH_FEED}` }, () => deployment(31337));
    expect(toPublicConfig(config)).not.toHaveProperty("priceFeeds");
    expect(toPublicConfig(config)).not.toHaveProperty("priceMaxAgeSeconds");
  });
});

describe("redactUrl", () => {
  it("keeps only the origin", () => {
    expect(redactUrl("https://user:pass@eth.example:8443/v2/secret-api-key?x=1")).toBe("https://eth.example:8443");
    expect(redactUrl("nonsense")).toBe("(unparsable URL)");
  });
});

describe("checkRelayRequest", () => {
  it("lets reads through, single or batched", () => {
    expect(checkRelayRequest({ jsonrpc: "2.0", id: 1, method: "eth_call", params: [] })).toBeUndefined();
    expect(
      checkRelayRequest([
        { jsonrpc: "2.0", id: 1, method: "eth_blockNumber" },
        { jsonrpc: "2.0", id: 2, method: "eth_getLogs", params: [] },
      ]),
    ).toBeUndefined();
  });

  it("refuses signing, node administration and malformed bodies", () => {
    expect(checkRelayRequest({ method: "eth_sendTransaction" })?.status).toBe(403);
    expect(checkRelayRequest({ method: "anvil_setBalance" })?.status).toBe(403);
    expect(checkRelayRequest([{ method: "eth_call" }, { method: "evm_increaseTime" }])?.status).toBe(403);
    expect(checkRelayRequest([])?.status).toBe(400);
    expect(checkRelayRequest("eth_call")?.status).toBe(400);
    expect(checkRelayRequest(Array.from({ length: 51 }, () => ({ method: "eth_call" })))?.status).toBe(400);
  });
});
