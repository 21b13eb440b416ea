import type { ReactNode } from "react";

/**
 * One yes/no check with its reason: a mark for the eye and "Yes: " / "No: " / "Unknown: " for screen readers (and
 * tests), so a failed check never reads like a passed one. `ok` undefined: could not be decided.
 */
export function CheckRow({ ok, title, detail }: { ok: boolean | undefined; title: ReactNode; detail: ReactNode }) {
  const mark = ok === undefined ? "–" : ok ? "✓" : "✗";
  const color = ok === undefined ? "text-stone-500" : ok ? "text-emerald-600 dark:text-emerald-400" : "text-red-600 dark:text-red-400";
  return (
    <li className="flex gap-2" data-outcome={ok === undefined ? "unknown" : ok ? "yes" : "no"}>
      <span aria-hidden="true" className={`w-4 shrink-0 font-semibold ${color}`}>{mark}</span>
      <div className="min-w-0">
        <p className="font-medium">
          <span className="sr-only">{ok === undefined ? "Unknown: " : ok ? "Yes: " : "No: "}</span>
          {title}
        </p>
        <p className="break-words text-stone-600 dark:text-stone-400">{detail}</p>
      </div>
    </li>
  );
}
