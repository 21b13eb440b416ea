import { BaseError, HttpRequestError, LimitExceededRpcError, ResponseBodyTooLargeError } from "viem";

/** Options of {@link readInChunks}. */
export interface ReadInChunksOptions {
  /** Blocks per call to start with (public RPCs cap `eth_getLogs` ranges). */
  chunkSize: bigint;
  /** Calls in flight at once (a batching transport sends them in one HTTP request). */
  concurrency: number;
  /** Told when a range was refused as too large and is being read in two halves (for logs and tests). */
  onSplit?: (fromBlock: bigint, toBlock: bigint) => void;
}

/**
 * Reads `[fromBlock, toBlock]` in block ranges of at most `chunkSize` blocks and returns the results in block order.
 * A range the node refuses as too large (too many blocks or results, or a response over the transport's size limit)
 * is read again in two halves, and the smaller size is kept for the ranges still to read; a single block that is
 * still refused is an error.
 *
 * @example
 * const logs = await readInChunks(0n, head, (from, to) => client.getLogs({ address, fromBlock: from, toBlock: to }), {
 *   chunkSize: 10_000n,
 *   concurrency: 4,
 * });
 */
export async function readInChunks<T>(
  fromBlock: bigint,
  toBlock: bigint,
  read: (fromBlock: bigint, toBlock: bigint) => Promise<readonly T[]>,
  options: ReadInChunksOptions,
): Promise<T[]> {
  if (options.chunkSize < 1n) throw new RangeError("chunkSize must be at least one block");
  const parts: { fromBlock: bigint; items: readonly T[] }[] = [];
  let size = options.chunkSize;
  let next = fromBlock;

  const readRange = async (from: bigint, to: bigint): Promise<void> => {
    try {
      parts.push({ fromBlock: from, items: await read(from, to) });
    } catch (error) {
      if (from === to || !isRangeTooLargeError(error)) throw error;
      options.onSplit?.(from, to);
      const mid = from + (to - from) / 2n;
      const half = mid - from + 1n;
      if (half < size) size = half;
      await readRange(from, mid);
      await readRange(mid + 1n, to);
    }
  };
  const worker = async (): Promise<void> => {
    while (next <= toBlock) {
      const from = next;
      const to = from + size - 1n < toBlock ? from + size - 1n : toBlock;
      next = to + 1n;
      await readRange(from, to);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency, Number((toBlock - fromBlock) / size) + 1));
  await Promise.all(Array.from({ length: workers }, worker));
  parts.sort((a, b) => (a.fromBlock < b.fromBlock ? -1 : a.fromBlock > b.fromBlock ? 1 : 0));
  return parts.flatMap((part) => part.items);
}

// What nodes say when a log query spans too much: "query returned more than 10000 results" (Infura, geth),
// "Log response size exceeded" (Alchemy), "block range is too wide", "exceed maximum block range: 5000",
// "eth_getLogs is limited to a 10,000 range", "Max range is 800 blocks", ...
const TOO_LARGE =
  /more than [\d,]+ (?:results|logs)|too (?:many|large|wide|big)|response size|exceed|max(?:imum)? (?:block )?range|range (?:is )?(?:too|limit)|limited to|max(?:imum)? .*blocks/i;
// Not a range problem, so splitting would only send more requests: being throttled, or asking past the head
// (anvil after a revert: "BlockOutOfRangeError: block height is 9 but requested was 12").
const NOT_SPLITTABLE = /rate.?limit|too many requests|throttl|out ?of ?range|block height/i;

/**
 * Whether a failed log query should be retried over a smaller block range.
 *
 * @example
 * isRangeTooLargeError(new LimitExceededRpcError(new Error("query returned more than 10000 results"))) // true
 */
export function isRangeTooLargeError(error: unknown): boolean {
  if (!(error instanceof BaseError)) return false;
  if (error.walk((cause) => cause instanceof ResponseBodyTooLargeError)) return true;
  const http = error.walk((cause) => cause instanceof HttpRequestError);
  if (http instanceof HttpRequestError && http.status === 429) return false;
  const text = messagesOf(error);
  if (NOT_SPLITTABLE.test(text)) return false;
  if (error.walk((cause) => cause instanceof LimitExceededRpcError)) return true;
  return TOO_LARGE.test(text);
}

/** Every message along an error's cause chain (the node's own words sit in `details` of the innermost). */
function messagesOf(error: BaseError): string {
  const messages: string[] = [];
  error.walk((cause) => {
    if (cause instanceof BaseError) messages.push(cause.shortMessage, cause.details);
    else if (cause instanceof Error) messages.push(cause.message);
    return false;
  });
  return messages.join("\n");
}
