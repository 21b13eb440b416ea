import { type Address, type Hex, zeroAddress } from "viem";
import { describe, expect, it } from "vitest";
import type { PaymentRow } from "../history-source";
import { dailyRevenue, pagePayments, sumRevenue } from "./payment-query";
import { comparePositions, joinRows, rowsOf } from "./row-sequence";

const RUNE: Hex = `0x${"ab".repeat(32)}`;
const USD: Address = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
const DAY = 86_400;

/** `count` payments, two per block, one every 6 hours from 2026-01-01; every third is collaborative. */
function history(count: number): PaymentRow[] {
  return Array.from({ length: count }, (_, i): PaymentRow => ({
    blockNumber: 100n + BigInt(Math.floor(i / 2)),
    logIndex: (i % 2) * 3,
    transactionHash: `0x${i.toString(16).padStart(64, "0")}`,
    timestamp: 1_767_225_600 + Math.floor(i / 2) * 6 * 3_600,
    rune: RUNE,
    serviceId: `0x${"0".repeat(63)}${i % 10}`,
    payer: zeroAddress,
    token: i % 2 ? USD : zeroAddress,
    amount: BigInt(1_000 + i),
    developerAmount: BigInt(600 + i),
    infraAmount: 300n,
    stakersAmount: 100n,
    collaborative: i % 3 === 0 ? { totalAmount: BigInt(2_000 + i), runes: [RUNE], weightsBps: [10_000] } : undefined,
  }));
}

const positions = (rows: readonly PaymentRow[]) => rows.map((row) => `${row.blockNumber}-${row.logIndex}`);

describe("pagePayments", () => {
  it("pages newest first and back with cursors, through a cached part and a fresh head alike", () => {
    const rows = history(23);
    const split = joinRows(rows, 15, rows.slice(15));
    const newest = pagePayments(split, { pageSize: 10 }, 999n);
    expect(positions(newest.rows)).toEqual(positions(rows.slice(13).reverse()));
    expect(newest).toMatchObject({ total: 23, blockNumber: 999n, newer: undefined, older: { blockNumber: rows[13]!.blockNumber, logIndex: rows[13]!.logIndex } });
    const middle = pagePayments(split, { pageSize: 10, before: newest.older }, 999n);
    expect(positions(middle.rows)).toEqual(positions(rows.slice(3, 13).reverse()));
    const last = pagePayments(split, { pageSize: 10, before: middle.older }, 999n);
    expect(positions(last.rows)).toEqual(positions(rows.slice(0, 3).reverse()));
    expect(last.older).toBeUndefined();
    const back = pagePayments(split, { pageSize: 10, after: last.newer }, 999n);
    expect(back.rows).toEqual(middle.rows);
  });

  it("filters by time (from inclusive, to exclusive) and kind, counting the matches", () => {
    const rows = rowsOf(history(40));
    const from = 1_767_225_600 + DAY;
    const to = from + DAY;
    const day = pagePayments(rows, { from, to, pageSize: 1000 }, 1n);
    expect(day.total).toBe(8);
    expect(day.rows.every((row) => row.timestamp >= from && row.timestamp < to)).toBe(true);
    const joint = pagePayments(rows, { collaborative: true, pageSize: 5 }, 1n);
    expect(joint.total).toBe(14);
    expect(joint.rows.every((row) => row.collaborative)).toBe(true);
    const next = pagePayments(rows, { collaborative: true, pageSize: 5, before: joint.older }, 1n);
    expect(next.rows.every((row) => row.collaborative)).toBe(true);
    expect(comparePositions(next.rows[0]!, joint.rows.at(-1)!)).toBeLessThan(0);
  });

  it("clamps page sizes to 1–1000 and gives an empty page with no cursors beyond either end", () => {
    const rows = rowsOf(history(1_200));
    expect(pagePayments(rows, { pageSize: 5_000 }, 1n).rows).toHaveLength(1_000);
    expect(pagePayments(rows, { pageSize: 0 }, 1n).rows).toHaveLength(1);
    const beyond = pagePayments(rows, { before: { blockNumber: 1n, logIndex: 0 } }, 1n);
    expect(beyond).toMatchObject({ rows: [], older: undefined, newer: undefined, total: 1_200 });
    const ahead = pagePayments(rows, { after: { blockNumber: 10_000n, logIndex: 0 } }, 1n);
    expect(ahead).toMatchObject({ rows: [], older: undefined, newer: undefined });
    expect(pagePayments(rowsOf([]), {}, 1n)).toEqual({ rows: [], older: undefined, newer: undefined, total: 0, blockNumber: 1n });
  });
});

describe("sumRevenue and dailyRevenue", () => {
  it("sum every part per rune and token since a time, and per UTC day", () => {
    const rows = history(8);
    const totals = sumRevenue(rowsOf(rows), rows[2]!.timestamp);
    expect(totals.get(RUNE)?.get(zeroAddress)).toEqual({ amount: 3_000n + 2n + 4n + 6n, developerAmount: 1_800n + 12n, infraAmount: 900n, stakersAmount: 300n, count: 3 });
    expect(totals.get(RUNE)?.get(USD.toLowerCase() as Address)?.count).toBe(3);
    const days = dailyRevenue(rowsOf(history(16)), 0, 2 ** 40);
    expect(days.map((day) => `${day.day} ${day.token === zeroAddress ? "ETH" : "USD"} ${day.count}`)).toEqual([
      "2026-01-01 ETH 4",
      "2026-01-01 USD 4",
      "2026-01-02 ETH 4",
      "2026-01-02 USD 4",
    ]);
  });
});
