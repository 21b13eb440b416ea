/**
 * The earnings API (GET /api/runes/{rune}/payments) against the seeded chain, checked against the chain's own
 * ServicePaid logs read with eth_getLogs: totals, every page, filters, the CSV export, and every refusal.
 */
import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { type Address, type Hex, decodeEventLog, encodeEventTopics, formatUnits, zeroAddress } from "viem";
import { revenueDistributorAbi } from "../contracts-abi/generated";
import { expect, rpc, test } from "./support/fixtures";
import { E2E_DEPLOYMENT_DIR } from "./support/ports";

const deployment = JSON.parse(readFileSync(`${E2E_DEPLOYMENT_DIR}/31337.json`, "utf8")) as {
  contracts: { revenueDistributor: Address; aurunesToken: Address; stablecoin: Address };
};
const distributor = deployment.contracts.revenueDistributor;
const DECIMALS: Record<string, number> = {
  [zeroAddress]: 18,
  [deployment.contracts.aurunesToken.toLowerCase()]: 18,
  [deployment.contracts.stablecoin.toLowerCase()]: 6,
};
const DAY = 86_400;

/** A ServicePaid log as read straight from the node. */
interface ChainPayment {
  position: string;
  transactionHash: Hex;
  timestamp: number;
  token: Address;
  amount: bigint;
  developerAmount: bigint;
  infraAmount: bigint;
  stakersAmount: bigint;
}

interface RawLog {
  topics: [Hex, ...Hex[]];
  data: Hex;
  blockNumber: Hex;
  logIndex: Hex;
  transactionHash: Hex;
}

interface AmountJson {
  raw: string;
  decimal: string;
}

interface RowJson {
  position: string;
  transactionHash: Hex;
  time: string;
  timestamp: number;
  token: { address: Address; symbol: string; decimals: number };
  amount: AmountJson;
  developerAmount: AmountJson;
  infraAmount: AmountJson;
  stakersAmount: AmountJson;
  collaborative: { totalAmount: AmountJson; runes: Hex[]; weightsBps: number[] } | null;
  explorerUrl: string | null;
}

interface PageJson {
  rune: Hex;
  blockNumber: number;
  total: number;
  rows: RowJson[];
  next: string | null;
  previous: string | null;
}

/** Every ServicePaid log (one rune's, or all), newest first, with eth_getLogs. */
async function chainPayments(rune?: Hex): Promise<(ChainPayment & { rune: Hex })[]> {
  const topics = encodeEventTopics({ abi: revenueDistributorAbi, eventName: "ServicePaid", args: rune ? { rune } : {} });
  const logs = await rpc<RawLog[]>("eth_getLogs", [{ address: distributor, fromBlock: "0x0", toBlock: "latest", topics }]);
  return logs
    .map((log) => {
      const { args } = decodeEventLog({ abi: revenueDistributorAbi, eventName: "ServicePaid", topics: log.topics, data: log.data });
      return {
        position: `${BigInt(log.blockNumber)}-${BigInt(log.logIndex)}`,
        transactionHash: log.transactionHash,
        timestamp: Number(args.timestamp),
        rune: args.rune,
        token: args.token,
        amount: args.amount,
        developerAmount: args.developerAmount,
        infraAmount: args.infraAmount,
        stakersAmount: args.stakersAmount,
      };
    })
    .reverse();
}

/** Transactions holding a CollaborativeServicePaid log. */
async function jointTransactions(): Promise<Set<Hex>> {
  const topics = encodeEventTopics({ abi: revenueDistributorAbi, eventName: "CollaborativeServicePaid" });
  const logs = await rpc<RawLog[]>("eth_getLogs", [{ address: distributor, fromBlock: "0x0", toBlock: "latest", topics }]);
  return new Set(logs.map((log) => log.transactionHash));
}

/** What the API must say about a chain payment. */
function expectedRow(payment: ChainPayment) {
  const decimals = DECIMALS[payment.token.toLowerCase()]!;
  const amount = (value: bigint) => ({ raw: value.toString(), decimal: formatUnits(value, decimals) });
  return {
    position: payment.position,
    transactionHash: payment.transactionHash,
    timestamp: payment.timestamp,
    time: new Date(payment.timestamp * 1000).toISOString().replace(".000Z", "Z"),
    token: expect.objectContaining({ address: payment.token, decimals }),
    amount: amount(payment.amount),
    developerAmount: amount(payment.developerAmount),
    infraAmount: amount(payment.infraAmount),
    stakersAmount: amount(payment.stakersAmount),
  };
}

