import Link from "next/link";

/** A section of the app that is not released yet: says what it will do and where to go meanwhile. */
export function UpcomingPage({ title, purpose }: { title: string; purpose: string }) {
  return (
    <section className="max-w-2xl">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-3 text-stone-600 dark:text-stone-400">{purpose}</p>
      <p className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
        This section is not available in this release yet. Browse the <Link href="/" className="font-medium underline">agents</Link> meanwhile.
      </p>
    </section>
  );
}
