/**
 * The two read sides agree: on a seeded demo chain of its own (lib/test/indexer-harness.ts: ~411 payments over
 * 90 days in ETH, AURUNES and tUSD, collaborative ones included, several per block), once the indexer has indexed
 * the head block, IndexerHistorySource answers every query exactly as RpcHistorySource does (deep equality,
 * bigints and all), and paging through either walks exactly the chain's own ServicePaid logs.
 */
import type { Address, Hex } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type SeededChain,
  type TestIndexer,
  chainServicePaid,
  demoTokens,
  historySources,
  indexerPort,
  startSeededChain,
  startTestIndexer,
  waitForIndexedHead,
  stopAfterAll,
} from "../../test/indexer-harness";
import type { HistorySource, PaymentPage, PaymentPosition, PaymentQuery } from "../history-source";
import type { IndexedBlock } from "./indexer-client";

const DAY = 86_400;
const UNKNOWN_RUNE: Hex = `0x${"ab".repeat(32)}`;

let chain: SeededChain | undefined;
let indexer: TestIndexer | undefined;
let rpc: HistorySource;
let indexed: HistorySource;
let head: IndexedBlock;
let runes: Hex[];
let tokens: ReturnType<typeof demoTokens>;
/** Time of the first seeded block (the chain's history starts here). */
let firstTime: number;

beforeAll(async () => {
  chain = await startSeededChain();
  const port = await indexerPort();
  indexer = await startTestIndexer(chain, { port, pgliteDir: `${chain.dir}/pglite`, logFile: `${chain.dir}/indexer.log` });
  head = await waitForIndexedHead(indexer.url, chain.publicClient);
  const sources = historySources(chain, indexer.url);
  rpc = sources.rpc;
  indexed = sources.indexer;
  runes = Object.values(chain.runes);
  tokens = demoTokens(chain);
  firstTime = Number((await chain.publicClient.getBlock({ blockNumber: BigInt(chain.deployment.deploymentBlock) })).timestamp);
}, 180_000);

stopAfterAll(() => ({ indexer, chain }));

/** Both answers to one call, the RPC's first. */
async function both<T>(call: (source: HistorySource) => Promise<T>): Promise<[T, T]> {
  return Promise.all([call(rpc), call(indexed)]);
}

/** Asserts both sources give the same answer and returns it. */
async function same<T>(label: string, call: (source: HistorySource) => Promise<T>): Promise<T> {
  const [fromRpc, fromIndexer] = await both(call);
  expect(fromIndexer, label).toEqual(fromRpc);
  return fromRpc;
}

