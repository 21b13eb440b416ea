import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { type Address, type Hex, type Log, encodeEventTopics, formatUnits, parseEventLogs } from "viem";
import { devPriceFeedAbi, revenueDistributorAbi } from "../contracts-abi/generated";
import { DEFAULT_PRICE_MAX_AGE_SECONDS } from "../lib/config/parse";
import { formatFixed } from "../lib/format";
import { expect, rpc, test } from "./support/fixtures";
import { E2E_DEPLOYMENT_DIR } from "./support/ports";

// The revenue history of an agent page against the seeded chain: every figure is checked against the
// distributor's ServicePaid logs read straight from the node (eth_getLogs with the rune's topic).

const { contracts, priceFeeds } = JSON.parse(readFileSync(`${E2E_DEPLOYMENT_DIR}/31337.json`, "utf8")) as {
  contracts: { revenueDistributor: Address; aurunesToken: Address; stablecoin: Address };
  priceFeeds: Record<Address, Address>;
};
const TOKEN_DECIMALS: Record<string, number> = {
  "0x0000000000000000000000000000000000000000": 18,
  [contracts.aurunesToken.toLowerCase()]: 18,
  [contracts.stablecoin.toLowerCase()]: 6,
};
const DAY = 86_400;

/** One ServicePaid log as the chain has it. */
interface ChainPayment {
  position: string;
  blockNumber: bigint;
  logIndex: number;
  transactionHash: Hex;
  token: Address;
  amount: bigint;
  developerAmount: bigint;
  infraAmount: bigint;
  stakersAmount: bigint;
  timestamp: number;
  /** The runes of its collaborative payment, if it was one. */
  team?: Hex[];
}

type RawLog = Omit<Log, "blockNumber" | "logIndex"> & { blockNumber: Hex; logIndex: Hex };

async function getLogs(topics: (Hex | Hex[] | null)[]): Promise<Log[]> {
  const raw = await rpc<RawLog[]>("eth_getLogs", [{ fromBlock: "0x0", toBlock: "latest", address: contracts.revenueDistributor, topics }]);
  return raw.map((log) => ({ ...log, blockNumber: BigInt(log.blockNumber), logIndex: Number(log.logIndex) }) as Log);
}

/** Every payment of a rune, newest first (the order the table must show). */
async function chainPayments(rune: Hex): Promise<ChainPayment[]> {
  const paid = parseEventLogs({
    abi: revenueDistributorAbi,
    eventName: "ServicePaid",
    logs: await getLogs(encodeEventTopics({ abi: revenueDistributorAbi, eventName: "ServicePaid", args: { rune } })),
  });
  const collaborative = parseEventLogs({
    abi: revenueDistributorAbi,
    eventName: "CollaborativeServicePaid",
    logs: await getLogs(encodeEventTopics({ abi: revenueDistributorAbi, eventName: "CollaborativeServicePaid" })),
  });
  return paid
    .map((log): ChainPayment => {
      const team = collaborative.find((c) => c.transactionHash === log.transactionHash && c.args.serviceId === log.args.serviceId);
      return {
        position: `${log.blockNumber}-${log.logIndex}`,
        blockNumber: log.blockNumber!,
        logIndex: log.logIndex!,
        transactionHash: log.transactionHash!,
        token: log.args.token,
        amount: log.args.amount,
        developerAmount: log.args.developerAmount,
        infraAmount: log.args.infraAmount,
        stakersAmount: log.args.stakersAmount,
        timestamp: Number(log.args.timestamp),
        team: team ? [...team.args.runes] : undefined,
      };
    })
    .sort((a, b) => (a.blockNumber === b.blockNumber ? b.logIndex - a.logIndex : a.blockNumber < b.blockNumber ? 1 : -1));
}

