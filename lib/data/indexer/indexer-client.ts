import { type Client, type SQL, createClient } from "@ponder/client";

/** How far the indexer has got. */
export interface IndexerProgress {
  /** `true` once its backfill is done (GET /ready answers 200): from then on it follows the chain block by block. */
  ready: boolean;
  /** The last block it has indexed, absent before it has indexed any. */
  block?: IndexedBlock;
}

/** A block the indexer has indexed: every history query is bounded by one, so a page is one consistent snapshot. */
export interface IndexedBlock {
  number: bigint;
  /** Chain time of the block (seconds). */
  timestamp: number;
}

/** The indexer did not answer, or answered with an error: the caller reads the RPC instead. */
export class IndexerUnavailableError extends Error {
  override name = "IndexerUnavailableError";
}

/** Options of {@link IndexerClient}. */
export interface IndexerClientOptions {
  /** Milliseconds one request may take (default 5,000). */
  timeoutMs?: number;
}

/**
 * The app's connection to the history indexer (scripts/indexer): read-only SQL over HTTP through @ponder/client,
 * and Ponder's own /ready and /status. Every failure is an {@link IndexerUnavailableError}.
 *
 * @example
 * const indexer = new IndexerClient("http://127.0.0.1:42069");
 * const rows = await indexer.query<{ n: number }>(sql`select count(*)::int as n from payment_view`);
 */
export class IndexerClient {
  private readonly sqlClient: Client;
  private readonly timeoutMs: number;

  constructor(
    readonly url: string,
    options: IndexerClientOptions = {},
  ) {
    this.sqlClient = createClient(`${url}/sql`);
    this.timeoutMs = options.timeoutMs ?? 5_000;
  }

  /** The rows of one read-only query (columns as named in the query; cast numbers that may exceed 2^53 to text). */
  async query<Row>(query: SQL): Promise<Row[]> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new IndexerUnavailableError(`the indexer took over ${this.timeoutMs} ms to answer`)), this.timeoutMs);
    });
    try {
      // @ponder/client's fetch takes no abort signal: a late answer is dropped, not awaited.
      const rows = await Promise.race([this.sqlClient.db.execute(query), timeout]);
      return rows as unknown as Row[];
    } catch (error) {
      if (error instanceof IndexerUnavailableError) throw error;
      throw new IndexerUnavailableError(`indexer query failed: ${firstLine(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Whether the backfill is done and the last indexed block (two small GETs, in parallel, at most 2 s: every
   * request asks this first, and a hung indexer must not hold pages up).
   */
  async progress(): Promise<IndexerProgress> {
    const timeoutMs = Math.min(this.timeoutMs, 2_000);
    const [ready, status] = await Promise.all([this.get("/ready", timeoutMs), this.get("/status", timeoutMs)]);
    // Both bodies read to the end, so their connections go back to the pool.
    const [, statusBody] = await Promise.all([ready.text().catch(() => ""), status.json().catch(() => undefined)]);
    return { ready: ready.status === 200, block: status.ok ? parseStatusBlock(statusBody) : undefined };
  }

  private async get(path: string, timeoutMs: number): Promise<Response> {
    try {
      return await fetch(`${this.url}${path}`, { signal: AbortSignal.timeout(timeoutMs), cache: "no-store" });
    } catch (error) {
      throw new IndexerUnavailableError(`the indexer at ${this.url} did not answer: ${firstLine(error)}`);
    }
  }
}

/** Ponder's /status body: `{ [chainName]: { id, block: { number, timestamp } } }`, one chain here. */
function parseStatusBlock(body: unknown): IndexedBlock | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  for (const chain of Object.values(body)) {
    const block = (chain as { block?: { number?: unknown; timestamp?: unknown } } | null)?.block;
    if (block && Number.isSafeInteger(block.number) && Number.isSafeInteger(block.timestamp)) {
      return { number: BigInt(block.number as number), timestamp: block.timestamp as number };
    }
  }
  return undefined;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}
