/**
 * What the indexer's `*.anvil.test.ts` files share: a seeded demo chain of their own (anvil + deploy + seedDemo,
 * like `npm run dev`, so reverts and long histories never disturb the project's shared test chain), the history
 * indexer started on it (scripts/lib/indexer.ts, PGlite in a temporary directory), both read sides over it, and
 * payments sent the way a real agent's client sends them (receipts signed by the demo agents' own keys).
 * Test support only: every process started here is stopped by the file's afterAll ({@link stopAfterAll}).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  type Address,
  type Hex,
  type PublicClient,
  type TestClient,
  type WalletClient,
  createPublicClient,
  createTestClient,
  createWalletClient,
  defineChain,
  encodeFunctionData,
  http,
  parseEther,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { afterAll, afterEach } from "vitest";
import { revenueDistributorAbi } from "../../contracts-abi/generated";
import { type AuroruneDeployment, deployAurorune, writeDeployment } from "../../scripts/deploy";
import { type RunningAnvil, freePort, startAnvil } from "../../scripts/lib/anvil";
import { type RunningIndexer, startIndexer } from "../../scripts/lib/indexer";
import { demoSignerKey } from "../../scripts/seed-agents";
import { SEED_HISTORY_DAYS, seedDemo } from "../../scripts/seed";
import { anvilAccount } from "../anvil-accounts";
import { FallbackHistorySource, type FallbackHistorySourceOptions } from "../data/fallback-history-source";
import { type IndexedBlock, IndexerClient } from "../data/indexer/indexer-client";
import { IndexerHistorySource } from "../data/indexer/indexer-history-source";
import { RpcHistorySource } from "../data/rpc/rpc-history-source";
import type { CollaborativeReceipt, ServiceReceipt } from "../receipts/eip712";
import { serviceIdFrom } from "../receipts/service-id";
import { signCollaborativeReceipt, signServiceReceipt } from "../receipts/sign";

const DAY = 86_400n;

/** A demo chain of one test file, in a temporary directory of its own. */
export interface SeededChain {
  anvil: RunningAnvil;
  rpcUrl: string;
  deployment: AuroruneDeployment;
  /** The deployment JSON (DEPLOYMENT_FILE of the indexer). */
  deploymentFile: string;
  /** Temporary directory of this chain: deployment, PGlite directories, indexer logs. Deleted by `stop()`. */
  dir: string;
  /** Demo runes by slug. */
  runes: Record<string, Hex>;
  /** Payments the seed made (extra ones included). */
  seededPayments: number;
  publicClient: PublicClient;
  walletClient: WalletClient;
  testClient: TestClient;
  /** Stops anvil and deletes the directory. */
  stop(): Promise<void>;
}

/**
 * Starts anvil 91 days in the past, deploys Aurorune and seeds the demo economy (plus `extraPayments`), as
 * `npm run dev` does. The caller stops it in afterAll.
 */
