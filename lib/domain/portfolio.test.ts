import { type Address, type Hex, zeroAddress } from "viem";
import { describe, expect, it } from "vitest";
import { type Portfolio, type PortfolioPosition, canWithdraw, claimAllSelection, earningPerDay, isEmptyPortfolio, livePending, rewardTotals } from "./portfolio";

const DAY = 86_400n;
const USD: Address = "0x00000000000000000000000000000000000000aa";
const rune = (n: number): Hex => `0x${n.toString(16).padStart(64, "0")}`;
const idle = { remaining: 0n, lastUpdate: 0n, finish: 0n };
// 700 USD units over 7 days from t = 1,000: 100 per day for the whole pool.
const flowing = { remaining: 700n * 10n ** 6n, lastUpdate: 1_000n, finish: 1_000n + 7n * DAY };

function position(overrides: Partial<PortfolioPosition> = {}): PortfolioPosition {
  return {
    rune: rune(1),
    name: "Mimir",
    status: "Active",
    active: 1n,
    unbonding: 0n,
    unbondingEndsAt: 0n,
    runeActive: 4n,
    rewards: [
      { token: zeroAddress, pending: 0n, stream: idle },
      { token: USD, pending: 5n, stream: flowing },
    ],
    ...overrides,
  };
}

function portfolio(positions: PortfolioPosition[]): Portfolio {
  return { account: zeroAddress, blockNumber: 10n, blockTimestamp: 1_000n, positions, developer: [], infra: [{ token: USD, amount: 0n }] };
}

describe("livePending", () => {
  it("is exact at the snapshot and adds the account's share of the stream after it", () => {
    const p = position();
    const usd = p.rewards[1]!;
    expect(livePending(p, usd, 1_000n, 1_000n)).toBe(5n);
    expect(livePending(p, usd, 1_000n, 900n)).toBe(5n);
    expect(livePending(p, usd, 1_000n, 1_000n + DAY)).toBe(5n + 25n * 10n ** 6n);
  });
});

describe("earningPerDay", () => {
  it("is the current rate times the share, and zero once the stream has finished", () => {
    const p = position();
    expect(earningPerDay(p, p.rewards[1]!, 2_000n)).toBe(25n * 10n ** 6n);
    expect(earningPerDay(p, p.rewards[1]!, flowing.finish)).toBe(0n);
    expect(earningPerDay(position({ active: 0n }), p.rewards[1]!, 2_000n)).toBe(0n);
  });
});

describe("canWithdraw", () => {
  it("follows the contract: after the unbonding period, or at once when the rune is not Active", () => {
    const unbonding = position({ unbonding: 10n, unbondingEndsAt: 5_000n });
    expect(canWithdraw(unbonding, 4_999n)).toBe(false);
    expect(canWithdraw(unbonding, 5_000n)).toBe(true);
    expect(canWithdraw({ ...unbonding, status: "Suspended" }, 0n)).toBe(true);
    expect(canWithdraw({ ...unbonding, status: "Retired" }, 0n)).toBe(true);
    expect(canWithdraw(position(), 10_000n)).toBe(false);
  });
});

describe("claimAllSelection", () => {
  it("lists only the runes and tokens with something pending", () => {
    const nothing = position({ rune: rune(2), active: 0n, rewards: [{ token: zeroAddress, pending: 0n, stream: idle }, { token: USD, pending: 0n, stream: idle }] });
    const eth = position({ rune: rune(3), rewards: [{ token: zeroAddress, pending: 7n, stream: idle }, { token: USD, pending: 0n, stream: idle }] });
    const p = portfolio([position(), nothing, eth]);
    expect(claimAllSelection(p, 1_000n)).toEqual({ runes: [rune(1), rune(3)], tokens: [zeroAddress, USD] });
    expect(claimAllSelection(portfolio([position()]), 1_000n)).toEqual({ runes: [rune(1)], tokens: [USD] });
    expect(claimAllSelection(portfolio([nothing]), 1_000n)).toEqual({ runes: [], tokens: [] });
  });

  it("includes a reward that only started streaming since the snapshot", () => {
    const streaming = position({ rewards: [{ token: USD, pending: 0n, stream: flowing }] });
    expect(claimAllSelection(portfolio([streaming]), 1_000n)).toEqual({ runes: [], tokens: [] });
    expect(claimAllSelection(portfolio([streaming]), 1_100n)).toEqual({ runes: [rune(1)], tokens: [USD] });
  });
});

describe("rewardTotals", () => {
  it("sums the live pending and per-day figures per token", () => {
    const totals = rewardTotals(portfolio([position(), position({ rune: rune(2), active: 3n })]), 1_000n + DAY);
    expect(totals.get(USD)).toEqual({ pending: 10n + 100n * 10n ** 6n, perDay: 100n * 10n ** 6n });
    expect(totals.get(zeroAddress)).toEqual({ pending: 0n, perDay: 0n });
  });
});

describe("isEmptyPortfolio", () => {
  it("is empty with no position, no owned rune and no infra balance", () => {
    expect(isEmptyPortfolio(portfolio([]))).toBe(true);
    expect(isEmptyPortfolio(portfolio([position()]))).toBe(false);
    expect(isEmptyPortfolio({ ...portfolio([]), infra: [{ token: USD, amount: 1n }] })).toBe(false);
    expect(isEmptyPortfolio({ ...portfolio([]), developer: [
          {
            rune: rune(1),
            name: "Mimir",
            status: "Active",
            signer: USD,
            metadataURI: "ipfs://mimir",
            split: { developerBps: 7_000, infraBps: 0, stakersBps: 3_000 },
            infra: [],
            balances: [],
          },
        ],
      })).toBe(false);
  });
});
