/**
 * The history indexer under the failures it must survive, on a demo chain of its own with a few thousand extra
 * payments (so its backfill takes seconds): killed mid-backfill, stopped and restarted, reorged (snapshot/revert
 * and anvil_reorg). After each it must hold exactly the chain's payments (no loss, no duplicate, nothing of a
 * replaced block) and answer as the RPC read side does; meanwhile FallbackHistorySource serves the RPC's answers
 * and says why. The tests run in order on one chain and one indexer database.
 */
import { rmSync } from "node:fs";
import { sql } from "@ponder/client";
import { type Hex, parseEther } from "viem";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { revenueDistributorAbi } from "../../../contracts-abi/generated";
import {
  type HistorySources,
  type SeededChain,
  type TestIndexer,
  chainServicePaid,
  headTime,
  historySources,
  indexerPort,
  sendPayments,
  startSeededChain,
  startTestIndexer,
  waitForIndexedHead,
  stopAfterAll,
} from "../../test/indexer-harness";
import type { HistorySource, PaymentPage, PaymentQuery } from "../history-source";
import { type IndexedBlock, IndexerClient } from "./indexer-client";

const EXTRA_PAYMENTS = 2_000;
const DAY = 86_400;

let chain: SeededChain | undefined;
let indexer: TestIndexer | undefined;
let port: number;
let sources: HistorySources;
let pgliteDir: string;
let logFile: string;

beforeAll(async () => {
  chain = await startSeededChain({ extraPayments: EXTRA_PAYMENTS });
  port = await indexerPort();
  pgliteDir = `${chain.dir}/pglite`;
  logFile = `${chain.dir}/indexer.log`;
  // Short waits for an indexer a block behind: these tests look at the fallback's choice, not its patience.
  sources = historySources(chain, `http://127.0.0.1:${port}`, { maxWaitMs: 1_000 });
}, 120_000);

stopAfterAll(() => ({ indexer, chain }));

async function start(): Promise<TestIndexer> {
  indexer = await startTestIndexer(chain!, { port, pgliteDir, logFile });
  return indexer;
}

/**
 * Counts straight from the indexer's tables (through the views the app reads), up to a block named by its number
 * and time like the app's queries (Ponder caches answers by query text, and a reorg does not clear that cache).
 */
async function tableCounts(block: IndexedBlock): Promise<{ payments: number; distinctIds: number; dayPayments: number; collaborative: number }> {
  const client = new IndexerClient(indexer!.url);
  const upTo = sql`block_number <= ${block.number.toString()} and timestamp <= ${block.timestamp}`;
  const [[payments], [days], [collaborative]] = await Promise.all([
    client.query<{ n: number; d: number }>(sql`select count(*)::int as n, count(distinct id)::int as d from payment_view where ${upTo}`),
    client.query<{ n: number }>(sql`select coalesce(sum(payment_count), 0)::int as n from revenue_day_view where day * 86400 <= ${block.timestamp}`),
    client.query<{ n: number }>(sql`select count(*)::int as n from collaborative_payment_view where ${upTo}`),
  ]);
  return { payments: payments!.n, distinctIds: payments!.d, dayPayments: days!.n, collaborative: collaborative!.n };
}

/** Every page of a query, newest first, through `older` cursors. */
async function allPages(source: HistorySource, query: PaymentQuery): Promise<PaymentPage[]> {
  const pages = [await source.listPayments(query)];
  while (pages.at(-1)!.older) pages.push(await source.listPayments({ ...query, before: pages.at(-1)!.older }));
  return pages;
}

/**
 * The indexer holds exactly the chain's payments and answers like the RPC read side: counts against the chain's
 * own logs (no loss, no duplicate, no day counted twice), then every payment page by page, every rune's totals
 * and daily series, the agents.
 */
