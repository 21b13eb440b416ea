/**
 * Shown while the payment history streams in (the rest of the page is already there): says what is happening,
 * with an indeterminate progress bar that needs no JavaScript.
 */
export function HistoryLoading({ what }: { what: string }) {
  return (
    <div role="status" aria-live="polite" className="mt-3 rounded-lg border border-dashed border-stone-300 p-6 text-center dark:border-stone-700">
      <p className="text-sm text-stone-600 dark:text-stone-300">{what}</p>
      <progress aria-label={what} className="mx-auto mt-3 block h-1.5 w-48 overflow-hidden rounded-full accent-amber-500" />
    </div>
  );
}