async function agentHref(page: Page, name: string): Promise<string> {
  await page.goto("/");
  const href = await page.getByRole("table", { name: "Agents" }).getByRole("link", { name: new RegExp(name) }).getAttribute("href");
  expect(href).toMatch(/^\/agents\/0x[0-9a-f]{64}$/i);
  return href!;
}

function runeOf(href: string): Hex {
  return href.split("/").pop()!.toLowerCase() as Hex;
}

const utcDay = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);
const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;

/** The positions (`<block>-<logIndex>`) of the table's rows, top to bottom. */
async function shownPositions(page: Page): Promise<string[]> {
  const rows = page.getByRole("table", { name: "Payments" }).locator("tbody tr");
  return rows.evaluateAll((elements) => elements.map((element) => element.getAttribute("data-position") ?? ""));
}

const pages = (page: Page) => page.getByRole("navigation", { name: "Payment pages" });

test.use({ locale: "en-US" });

test("the table lists every payment of the rune exactly once, newest first, across its pages", async ({ page }) => {
  const href = await agentHref(page, "Oracle of Mimir");
  const expected = await chainPayments(runeOf(href));
  expect(expected.length).toBeGreaterThan(50); // more than one page, or the paging is not tested

  await page.goto(href);
  await expect(page.getByTestId("payments-total")).toHaveText(String(expected.length));
  const seen: string[] = [];
  for (let n = 0; ; n++) {
    const positions = await shownPositions(page);
    expect(positions.length).toBeLessThanOrEqual(50);
    seen.push(...positions);
    const older = pages(page).getByRole("link", { name: "Older ›" });
    if ((await older.count()) === 0) break;
    expect(n).toBeLessThan(10);
    await older.click();
    await expect(page).toHaveURL(/cursor=\d+-\d+/);
    await expect(page.getByRole("table", { name: "Payments" }).locator("tbody tr").first()).not.toHaveAttribute("data-position", positions[0]!);
  }
  expect(seen).toEqual(expected.map((p) => p.position));

  // The last page has no way further back; Newest is the first page again; Oldest the 50 oldest payments; Newer
  // from there the 50 before them.
  await expect(pages(page).getByText("Oldest »")).not.toHaveAttribute("href", /.*/);
  await pages(page).getByRole("link", { name: "« Newest" }).click();
  await expect(page).not.toHaveURL(/cursor=/);
  expect(await shownPositions(page)).toEqual(expected.slice(0, 50).map((p) => p.position));
  await expect(pages(page).getByText("‹ Newer")).not.toHaveAttribute("href", /.*/);
  await pages(page).getByRole("link", { name: "Oldest »" }).click();
  await expect(page).toHaveURL(/newer=/);
  expect(await shownPositions(page)).toEqual(expected.slice(-50).map((p) => p.position));
  await expect(pages(page).getByText("Older ›")).not.toHaveAttribute("href", /.*/);
  const oldestUrl = page.url();
  await pages(page).getByRole("link", { name: "‹ Newer" }).click();
  await expect(page).not.toHaveURL(oldestUrl);
  expect(await shownPositions(page)).toEqual(expected.slice(-100, -50).map((p) => p.position));
});

