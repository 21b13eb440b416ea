import { type Address, BlockNotFoundError, type Hex, type PublicClient } from "viem";
import type { PaymentRow } from "../history-source";
import { readPaymentRows } from "./payment-logs";
import { PaymentRowIndex, type RowSelector } from "./payment-row-index";
import { type RowSequence, countThroughBlock, joinRows } from "./row-sequence";

/** Options of {@link PaymentLogCache}. */
export interface PaymentLogCacheOptions {
  distributor: Address;
  /** First block that can hold a payment (the distributor's deployment). */
  fromBlock: bigint;
  /** Blocks per `eth_getLogs` (halved when a node refuses a range). */
  chunkSize: bigint;
  /** `eth_getLogs` calls in flight at once while filling the cache. */
  concurrency: number;
  /** When the node has no `finalized` block tag: blocks below the head taken as final. */
  confirmations: bigint;
}

/** The chain's head as read at the start of a request, and how far the cache may hold. */
export interface ChainHead {
  number: bigint;
  hash: Hex;
  /** Chain time of the head (seconds). */
  timestamp: number;
  /** The newest block taken as final: the node's `finalized` block, else head − confirmations. */
  final: { number: bigint; hash?: Hex };
}

/** Every payment up to one head: the cached final part and the freshly read rest, selected per rune or token. */
export interface PaymentView {
  select(selector: RowSelector): RowSequence;
}

/** What the cache holds: rows of `[fromBlock, tip.number]`, and the tip's hash to notice reorgs and reverts. */
interface CacheState {
  index: PaymentRowIndex;
  tip?: { number: bigint; hash: Hex };
}

/**
 * The payments of one distributor, read once per block range: final blocks (which never change) are kept in
 * memory for the life of the process and extended as finality moves; newer blocks are read fresh on every
 * request and never kept. The tip's hash is checked on every read: if it changed (a reorg, or a local chain
 * reverted to a snapshot) the cache is dropped and rebuilt. Concurrent requests share one extension.
 *
 * @example
 * const cache = new PaymentLogCache(client, { distributor, fromBlock, chunkSize: 10_000n, concurrency: 4, confirmations: 64n });
 * const head = await cache.readHead();
 * const view = await cache.view(head);
 * const rows = view.select({ rune });
 */
export class PaymentLogCache {
  private state: CacheState = { index: new PaymentRowIndex() };
  /** The extension in flight, if any (never rejects). */
  private extension?: Promise<void>;
  /** The latest view, shared by every read at the same head (a page's several reads cost one log read). */
  private shared?: { hash: Hex; state: CacheState; view: Promise<PaymentView> };

  constructor(
    private readonly client: PublicClient,
    private readonly options: PaymentLogCacheOptions,
  ) {}

  /**
   * Reads the head, the final block and the cached tip in one batch, and drops the cache when its tip is no
   * longer on the chain.
   */
  async readHead(): Promise<ChainHead> {
    const state = this.state;
    const tip = state.tip;
    const [latest, finalized, tipBlock] = await Promise.all([
      this.client.getBlock({ blockTag: "latest" }),
      // Nodes without the tag answer with an error: then finality is counted in confirmations below.
      this.client.getBlock({ blockTag: "finalized" }).catch(() => undefined),
      tip ? this.client.getBlock({ blockNumber: tip.number }).catch(notFoundAsUndefined) : undefined,
    ]);
    if (latest.hash === null) throw new Error("the node returned a pending block as latest");
    if (tip && tipBlock?.hash !== tip.hash && this.state === state) this.reset();

    let final: ChainHead["final"];
    if (finalized && finalized.number !== null && finalized.hash !== null && finalized.number <= latest.number) {
      final = { number: finalized.number, hash: finalized.hash };
    } else {
      final = { number: latest.number > this.options.confirmations ? latest.number - this.options.confirmations : 0n };
    }
    return { number: latest.number, hash: latest.hash, timestamp: Number(latest.timestamp), final };
  }

  /**
   * Every payment up to `head`: extends the cache to the final block if needed (shared with concurrent requests)
   * and reads the blocks after the cache's tip. Reads at the same head block (same hash: the same chain up to it)
   * share one view.
   */
  view(head: ChainHead): Promise<PaymentView> {
    const shared = this.shared;
    if (shared && shared.hash === head.hash && shared.state === this.state) return shared.view;
    const view = this.readView(head);
    this.shared = { hash: head.hash, state: this.state, view };
    view.catch(() => {
      if (this.shared?.view === view) this.shared = undefined;
    });
    return view;
  }

