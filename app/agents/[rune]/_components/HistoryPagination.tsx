import Link from "next/link";

/** Where each paging link goes; undefined where there is nothing to go to (first or last page). */
export interface PageLinks {
  newest?: string;
  newer?: string;
  older?: string;
  oldest?: string;
}

const LINK = "rounded-lg border border-stone-300 px-3 py-1 hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800";
const OFF = "rounded-lg border border-stone-200 px-3 py-1 text-stone-400 dark:border-stone-800 dark:text-stone-600";

/**
 * Newest / Newer / Older / Oldest, as plain links carrying block-and-log cursors: each page is one keyed read from
 * a position, so the last page of a long history loads as fast as the first (no offset to skip).
 */
export function HistoryPagination({ links, summary }: { links: PageLinks; summary: string }) {
  const item = (href: string | undefined, label: string, rel?: string) =>
    href ? (
      <Link href={href} rel={rel} className={LINK}>
        {label}
      </Link>
    ) : (
      <span aria-disabled="true" className={OFF}>
        {label}
      </span>
    );
  return (
    <nav aria-label="Payment pages" className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-stone-600 dark:text-stone-400" data-testid="payments-summary">{summary}</p>
      <div className="flex flex-wrap gap-2">
        {item(links.newest, "« Newest")}
        {item(links.newer, "‹ Newer", "prev")}
        {item(links.older, "Older ›", "next")}
        {item(links.oldest, "Oldest »")}
      </div>
    </nav>
  );
}