async function expectIndexerMatchesChain(label: string): Promise<void> {
  const block = await waitForIndexedHead(indexer!.url, chain!.publicClient);
  const logs = await chainServicePaid(chain!, block.number);
  const collaborativeLogs = await chain!.publicClient.getContractEvents({
    address: chain!.deployment.contracts.revenueDistributor,
    abi: revenueDistributorAbi,
    eventName: "CollaborativeServicePaid",
    fromBlock: BigInt(chain!.deployment.deploymentBlock),
    toBlock: block.number,
  });
  expect(await tableCounts(block), `${label}: table counts`).toEqual({
    payments: logs.length,
    distinctIds: logs.length,
    dayPayments: logs.length,
    collaborative: collaborativeLogs.length,
  });
  const reads = sources.indexer.at(block);
  const { rpc } = sources;
  const [rpcPages, indexerPages] = await Promise.all([allPages(rpc, { pageSize: 1000 }), allPages(reads, { pageSize: 1000 })]);
  expect(indexerPages, `${label}: every payment`).toEqual(rpcPages);
  expect(indexerPages.flatMap((page) => page.rows)).toHaveLength(logs.length);
  expect(await reads.revenueTotals({ since: 0 }), `${label}: totals`).toEqual(await rpc.revenueTotals({ since: 0 }));
  const since = block.timestamp - 12 * DAY - 4_321;
  expect(await reads.revenueTotals({ since }), `${label}: recent totals`).toEqual(await rpc.revenueTotals({ since }));
  for (const rune of Object.values(chain!.runes)) {
    const range = { rune, from: 0, to: block.timestamp + 1 };
    expect(await reads.revenueSeries(range), `${label}: series of ${rune}`).toEqual(await rpc.revenueSeries(range));
    const page = { rune, pageSize: 50 };
    expect(await reads.listPayments(page), `${label}: newest page of ${rune}`).toEqual(await rpc.listPayments(page));
  }
  const collaborative = { collaborative: true, pageSize: 1000 };
  expect(await reads.listPayments(collaborative), `${label}: collaborative`).toEqual(await rpc.listPayments(collaborative));
  expect(await reads.listAgents(), `${label}: agents`).toEqual(await rpc.listAgents());
}

/** The fallback's answers are the RPC's (the same reads at the same head). */
async function expectFallbackServesRpc(label: string): Promise<void> {
  const { fallback, rpc } = sources;
  const rune = chain!.runes["oracle-of-mimir"]!;
  expect(await fallback.listPayments({ rune, pageSize: 20 }), `${label}: page`).toEqual(await rpc.listPayments({ rune, pageSize: 20 }));
  expect(await fallback.revenueTotals({ since: 0 }), `${label}: totals`).toEqual(await rpc.revenueTotals({ since: 0 }));
  expect(await fallback.getAgent(rune), `${label}: agent`).toEqual(await rpc.getAgent(rune));
}

/** Events the indexer processed per "Indexed block range" / "Indexed block" line of a part of its log. */
function indexedEvents(log: string): number {
  return [...log.matchAll(/Indexed block(?: range)? .*?event_count=(\d+)/g)].reduce((sum, match) => sum + Number(match[1]), 0);
}

