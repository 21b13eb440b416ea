import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CreateConnectorFn } from "wagmi";
import { ConnectProblemStore, WalletConnectTimeoutError, withConnectTimeout } from "./connect-timeout";

type Connector = ReturnType<CreateConnectorFn>;

/** A connector stub whose connect answers as told and reads `this`, as wagmi's injected connector does. */
function stubConnector(answer: () => Promise<unknown>): CreateConnectorFn {
  return (() => ({
    id: "stub",
    name: "Stub Wallet",
    type: "injected",
    marker: "the connector",
    async connect(this: { marker?: string }) {
      if (this.marker !== "the connector") throw new Error("connect lost its `this`");
      return answer();
    },
  })) as unknown as CreateConnectorFn;
}

const setup = (fn: CreateConnectorFn) => fn({} as Parameters<CreateConnectorFn>[0]) as Connector;

describe("withConnectTimeout", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("gives up on a wallet that never answers, with a message saying so", async () => {
    const problems = new ConnectProblemStore();
    const connector = setup(withConnectTimeout(stubConnector(() => new Promise(() => {})), 30_000, problems));
    const attempt = connector.connect();
    const outcome = expect(attempt).rejects.toBeInstanceOf(WalletConnectTimeoutError);
    await vi.advanceTimersByTimeAsync(30_000);
    await outcome;
    expect(problems.snapshot()).toBe(
      "Stub Wallet did not answer within 30 seconds. Open the wallet and check that it is unlocked, then press Retry, or choose another wallet.",
    );
  });

  it("reports nothing for a silent reconnect on page load (there is no dialog to show it in)", async () => {
    const problems = new ConnectProblemStore();
    const connector = setup(withConnectTimeout(stubConnector(() => new Promise(() => {})), 30_000, problems));
    const attempt = connector.connect({ isReconnecting: true });
    const outcome = expect(attempt).rejects.toBeInstanceOf(WalletConnectTimeoutError);
    await vi.advanceTimersByTimeAsync(30_000);
    await outcome;
    expect(problems.snapshot()).toBeUndefined();
  });

  it("passes a prompt answer through, keeps the connector as `this`, and clears an earlier problem", async () => {
    const problems = new ConnectProblemStore();
    problems.report("earlier problem");
    const connector = setup(withConnectTimeout(stubConnector(async () => ({ accounts: ["0x1"], chainId: 1 })), 30_000, problems));
    await expect(connector.connect()).resolves.toEqual({ accounts: ["0x1"], chainId: 1 });
    expect(problems.snapshot()).toBeUndefined();
  });

  it("leaves other failures (a rejection) as they are, with no timeout message", async () => {
    const problems = new ConnectProblemStore();
    const rejected = new Error("User rejected the request.");
    const connector = setup(withConnectTimeout(stubConnector(() => Promise.reject(rejected)), 30_000, problems));
    await expect(connector.connect()).rejects.toBe(rejected);
    expect(problems.snapshot()).toBeUndefined();
  });
});