test("token and date filters narrow the rows as the chain's logs do, and stay in the URL across a reload", async ({ page }) => {
  const href = await agentHref(page, "Oracle of Mimir");
  const all = await chainPayments(runeOf(href));
  // A range of whole UTC days inside the history, ending some days before its end.
  const from = utcDay(all[Math.floor(all.length * 0.6)]!.timestamp);
  const to = utcDay(all[Math.floor(all.length * 0.2)]!.timestamp);
  const expected = all.filter(
    (p) => p.token.toLowerCase() === contracts.stablecoin.toLowerCase() && p.timestamp >= dayStart(from) && p.timestamp < dayStart(to) + DAY,
  );
  expect(expected.length).toBeGreaterThan(0);
  expect(expected.length).toBeLessThan(all.length);

  await page.goto(href);
  const form = page.getByRole("form", { name: "Filter payments" });
  await form.getByLabel("Token").selectOption({ label: "tUSD" });
  await form.getByLabel("From (UTC day)").fill(from);
  await form.getByLabel("To (UTC day, included)").fill(to);
  await form.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`token=tUSD.*from=${from}.*to=${to}`));
  await expect(page.getByTestId("payments-total")).toHaveText(String(expected.length));
  expect(await shownPositions(page)).toEqual(expected.slice(0, 50).map((p) => p.position));

  await page.reload();
  await expect(form.getByLabel("Token")).toHaveValue("tUSD");
  await expect(form.getByLabel("From (UTC day)")).toHaveValue(from);
  await expect(form.getByLabel("To (UTC day, included)")).toHaveValue(to);
  await expect(page.getByTestId("payments-total")).toHaveText(String(expected.length));
  expect(await shownPositions(page)).toEqual(expected.slice(0, 50).map((p) => p.position));

  // A range with no payment says so.
  const empty = utcDay(all[0]!.timestamp + 2 * DAY);
  await form.getByLabel("From (UTC day)").fill(empty);
  await form.getByLabel("To (UTC day, included)").fill(empty);
  await form.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("No payments in this range.")).toBeVisible();
  await expect(page.getByTestId("payments-total")).toHaveText("0");
});

test("a collaborative payment is marked, with its co-agents linked to their pages", async ({ page }) => {
  const href = await agentHref(page, "Oracle of Mimir");
  const rune = runeOf(href);
  const teams = (await chainPayments(rune)).filter((p) => p.team);
  expect(teams.length).toBeGreaterThan(0);

  await page.goto(href);
  const form = page.getByRole("form", { name: "Filter payments" });
  await form.getByLabel("Kind").selectOption({ label: "Collaborative" });
  await form.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/kind=collaborative/);
  await expect(page.getByTestId("payments-total")).toHaveText(String(teams.length));
  expect(await shownPositions(page)).toEqual(teams.map((p) => p.position));

  const newest = teams[0]!;
  const row = page.locator(`tr[data-position="${newest.position}"]`);
  const marker = row.getByTestId("collaborative");
  await expect(marker).toContainText("Collaborative");
  const coRunes = newest.team!.filter((r) => r.toLowerCase() !== rune);
  const links = marker.getByRole("link");
  await expect(links).toHaveCount(coRunes.length);
  expect((await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")))).map((h) => h!.toLowerCase())).toEqual(
    coRunes.map((r) => `/agents/${r.toLowerCase()}`),
  );
  // The link names the co-agent: its own page's title.
  const name = (await links.first().textContent())!;
  expect(name).not.toMatch(/^0x/);
  await links.first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);

  // Single-agent payments are the rest.
  await page.goto(`${href}?kind=single`);
  await expect(page.getByTestId("payments-total")).toHaveText(String((await chainPayments(rune)).length - teams.length));
});

test("the CSV link downloads exactly the filtered payments, with exact amounts", async ({ page }) => {
  const href = await agentHref(page, "Oracle of Mimir");
  const all = await chainPayments(runeOf(href));
  const from = utcDay(all[Math.floor(all.length * 0.7)]!.timestamp);
  const expected = all.filter((p) => p.token.toLowerCase() === contracts.aurunesToken.toLowerCase() && p.timestamp >= dayStart(from));
  expect(expected.length).toBeGreaterThan(0);

  // Filtered, and on a later page: the export is still the whole filter, not the page.
  await page.goto(`${href}?token=AURUNES&from=${from}&limit=5`);
  await expect(page.getByTestId("payments-total")).toHaveText(String(expected.length));
  await pages(page).getByRole("link", { name: "Older ›" }).click();
  await expect(page).toHaveURL(/cursor=/);
  const link = page.getByRole("link", { name: "Download CSV" });
  await expect(link).toHaveAttribute("href", new RegExp(`format=csv`));
  await expect(link).not.toHaveAttribute("href", /cursor=|limit=/);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const text = readFileSync((await download.path())!, "utf8");
  const [header, ...lines] = text.trimEnd().split("\r\n");
  const columns = header!.split(",");
  const rows = lines.map((line) => Object.fromEntries(line.split(",").map((value, i) => [columns[i], value])));
  expect(rows.map((r) => `${r.block}-${r.log_index}`)).toEqual(expected.map((p) => p.position));
  expect(rows.map((r) => [r.token_symbol, r.amount, r.developer_amount, r.infra_amount, r.stakers_amount])).toEqual(
    expected.map((p) => ["AURUNES", ...[p.amount, p.developerAmount, p.infraAmount, p.stakersAmount].map((v) => formatUnits(v, 18))]),
  );
});

