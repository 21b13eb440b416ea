/**
 * Indexer pass only (E2E_HISTORY_SOURCE=indexer): when the history indexer cannot answer (stopped, or still
 * backfilling a fresh database), / and the agent page are served from the chain with the "History is catching
 * up" notice, their figures still exactly the chain's ServicePaid logs, and the payments API still exact. Once
 * an indexer is in step again the notice goes and the figures stay. The stopped indexer, started again on its
 * own database, resumes where it was: it does not index the chain again from the start.
 */
import { mkdirSync, readFileSync } from "node:fs";
import type { APIRequestContext, Page } from "@playwright/test";
import { type Address, type Hex, type PublicClient, decodeEventLog, encodeEventTopics, zeroAddress } from "viem";
import { revenueDistributorAbi, runeRegistryAbi } from "../contracts-abi/generated";
import { formatFixed } from "../lib/format";
import { expect, indexerInStep, rpc, serverRpcHistoryReads, test } from "./support/fixtures";
import { E2E_DEPLOYMENT_DIR, E2E_INDEXER_LOG, E2E_RPC_URL } from "./support/ports";

const { contracts } = JSON.parse(readFileSync(`${E2E_DEPLOYMENT_DIR}/31337.json`, "utf8")) as {
  contracts: { revenueDistributor: Address; runeRegistry: Address };
};
const DAY = 86_400n;
const SCREENSHOTS = "test-results/indexer/screenshots";

// This spec makes the app read history from the chain on purpose.
test.use({ historyFromIndexer: false, locale: "en-US" });

interface RawLog {
  topics: [Hex, ...Hex[]];
  data: Hex;
  blockNumber: Hex;
  logIndex: Hex;
}

/** Every ServicePaid log, newest first, straight from the node. */
async function chainPayments() {
  const topics = encodeEventTopics({ abi: revenueDistributorAbi, eventName: "ServicePaid" });
  const logs = await rpc<RawLog[]>("eth_getLogs", [{ address: contracts.revenueDistributor, fromBlock: "0x0", toBlock: "latest", topics }]);
  return logs
    .map((log) => {
      const { args } = decodeEventLog({ abi: revenueDistributorAbi, eventName: "ServicePaid", topics: log.topics, data: log.data });
      return { position: `${BigInt(log.blockNumber)}-${BigInt(log.logIndex)}`, rune: args.rune.toLowerCase() as Hex, token: args.token, amount: args.amount, timestamp: args.timestamp };
    })
    .reverse();
}

type Payment = Awaited<ReturnType<typeof chainPayments>>[number];

/** What the chain says the pages must show. */
interface Expected {
  /** Per agent rune: its ETH revenue all time and over the last 30 days of chain time, as the list shows them. */
  revenue: Map<Hex, { allTime: string; last30d: string }>;
  /** The agent the spec opens, its payments newest first. */
  rune: Hex;
  payments: Payment[];
}

async function expectedFromChain(client: PublicClient): Promise<Expected> {
  const payments = await chainPayments();
  const head = await client.getBlock();
  const since = head.timestamp - 30n * DAY;
  const count = await client.readContract({ address: contracts.runeRegistry, abi: runeRegistryAbi, functionName: "runeCount" });
  const runes = await Promise.all(
    Array.from({ length: Number(count) }, (_, i) =>
      client.readContract({ address: contracts.runeRegistry, abi: runeRegistryAbi, functionName: "runeAt", args: [BigInt(i)] }),
    ),
  );
  const eth = (rune: Hex, from: bigint) =>
    payments.filter((p) => p.rune === rune && p.token === zeroAddress && p.timestamp >= from).reduce((sum, p) => sum + p.amount, 0n);
  const en4 = (value: bigint) => formatFixed(value, 18, { locale: "en-US", fractionDigits: 4 });
  const revenue = new Map(runes.map((r) => [r.toLowerCase() as Hex, { allTime: en4(eth(r.toLowerCase() as Hex, 0n)), last30d: en4(eth(r.toLowerCase() as Hex, since)) }]));
  // The agent with the most payments: more than one page of them.
  const counts = new Map<Hex, number>();
  for (const p of payments) counts.set(p.rune, (counts.get(p.rune) ?? 0) + 1);
  const [rune] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return { revenue, rune, payments: payments.filter((p) => p.rune === rune) };
}

