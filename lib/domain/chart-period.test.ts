import { describe, expect, it } from "vitest";
import { chartParamEntries, parseChartParams, periodRange } from "./chart-period";
import { utcDayStart } from "./revenue-days";

describe("parseChartParams", () => {
  it("reads the period and the unit", () => {
    expect(parseChartParams({ period: "90d", unit: "usd" })).toEqual({ period: "90d", unit: "usd" });
    expect(parseChartParams({ period: "all", unit: "0x5FbDB2315678afecb367f032d93F642f64180aa3" })).toEqual({
      period: "all",
      unit: "0x5fbdb2315678afecb367f032d93f642f64180aa3",
    });
  });

  it("falls back to 30 days and the page's default unit on values it does not know", () => {
    expect(parseChartParams({})).toEqual({ period: "30d", unit: undefined });
    expect(parseChartParams({ period: "7d", unit: "eur" })).toEqual({ period: "30d", unit: undefined });
    expect(parseChartParams({ period: ["90d", "all"], unit: "0x12" })).toEqual({ period: "90d", unit: undefined });
  });

  it("round-trips through URL entries, defaults left out", () => {
    expect(chartParamEntries({ period: "30d" })).toEqual([]);
    const params = { period: "all", unit: "usd" } as const;
    expect(parseChartParams(Object.fromEntries(chartParamEntries(params)))).toEqual(params);
  });
});

describe("periodRange", () => {
  const now = utcDayStart("2025-03-31") + 50_000;

  it("covers whole UTC days up to today's, today included", () => {
    expect(periodRange("30d", now, 0)).toEqual({ from: utcDayStart("2025-03-02"), to: now + 1 });
    expect(periodRange("90d", now, 0)).toEqual({ from: utcDayStart("2025-01-01"), to: now + 1 });
  });

  it("starts all time on the day the rune was registered", () => {
    expect(periodRange("all", now, utcDayStart("2024-12-24") + 7_000)).toEqual({ from: utcDayStart("2024-12-24"), to: now + 1 });
  });
});
