import { type Hex, formatUnits } from "viem";
import type { HistorySource, PaymentPage, PaymentQuery, PaymentRow } from "./history-source";
import { MAX_PAGE_SIZE } from "./history-source";
import { type PaymentEncodingContext, isoTime } from "./payment-json";
import { utcDay } from "./payment-params";

/** Columns of the payments CSV, in order. Amounts are exact decimals in whole tokens of `token_symbol`. */
export const PAYMENT_CSV_COLUMNS = [
  "time_utc",
  "block",
  "log_index",
  "transaction_hash",
  "rune",
  "service_id",
  "payer",
  "token_symbol",
  "token_address",
  "amount",
  "developer_amount",
  "infra_amount",
  "stakers_amount",
  "collaborative_total",
  "collaborative_runes",
  "collaborative_weights_bps",
  "explorer_url",
] as const;

const LINE_END = "\r\n";

/**
 * One CSV field, quoted when it must be (RFC 4180: a comma, quote or line break inside; quotes doubled).
 *
 * @example
 * csvField('say "hi", then go') // "\"say \"\"hi\"\", then go\""
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The header line of the payments CSV.
 *
 * @example
 * paymentCsvHeader() // "time_utc,block,log_index,…\r\n"
 */
export function paymentCsvHeader(): string {
  return PAYMENT_CSV_COLUMNS.join(",") + LINE_END;
}

/**
 * One payment as a CSV line (with its line end).
 *
 * @example
 * paymentCsvLine(row, { tokens }) // "2026-01-01T00:00:00Z,1234,5,0x…,…,ETH,0x0000…,1.5,1.05,0.3,0.15,,,,\r\n"
 */
export function paymentCsvLine(row: PaymentRow, context: PaymentEncodingContext): string {
  const token = context.tokens.find((t) => t.address.toLowerCase() === row.token.toLowerCase());
  const decimals = token?.decimals ?? 0;
  const amount = (value: bigint) => formatUnits(value, decimals);
  const fields = [
    isoTime(row.timestamp),
    row.blockNumber.toString(),
    String(row.logIndex),
    row.transactionHash,
    row.rune,
    row.serviceId,
    row.payer,
    spreadsheetSafe(token?.symbol ?? row.token),
    row.token,
    amount(row.amount),
    amount(row.developerAmount),
    amount(row.infraAmount),
    amount(row.stakersAmount),
    row.collaborative ? amount(row.collaborative.totalAmount) : "",
    row.collaborative ? row.collaborative.runes.join(" ") : "",
    row.collaborative ? row.collaborative.weightsBps.join(" ") : "",
    context.explorerUrl ? `${context.explorerUrl}/tx/${row.transactionHash}` : "",
  ];
  return fields.map(csvField).join(",") + LINE_END;
}

/**
 * The download's file name: `<agent name or rune prefix>-payments-<first day>-<last day>.csv`. Without `from` the
 * history starts at the agent's registration; without `to` it runs to the day of the block read.
 *
 * @example
 * paymentsCsvFilename({ name: "Skald Translate", rune, registeredAt, readAt }, { from: 1767225600 })
 * // "skald-translate-payments-2026-01-01-2026-03-31.csv"
 */
export function paymentsCsvFilename(
  agent: { name?: string; rune: Hex; registeredAt: number; readAt: number },
  query: Pick<PaymentQuery, "from" | "to">,
): string {
  const slug =
    agent.name
      ?.toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 48)
      .replace(/-+$/, "") || agent.rune.slice(0, 10);
  const first = utcDay(query.from ?? agent.registeredAt);
  // `to` is exclusive: the last day covered is that of the second before it.
  const last = utcDay(query.to !== undefined ? query.to - 1 : agent.readAt);
  return `${slug}-payments-${first}-${last}.csv`;
}

/**
 * Every payment matching a query, newest first, as a CSV byte stream: the header and the page already read are
 * sent at once, then each further page as it is read (up to 1,000 rows per read). A failed read mid-way aborts
 * the stream (the download fails visibly rather than ending short).
 *
 * @example
 * const first = await source.listPayments({ ...query, pageSize: MAX_PAGE_SIZE });
 * return new Response(paymentsCsvStream(source, query, first, context), { headers });
 */
export function paymentsCsvStream(
  source: Pick<HistorySource, "listPayments">,
  query: PaymentQuery,
  firstPage: PaymentPage,
  context: PaymentEncodingContext,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let page: PaymentPage = firstPage;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(paymentCsvHeader()));
      } else if (page.older) {
        try {
          page = await source.listPayments({ ...query, after: undefined, before: page.older, pageSize: MAX_PAGE_SIZE });
        } catch (error) {
          console.error("payments CSV: a page read failed:", error instanceof Error ? error.message.split("\n")[0] : String(error));
          controller.error(new Error("the chain's RPC node stopped answering during the export"));
          return;
        }
      } else {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(page.rows.map((row) => paymentCsvLine(row, context)).join("")));
    },
  });
}

/**
 * A token symbol is the one free-text field (set by whoever deployed the token): one starting like a formula
 * (`=`, `+`, `-`, `@`) would run as one in a spreadsheet, so it gets a leading apostrophe (OWASP's advice).
 */
function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