async function getPage(request: APIRequestContext, rune: Hex, query: string): Promise<PageJson> {
  const response = await request.get(`/api/runes/${rune}/payments?${query}`);
  expect(response.status(), await response.text()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  return (await response.json()) as PageJson;
}

/** Every page of a query, following `next`. */
async function allRows(request: APIRequestContext, rune: Hex, query: string): Promise<{ rows: RowJson[]; total: number; pages: number }> {
  let page = await getPage(request, rune, query);
  const rows = [...page.rows];
  let pages = 1;
  const total = page.total;
  while (page.next) {
    page = await getPage(request, rune, `${query}&cursor=${page.next}`);
    expect(page.total).toBe(total);
    rows.push(...page.rows);
    pages++;
  }
  return { rows, total, pages };
}

/** The seeded rune with the most payments among those paid collaboratively too. */
async function busiestRune(): Promise<Hex> {
  const joint = await jointTransactions();
  const counts = new Map<Hex, { all: number; joint: number }>();
  for (const payment of await chainPayments()) {
    const count = counts.get(payment.rune) ?? { all: 0, joint: 0 };
    count.all++;
    if (joint.has(payment.transactionHash)) count.joint++;
    counts.set(payment.rune, count);
  }
  const [rune] = [...counts].filter(([, count]) => count.joint > 0).sort((a, b) => b[1].all - a[1].all)[0]!;
  return rune;
}

/** A minimal RFC 4180 reader, to check the CSV as a spreadsheet would read it. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += c;
  }
  return records;
}

test("one agent's payments: the total and every page equal the chain's ServicePaid logs, amounts exact", async ({ request }) => {
  const rune = await busiestRune();
  const expected = await chainPayments(rune);
  expect(expected.length).toBeGreaterThan(60);

  const first = await getPage(request, rune, "");
  expect(first).toMatchObject({ rune, total: expected.length, previous: null });
  expect(first.rows).toHaveLength(50);

  const { rows, total, pages } = await allRows(request, rune, "limit=25");
  expect(total).toBe(expected.length);
  expect(pages).toBe(Math.ceil(expected.length / 25));
  expect(rows).toEqual(expected.map((payment) => expect.objectContaining(expectedRow(payment))));
  expect(rows.every((row) => row.explorerUrl === null)).toBe(true);

  // Collaborative shares carry the whole payment, and this rune among its runes.
  const joint = await jointTransactions();
  const shares = rows.filter((row) => joint.has(row.transactionHash));
  expect(shares.length).toBeGreaterThan(0);
  for (const share of shares) {
    expect(share.collaborative?.runes).toContain(rune);
    expect(BigInt(share.collaborative!.totalAmount.raw)).toBeGreaterThan(BigInt(share.amount.raw));
  }
  expect(rows.filter((row) => !joint.has(row.transactionHash)).every((row) => row.collaborative === null)).toBe(true);

  // Back with `previous` from the second page lands on the first page.
  const second = await getPage(request, rune, `cursor=${first.next}`);
  const back = await getPage(request, rune, `newer=${second.previous}`);
  expect(back.rows).toEqual(first.rows);
});

test("token, date and kind filters narrow exactly as the chain's logs filtered the same way", async ({ request }) => {
  const rune = await busiestRune();
  const all = await chainPayments(rune);
  const joint = await jointTransactions();
  const middle = all[Math.floor(all.length / 2)]!.timestamp;
  const fromDay = new Date((middle - 20 * DAY) * 1000).toISOString().slice(0, 10);
  const toDay = new Date((middle + 10 * DAY) * 1000).toISOString().slice(0, 10);
  const from = Date.parse(`${fromDay}T00:00:00Z`) / 1000;
  const to = Date.parse(`${toDay}T00:00:00Z`) / 1000 + DAY;
  const stablecoin = deployment.contracts.stablecoin;

  const cases: [string, (payment: ChainPayment) => boolean][] = [
    ["token=tusd", (p) => p.token === stablecoin],
    [`token=${zeroAddress}`, (p) => p.token === zeroAddress],
    [`from=${fromDay}&to=${toDay}`, (p) => p.timestamp >= from && p.timestamp < to],
    [`from=${fromDay}T12:00:00Z`, (p) => p.timestamp >= from + DAY / 2],
    ["kind=collaborative", (p) => joint.has(p.transactionHash)],
    [`kind=single&token=AURUNES&to=${toDay}`, (p) => !joint.has(p.transactionHash) && p.token === deployment.contracts.aurunesToken && p.timestamp < to],
  ];
  for (const [query, keep] of cases) {
    const expected = all.filter(keep);
    expect(expected.length, query).toBeGreaterThan(0);
    expect(expected.length, query).toBeLessThan(all.length);
    const { rows, total } = await allRows(request, rune, `${query}&limit=1000`);
    expect(total, query).toBe(expected.length);
    expect(rows.map((row) => row.position), query).toEqual(expected.map((payment) => payment.position));
  }
});

test("the CSV export holds exactly the filtered rows, newest first, with exact decimal amounts", async ({ request }) => {
  const rune = await busiestRune();
  const all = await chainPayments(rune);
  const fromDay = new Date((all.at(-1)!.timestamp + 30 * DAY) * 1000).toISOString().slice(0, 10);
  const from = Date.parse(`${fromDay}T00:00:00Z`) / 1000;
  const expected = all.filter((p) => p.token === zeroAddress && p.timestamp >= from);
  expect(expected.length).toBeGreaterThan(10);

  // `limit` and `cursor` do not shorten an export: it is every matching row.
  const response = await request.get(`/api/runes/${rune}/payments?token=ETH&from=${fromDay}&format=csv&limit=3`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["cache-control"]).toBe("no-store");
  // To the day of the block read: chain time, which the seed ends near now.
  expect(response.headers()["content-disposition"]).toMatch(
    new RegExp(`^attachment; filename="[a-z0-9-]+-payments-${fromDay}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
  );
  const [header, ...records] = parseCsv(await response.text());
  expect(header!.slice(0, 4)).toEqual(["time_utc", "block", "log_index", "transaction_hash"]);
  const column = (name: string) => header!.indexOf(name);
  expect(records).toHaveLength(expected.length);
  records.forEach((record, i) => {
    const payment = expected[i]!;
    expect(`${record[column("block")]}-${record[column("log_index")]}`).toBe(payment.position);
    expect(record[column("time_utc")]).toBe(new Date(payment.timestamp * 1000).toISOString().replace(".000Z", "Z"));
    expect(record[column("token_symbol")]).toBe("ETH");
    expect(record[column("amount")]).toBe(formatUnits(payment.amount, 18));
    expect(record[column("developer_amount")]).toBe(formatUnits(payment.developerAmount, 18));
    expect(record[column("infra_amount")]).toBe(formatUnits(payment.infraAmount, 18));
    expect(record[column("stakers_amount")]).toBe(formatUnits(payment.stakersAmount, 18));
  });
});

test("every bad parameter is a 400 with its reason; an unregistered rune is a 404, a malformed one a 400", async ({ request }) => {
  const rune = await busiestRune();
  const refusals: [string, string][] = [
    ["token=XYZ", 'unknown token "XYZ" (known: ETH, AURUNES, tUSD)'],
    ["from=2026-02-30", '"from" must be a day (YYYY-MM-DD) or an ISO-8601 time with a zone (2026-01-31T12:00:00Z)'],
    ["to=tomorrow", '"to" must be a day (YYYY-MM-DD) or an ISO-8601 time with a zone (2026-01-31T12:00:00Z)'],
    ["from=2026-03-01&to=2026-02-01", '"to" is before "from"'],
    ["kind=joint", '"kind" must be all, single or collaborative'],
    ["cursor=12", '"cursor" must be <block>-<logIndex>, e.g. 1234-5'],
    ["newer=a-b", '"newer" must be <block>-<logIndex>, e.g. 1234-5'],
    ["cursor=1-1&newer=2-2", 'give "cursor" (older page) or "newer" (newer page), not both'],
    ["limit=0", '"limit" must be 1–1000'],
    ["limit=1001", '"limit" must be 1–1000'],
    ["format=xml", '"format" must be json or csv'],
    ["token=ETH&token=tUSD", '"token" is given 2 times'],
    ["form=2026-01-01", 'unknown parameter "form" (known: token, from, to, kind, cursor, newer, limit, format)'],
    ["limit=0&format=csv", '"limit" must be 1–1000'],
  ];
  for (const [query, error] of refusals) {
    const response = await request.get(`/api/runes/${rune}/payments?${query}`);
    expect(response.status(), query).toBe(400);
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect(await response.json(), query).toEqual({ error });
  }

  const unknown = `0x${"ab".repeat(32)}`;
  const missing = await request.get(`/api/runes/${unknown}/payments`);
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toEqual({ error: `no agent is registered with rune ${unknown}` });

  const malformed = await request.get("/api/runes/0x1234/payments");
  expect(malformed.status()).toBe(400);
  expect(await malformed.json()).toEqual({ error: '"0x1234" is not a rune: expected 0x and 64 hex digits' });
});

test("a chain that does not answer is a 503 with one line, never a stack", async ({ request, chain }) => {
  const rune = await busiestRune();
  await chain.setRpcReachable(false);
  const response = await request.get(`/api/runes/${rune}/payments`);
  expect(response.status()).toBe(503);
  const body = (await response.json()) as { error: string };
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error).not.toContain("\n");
  expect(body.error).not.toMatch(/at .*\.(ts|js)/);
  expect(body.error).toContain("did not answer");
});
