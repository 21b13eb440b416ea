import { describe, expect, it } from "vitest";
import { stackedBarLayout } from "./chart-layout";
import type { RevenueBucket } from "./domain/revenue-days";

const E18 = 10n ** 18n;

function bucket(day: string, developer: bigint, infra: bigint, stakers: bigint): RevenueBucket {
  return { from: day, to: day, developer, infra, stakers, count: 1 };
}

describe("stackedBarLayout", () => {
  const buckets = [
    bucket("2025-03-01", 2n * E18, 1n * E18, 1n * E18), // 4
    bucket("2025-03-02", 0n, 0n, 0n),
    bucket("2025-03-03", 1n * E18, 0n, 1n * E18), // 2
  ];
  const layout = stackedBarLayout(buckets, { decimals: 18, xTickCount: 6, yTickCount: 4 });

  it("stacks developer, infra, stakers from the bottom, heights proportional to the amounts", () => {
    const [first, empty, third] = layout.bars;
    expect(first?.segments.map((s) => s.part)).toEqual(["developer", "infra", "stakers"]);
    const [dev, infra, stakers] = first!.segments;
    // y grows downwards: the developer part sits at the bottom of the plot.
    expect(dev!.y + dev!.height).toBeCloseTo(100);
    expect(infra!.y + infra!.height).toBeCloseTo(dev!.y);
    expect(stakers!.y + stakers!.height).toBeCloseTo(infra!.y);
    expect(dev!.height).toBeCloseTo(2 * infra!.height);
    // The third day's stack (2) is half the first's (4); a part of zero draws nothing.
    expect(third?.segments.map((s) => s.part)).toEqual(["developer", "stakers"]);
    expect(100 - third!.top).toBeCloseTo((100 - first!.top) / 2);
    expect(empty?.segments).toEqual([]);
    expect(empty?.top).toBe(100);
  });

  it("places bars left to right inside their columns, columns tiling the plot", () => {
    const xs = layout.bars.map((b) => b.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    for (const bar of layout.bars) {
      expect(bar.columnX).toBeLessThanOrEqual(bar.x);
      expect(bar.columnX + bar.columnWidth).toBeGreaterThanOrEqual(bar.x + bar.width - 1e-9);
    }
    const [a, b] = layout.bars;
    expect(a!.columnX + a!.columnWidth).toBeCloseTo(b!.columnX);
  });

  it("labels the y axis with round values in whole units, from zero up to at least the tallest stack", () => {
    const values = layout.yTicks.map((t) => t.value);
    expect(values[0]).toBe(0);
    expect(values.at(-1)).toBeGreaterThanOrEqual(4);
    expect(layout.yTicks[0]?.at).toBe(100);
  });

  it("labels at most the asked number of buckets on the x axis", () => {
    const days = Array.from({ length: 90 }, (_, i) => bucket(`d${i}`, 1n, 1n, 1n));
    const { xTicks } = stackedBarLayout(days, { decimals: 0, xTickCount: 6, yTickCount: 4 });
    expect(xTicks.length).toBeLessThanOrEqual(6);
    expect(xTicks[0]?.index).toBe(0);
  });

  it("draws an empty period on a 0–1 axis instead of failing", () => {
    const { bars, yTicks } = stackedBarLayout([bucket("2025-03-01", 0n, 0n, 0n)], { decimals: 6, xTickCount: 6, yTickCount: 4 });
    expect(bars[0]?.segments).toEqual([]);
    expect(yTicks.at(-1)?.value).toBe(1);
  });
});
