/** Skeleton shown while the server reads the chain. */
export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading" className="animate-pulse">
      <div className="mb-6 h-8 w-40 rounded bg-stone-200 dark:bg-stone-800" />
      <div className="mb-4 h-10 w-full max-w-md rounded-lg bg-stone-200 dark:bg-stone-800" />
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="mb-2 h-16 rounded-lg bg-stone-200 dark:bg-stone-800" />
      ))}
    </div>
  );
}