  private async readView(head: ChainHead): Promise<PaymentView> {
    const { fromBlock, chunkSize } = this.options;
    const tipBefore = this.state.tip?.number ?? fromBlock - 1n;
    const freshFrom = (tipBefore > head.final.number ? tipBefore : head.final.number) + 1n;
    // When the cache must grow and everything after its tip fits one chunk, one eth_getLogs reads both the blocks
    // that became final and those after them; otherwise the two ranges are read side by side (one batch).
    const together = tipBefore < head.final.number && head.number - tipBefore <= chunkSize;
    const [afterFinal, freshRead] = await Promise.all([
      this.extendTo(head.final, together ? head.number : head.final.number),
      together ? undefined : this.readRows(freshFrom, head.number),
    ]);
    // (Another request's extension may have done ours meanwhile: then the blocks after the final one are still to read.)
    const freshRows = freshRead ?? afterFinal ?? (await this.readRows(freshFrom, head.number));
    const { index, tip } = this.state;
    const tipNumber = tip?.number ?? fromBlock - 1n;
    const storedThrough = tipNumber < head.number ? tipNumber : head.number;
    // Another request may have moved the tip meanwhile: past it (keep only what the cache lacks), or, after a
    // rebuild, short of where this read started (read the gap).
    let fresh = freshRows.filter((row) => row.blockNumber > storedThrough);
    if (storedThrough + 1n < freshFrom) fresh = [...(await this.readRows(storedThrough + 1n, freshFrom - 1n)), ...fresh];
    const freshIndex = new PaymentRowIndex();
    freshIndex.append(fresh);
    return {
      select(selector) {
        // The cached lists may grow while this view is used: cut them at the block this view covers.
        const stored = index.select(selector);
        return joinRows(stored, countThroughBlock(stored, storedThrough), freshIndex.select(selector));
      },
    };
  }

  /** Number of payments kept in memory (for tests and diagnostics). */
  get cachedRows(): number {
    return this.state.index.size;
  }

  /** The newest block the cache holds, if any. */
  get cachedTip(): bigint | undefined {
    return this.state.tip?.number;
  }

  private reset(): void {
    this.state = { index: new PaymentRowIndex() };
  }

  /**
   * Extends the cache to `final` unless it already reaches it, reading through `readTo` (≥ final). Returns the
   * rows after `final` when this call's own read covered them, else `undefined`.
   */
  private async extendTo(final: ChainHead["final"], readTo: bigint): Promise<PaymentRow[] | undefined> {
    let afterFinal: PaymentRow[] | undefined;
    for (;;) {
      const tipNumber = this.state.tip?.number ?? this.options.fromBlock - 1n;
      if (tipNumber >= final.number) return afterFinal;
      if (this.extension) {
        // Someone is already extending: wait for it (its failure is theirs to report), then look again.
        await this.extension;
        continue;
      }
      const read = this.extend(this.state, final, readTo);
      // What waiters wait on: settled either way (a failure is reported to this call, and waiters look again).
      const extension: Promise<void> = read.then(
        () => undefined,
        () => undefined,
      );
      this.extension = extension;
      try {
        afterFinal = await read;
      } finally {
        if (this.extension === extension) this.extension = undefined;
      }
    }
  }

  /**
   * Reads the blocks from the tip through `readTo`, keeps those up to `final` and returns the rest (`undefined`
   * when the cache was dropped meanwhile). The final block's hash is recorded with them; the next
   * {@link readHead} checks it, so rows read while a local chain was being reverted do not outlive it.
   */
  private async extend(state: CacheState, final: ChainHead["final"], readTo: bigint): Promise<PaymentRow[] | undefined> {
    const from = state.tip ? state.tip.number + 1n : this.options.fromBlock;
    const [hash, rows] = await Promise.all([
      final.hash ?? this.client.getBlock({ blockNumber: final.number }).then((block) => block.hash),
      this.readRows(from, readTo),
    ]);
    // Dropped meanwhile (a reorg seen by another request): these rows may belong to the old chain.
    if (this.state !== state) return undefined;
    const kept = countThroughBlock(rows, final.number);
    state.index.append(rows.slice(0, kept));
    state.tip = { number: final.number, hash };
    return rows.slice(kept);
  }

  private readRows(fromBlock: bigint, toBlock: bigint): Promise<PaymentRow[]> {
    const { distributor, chunkSize, concurrency } = this.options;
    return readPaymentRows(this.client, { distributor, fromBlock, toBlock, chunkSize, concurrency });
  }
}

function notFoundAsUndefined(error: unknown): undefined {
  if (error instanceof BlockNotFoundError) return undefined;
  throw error;
}
