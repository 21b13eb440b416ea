import { describe, expect, it } from "vitest";
import { ConfigError, RPC_RELAY_PATH, parseConfig, redactUrl } from "./parse";
import { toPublicConfig } from "./public";
import { checkRelayRequest } from "./rpc-relay";

function deployment(chainId: number): string {
  const address = (n: number) => `0x${n.toString(16).padStart(40, "0")}`;
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
  });
}

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
