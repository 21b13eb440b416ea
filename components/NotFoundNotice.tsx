import Link from "next/link";

/** The themed "not found" body: what was wrong, and the way back. */
export function NotFoundNotice({ title, detail }: { title: string; detail: string }) {
  return (
    <section className="mx-auto max-w-xl py-12 text-center" aria-labelledby="not-found-title">
      <p className="text-sm font-semibold uppercase tracking-wide text-amber-600 dark:text-amber-400">404</p>
      <h1 id="not-found-title" className="mt-2 text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-3 text-stone-600 dark:text-stone-400">{detail}</p>
      <Link
        href="/"
        className="mt-6 inline-block rounded-lg bg-amber-500 px-4 py-2 text-sm font-semibold text-stone-950 hover:bg-amber-400"
      >
        Back to all agents
      </Link>
    </section>
  );
}
