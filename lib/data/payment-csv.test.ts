import { type Address, type Hex, zeroAddress } from "viem";
import { describe, expect, it } from "vitest";
import type { TokenInfo } from "../domain/agent";
import type { PaymentPage, PaymentQuery, PaymentRow } from "./history-source";
import { PAYMENT_CSV_COLUMNS, csvField, paymentCsvLine, paymentsCsvFilename, paymentsCsvStream } from "./payment-csv";
import { paymentPageJson } from "./payment-json";

const RUNE: Hex = `0x${"cd".repeat(32)}`;
const OTHER: Hex = `0x${"ef".repeat(32)}`;
const USD: Address = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
const tokens: TokenInfo[] = [
  { address: zeroAddress, symbol: "ETH", decimals: 18, allowed: true },
  { address: USD, symbol: "tUSD", decimals: 6, allowed: true },
];

function row(i: number, overrides: Partial<PaymentRow> = {}): PaymentRow {
  return {
    blockNumber: 1_000n + BigInt(i),
    logIndex: 2,
    transactionHash: `0x${i.toString(16).padStart(64, "0")}`,
    timestamp: 1_767_225_600 + i * 60,
    rune: RUNE,
    serviceId: `0x${"11".repeat(32)}`,
    payer: "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
    token: USD,
    amount: 12_345_678n,
    developerAmount: 7_407_406n,
    infraAmount: 3_086_419n,
    stakersAmount: 1_851_853n,
    ...overrides,
  };
}

