import { serialize } from "@wagmi/core";
import type { Hex } from "viem";
import { getHistorySource } from "@/lib/data/factory";
import type { RevenueTotals } from "@/lib/data/history-source";
import { readTokenPrices } from "@/lib/data/prices";
import { RECENT_REVENUE_WINDOW } from "@/lib/domain/agent";
import { buildDeveloperEarnings } from "@/lib/domain/developer-earnings";
import { isRuneHex } from "@/lib/domain/rune";
import { getPublicClient } from "@/lib/server/chain";
import { readChain } from "@/lib/server/read-chain";

export const dynamic = "force-dynamic";

/** Most runes one request may ask for (one developer's agents; a bigger list is a 400). */
const MAX_RUNES = 50;

function refuse(status: number, message: string): Response {
  return Response.json({ error: message }, { status });
}

/**
 * The developer console's earnings: `GET /api/developer/earnings?rune=0x…&rune=0x…` → per agent and token, the
 * revenue and the developer part over the last 30 days of chain time and all time, and the developer part in USD
 * (wagmi's `serialize`: bigints survive). Read through the read side (HistorySource), as every history read is.
 */
export async function GET(request: Request): Promise<Response> {
  const runes = new URL(request.url).searchParams.getAll("rune");
  if (runes.length === 0) return refuse(400, "rune: give at least one rune (?rune=0x…)");
  if (runes.length > MAX_RUNES) return refuse(400, `rune: at most ${MAX_RUNES} runes per request (${runes.length} given)`);
  const bad = runes.find((rune) => !isRuneHex(rune));
  if (bad !== undefined) return refuse(400, `rune: ${JSON.stringify(bad.slice(0, 80))} is not a rune (0x and 64 hex digits)`);
  const wanted = [...new Set(runes.map((rune) => rune.toLowerCase() as Hex))];

  const result = await readChain(async (config) => {
    const client = getPublicClient();
    const source = getHistorySource();
    // "30 days" counts back from the chain's time, not the server's clock (a local chain lives in its own time).
    const block = await client.getBlock();
    const asOf = Number(block.timestamp);
    const since30d = asOf - RECENT_REVENUE_WINDOW;
    const totals = (since: number) =>
      Promise.all(wanted.map((rune) => source.revenueTotals({ since, rune }))).then(
        (maps): RevenueTotals => new Map(maps.flatMap((map) => [...map.entries()])),
      );
    const [tokens, last30d, allTime] = await Promise.all([source.listTokens(), totals(since30d), totals(0)]);
    const { prices } = await readTokenPrices(client, {
      tokens: tokens.map((token) => token.address),
      feeds: config.priceFeeds,
      multicallAddress: config.contracts.multicall3,
      maxAgeSeconds: config.priceMaxAgeSeconds,
      blockNumber: block.number,
    });
    return buildDeveloperEarnings({ runes: wanted, tokens, last30d, allTime, prices, asOf, since30d });
  });
  if (!result.ok) return refuse(502, `${result.title}: ${result.detail}`);
  return new Response(serialize(result.data), { headers: { "content-type": "application/json", "cache-control": "no-store" } });
}
