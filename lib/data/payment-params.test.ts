import { type Address, zeroAddress } from "viem";
import { describe, expect, it } from "vitest";
import { DEFAULT_PAGE_SIZE } from "./history-source";
import { type PaymentParamsResult, formatCursor, parseCursor, parsePaymentParams, paymentKind, paymentSearchParams, utcDay } from "./payment-params";

const AURUNES: Address = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const USD: Address = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
const tokens = [
  { address: zeroAddress, symbol: "ETH" },
  { address: AURUNES, symbol: "AURUNES" },
  { address: USD, symbol: "tUSD" },
];

const JAN_1_2026 = 1_767_225_600;
const DAY = 86_400;

function parse(query: string, rejectUnknown = false): PaymentParamsResult {
  return parsePaymentParams(new URLSearchParams(query), tokens, { rejectUnknown });
}

function error(query: string, rejectUnknown = false): string | undefined {
  const result = parse(query, rejectUnknown);
  return result.ok ? undefined : result.error;
}

describe("parsePaymentParams", () => {
  it("gives the newest page of 50 in JSON when nothing is set, and treats empty values as absent", () => {
    const expected = { ok: true, params: { query: { pageSize: DEFAULT_PAGE_SIZE }, format: "json" } };
    expect(parse("")).toEqual(expected);
    expect(parse("token=&from=&to=&kind=&cursor=&limit=&format=")).toEqual(expected);
  });

  it("names a token by symbol in any case or by address in any case", () => {
    for (const text of ["tusd", "TUSD", "tUSD", USD, USD.toLowerCase()]) {
      const result = parse(`token=${text}`);
      expect(result.ok && result.params.query.token).toBe(USD);
    }
    const eth = parse(`token=${zeroAddress}`);
    expect(eth.ok && eth.params.query.token).toBe(zeroAddress);
  });

  it("refuses a token the distributor does not know, listing the ones it does", () => {
    expect(error("token=XYZ")).toBe('unknown token "XYZ" (known: ETH, AURUNES, tUSD)');
    expect(error(`token=0x${"1".repeat(40)}`)).toBe(`unknown token "0x${"1".repeat(40)}" (known: ETH, AURUNES, tUSD)`);
  });

  it("asks for the address when two tokens share a symbol", () => {
    const twin = { address: `0x${"2".repeat(40)}` as Address, symbol: "TUSD" };
    const result = parsePaymentParams(new URLSearchParams("token=tusd"), [...tokens, twin]);
    expect(result).toEqual({ ok: false, error: 'token "tusd" names 2 tokens: give its address' });
  });

  it("reads days as whole UTC days, `to` inclusive of its day", () => {
    const result = parse("from=2026-01-01&to=2026-01-31");
    expect(result.ok && result.params.query).toMatchObject({ from: JAN_1_2026, to: JAN_1_2026 + 31 * DAY });
    const one = parse("from=2026-01-01&to=2026-01-01");
    expect(one.ok && one.params.query).toMatchObject({ from: JAN_1_2026, to: JAN_1_2026 + DAY });
  });

  it("reads ISO-8601 times with a zone; `to` as a time is exclusive; fractions round up to whole chain seconds", () => {
    const result = parse("from=2026-01-01T12:00:00Z&to=2026-01-02T01:30:00%2B02:00");
    expect(result.ok && result.params.query).toMatchObject({ from: JAN_1_2026 + 12 * 3_600, to: JAN_1_2026 + DAY - 30 * 60 });
    const fraction = parse("from=2026-01-01T00:00:00.250Z&to=2026-01-01T00:00:10.000Z");
    expect(fraction.ok && fraction.params.query).toMatchObject({ from: JAN_1_2026 + 1, to: JAN_1_2026 + 10 });
    const minutes = parse("from=2026-01-01T00:05z");
    expect(minutes.ok && minutes.params.query.from).toBe(JAN_1_2026 + 300);
  });

  it("refuses malformed or impossible dates, times without a zone, and ranges that end before they start", () => {
    const dateError = '"from" must be a day (YYYY-MM-DD) or an ISO-8601 time with a zone (2026-01-31T12:00:00Z)';
    for (const bad of ["2026-02-30", "2026-13-01", "2026-1-5", "yesterday", "2026-01-01T12:00:00", "2026-01-01T24:00Z", "1767225600"]) {
      expect(error(`from=${encodeURIComponent(bad)}`)).toBe(dateError);
    }
    expect(error("to=2026-02-29")).toBe('"to" must be a day (YYYY-MM-DD) or an ISO-8601 time with a zone (2026-01-31T12:00:00Z)');
    expect(error("from=2026-01-31&to=2026-01-01")).toBe('"to" is before "from"');
    expect(error("from=2026-01-01T10:00:00Z&to=2026-01-01T10:00:00Z")).toBe(
      '"from" and "to" are the same instant: the range is empty',
    );
  });

  it("maps kind to the collaborative filter", () => {
    const kinds = ["all", "single", "collaborative", "COLLABORATIVE"].map((kind) => {
      const result = parse(`kind=${kind}`);
      return result.ok ? result.params.query.collaborative : "error";
    });
    expect(kinds).toEqual([undefined, false, true, true]);
    expect([undefined, false, true].map((collaborative) => paymentKind({ collaborative }))).toEqual(["all", "single", "collaborative"]);
    expect(error("kind=joint")).toBe('"kind" must be all, single or collaborative');
  });

  it("reads older (cursor) and newer cursors, one at a time", () => {
    const older = parse("cursor=1234-5");
    expect(older.ok && older.params.query.before).toEqual({ blockNumber: 1234n, logIndex: 5 });
    const newer = parse("newer=99-0");
    expect(newer.ok && newer.params.query.after).toEqual({ blockNumber: 99n, logIndex: 0 });
    expect(error("cursor=1234")).toBe('"cursor" must be <block>-<logIndex>, e.g. 1234-5');
    expect(error("cursor=-1-2")).toBe('"cursor" must be <block>-<logIndex>, e.g. 1234-5');
    expect(error("newer=0x10-1")).toBe('"newer" must be <block>-<logIndex>, e.g. 1234-5');
    expect(error("cursor=1-1&newer=2-2")).toBe('give "cursor" (older page) or "newer" (newer page), not both');
  });

  it("takes limits from 1 to 1000 only", () => {
    const sizes = ["1", "1000", "0050"].map((limit) => {
      const result = parse(`limit=${limit}`);
      return result.ok ? result.params.query.pageSize : "error";
    });
    expect(sizes).toEqual([1, 1000, 50]);
    for (const bad of ["0", "1001", "-5", "2.5", "ten", "99999999999"]) expect(error(`limit=${bad}`)).toBe('"limit" must be 1–1000');
  });

  it("reads the format", () => {
    const csv = parse("format=CSV");
    expect(csv.ok && csv.params.format).toBe("csv");
    expect(error("format=xml")).toBe('"format" must be json or csv');
  });

  it("refuses a parameter given twice, and unknown ones only when asked to", () => {
    expect(error("token=ETH&token=tUSD")).toBe('"token" is given 2 times');
    expect(parse("tab=history").ok).toBe(true);
    expect(error("form=2026-01-01", true)).toBe(
      'unknown parameter "form" (known: token, from, to, kind, cursor, newer, limit, format)',
    );
  });

  it("accepts a page's searchParams object", () => {
    const result = parsePaymentParams({ token: "eth", kind: ["single"], limit: undefined }, tokens);
    expect(result).toEqual({ ok: true, params: { query: { token: zeroAddress, collaborative: false, pageSize: 50 }, format: "json" } });
    expect(parsePaymentParams({ token: ["eth", "tusd"] }, tokens)).toEqual({ ok: false, error: '"token" is given 2 times' });
  });
});