const notice = (page: Page) => page.getByRole("status").filter({ hasText: "History is catching up." });

/** Everything / shows of the agents' figures, per rune (to compare one phase with another). */
async function listFigures(page: Page): Promise<Record<string, string[]>> {
  const rows = page.getByRole("table", { name: "Agents" }).locator("tbody tr");
  return Object.fromEntries(
    await rows.evaluateAll((elements) =>
      elements.map((row) => [
        row.querySelector("a[href^='/agents/']")?.getAttribute("href") ?? "",
        [...row.querySelectorAll("[data-testid]")].map((cell) => `${cell.getAttribute("data-testid")}=${cell.textContent ?? ""}`),
      ]),
    ),
  );
}

/** The agent page's history: its total, the rows of its first page and the chart's total. */
async function agentFigures(page: Page): Promise<{ total: string; positions: string[]; chart: string }> {
  const rows = page.getByRole("table", { name: "Payments" }).locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  return {
    total: (await page.getByTestId("payments-total").textContent()) ?? "",
    positions: await rows.evaluateAll((elements) => elements.map((row) => row.getAttribute("data-position") ?? "")),
    chart: (await page.getByTestId("chart-total").textContent()) ?? "",
  };
}

interface Shown {
  list: Record<string, string[]>;
  agent: { total: string; positions: string[]; chart: string };
}

/**
 * Opens / and the agent page and checks them (and the payments API) against the chain; `catchingUp` says whether
 * the notice must be there, and with what reason. Returns what the pages showed.
 */
async function checkPages(page: Page, request: APIRequestContext, expected: Expected, catchingUp: RegExp | false): Promise<Shown> {
  await page.goto("/");
  const table = page.getByRole("table", { name: "Agents" });
  await expect(table.locator("tbody tr")).toHaveCount(expected.revenue.size);
  if (catchingUp) await expect(notice(page)).toContainText(catchingUp);
  else await expect(notice(page)).toHaveCount(0);
  for (const [rune, revenue] of expected.revenue) {
    const row = table.locator("tbody tr").filter({ has: page.locator(`a[href="/agents/${rune}"]`) });
    await expect(row.getByTestId("revenue-all-time")).toHaveText(revenue.allTime);
    await expect(row.getByTestId("revenue-30d")).toHaveText(revenue.last30d);
  }
  const list = await listFigures(page);

  await page.goto(`/agents/${expected.rune}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  if (catchingUp) await expect(notice(page)).toContainText(catchingUp);
  else await expect(notice(page)).toHaveCount(0);
  await expect(page.getByTestId("payments-total")).toHaveText(String(expected.payments.length));
  await expect
    .poll(() => page.getByRole("table", { name: "Payments" }).locator("tbody tr").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-position"))))
    .toEqual(expected.payments.slice(0, 50).map((p) => p.position));
  const agent = await agentFigures(page);

  const response = await request.get(`/api/runes/${expected.rune}/payments?limit=1000`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { total: number; rows: { position: string; amount: { raw: string } }[]; next: string | null };
  expect(body.total).toBe(expected.payments.length);
  expect(body.next).toBeNull();
  expect(body.rows.map((row) => [row.position, row.amount.raw])).toEqual(expected.payments.map((p) => [p.position, p.amount.toString()]));
  return { list, agent };
}

async function control(action: "__indexer-stop" | "__indexer-start" | "__indexer-backfill" | "__indexer-gate-open"): Promise<void> {
  const response = await fetch(`${E2E_RPC_URL}/${action}`, { method: "POST" });
  expect(response.ok, `${action}: ${await response.text()}`).toBe(true);
}

const indexerLog = () => readFileSync(E2E_INDEXER_LOG, "utf8");
const occurrences = (text: string, line: string) => text.split("\n").filter((l) => l.includes(line)).length;

/** Screenshots of the page with the notice, light and dark, on a 390 px phone; nothing wider than the screen. */
async function phoneShots(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  for (const theme of ["light", "dark"] as const) {
    await page.evaluate((dark) => document.documentElement.classList.toggle("dark", dark), theme === "dark");
    await expect(notice(page)).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-phone-${theme}.png` });
  }
  await page.evaluate(() => document.documentElement.classList.remove("dark"));
  if (size) await page.setViewportSize(size);
}

