import { db } from "ponder:api";
import { collaborativePayment, payment, paymentView, revenueDay } from "ponder:schema";
import { sql } from "ponder";

/** Fewer payments than this: every plan is fast, no statistics needed. */
const MIN_ROWS = 1_000;

/**
 * Keeps the query planner's statistics of the tables the app reads, on PGlite. PGlite has no autovacuum, so a
 * backfill leaves them without any: the planner then guesses ~180 payments for a rune that has 28,000 and reads
 * all of them to sort out a 1,000-row CSV page (0.5 s instead of 2 ms at 100,000 payments), and counts them
 * through the table instead of the index. Every `intervalMs` it counts the payments and runs VACUUM ANALYZE once
 * they have doubled since the last run (a handful of runs over a whole backfill, about a second each at 100,000
 * payments). Postgres (DATABASE_URL) has its autovacuum: nothing to do there.
 */
export function keepStatistics(intervalMs = 10_000): void {
  let analyzedAt = 0;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void (async () => {
      try {
        const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${paymentView}`);
        const count = Number(rows[0]?.n ?? 0);
        if (count < MIN_ROWS || count < analyzedAt * 2) return;
        // The tables by their schema-qualified names (drizzle renders them so): an unqualified name can be
        // Ponder's temporary table of the same name (see the views in ponder.schema.ts).
        await db.execute(sql`vacuum analyze ${payment}, ${revenueDay}, ${collaborativePayment}`);
        analyzedAt = count;
      } catch {
        // The database is shutting down, or busy: the next look tries again.
      } finally {
        running = false;
      }
    })();
  }, intervalMs);
  timer.unref();
}
