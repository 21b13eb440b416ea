/**
 * Whether the e2e history indexer is in step with the chain: its backfill done (GET /ready is 200) and the last
 * block it indexed (GET /status) the chain's head, same number and same time. The same test as the app's
 * FallbackHistorySource makes before it reads the indexer, so a spec that waits for it knows the app's next
 * history read comes from the indexer. Used by the chain server's health check and the `chain` fixture.
 */

/** Where the indexer stands against the chain, for messages. */
export interface IndexerStep {
  inStep: boolean;
  ready: boolean;
  indexed?: { number: number; timestamp: number };
  head: { number: number; timestamp: number };
}

async function headOf(anvilUrl: string): Promise<{ number: number; timestamp: number }> {
  const response = await fetch(anvilUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_getBlockByNumber", params: ["latest", false] }),
  });
  const { result } = (await response.json()) as { result: { number: string; timestamp: string } };
  return { number: Number(result.number), timestamp: Number(result.timestamp) };
}

async function indexedBlockOf(indexerUrl: string): Promise<{ ready: boolean; indexed?: { number: number; timestamp: number } }> {
  try {
    const [ready, status] = await Promise.all([
      fetch(`${indexerUrl}/ready`, { signal: AbortSignal.timeout(2_000) }),
      fetch(`${indexerUrl}/status`, { signal: AbortSignal.timeout(2_000) }),
    ]);
    await ready.arrayBuffer();
    const body = status.ok ? ((await status.json()) as Record<string, { block?: { number: number; timestamp: number } }>) : {};
    // One chain ("aurorune") in this project.
    const block = Object.values(body)[0]?.block;
    return { ready: ready.status === 200, indexed: block ? { number: block.number, timestamp: block.timestamp } : undefined };
  } catch {
    return { ready: false };
  }
}

/** One look: the indexer's progress and the chain's head. */
export async function indexerStep(indexerUrl: string, anvilUrl: string): Promise<IndexerStep> {
  const [{ ready, indexed }, head] = await Promise.all([indexedBlockOf(indexerUrl), headOf(anvilUrl)]);
  const inStep = ready && indexed !== undefined && indexed.number === head.number && indexed.timestamp === head.timestamp;
  return { inStep, ready, indexed, head };
}

/** Describes a step for an error message. */
export function describeStep(step: IndexerStep): string {
  const indexed = step.indexed ? `block ${step.indexed.number} (time ${step.indexed.timestamp})` : "no block";
  return `indexer ${step.ready ? "ready" : "not ready"} at ${indexed}, chain head block ${step.head.number} (time ${step.head.timestamp})`;
}

/**
 * Resolves once the indexer is in step with the chain's head; rejects after `timeoutMs` with where it stands
 * (a wait on a condition, not a timing assertion: the deadline only turns a stuck indexer into a clear failure).
 */
export async function waitForIndexerInStep(indexerUrl: string, anvilUrl: string, timeoutMs = 60_000, hint = ""): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const step = await indexerStep(indexerUrl, anvilUrl);
    if (step.inStep) return;
    if (Date.now() > deadline) {
      throw new Error(`the history indexer did not catch up with the chain within ${timeoutMs / 1000} s: ${describeStep(step)}${hint}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