/** Splits CSV text into records and fields (RFC 4180 quoting), to read back what was written. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") record.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") record.push(field), records.push(record), (record = []), (field = ""), i++;
    else field += c;
  }
  return records;
}

describe("payment CSV", () => {
  it("quotes only what needs quoting", () => {
    expect(csvField("1.5")).toBe("1.5");
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
  });

  it("writes exact decimals with the token's symbol, the collaborative whole, and a defused formula-like symbol", () => {
    const single = parseCsv(paymentCsvLine(row(1), { tokens, explorerUrl: "https://explorer.example" }))[0]!;
    const cells = Object.fromEntries(PAYMENT_CSV_COLUMNS.map((name, i) => [name, single[i]]));
    expect(cells).toMatchObject({
      time_utc: "2026-01-01T00:01:00Z",
      block: "1001",
      log_index: "2",
      token_symbol: "tUSD",
      amount: "12.345678",
      developer_amount: "7.407406",
      infra_amount: "3.086419",
      stakers_amount: "1.851853",
      collaborative_total: "",
      explorer_url: `https://explorer.example/tx/${row(1).transactionHash}`,
    });
    const joint = row(2, {
      token: zeroAddress,
      amount: 600000000000000001n,
      collaborative: { totalAmount: 10n ** 18n + 1n, runes: [RUNE, OTHER], weightsBps: [6_000, 4_000] },
    });
    const jointCells = parseCsv(paymentCsvLine(joint, { tokens }))[0]!;
    expect(jointCells.slice(9, 10)).toEqual(["0.600000000000000001"]);
    expect(jointCells.slice(13)).toEqual(["1.000000000000000001", `${RUNE} ${OTHER}`, "6000 4000", ""]);
    const odd = [...tokens, { address: `0x${"9".repeat(40)}` as Address, symbol: '=HYPERLINK("x"),1', decimals: 0, allowed: true }];
    const oddCells = parseCsv(paymentCsvLine(row(3, { token: `0x${"9".repeat(40)}` }), { tokens: odd }))[0]!;
    expect(oddCells).toHaveLength(PAYMENT_CSV_COLUMNS.length);
    expect(oddCells[7]).toBe(`'=HYPERLINK("x"),1`);
  });

  it("names the file after the agent (or rune) and the days covered, `to` inclusive", () => {
    const agent = { name: "Skald Translate!", rune: RUNE, registeredAt: 1_767_225_600, readAt: 1_775_001_600 };
    expect(paymentsCsvFilename(agent, {})).toBe("skald-translate-payments-2026-01-01-2026-04-01.csv");
    expect(paymentsCsvFilename({ ...agent, name: undefined }, { from: 1_767_312_000, to: 1_767_398_400 })).toBe(
      `${RUNE.slice(0, 10)}-payments-2026-01-02-2026-01-02.csv`,
    );
    expect(paymentsCsvFilename({ ...agent, name: "???" }, {})).toMatch(/^0xcdcdcdcd-payments-/);
  });

  it("streams the header, then every page as it is read, until the oldest", async () => {
    const pages: PaymentPage[] = [
      { rows: [row(5), row(4)], older: { blockNumber: 1_004n, logIndex: 2 }, total: 5, blockNumber: 9n },
      { rows: [row(3), row(2)], older: { blockNumber: 1_002n, logIndex: 2 }, total: 5, blockNumber: 9n },
      { rows: [row(1)], total: 5, blockNumber: 9n },
    ];
    const asked: PaymentQuery[] = [];
    const source = {
      async listPayments(query: PaymentQuery): Promise<PaymentPage> {
        asked.push(query);
        return pages[asked.length]!;
      },
    };
    const chunks: string[] = [];
    const reader = paymentsCsvStream(source, { rune: RUNE, token: USD }, pages[0]!, { tokens }).getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(new TextDecoder().decode(next.value));
    expect(chunks).toHaveLength(4);
    const records = parseCsv(chunks.join(""));
    expect(records[0]).toEqual([...PAYMENT_CSV_COLUMNS]);
    expect(records.slice(1).map((r) => r[1])).toEqual(["1005", "1004", "1003", "1002", "1001"]);
    expect(asked).toEqual([
      { rune: RUNE, token: USD, after: undefined, before: { blockNumber: 1_004n, logIndex: 2 }, pageSize: 1000 },
      { rune: RUNE, token: USD, after: undefined, before: { blockNumber: 1_002n, logIndex: 2 }, pageSize: 1000 },
    ]);
  });

  it("fails the stream (not a short file) when a later page cannot be read", async () => {
    const source = {
      async listPayments(): Promise<PaymentPage> {
        throw new Error("socket hang up");
      },
    };
    const first: PaymentPage = { rows: [row(2)], older: { blockNumber: 1_002n, logIndex: 2 }, total: 2, blockNumber: 9n };
    const reader = paymentsCsvStream(source, { rune: RUNE }, first, { tokens }).getReader();
    await reader.read(); // header
    await reader.read(); // the first page
    await expect(reader.read()).rejects.toThrow("the chain's RPC node stopped answering during the export");
  });
});

describe("payment JSON", () => {
  it("gives amounts raw and exact, times in ISO-8601 UTC, cursors as positions", () => {
    const page: PaymentPage = { rows: [row(7)], older: { blockNumber: 1_006n, logIndex: 2 }, total: 9, blockNumber: 2_000n };
    const json = paymentPageJson(RUNE, page, { tokens });
    expect(json).toMatchObject({ rune: RUNE, blockNumber: 2_000, total: 9, next: "1006-2", previous: null });
    expect(json.rows[0]).toEqual({
      position: "1007-2",
      blockNumber: 1007,
      logIndex: 2,
      transactionHash: row(7).transactionHash,
      explorerUrl: null,
      time: "2026-01-01T00:07:00Z",
      timestamp: 1_767_226_020,
      serviceId: row(7).serviceId,
      payer: row(7).payer,
      token: { address: USD, symbol: "tUSD", decimals: 6 },
      amount: { raw: "12345678", decimal: "12.345678" },
      developerAmount: { raw: "7407406", decimal: "7.407406" },
      infraAmount: { raw: "3086419", decimal: "3.086419" },
      stakersAmount: { raw: "1851853", decimal: "1.851853" },
      collaborative: null,
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
