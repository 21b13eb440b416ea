import { type ReactNode, useId } from "react";

/** A titled card of the agent page (a region named by its title, so it is reachable by screen readers and tests). */
export function Panel({ title, children }: { title: string; children: ReactNode }) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
      <h2 id={titleId} className="text-xs font-medium uppercase tracking-wide text-stone-500">
        {title}
      </h2>
      {children}
    </section>
  );
}
