import type { RuneStatus } from "@/lib/domain/agent";

// One colour per status, everywhere a status is shown: a suspended rune must never look like an active one.
const STATUS_STYLE: Record<RuneStatus, string> = {
  Active: "bg-emerald-100 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-950 dark:text-emerald-300 dark:ring-emerald-400/30",
  Suspended: "bg-red-100 text-red-800 ring-red-600/25 dark:bg-red-950 dark:text-red-300 dark:ring-red-400/30",
  Retired: "bg-stone-200 text-stone-700 ring-stone-500/20 dark:bg-stone-800 dark:text-stone-300 dark:ring-stone-400/20",
  Unregistered: "bg-stone-200 text-stone-700 ring-stone-500/20 dark:bg-stone-800 dark:text-stone-300 dark:ring-stone-400/20",
};

const SIZE = {
  small: "px-2 py-0.5 text-xs",
  large: "px-3 py-1 text-sm",
} as const;

/** A rune's status as a coloured pill. */
export function StatusBadge({ status, size = "small" }: { status: RuneStatus; size?: keyof typeof SIZE }) {
  return (
    <span className={`inline-flex items-center whitespace-nowrap rounded-full font-medium ring-1 ring-inset ${SIZE[size]} ${STATUS_STYLE[status]}`}>
      {status}
    </span>
  );
}