test("the chart shows every day of the period and its total equals the chain's sum", async ({ page, browser, baseURL }) => {
  const href = await agentHref(page, "Oracle of Mimir");
  const all = await chainPayments(runeOf(href));
  const latest = await rpc<{ timestamp: Hex }>("eth_getBlockByNumber", ["latest", false]);
  const now = Number(latest.timestamp);
  const from = dayStart(utcDay(now)) - 89 * DAY;
  const inPeriod = all.filter((p) => p.token.toLowerCase() === contracts.stablecoin.toLowerCase() && p.timestamp >= from);
  const sum = (list: ChainPayment[]) => list.reduce((total, p) => total + p.amount, 0n);
  expect(inPeriod.length).toBeGreaterThan(0);

  await page.goto(href);
  const history = page.getByRole("region", { name: "Revenue history" });
  await history.getByRole("navigation", { name: "Chart period" }).getByRole("link", { name: "90 d" }).click();
  await expect(page).toHaveURL(/period=90d/);
  await history.getByRole("navigation", { name: "Chart unit" }).getByRole("link", { name: "tUSD" }).click();
  await expect(page).toHaveURL(new RegExp(`period=90d&unit=${contracts.stablecoin}`, "i"));
  await expect(history.getByRole("link", { name: "tUSD", exact: true })).toHaveAttribute("aria-current", "true");

  const days = history.getByRole("list", { name: "Days of the chart" }).getByRole("listitem");
  await expect(days).toHaveCount(90);
  await expect(days.first()).toHaveAttribute("data-day", utcDay(from));
  await expect(days.last()).toHaveAttribute("data-day", utcDay(now));
  const total = formatFixed(sum(inPeriod), 6, { locale: "en-US", fractionDigits: 2 });
  await expect(history.getByTestId("chart-total")).toHaveText(`Total ${total} tUSD · ${inPeriod.length} payments`);

  // One day's figures, exact: the busiest day of the period.
  const byDay = new Map<string, ChainPayment[]>();
  for (const p of inPeriod) byDay.set(utcDay(p.timestamp), [...(byDay.get(utcDay(p.timestamp)) ?? []), p]);
  const [busiest, payments] = [...byDay].sort((a, b) => b[1].length - a[1].length)[0]!;
  const day = history.locator(`li[data-day="${busiest}"]`);
  await day.hover();
  const fixed = (value: bigint) => formatFixed(value, 6, { locale: "en-US", fractionDigits: 2 });
  await expect(day).toContainText(`${fixed(sum(payments))} tUSD · ${payments.length} payment`);
  await expect(day).toContainText(`Stakers${fixed(payments.reduce((t, p) => t + p.stakersAmount, 0n))}`);

  // The same figures in another locale's digits.
  const german = await browser.newContext({ baseURL, locale: "de-DE" });
  const dePage = await german.newPage();
  await dePage.goto(page.url());
  await expect(dePage.getByTestId("chart-total")).toContainText(`${formatFixed(sum(inPeriod), 6, { locale: "de-DE", fractionDigits: 2 })} tUSD`);
  await german.close();
});