export async function startSeededChain(options: { extraPayments?: number } = {}): Promise<SeededChain> {
  const now = BigInt(Math.floor(Date.now() / 1000));
  const dir = mkdtempSync(path.join(tmpdir(), "aurorune-indexer-test-"));
  let anvil: RunningAnvil | undefined;
  try {
    anvil = await startAnvil({ timestamp: now - BigInt(SEED_HISTORY_DAYS + 1) * DAY, accounts: 20 });
    const deployment = await deployAurorune({ rpcUrl: anvil.rpcUrl, deploymentsDir: null, env: {} });
    const deploymentFile = writeDeployment(dir, deployment);
    const seed = await seedDemo({ rpcUrl: anvil.rpcUrl, deployment, endAt: now, extraPayments: options.extraPayments ?? 0 });
    const chain = defineChain({
      id: deployment.chainId,
      name: "Anvil",
      nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
      rpcUrls: { default: { http: [anvil.rpcUrl] } },
      contracts: { multicall3: { address: deployment.contracts.multicall3! } },
    });
    // No response size limit: the ground-truth log reads return thousands of logs at once.
    const transport = http(anvil.rpcUrl, { maxResponseBodySize: false });
    const running = anvil;
    return {
      anvil,
      rpcUrl: anvil.rpcUrl,
      deployment,
      deploymentFile,
      dir,
      runes: seed.runes,
      seededPayments: seed.payments,
      publicClient: createPublicClient({ chain, transport, pollingInterval: 50 }) as PublicClient,
      walletClient: createWalletClient({ chain, transport }),
      testClient: createTestClient({ chain, mode: "anvil", transport }),
      async stop() {
        await running.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await anvil?.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** A started indexer and where its files are. */
export interface TestIndexer extends RunningIndexer {
  logFile: string;
  pgliteDir: string;
  /** The indexer's log so far (every start appends to the same file). */
  log(): string;
}

/**
 * Starts the indexer on a chain with its database in `pgliteDir` (reuse it to restart where it stopped), polling
 * every 200 ms. Stop it with `stop()` (SIGINT), also when the test fails.
 */
export async function startTestIndexer(
  chain: SeededChain,
  options: { port: number; pgliteDir: string; logFile: string },
): Promise<TestIndexer> {
  const running = await startIndexer({
    port: options.port,
    env: {
      ...process.env,
      CHAIN_ID: String(chain.deployment.chainId),
      RPC_URL: chain.rpcUrl,
      DEPLOYMENT_FILE: chain.deploymentFile,
      INDEXER_PGLITE_DIR: options.pgliteDir,
      INDEXER_POLLING_INTERVAL_MS: "200",
      // Nothing from the developer's shell: PGlite, the chain's own RPC, ranges learned from the node.
      DATABASE_URL: "",
      INDEXER_RPC_URL: "",
      INDEXER_LOG_BLOCK_RANGE: "",
    },
    log: options.logFile,
  });
  return {
    ...running,
    logFile: options.logFile,
    pgliteDir: options.pgliteDir,
    log: () => {
      try {
        return readFileSync(options.logFile, "utf8");
      } catch {
        return "";
      }
    },
  };
}

/** A free port for an indexer (kept across its restarts, so one client follows it). */
export function indexerPort(): Promise<number> {
  return freePort();
}

/**
 * Waits until the indexer is past its backfill and has indexed the chain's head block (same number and time),
 * and returns that block. Fails with the indexer's progress when `timeoutMs` pass.
 */
export async function waitForIndexedHead(indexerUrl: string, client: PublicClient, timeoutMs = 90_000): Promise<IndexedBlock> {
  const indexer = new IndexerClient(indexerUrl);
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    try {
      const [progress, head] = await Promise.all([indexer.progress(), client.getBlock()]);
      const block = progress.block;
      if (progress.ready && block && block.number === head.number && block.timestamp === Number(head.timestamp)) return block;
      last = `ready ${progress.ready}, indexed block ${block?.number ?? "none"}, head ${head.number}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the indexer did not reach the chain's head within ${timeoutMs} ms (${last})`);
}

/** Both read sides over one chain and indexer, built as lib/data/factory.ts builds them. */
export interface HistorySources {
  rpc: RpcHistorySource;
  indexer: IndexerHistorySource;
  fallback: FallbackHistorySource;
}

export function historySources(chain: SeededChain, indexerUrl: string, fallbackOptions: FallbackHistorySourceOptions = {}): HistorySources {
  const contracts = {
    runeRegistry: chain.deployment.contracts.runeRegistry,
    revenueDistributor: chain.deployment.contracts.revenueDistributor,
    multicall3: chain.deployment.contracts.multicall3!,
  };
  const rpc = new RpcHistorySource(chain.publicClient, { contracts, deploymentBlock: BigInt(chain.deployment.deploymentBlock) });
  const indexer = new IndexerHistorySource(new IndexerClient(indexerUrl), chain.publicClient, { contracts });
  return { rpc, indexer, fallback: new FallbackHistorySource(indexer, rpc, chain.publicClient, fallbackOptions) };
}

/** The chain's own ServicePaid logs up to a block (default: the head): the ground truth of every count. */
export async function chainServicePaid(chain: SeededChain, toBlock?: bigint) {
  return chain.publicClient.getContractEvents({
    address: chain.deployment.contracts.revenueDistributor,
    abi: revenueDistributorAbi,
    eventName: "ServicePaid",
    fromBlock: BigInt(chain.deployment.deploymentBlock),
    toBlock: toBlock ?? "latest",
    strict: true,
  });
}

/** Options of {@link sendPayments}. */
export interface SendPaymentsOptions {
  /** Blocks to mine. */
  blocks: number;
  /** Single-agent payments per block. */
  perBlock: number;
  /** Also one collaborative payment (two runes) in every block. */
  collaborative?: boolean;
  /** Chain time of the first block; each next one is `stepSeconds` later. */
  firstTimestamp: bigint;
  stepSeconds?: bigint;
  /** Makes the service ids (and so the receipts) unique to this call. */
  tag: string;
  /** Amount of each payment in wei (ETH payments), so two branches of a reorg can differ. Default 0.01 ETH. */
  amount?: bigint;
}

/** Runes that accept payments at the end of the seed (loki-sandbox is suspended on day 80). */
const PAYABLE = ["oracle-of-mimir", "skald-translate", "runesmith-audit", "yggdrasil-route", "valkyrie-vision"] as const;

/**
 * Pays demo agents in ETH from seeded payer accounts, `perBlock` payments (and one collaborative one) mined
 * together per block at explicit times, with receipts signed by each agent's own key. Returns the mined blocks
 * and the payments' transaction hashes.
 */
export async function sendPayments(chain: SeededChain, options: SendPaymentsOptions): Promise<{ blocks: bigint[]; hashes: Hex[] }> {
  const { deployment, publicClient, testClient, walletClient } = chain;
  const distributor = deployment.contracts.revenueDistributor;
  const payer = anvilAccount(4);
  const step = options.stepSeconds ?? 60n;
  const amount = options.amount ?? parseEther("0.01");
  let nonce = await publicClient.getTransactionCount({ address: payer, blockTag: "latest" });
  const blocks: bigint[] = [];
  const allHashes: Hex[] = [];
  await testClient.setAutomine(false);
  try {
    for (let b = 0; b < options.blocks; b++) {
      const timestamp = options.firstTimestamp + BigInt(b) * step;
      const deadline = timestamp + DAY;
      const hashes: Hex[] = [];
      const send = async (data: Hex, value: bigint) => {
        hashes.push(
          await walletClient.sendTransaction({ account: payer, chain: walletClient.chain, to: distributor, data, value, gas: 900_000n, nonce: nonce++ }),
        );
      };
      for (let i = 0; i < options.perBlock; i++) {
        const slug = PAYABLE[(b * options.perBlock + i) % PAYABLE.length]!;
        const receipt: ServiceReceipt = {
          rune: chain.runes[slug]!,
          serviceId: serviceIdFrom(`${options.tag}/block-${b}/payment-${i}`),
          payer,
          token: "0x0000000000000000000000000000000000000000",
          amount: amount + BigInt(i),
          deadline,
        };
        const signature = await signServiceReceipt({ signer: privateKeyToAccount(demoSignerKey(slug)), receipt, chainId: deployment.chainId, distributor });
        await send(encodeFunctionData({ abi: revenueDistributorAbi, functionName: "pay", args: [receipt, signature] }), receipt.amount);
      }
      if (options.collaborative) {
        const team = [PAYABLE[b % PAYABLE.length]!, PAYABLE[(b + 1) % PAYABLE.length]!];
        const receipt: CollaborativeReceipt = {
          serviceId: serviceIdFrom(`${options.tag}/block-${b}/team`),
          runes: team.map((slug) => chain.runes[slug]!),
          weightsBps: [7_000, 3_000],
          payer,
          token: "0x0000000000000000000000000000000000000000",
          amount: amount * 3n,
          deadline,
        };
        const signatures = await Promise.all(
          team.map((slug) =>
            signCollaborativeReceipt({ signer: privateKeyToAccount(demoSignerKey(slug)), receipt, chainId: deployment.chainId, distributor }),
          ),
        );
        await send(encodeFunctionData({ abi: revenueDistributorAbi, functionName: "payCollaborative", args: [receipt, signatures] }), receipt.amount);
      }
      await testClient.setNextBlockTimestamp({ timestamp });
      await testClient.mine({ blocks: 1 });
      const receipts = await Promise.all(hashes.map((hash) => publicClient.getTransactionReceipt({ hash })));
      for (const receipt of receipts) {
        if (receipt.status !== "success") throw new Error(`payment ${receipt.transactionHash} reverted`);
      }
      blocks.push(receipts[0]!.blockNumber);
      allHashes.push(...hashes);
    }
  } finally {
    await testClient.setAutomine(true);
  }
  return { blocks, hashes: allHashes };
}

/** The latest block's time (payments after the seed continue from it). */
export async function headTime(chain: SeededChain): Promise<bigint> {
  return (await chain.publicClient.getBlock()).timestamp;
}

/** Address of a demo token by name, as the deployment lists it. */
export function demoTokens(chain: SeededChain): { eth: Address; aurunes: Address; stablecoin: Address } {
  return {
    eth: "0x0000000000000000000000000000000000000000",
    aurunes: chain.deployment.contracts.aurunesToken,
    stablecoin: chain.deployment.contracts.stablecoin,
  };
}

/**
 * The part of an indexer log worth reading when a test failed: without the one-line-per-block lines of live
 * indexing, its last `lines` lines.
 */
export function logExcerpt(log: string, lines = 80): string {
  return log
    .split("\n")
    .filter((line) => !/ Indexed block chain=/.test(line))
    .slice(-lines)
    .join("\n");
}

/**
 * Registers a test file's teardown: after all its tests, stops the indexer (SIGINT) and then the chain, printing
 * the indexer's log first when a test failed (the chain's directory, where the log is, goes with it).
 */
export function stopAfterAll(current: () => { indexer?: TestIndexer; chain?: SeededChain }): void {
  let failed = false;
  afterEach(({ task }) => {
    if (task.result?.state === "fail") failed = true;
  });
  afterAll(async () => {
    const { indexer, chain } = current();
    await indexer?.stop();
    if (failed && indexer) console.error(`indexer log (${indexer.logFile}):\n${logExcerpt(indexer.log())}`);
    await chain?.stop();
  }, 60_000);
}