describe("the history indexer's reliability", () => {
  it("with no indexer running, the app reads the RPC and says the indexer is unreachable", async () => {
    expect(await sources.fallback.freshness()).toEqual({ source: "rpc", reason: "unreachable" });
    await expectFallbackServesRpc("unreachable");
  });

  it(
    "killed mid-backfill (SIGKILL): restarted on its database it resumes or, with a half-written batch, refuses to start; the app reads the RPC meanwhile; a new database ends with exactly the chain's payments",
    { timeout: 150_000 },
    async () => {
      await start();
      const client = new IndexerClient(indexer!.url);
      const logs = await chainServicePaid(chain!);
      // Kill it as soon as the backfill has written part of the history.
      let seen = 0;
      let ready = false;
      let sawBackfilling = false;
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        const progress = await client.progress().catch(() => undefined);
        ready = progress?.ready ?? false;
        if (ready) break;
        if (progress) {
          if (!sawBackfilling) {
            // While it backfills, the app serves the RPC's answers and says why.
            expect(await sources.fallback.freshness()).toMatchObject({ source: "rpc", reason: "backfilling" });
            await expectFallbackServesRpc("backfilling");
            sawBackfilling = true;
          }
          seen = (await client.query<{ n: number }>(sql`select count(*)::int as n from payment_view`).catch(() => [{ n: 0 }]))[0]!.n;
          if (seen > 0) break;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(ready, "the backfill ended before the test could kill it: give it more history").toBe(false);
      expect(seen).toBeGreaterThan(0);
      expect(seen).toBeLessThan(logs.length);
      const exited = new Promise((resolve) => indexer!.process.once("exit", resolve));
      indexer!.process.kill("SIGKILL");
      await exited;
      expect(await sources.fallback.freshness()).toEqual({ source: "rpc", reason: "unreachable" });

      // Ponder 0.16 runs no database transaction on PGlite (its query builder's `transaction` is a plain call
      // there): a batch of the backfill is written table by table and its checkpoint last, so a stop between two
      // of its statements leaves rows past the checkpoint, and the next start indexes them again and fails on the
      // first primary key. It waits out the dead process's lock (up to 25 s) first.
      const before = indexer!.log().length;
      await start();
      const restarted = await indexer!.ready(90_000).then(
        () => "ready" as const,
        () => "refused" as const,
      );
      const restartLog = indexer!.log().slice(before);
      expect(restartLog).toMatch(/Detected crash recovery/);
      console.info(`restarted after a kill mid-backfill (${seen} payments written): ${restarted}`);
      if (restarted === "refused") {
        // Its last lines may reach the log file a moment after it exited.
        await vi.waitFor(() => expect(indexer!.log().slice(before)).toMatch(/Primary key conflict/), { timeout: 5_000 });
        expect(indexer!.process.exitCode).toBe(1);
        // Nothing wrong was served: the app reads the chain.
        expect(await sources.fallback.freshness()).toEqual({ source: "rpc", reason: "unreachable" });
        await expectFallbackServesRpc("refused to start");
        // The supported recovery: a new database, indexed from the deployment block (npm run dev starts each
        // chain on a new one).
        rmSync(pgliteDir, { recursive: true, force: true });
        await start();
      }
      await expectIndexerMatchesChain(`after a kill mid-backfill (${restarted})`);
    },
  );

  it("killed while following the chain (SIGKILL), it resumes from its last final block with nothing lost or doubled", { timeout: 90_000 }, async () => {
    await waitForIndexedHead(indexer!.url, chain!.publicClient);
    const exited = new Promise((resolve) => indexer!.process.once("exit", resolve));
    indexer!.process.kill("SIGKILL");
    await exited;
    const { hashes } = await sendPayments(chain!, { blocks: 3, perBlock: 4, collaborative: true, firstTimestamp: (await headTime(chain!)) + 60n, tag: "while-killed" });
    await expectFallbackServesRpc("killed");
    const before = indexer!.log().length;
    await start();
    await expectIndexerMatchesChain("after a kill while live");
    expect(await paymentsOf(hashes)).toBe(hashes.length + 3);
    const restartLog = indexer!.log().slice(before);
    expect(restartLog).toMatch(/Detected crash recovery/);
    expect(Number(/Started backfill indexing .*?block_range=\[(\d+),/.exec(restartLog)?.[1])).toBeGreaterThan(chain!.deployment.deploymentBlock + 100);
  });

  it("stopped (SIGINT) and restarted, it resumes where it stopped, not from the first block, and picks up new payments", { timeout: 90_000 }, async () => {
    await waitForIndexedHead(indexer!.url, chain!.publicClient);
    const eventsSoFar = indexedEvents(indexer!.log());
    await indexer!.stop();
    expect(indexer!.process.exitCode).toBe(0);
    expect(await sources.fallback.freshness()).toEqual({ source: "rpc", reason: "unreachable" });

    // Payments while it is down; the app serves them from the RPC.
    const { hashes } = await sendPayments(chain!, { blocks: 4, perBlock: 5, collaborative: true, firstTimestamp: (await headTime(chain!)) + 60n, tag: "while-stopped" });
    expect(hashes).toHaveLength(24);
    await expectFallbackServesRpc("stopped");

    const before = indexer!.log().length;
    await start();
    await expectIndexerMatchesChain("after a restart");
    expect(await paymentsOf(hashes)).toBe(hashes.length + 4);
    const restartLog = indexer!.log().slice(before);
    expect(restartLog).toMatch(/Detected crash recovery/);
    // Its backfill starts at its last final block, not at the deployment block…
    const range = /Started backfill indexing .*?block_range=\[(\d+),(\d+)\]/.exec(restartLog);
    expect(range, restartLog).not.toBeNull();
    expect(Number(range![1])).toBeGreaterThan(chain!.deployment.deploymentBlock + 100);
    // …and it indexes a small part of the history again, not all of it.
    expect(indexedEvents(restartLog)).toBeLessThan(eventsSoFar / 4);
    expect(await sources.fallback.freshness()).toMatchObject({ source: "indexer" });
  });

  it("a revert of recent blocks (evm_snapshot / evm_revert) and a shorter branch: rows of the replaced blocks go, the new ones come", { timeout: 60_000 }, async () => {
    await waitForIndexedHead(indexer!.url, chain!.publicClient);
    const snapshot = await chain!.testClient.snapshot();
    const start = await headTime(chain!);
    const first = await sendPayments(chain!, { blocks: 5, perBlock: 3, collaborative: true, firstTimestamp: start + 60n, tag: "branch-a" });
    await expectIndexerMatchesChain("branch A");
    expect(await paymentsOf(first.hashes)).toBe(first.hashes.length + 5); // a collaborative payment logs two shares

    await chain!.testClient.revert({ id: snapshot });
    // Fewer blocks, other payments, other times: the head's number goes back, the indexer must notice.
    const second = await sendPayments(chain!, {
      blocks: 3,
      perBlock: 4,
      collaborative: true,
      firstTimestamp: start + 90n,
      stepSeconds: 77n,
      tag: "branch-b",
      amount: parseEther("0.02"),
    });
    // Whatever the indexer has seen yet, the fallback never answers from a block the chain no longer has.
    const freshness = await sources.fallback.freshness();
    if (freshness.source === "indexer") {
      const head = await chain!.publicClient.getBlock();
      expect(freshness.block).toEqual({ number: head.number, timestamp: Number(head.timestamp) });
    }
    await expectIndexerMatchesChain("after the revert");
    expect(await paymentsOf(first.hashes)).toBe(0);
    expect(await paymentsOf(second.hashes)).toBe(second.hashes.length + 3);
    expect(indexer!.log()).toMatch(/Reorged block/);
  });

  it("anvil_reorg replaces the last blocks at the same height: the indexer and its answers follow", { timeout: 60_000 }, async () => {
    const sent = await sendPayments(chain!, { blocks: 3, perBlock: 3, collaborative: true, firstTimestamp: (await headTime(chain!)) + 60n, tag: "before-reorg" });
    // Read everything at the head first: answers at this block number must not outlive its replacement.
    await expectIndexerMatchesChain("before anvil_reorg");
    const head = await chain!.publicClient.getBlock();
    // Two blocks replaced by empty ones (anvil 1.7.1 drops their transactions), at the same height.
    await chain!.testClient.request({ method: "anvil_reorg", params: [2, []] } as never);
    const after = await chain!.publicClient.getBlock();
    expect(after.number).toBe(head.number);
    expect(after.hash).not.toBe(head.hash);
    await expectIndexerMatchesChain("after anvil_reorg");
    const onChain = (await chainServicePaid(chain!)).filter((log) => sent.hashes.includes(log.transactionHash)).length;
    expect(onChain).toBe(5); // the first block's: three payments and a collaborative one's two shares
    expect(await paymentsOf(sent.hashes)).toBe(onChain);
  });

  it("in step with the chain, the fallback reads the indexer", async () => {
    const block = await waitForIndexedHead(indexer!.url, chain!.publicClient);
    expect(await sources.fallback.freshness()).toEqual({ source: "indexer", block });
    const rune = chain!.runes["skald-translate"]!;
    expect(await sources.fallback.listPayments({ rune })).toEqual(await sources.rpc.listPayments({ rune }));
  });
});

/** How many payment rows the indexer holds from these transactions, at the head it has indexed. */
async function paymentsOf(hashes: Hex[]): Promise<number> {
  const client = new IndexerClient(indexer!.url);
  const block = await waitForIndexedHead(indexer!.url, chain!.publicClient);
  const lowered = hashes.map((hash) => hash.toLowerCase());
  const [row] = await client.query<{ n: number }>(
    sql`select count(*)::int as n from payment_view
      where block_number <= ${block.number.toString()} and timestamp <= ${block.timestamp}
      and transaction_hash in (${sql.join(lowered.map((hash) => sql`${hash}`), sql`, `)})`,
  );
  return row!.n;
}
