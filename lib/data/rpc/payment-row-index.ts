import type { Address, Hex } from "viem";
import type { PaymentRow } from "../history-source";

/** Which rows a listing starts from: one rune's, one token's, both, or all. */
export interface RowSelector {
  rune?: Hex;
  token?: Address;
}

/**
 * Payments in chain order, and the same rows per rune, per token and per (rune, token), so a page of one agent
 * never walks the others' history. Append-only: rows are added newest last, and a list handed out keeps its
 * prefix (readers cut it at the block they read, see countThroughBlock).
 */
export class PaymentRowIndex {
  private readonly all: PaymentRow[] = [];
  private readonly byRune = new Map<string, PaymentRow[]>();
  private readonly byToken = new Map<string, PaymentRow[]>();
  private readonly byRuneToken = new Map<string, PaymentRow[]>();

  /** Number of rows. */
  get size(): number {
    return this.all.length;
  }

  /** Adds rows that all come after every row present, in chain order. */
  append(rows: readonly PaymentRow[]): void {
    for (const row of rows) {
      const rune = row.rune.toLowerCase();
      const token = row.token.toLowerCase();
      this.all.push(row);
      push(this.byRune, rune, row);
      push(this.byToken, token, row);
      push(this.byRuneToken, `${rune}:${token}`, row);
    }
  }

  /** The rows of a rune, a token, both or all, in chain order (a live list: read it up to a known length). */
  select(selector: RowSelector): readonly PaymentRow[] {
    const rune = selector.rune?.toLowerCase();
    const token = selector.token?.toLowerCase();
    if (rune !== undefined && token !== undefined) return this.byRuneToken.get(`${rune}:${token}`) ?? EMPTY;
    if (rune !== undefined) return this.byRune.get(rune) ?? EMPTY;
    if (token !== undefined) return this.byToken.get(token) ?? EMPTY;
    return this.all;
  }
}

const EMPTY: readonly PaymentRow[] = Object.freeze([]);

function push(map: Map<string, PaymentRow[]>, key: string, row: PaymentRow): void {
  const list = map.get(key);
  if (list) list.push(row);
  else map.set(key, [row]);
}
