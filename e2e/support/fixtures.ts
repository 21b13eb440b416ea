import { fileURLToPath } from "node:url";
import { test as base, expect, type Page } from "@playwright/test";
import { type Address, type Hex, createPublicClient, http, numberToHex, type PublicClient } from "viem";
import { anvilAccount } from "../../lib/anvil-accounts";
import { waitForIndexerInStep } from "./indexer-sync";
import { E2E_ANVIL_URL, E2E_HISTORY_SOURCE, E2E_INDEXER_LOG, E2E_INDEXER_URL, E2E_RPC_URL, E2E_SERVER_RPC_PATH } from "./ports";

type JsonRpcReply = { result?: unknown; error?: { code: number; message: string } };

/** Raw JSON-RPC to the e2e anvil node. */
export async function rpc<T>(method: string, params: unknown[] = []): Promise<T> {
  const response = await fetch(E2E_ANVIL_URL, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as JsonRpcReply;
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result as T;
}

/** The chain, for specs: a viem client on anvil and the RPC proxy switch. */
export interface ChainFixture {
  client: PublicClient;
  /** Makes the app's RPC unreachable (or reachable again). */
  setRpcReachable(reachable: boolean): Promise<void>;
}

/** The browser wallet the page sees; the test drives it. */
export interface TestWallet {
  /** Acts as anvil's default account `index` (its key is unlocked on the node). */
  useAccount(index: number): Promise<void>;
  /** The wallet's current chain (it can be told to sit on the wrong one). */
  setChain(chainId: number): Promise<void>;
  /** The next request of these methods fails with 4001 (user rejected). */
  rejectNext(method: "eth_requestAccounts" | "eth_sendTransaction" | "eth_signTypedData_v4" | "wallet_sendCalls"): void;
  /** Whether the wallet reports EIP-5792 atomic batches (`wallet_getCapabilities`) and runs `wallet_sendCalls`. Default: no. */
  supportBatches(supported: boolean): void;
  /** Whether the wallet can sign typed data (EIP-712 permits). Default: yes; no answers 4200 (unsupported method). */
  supportTypedData(supported: boolean): void;
  /** The next request of this method never gets an answer (a locked or stuck extension). */
  hangNext(method: "eth_requestAccounts"): void;
  address(): Address;
  chainId(): number;
  /** How many times the page asked for `method`. */
  requestCount(method: string): number;
}

/**
 * How many history reads the app server made through its RPC read side (lib/data/rpc), counted by the proxy on
 * the server's own path (the browser's calls are not counted): every such read asks for the finalized block
 * (nothing else on the server does) and most read logs (eth_getLogs), though reads at a head already read share
 * one log read. While the indexer answers, neither moves. Indexer pass only (the other pass's server has no path
 * of its own).
 */
export async function serverRpcHistoryReads(): Promise<number> {
  const counts = (await (await fetch(`${E2E_RPC_URL}/__rpc-counts`)).json()) as Record<string, number>;
  return (counts[`${E2E_SERVER_RPC_PATH} eth_getLogs`] ?? 0) + (counts[`${E2E_SERVER_RPC_PATH} eth_getBlockByNumber:finalized`] ?? 0);
}

/** Waits until the indexer of the indexer pass has the chain's head (see e2e/support/indexer-sync.ts). */
export function indexerInStep(timeoutMs = 60_000): Promise<void> {
  return waitForIndexerInStep(E2E_INDEXER_URL, E2E_ANVIL_URL, timeoutMs, `; its log: ${E2E_INDEXER_LOG}`);
}

/** Most blocks a spec of the indexer pass may mine: the revert after it is a reorg the indexer must follow. */
const MAX_REVERTED_BLOCKS = 25n;

export const test = base.extend<{ chain: ChainFixture; wallet: TestWallet; historyFromIndexer: boolean }>({
  /**
   * In the indexer pass (E2E_HISTORY_SOURCE=indexer), whether every history read of the app server during the
   * spec must come from the indexer, none from the RPC fallback. A spec that makes the app fall back on purpose
   * turns it off.
   */
  historyFromIndexer: [true, { option: true }],
  // Every spec starts from the seeded chain: snapshot before, revert after. In the indexer pass, a spec also
  // starts only once the indexer has the chain's head, and fails if the app server read history through its RPC
  // read side meanwhile: its history pages, API or CSV then came from the fallback, not from the indexer.
  chain: [
    async ({ historyFromIndexer }, use) => {
      const indexerPass = E2E_HISTORY_SOURCE === "indexer";
      if (indexerPass) await indexerInStep();
      const rpcReadsBefore = indexerPass ? await serverRpcHistoryReads() : 0;
      const snapshot = await rpc<Hex>("evm_snapshot");
      const startBlock = BigInt(await rpc<Hex>("eth_blockNumber"));
      const client = createPublicClient({ transport: http(E2E_ANVIL_URL) }) as PublicClient;
      await use({
        client,
        async setRpcReachable(reachable) {
          await fetch(`${E2E_RPC_URL}/${reachable ? "__rpc-up" : "__rpc-down"}`, { method: "POST" });
        },
      });
      await fetch(`${E2E_RPC_URL}/__rpc-up`, { method: "POST" });
      const rpcReads = indexerPass ? (await serverRpcHistoryReads()) - rpcReadsBefore : 0;
      const mined = BigInt(await rpc<Hex>("eth_blockNumber")) - startBlock;
      await rpc("evm_revert", [snapshot]);
      if (indexerPass) {
        if (mined > MAX_REVERTED_BLOCKS) {
          throw new Error(
            `this spec mined ${mined} blocks: reverting them is a reorg deeper than the indexer can follow (Ponder reconciles 30 on chain 31337, then exits). Mine at most ${MAX_REVERTED_BLOCKS}, or keep the spec out of the indexer pass (playwright.config.ts)`,
          );
        }
        // The revert is a reorg for the indexer: the next spec starts once it has reconciled it. Started again
        // on its own database first, in case the spec stopped or replaced it.
        const restarted = await fetch(`${E2E_RPC_URL}/__indexer-start`, { method: "POST" });
        if (!restarted.ok) throw new Error(`the chain server could not start the indexer again: ${await restarted.text()}`);
        await indexerInStep();
        if (historyFromIndexer) {
          expect(rpcReads, "history reads of the app server that went to the chain (its RPC read side), not to the indexer").toBe(0);
        }
      }
    },
    { auto: true },
  ],
  wallet: async ({ page }, use) => {
    const state = {
      account: anvilAccount(7),
      chainId: 31337,
      connected: false,
      reject: new Set<string>(),
      hang: new Set<string>(),
      batches: false,
      typedData: true,
    };
    const batches = new Map<string, Hex[]>();
    const counts = new Map<string, number>();
    const emit = (pageRef: Page, event: string, value: unknown) =>
      pageRef.evaluate(([e, v]) => (window as unknown as { __testWallet: { emit(e: string, v: unknown): void } }).__testWallet.emit(e as string, v), [event, value] as const);
    await page.exposeFunction("__testWalletRequest", async ({ method, params }: { method: string; params: unknown[] }): Promise<JsonRpcReply> => {
      counts.set(method, (counts.get(method) ?? 0) + 1);
      if (state.reject.delete(method)) return { error: { code: 4001, message: "User rejected the request." } };
      if (state.hang.delete(method)) return new Promise<never>(() => {});
      switch (method) {
        case "eth_chainId":
          return { result: numberToHex(state.chainId) };
        case "net_version":
          return { result: String(state.chainId) };
        case "eth_accounts":
          return { result: state.connected ? [state.account] : [] };
        case "eth_requestAccounts":
          state.connected = true;
          return { result: [state.account] };
        case "wallet_requestPermissions":
          state.connected = true;
          return { result: [{ parentCapability: "eth_accounts" }] };
        case "wallet_getPermissions":
          return { result: state.connected ? [{ parentCapability: "eth_accounts" }] : [] };
        case "wallet_revokePermissions":
          state.connected = false;
          return { result: null };
        case "wallet_switchEthereumChain": {
          const requested = Number((params[0] as { chainId: Hex }).chainId);
          if (requested !== 31337 && requested !== 1) return { error: { code: 4902, message: "Unrecognized chain." } };
          state.chainId = requested;
          void emit(page, "chainChanged", numberToHex(requested));
          return { result: null };
        }
        case "wallet_getCapabilities":
          if (!state.batches) return { error: { code: 4200, message: "The wallet does not support wallet_getCapabilities." } };
          return { result: { [numberToHex(state.chainId)]: { atomic: { status: "supported" } } } };
        case "wallet_sendCalls": {
          if (!state.batches) return { error: { code: 4200, message: "The wallet does not support wallet_sendCalls." } };
          // All or nothing, as an atomic batch must be: every call in one block, or none if one would fail.
          const [{ calls }] = params as [{ calls: { to: Address; data?: Hex; value?: Hex }[] }];
          const snapshot = await rpc<Hex>("evm_snapshot");
          await rpc("evm_setAutomine", [false]);
          const hashes: Hex[] = [];
          try {
            // An explicit gas limit: a later call cannot be estimated before the earlier ones are mined.
            for (const call of calls) hashes.push(await rpc<Hex>("eth_sendTransaction", [{ ...call, from: state.account, gas: "0x7a120" }]));
            await rpc("evm_mine");
          } finally {
            await rpc("evm_setAutomine", [true]);
          }
          const receipts = await Promise.all(hashes.map((hash) => rpc<{ status: Hex }>("eth_getTransactionReceipt", [hash])));
          if (receipts.some((receipt) => receipt.status !== "0x1")) {
            await rpc("evm_revert", [snapshot]);
            return { error: { code: 5760, message: "The batch reverted: nothing was executed." } };
          }
          const id = `0x${hashes[0]!.slice(2, 66).padEnd(64, "0")}` as Hex;
          batches.set(id, hashes);
          return { result: { id } };
        }
        case "wallet_getCallsStatus": {
          const [id] = params as [Hex];
          const hashes = batches.get(id);
          if (!hashes) return { error: { code: 5730, message: "Unknown bundle id." } };
          const receipts = await Promise.all(hashes.map((hash) => rpc<Record<string, unknown>>("eth_getTransactionReceipt", [hash])));
          return {
            result: { version: "2.0.0", id, chainId: numberToHex(state.chainId), atomic: true, status: 200, receipts },
          };
        }
        case "eth_signTypedData_v4":
          if (!state.typedData) return { error: { code: 4200, message: "The wallet does not support eth_signTypedData_v4." } };
          return forward(method, params);
        case "eth_sendTransaction": {
          const [tx] = params as [Record<string, unknown>];
          return forward(method, [{ ...tx, from: state.account }]);
        }
        default:
          return forward(method, params);
      }
    });
    await page.addInitScript({ path: fileURLToPath(new URL("./wallet-provider.js", import.meta.url)) });
    await use({
      async useAccount(index) {
        state.account = anvilAccount(index);
        if (state.connected) await emit(page, "accountsChanged", [state.account]);
      },
      async setChain(chainId) {
        state.chainId = chainId;
        if (state.connected) await emit(page, "chainChanged", numberToHex(chainId));
      },
      rejectNext(method) {
        state.reject.add(method);
      },
      supportBatches(supported) {
        state.batches = supported;
      },
      supportTypedData(supported) {
        state.typedData = supported;
      },
      hangNext(method) {
        state.hang.add(method);
      },
      address: () => state.account,
      requestCount: (method) => counts.get(method) ?? 0,
      chainId: () => state.chainId,
    });
  },
});

async function forward(method: string, params: unknown[]): Promise<JsonRpcReply> {
  const response = await fetch(E2E_ANVIL_URL, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  return (await response.json()) as JsonRpcReply;
}

export { expect } from "@playwright/test";