describe("paymentSearchParams", () => {
  it("writes back what parses to the same query, leaving defaults out", () => {
    for (const text of [
      "",
      "token=tUSD&from=2026-01-01&to=2026-01-31&kind=collaborative&cursor=1234-5&limit=10&format=csv",
      "token=ETH&from=2026-01-01T12%3A00%3A00Z&to=2026-01-02T01%3A30%3A15Z&kind=single&newer=7-0",
    ]) {
      const parsed = parse(text);
      if (!parsed.ok) throw new Error(parsed.error);
      expect(paymentSearchParams(parsed.params.query, tokens, parsed.params.format).toString()).toBe(text);
    }
  });

  it("names a token by address when its symbol is shared or unknown", () => {
    const twin = { address: `0x${"2".repeat(40)}` as Address, symbol: "tUSD" };
    expect(paymentSearchParams({ token: USD }, [...tokens, twin]).get("token")).toBe(USD);
    expect(paymentSearchParams({ token: twin.address }, tokens).get("token")).toBe(twin.address);
  });

  it("prefers the older cursor when both are set", () => {
    const search = paymentSearchParams({ before: { blockNumber: 5n, logIndex: 1 }, after: { blockNumber: 9n, logIndex: 0 } }, tokens);
    expect(search.toString()).toBe("cursor=5-1");
  });
});

describe("cursors and days", () => {
  it("round-trips positions", () => {
    const position = { blockNumber: 18_000_000n, logIndex: 417 };
    expect(formatCursor(position)).toBe("18000000-417");
    expect(parseCursor(formatCursor(position))).toEqual(position);
    expect(parseCursor("18000000_417")).toBeUndefined();
  });

  it("names UTC days", () => {
    expect(utcDay(JAN_1_2026)).toBe("2026-01-01");
    expect(utcDay(JAN_1_2026 - 1)).toBe("2025-12-31");
  });
});