test("a stopped or backfilling indexer: pages come from the chain, exact and with the notice; in step again, the notice goes and the figures stay", async ({ page, request, chain }) => {
  test.setTimeout(240_000);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const expected = await expectedFromChain(chain.client);
  expect(expected.payments.length).toBeGreaterThan(50);

  // In step: the indexer answers (the app reads no logs), no notice.
  let reads = await serverRpcHistoryReads();
  const fromIndexer = await checkPages(page, request, expected, false);
  expect(await serverRpcHistoryReads(), "the app read history from the chain while the indexer was in step").toBe(reads);

  await test.step("the indexer stopped: figures from the chain, exact, with the notice", async () => {
    await control("__indexer-stop");
    reads = await serverRpcHistoryReads();
    const fromChain = await checkPages(page, request, expected, /History is catching up\. The history indexer is not reachable: figures come straight from the chain/);
    expect(fromChain).toEqual(fromIndexer);
    // The chain answered indeed (and the proxy's count, which the other specs expect to stay still, counts it).
    expect(await serverRpcHistoryReads()).toBeGreaterThan(reads);
    await phoneShots(page, "agent-stopped");
    await page.goto("/");
    await phoneShots(page, "home-stopped");
  });

  await test.step("a fresh indexer still backfilling: figures from the chain, exact, with the notice", async () => {
    // A new, empty database whose log reads the chain server holds: the backfill lasts until the gate opens.
    await control("__indexer-backfill");
    // Unreachable while it starts, then backfilling: wait for the latter.
    await expect(async () => {
      await page.goto("/");
      await expect(notice(page)).toContainText("The history indexer is still reading the chain's past", { timeout: 1_000 });
    }).toPass({ timeout: 90_000 });
    const whileBackfilling = await checkPages(page, request, expected, /still reading the chain's past: figures come straight from the chain/);
    expect(whileBackfilling).toEqual(fromIndexer);
    await phoneShots(page, "agent-backfilling");
  });

  await test.step("its backfill done and in step: no notice, the same figures, from the indexer", async () => {
    await control("__indexer-gate-open");
    await indexerInStep(90_000);
    reads = await serverRpcHistoryReads();
    expect(await checkPages(page, request, expected, false)).toEqual(fromIndexer);
    expect(await serverRpcHistoryReads()).toBe(reads);
  });

  await test.step("the first indexer started again on its database: it resumes, then answers with the same figures", async () => {
    const before = indexerLog();
    await control("__indexer-start");
    await indexerInStep(90_000);
    const after = indexerLog().slice(before.length);
    // Ponder found its own tables and checkpoint: it created no tables and its backfill started past the deployment.
    expect(after).toContain("Detected crash recovery");
    expect(occurrences(after, "Created database tables")).toBe(0);
    const ranges = [...indexerLog().matchAll(/Started backfill indexing .*block_range=\[(\d+),(\d+)\]/g)].map((m) => Number(m[1]));
    expect(ranges.at(-1)).toBeGreaterThan(ranges[0]!);
    reads = await serverRpcHistoryReads();
    expect(await checkPages(page, request, expected, false)).toEqual(fromIndexer);
    expect(await serverRpcHistoryReads()).toBe(reads);
  });
});
