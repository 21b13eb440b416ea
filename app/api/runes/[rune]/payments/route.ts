import type { Hex } from "viem";
import { getHistorySource } from "@/lib/data/factory";
import { MAX_PAGE_SIZE } from "@/lib/data/history-source";
import { paymentsCsvFilename, paymentsCsvStream } from "@/lib/data/payment-csv";
import { paymentPageJson } from "@/lib/data/payment-json";
import { parsePaymentParams } from "@/lib/data/payment-params";
import { isRuneHex } from "@/lib/domain/rune";
import { readChain } from "@/lib/server/read-chain";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" } as const;

/** Every refusal, whatever the format asked: `{ "error": "<one line>" }` as JSON. */
function refuse(status: 400 | 404 | 503, error: string): Response {
  return Response.json({ error }, { status, headers: NO_STORE });
}

/**
 * The earnings API: one rune's payments, newest first, a page at a time as JSON, or every matching payment as a
 * CSV download (`format=csv`). Parameters: lib/data/payment-params.ts; shape: lib/data/payment-json.ts and
 * payment-csv.ts. 400 for a malformed rune or parameter, 404 for an unregistered rune, 503 when the chain does
 * not answer; always one line, never a stack.
 */
export async function GET(request: Request, { params }: { params: Promise<{ rune: string }> }): Promise<Response> {
  const { rune: runeText } = await params;
  if (!isRuneHex(runeText)) return refuse(400, `"${runeText.slice(0, 80)}" is not a rune: expected 0x and 64 hex digits`);
  const rune = runeText.toLowerCase() as Hex;

  const found = await readChain(() => getHistorySource().getAgent(rune));
  if (!found.ok) return refuse(503, found.detail);
  if (!found.data) return refuse(404, `no agent is registered with rune ${rune}`);
  const { agent, tokens, blockTimestamp } = found.data;

  const parsed = parsePaymentParams(new URL(request.url).searchParams, tokens, { rejectUnknown: true });
  if (!parsed.ok) return refuse(400, parsed.error);
  const { format } = parsed.params;
  const query = { ...parsed.params.query, rune };
  const context = { tokens, explorerUrl: found.config.explorerUrl };

  if (format === "json") {
    const page = await readChain(() => getHistorySource().listPayments(query));
    if (!page.ok) return refuse(503, page.detail);
    return Response.json(paymentPageJson(rune, page.data, context), { headers: NO_STORE });
  }

  // The export is every matching row, whatever page the parameters point at: start from the newest.
  const exportQuery = { ...query, before: undefined, after: undefined, pageSize: MAX_PAGE_SIZE };
  const first = await readChain(() => getHistorySource().listPayments(exportQuery));
  if (!first.ok) return refuse(503, first.detail);
  const filename = paymentsCsvFilename(
    { name: agent.metadata?.name, rune, registeredAt: agent.registeredAt, readAt: blockTimestamp },
    exportQuery,
  );
  return new Response(paymentsCsvStream(getHistorySource(), exportQuery, first.data, context), {
    headers: {
      ...NO_STORE,
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
    },
  });
}
