/** The chain could not be read for a receipt check: what happened, and that checking again retries. */
export function ReceiptCheckError({ title, detail }: { title: string; detail: string }) {
  return (
    <div role="alert" className="mt-4 rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200">
      <p className="font-semibold">{title}</p>
      <p className="mt-0.5">{detail} Check the receipt again to retry.</p>
    </div>
  );
}