test("the history streams in after the page, behind a loading message; a broken filter says what is wrong", async ({ page, request }) => {
  const href = await agentHref(page, "Oracle of Mimir");
  // The HTML streams: the loading messages come first, in place, and the history replaces them when its reads end.
  const html = await (await request.get(href)).text();
  const loading = html.indexOf("Reading payment history…");
  expect(loading).toBeGreaterThan(html.indexOf("Infra recipients"));
  expect(html.indexOf('aria-label="Payments"')).toBeGreaterThan(loading);
  expect(html).toContain("Reading revenue history…");
  await page.goto(href);
  await expect(page.getByText("Reading payment history…")).toHaveCount(0);

  await page.goto(`${href}?from=2026-02-30`);
  await expect(page.getByRole("alert").filter({ hasText: "This filter cannot be applied" })).toContainText(`"from" must be a day`);
  await expect(page.getByRole("link", { name: "Show all payments" })).toHaveAttribute("href", href);
});

test("in USD the chart's total is Σ token amounts × feed price, and says when a price is unavailable", async ({ page, chain }) => {
  const href = await agentHref(page, "Oracle of Mimir");
  const all = await chainPayments(runeOf(href));
  const latest = await rpc<{ timestamp: Hex }>("eth_getBlockByNumber", ["latest", false]);
  const from = dayStart(utcDay(Number(latest.timestamp))) - 29 * DAY;
  const inPeriod = all.filter((p) => p.timestamp >= from);
  // Σ over tokens of (Σ amounts) × answer, on a common denominator, in cents rounded down.
  let numerator = 0n;
  const digits = 18 + 8;
  for (const [token, decimals] of Object.entries(TOKEN_DECIMALS)) {
    const feed = Object.entries(priceFeeds).find(([t]) => t.toLowerCase() === token)![1];
    const [, answer] = await chain.client.readContract({ address: feed, abi: devPriceFeedAbi, functionName: "latestRoundData" });
    const feedDecimals = await chain.client.readContract({ address: feed, abi: devPriceFeedAbi, functionName: "decimals" });
    const amount = inPeriod.filter((p) => p.token.toLowerCase() === token).reduce((sum, p) => sum + p.amount, 0n);
    numerator += amount * answer * 10n ** BigInt(digits - decimals - feedDecimals);
  }
  const cents = (numerator * 100n) / 10n ** BigInt(digits);
  expect(cents).toBeGreaterThan(0n);
  // Seeded totals are far below 2^53 cents: a float shows them exactly here (the app keeps bigint throughout).
  const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(Number(cents) / 100);

  // USD is the default unit while every paid token has a price.
  await page.goto(href);
  const history = page.getByRole("region", { name: "Revenue history" });
  await expect(history.getByRole("navigation", { name: "Chart unit" }).getByRole("link", { name: "USD", exact: true })).toHaveAttribute("aria-current", "true");
  await expect(history.getByTestId("chart-total")).toHaveText(`Total ${dollars} · ${inPeriod.length} payments`);
  await expect(history.getByRole("list", { name: "Days of the chart" }).getByRole("listitem")).toHaveCount(30);

  // Feeds past their allowed age (chain time): no USD figure, the chart falls back to a token, and USD says why.
  await rpc("evm_increaseTime", [DEFAULT_PRICE_MAX_AGE_SECONDS + 1]);
  await rpc("evm_mine");
  await page.reload();
  await expect(history.getByRole("navigation", { name: "Chart unit" }).getByRole("link", { name: "USD", exact: true })).not.toHaveAttribute("aria-current", "true");
  await expect(history.getByTestId("chart-total")).not.toContainText("$");
  await history.getByRole("navigation", { name: "Chart unit" }).getByRole("link", { name: "USD", exact: true }).click();
  await expect(page).toHaveURL(/unit=usd/);
  await expect(history.getByRole("status").filter({ hasText: "USD price unavailable" })).toContainText("out of date");
});
