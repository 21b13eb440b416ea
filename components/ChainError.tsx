"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";

/** Shown instead of data when the chain cannot be read; Retry re-renders the page on the server. */
export function ChainError({ title, detail }: { title: string; detail: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div role="alert" className="rounded-xl border border-red-300 bg-red-50 p-6 text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200">
      <h2 className="text-lg font-semibold">{title}</h2>
      <p className="mt-1 text-sm">{detail}</p>
      <button
        type="button"
        disabled={pending}
        onClick={() => startTransition(() => router.refresh())}
        className="mt-4 rounded-lg bg-red-600 px-4 py-1.5 text-sm font-semibold text-white hover:bg-red-500 disabled:opacity-70"
      >
        {pending ? "Retrying…" : "Retry"}
      </button>
    </div>
  );
}
