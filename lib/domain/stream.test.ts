import { describe, expect, it } from "vitest";
import { accruedBetween } from "./stream";

const DAY = 86_400n;
const stream = { remaining: 700n * 10n ** 18n, lastUpdate: 1_000n, finish: 1_000n + 7n * DAY };

describe("accruedBetween", () => {
  it("is the account's share of the linear release", () => {
    expect(accruedBetween(stream, 1n, 4n, 1_000n, 1_000n + DAY)).toBe(25n * 10n ** 18n);
    expect(accruedBetween(stream, 4n, 4n, 1_000n, 1_000n + DAY)).toBe(100n * 10n ** 18n);
  });

  it("releases nothing before the last update or after the finish", () => {
    expect(accruedBetween(stream, 1n, 1n, 0n, 1_000n)).toBe(0n);
    expect(accruedBetween(stream, 1n, 1n, stream.finish, stream.finish + DAY)).toBe(0n);
    expect(accruedBetween(stream, 1n, 1n, 0n, stream.finish + 10n * DAY)).toBe(stream.remaining);
  });

  it("is zero without stake or without anything left", () => {
    expect(accruedBetween(stream, 0n, 4n, 1_000n, 2_000n)).toBe(0n);
    expect(accruedBetween(stream, 1n, 0n, 1_000n, 2_000n)).toBe(0n);
    expect(accruedBetween({ ...stream, remaining: 0n }, 1n, 1n, 1_000n, 2_000n)).toBe(0n);
  });
});
