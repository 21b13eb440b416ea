import { describe, expect, it } from "vitest";
import { probeRpc } from "./rpc-probe";

const answering = (status: number, body: unknown): typeof fetch =>
  (async () => new Response(JSON.stringify(body), { status })) as typeof fetch;

describe("probeRpc", () => {
  it("is reachable only when the node answers the expected chain id", async () => {
    expect(await probeRpc("http://rpc", 31337, { fetch: answering(200, { result: "0x7a69" }) })).toBe("reachable");
    expect(await probeRpc("http://rpc", 31337, { fetch: answering(200, { result: "0x1" }) })).toBe("wrong-chain");
  });

  it("is unreachable on a network error, an HTTP error, a JSON-RPC error or garbage", async () => {
    const failing = (async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof fetch;
    expect(await probeRpc("http://rpc", 31337, { fetch: failing })).toBe("unreachable");
    expect(await probeRpc("http://rpc", 31337, { fetch: answering(502, { result: "0x7a69" }) })).toBe("unreachable");
    expect(await probeRpc("http://rpc", 31337, { fetch: answering(200, { error: { code: -32000, message: "down" } }) })).toBe("unreachable");
    expect(await probeRpc("http://rpc", 31337, { fetch: answering(200, { result: "nope" }) })).toBe("unreachable");
  });

  it("gives up on a node that never answers", async () => {
    const hanging = ((_: unknown, init?: RequestInit) =>
      new Promise((_, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)))) as typeof fetch;
    expect(await probeRpc("http://rpc", 31337, { fetch: hanging, timeoutMs: 20 })).toBe("unreachable");
  });
});
