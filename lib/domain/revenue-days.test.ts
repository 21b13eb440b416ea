import type { Address } from "viem";
import { describe, expect, it } from "vitest";
import type { DailyRevenue } from "../data/history-source";
import { type RevenueBucket, bucketTotal, dailyBuckets, daysInRange, groupBuckets, utcDay, utcDayStart } from "./revenue-days";

const ETH = "0x0000000000000000000000000000000000000000" as Address;
const USD = "0x5FbDB2315678afecb367f032d93F642f64180aa3" as Address;

function row(day: string, token: Address, developer: bigint, infra: bigint, stakers: bigint, count = 1): DailyRevenue {
  return { day, token, amount: developer + infra + stakers, developerAmount: developer, infraAmount: infra, stakersAmount: stakers, count };
}

describe("utcDay / daysInRange", () => {
  it("names the UTC day of a chain time, whatever the machine's zone", () => {
    expect(utcDay(utcDayStart("2025-03-30"))).toBe("2025-03-30");
    expect(utcDay(utcDayStart("2025-03-30") + 86_399)).toBe("2025-03-30");
    expect(utcDay(utcDayStart("2025-03-30") + 86_400)).toBe("2025-03-31");
  });

  it("lists every day the range touches, the partial first and last days included", () => {
    const from = utcDayStart("2025-02-27") + 3_600;
    const to = utcDayStart("2025-03-02") + 1;
    expect(daysInRange(from, to)).toEqual(["2025-02-27", "2025-02-28", "2025-03-01", "2025-03-02"]);
    // `to` is exclusive: a range ending exactly at midnight does not touch the next day.
    expect(daysInRange(utcDayStart("2025-03-01"), utcDayStart("2025-03-03"))).toEqual(["2025-03-01", "2025-03-02"]);
    expect(daysInRange(100, 100)).toEqual([]);
  });
});

describe("dailyBuckets", () => {
  const days = ["2025-03-01", "2025-03-02", "2025-03-03"];
  const series = [
    row("2025-03-01", ETH, 5n, 3n, 2n, 2),
    row("2025-03-01", USD, 500n, 300n, 200n),
    row("2025-03-03", ETH, 1n, 1n, 1n),
    row("2025-02-28", ETH, 9n, 9n, 9n), // outside the days asked for
  ];

  it("keeps one token's rows, fills days without payments with zeros, in the days' order", () => {
    expect(dailyBuckets(series, days, { token: ETH })).toEqual<RevenueBucket[]>([
      { from: "2025-03-01", to: "2025-03-01", developer: 5n, infra: 3n, stakers: 2n, count: 2 },
      { from: "2025-03-02", to: "2025-03-02", developer: 0n, infra: 0n, stakers: 0n, count: 0 },
      { from: "2025-03-03", to: "2025-03-03", developer: 1n, infra: 1n, stakers: 1n, count: 1 },
    ]);
  });

  it("matches the token whatever the address's case", () => {
    expect(dailyBuckets(series, days, { token: USD.toLowerCase() as Address })[0]?.developer).toBe(500n);
  });

  it("adds every token through a conversion (e.g. into USD)", () => {
    const value = (amount: bigint, token: Address) => (token === ETH ? amount * 1_000n : amount);
    const [first] = dailyBuckets(series, days, { value });
    expect(first).toEqual({ from: "2025-03-01", to: "2025-03-01", developer: 5_500n, infra: 3_300n, stakers: 2_200n, count: 3 });
  });
});

describe("groupBuckets", () => {
  const daily = daysInRange(utcDayStart("2024-01-01"), utcDayStart("2025-01-01")).map((day, i): RevenueBucket => ({
    from: day,
    to: day,
    developer: BigInt(i),
    infra: 1n,
    stakers: 2n,
    count: 1,
  }));

  it("leaves a period that fits one bar per day alone", () => {
    expect(groupBuckets(daily.slice(0, 90), 120)).toEqual(daily.slice(0, 90));
  });

  it("merges a long period into whole weeks, keeping every sum exact", () => {
    const weekly = groupBuckets(daily, 120);
    expect(daily).toHaveLength(366);
    expect(weekly).toHaveLength(53);
    expect(weekly[0]).toEqual({ from: "2024-01-01", to: "2024-01-07", developer: 21n, infra: 7n, stakers: 14n, count: 7 });
    expect(weekly.at(-1)).toMatchObject({ from: "2024-12-30", to: "2024-12-31", count: 2 });
    const sum = (list: RevenueBucket[]) => list.reduce((total, b) => total + bucketTotal(b), 0n);
    expect(sum(weekly)).toBe(sum(daily));
    expect(weekly.reduce((n, b) => n + b.count, 0)).toBe(366);
  });

  it("uses two-week bars when weeks still do not fit", () => {
    const grouped = groupBuckets(daily, 30);
    expect(grouped[0]).toMatchObject({ from: "2024-01-01", to: "2024-01-14" });
    expect(grouped.length).toBeLessThanOrEqual(30);
  });
});