function describeQuery(query: PaymentQuery): string {
  return JSON.stringify(query, (_, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
}

/**
 * Walks every page of a query from the newest through `older` cursors, then back through `newer` cursors, each
 * page compared; returns the rows of the walk towards older pages.
 */
async function walkBothWays(query: PaymentQuery): Promise<PaymentPage[]> {
  const pages: PaymentPage[] = [];
  let page = await same(`newest page ${describeQuery(query)}`, (source) => source.listPayments(query));
  pages.push(page);
  while (page.older) {
    const next: PaymentQuery = { ...query, before: page.older };
    page = await same(`older page ${describeQuery(next)}`, (source) => source.listPayments(next));
    pages.push(page);
    expect(pages.length, "more pages than payments").toBeLessThanOrEqual(page.total + 1);
  }
  // Back from the oldest page to the newest: the same pages, whatever the page size's alignment.
  const back: PaymentPage[] = [page];
  while (page.newer) {
    const next: PaymentQuery = { ...query, after: page.newer };
    page = await same(`newer page ${describeQuery(next)}`, (source) => source.listPayments(next));
    back.push(page);
    expect(back.length, "more pages than payments").toBeLessThanOrEqual(page.total + 1);
  }
  expect([...back].reverse().flatMap((p) => p.rows), "walking back reads the same rows").toEqual(pages.flatMap((p) => p.rows));
  return pages;
}

/** Walks from before the first payment towards newer pages through `after`, each page compared. */
async function walkFromOldest(query: PaymentQuery): Promise<PaymentPage[]> {
  const pages: PaymentPage[] = [];
  let after: PaymentPosition | undefined = { blockNumber: 0n, logIndex: 0 };
  while (after) {
    const next: PaymentQuery = { ...query, after };
    const page = await same(`from the oldest ${describeQuery(next)}`, (source) => source.listPayments(next));
    pages.push(page);
    after = page.newer;
    expect(pages.length, "more pages than payments").toBeLessThanOrEqual(page.total + 1);
  }
  return pages;
}

describe("IndexerHistorySource and RpcHistorySource on the seeded demo chain", () => {
  it("the indexer is at the chain's head and holds exactly the chain's payments", async () => {
    const head = await chain!.publicClient.getBlock();
    const progress = await indexed.listPayments({ pageSize: 1 });
    expect(progress.blockNumber).toBe(head.number);
    const logs = await chainServicePaid(chain!);
    expect(logs.length).toBeGreaterThan(chain!.seededPayments); // collaborative payments log one share per rune
    expect(progress.total).toBe(logs.length);
  });

  it("agents, one agent (each rune and an unknown one) and tokens", async () => {
    const agents = await same("listAgents", (source) => source.listAgents());
    expect(agents.agents).toHaveLength(runes.length);
    expect(agents.agents.some((agent) => Object.values(agent.revenue30d).some((amount) => amount > 0n))).toBe(true);
    for (const rune of runes) {
      const found = await same(`getAgent ${rune}`, (source) => source.getAgent(rune));
      expect(found?.agent.rune).toBe(rune);
      // Upper case in, the same agent out.
      await same(`getAgent ${rune} upper case`, (source) => source.getAgent(rune.toUpperCase().replace("0X", "0x") as Hex));
    }
    expect(await same("getAgent unknown", (source) => source.getAgent(UNKNOWN_RUNE))).toBeUndefined();
    const listed = await same("listTokens", (source) => source.listTokens());
    expect(listed).toHaveLength(3);
  });

  it("revenue totals: all history, from odd seconds within a day, a day's first second, per rune, after the head", async () => {
    const all = await same("revenueTotals since 0", (source) => source.revenueTotals({ since: 0 }));
    expect(all.size).toBe(runes.length);
    const sinces = [
      firstTime,
      firstTime + 17 * DAY + 12_345,
      head.timestamp - 30 * DAY,
      head.timestamp - 45 * DAY + 7,
      Math.floor(head.timestamp / DAY) * DAY, // midnight (UTC) of the head's day
      Math.floor(head.timestamp / DAY) * DAY - 1,
      head.timestamp - 1,
      head.timestamp,
    ];
    for (const since of sinces) {
      await same(`revenueTotals since ${since}`, (source) => source.revenueTotals({ since }));
      for (const rune of runes) {
        await same(`revenueTotals since ${since} rune ${rune}`, (source) => source.revenueTotals({ since, rune }));
      }
    }
    expect(await same("revenueTotals after the head", (source) => source.revenueTotals({ since: head.timestamp + 1 }))).toEqual(new Map());
    expect(await same("revenueTotals unknown rune", (source) => source.revenueTotals({ since: 0, rune: UNKNOWN_RUNE }))).toEqual(new Map());
  });

  it("every page of all payments at sizes 1, 7, 50 and 1000, back and forth, is the chain's ServicePaid logs", { timeout: 120_000 }, async () => {
    const logs = await chainServicePaid(chain!);
    const positions = logs.map((log) => ({ blockNumber: log.blockNumber, logIndex: log.logIndex })).reverse();
    for (const pageSize of [1, 7, 50, 1000]) {
      const pages = await walkBothWays({ pageSize });
      const rows = pages.flatMap((page) => page.rows);
      expect(rows.length, `page size ${pageSize}`).toBe(logs.length);
      expect(rows.map((row) => ({ blockNumber: row.blockNumber, logIndex: row.logIndex }))).toEqual(positions);
      expect(pages.at(-1)?.older).toBeUndefined();
    }
    const fromOldest = (await walkFromOldest({ pageSize: 50 })).flatMap((page) => page.rows);
    expect(fromOldest.length).toBe(logs.length);
  });

  it("every rune's pages at sizes 1, 7, 50 and 1000, and from its oldest payment", { timeout: 120_000 }, async () => {
    const logs = await chainServicePaid(chain!);
    for (const rune of runes) {
      const count = logs.filter((log) => log.args.rune.toLowerCase() === rune).length;
      expect(count, `payments of ${rune}`).toBeGreaterThan(0);
      for (const pageSize of [1, 7, 50, 1000]) {
        const rows = (await walkBothWays({ rune, pageSize })).flatMap((page) => page.rows);
        expect(rows.length, `rune ${rune} page size ${pageSize}`).toBe(count);
      }
      const fromOldest = (await walkFromOldest({ rune, pageSize: 7 })).flatMap((page) => page.rows);
      expect(fromOldest.length).toBe(count);
    }
  });

  it("filters: token, time ranges cutting days mid-day, collaborative or not, and their combinations", { timeout: 120_000 }, async () => {
    const [busiest] = runes; // oracle-of-mimir: the most payments, in collaborative ones too
    const ranges: { from?: number; to?: number }[] = [
      { from: firstTime + 20 * DAY + 43_210, to: firstTime + 41 * DAY + 3_333 },
      { from: firstTime + 5 * DAY + 1 },
      { to: firstTime + 60 * DAY - 1 },
      { from: head.timestamp - 7 * DAY + 999, to: head.timestamp + 1 },
    ];
    const queries: PaymentQuery[] = [];
    for (const token of Object.values(tokens) as Address[]) {
      queries.push({ token }, { rune: busiest, token }, { rune: busiest, token: token.toLowerCase() as Address });
    }
    for (const range of ranges) {
      queries.push({ ...range }, { ...range, rune: busiest }, { ...range, token: tokens.stablecoin }, { ...range, collaborative: true });
    }
    for (const collaborative of [true, false]) {
      queries.push({ collaborative }, { collaborative, rune: busiest }, { collaborative, token: tokens.stablecoin, rune: busiest });
    }
    let nonEmpty = 0;
    for (const query of queries) {
      const pages = await walkBothWays({ ...query, pageSize: 9 });
      const rows = pages.flatMap((page) => page.rows);
      expect(rows.length, describeQuery(query)).toBe(pages[0]!.total);
      if (rows.length > 0) nonEmpty++;
      if (query.collaborative !== undefined) {
        expect(rows.every((row) => (row.collaborative !== undefined) === query.collaborative)).toBe(true);
      }
      await same(`one page of 1000 ${describeQuery(query)}`, (source) => source.listPayments({ ...query, pageSize: 1000 }));
    }
    // The matrix must hold real pages, not only empty ones that would agree trivially.
    expect(nonEmpty).toBe(queries.length);
    const collaborative = await same("collaborative", (source) => source.listPayments({ collaborative: true, pageSize: 1000 }));
    expect(collaborative.rows.length).toBeGreaterThan(0);
    expect(collaborative.rows[0]!.collaborative?.runes.length).toBeGreaterThanOrEqual(2);
  });

  it("empty results: an unknown rune, a range with no payment, a range after the head, a rune in a token it was never paid in", async () => {
    const empties: PaymentQuery[] = [
      { rune: UNKNOWN_RUNE },
      { from: firstTime - 10 * DAY, to: firstTime - DAY },
      { from: head.timestamp + 1 },
      { from: firstTime + 30 * DAY + 100, to: firstTime + 30 * DAY + 101 },
      { token: "0x000000000000000000000000000000000000dEaD" },
      { rune: runes[3], collaborative: true }, // yggdrasil-route is never in a team
    ];
    for (const query of empties) {
      const page = await same(`empty ${describeQuery(query)}`, (source) => source.listPayments(query));
      expect(page.rows, describeQuery(query)).toEqual([]);
      expect(page.total).toBe(0);
    }
    // Cursors beyond either end.
    await same("before the first", (source) => source.listPayments({ before: { blockNumber: 1n, logIndex: 0 } }));
    await same("after the head", (source) => source.listPayments({ after: { blockNumber: head.number + 5n, logIndex: 0 } }));
  });

  it("cursors in the middle of a block with several payments, both ways, at several page sizes", async () => {
    const logs = await chainServicePaid(chain!);
    const perBlock = new Map<bigint, number[]>();
    for (const log of logs) perBlock.set(log.blockNumber, [...(perBlock.get(log.blockNumber) ?? []), log.logIndex]);
    const crowded = [...perBlock.entries()].filter(([, indexes]) => indexes.length >= 4);
    expect(crowded.length).toBeGreaterThan(3);
    for (const [blockNumber, indexes] of crowded.slice(0, 4)) {
      const middle = { blockNumber, logIndex: indexes[Math.floor(indexes.length / 2)]! };
      // A position between two logs (no log has it) is a cursor too.
      const between = { blockNumber, logIndex: middle.logIndex - 1 };
      for (const cursor of [middle, between]) {
        for (const pageSize of [1, 2, 3, 50]) {
          const older = await same(`before ${blockNumber}-${cursor.logIndex}`, (source) => source.listPayments({ before: cursor, pageSize }));
          expect(older.rows.length).toBeGreaterThan(0);
          const newer = await same(`after ${blockNumber}-${cursor.logIndex}`, (source) => source.listPayments({ after: cursor, pageSize }));
          expect(newer.rows.length).toBeGreaterThan(0);
        }
      }
    }
  });

  it("daily revenue series: ranges cutting days at odd seconds, all history, empty ranges", async () => {
    const ranges = [
      { from: 0, to: head.timestamp + 1 },
      { from: 0, to: Number.MAX_SAFE_INTEGER },
      { from: firstTime + 3 * DAY + 12_345, to: firstTime + 33 * DAY + 54_321 },
      { from: firstTime + 44 * DAY + 1, to: firstTime + 45 * DAY - 1 },
      { from: head.timestamp - 30 * DAY, to: head.timestamp + 1 },
      { from: Math.floor(head.timestamp / DAY) * DAY, to: head.timestamp + 1 },
      { from: firstTime - 5 * DAY, to: firstTime - 1 },
      { from: head.timestamp + 1, to: head.timestamp + DAY },
      { from: firstTime + 10 * DAY, to: firstTime + 10 * DAY },
    ];
    let days = 0;
    for (const rune of [...runes, UNKNOWN_RUNE]) {
      for (const range of ranges) {
        const series = await same(`revenueSeries ${rune} ${JSON.stringify(range)}`, (source) => source.revenueSeries({ rune, ...range }));
        days += series.length;
      }
    }
    expect(days).toBeGreaterThan(100);
  });
});
