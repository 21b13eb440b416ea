import { formatBps } from "@/lib/format";

/** Developer / infra / stakers shares as one bar with a legend. */
export function SplitBar({ split }: { split: { developerBps: number; infraBps: number; stakersBps: number } }) {
  const parts = [
    { label: "Dev", bps: split.developerBps, color: "bg-dev" },
    { label: "Infra", bps: split.infraBps, color: "bg-infra" },
    { label: "Stakers", bps: split.stakersBps, color: "bg-stakers" },
  ];
  const text = parts.map((p) => `${p.label} ${formatBps(p.bps)}`).join(" · ");
  return (
    <div className="min-w-32" title={text}>
      <div className="flex h-2 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800" aria-hidden="true">
        {parts.map((p) => (p.bps > 0 ? <div key={p.label} className={p.color} style={{ width: `${p.bps / 100}%` }} /> : null))}
      </div>
      <p className="mt-1 whitespace-nowrap text-[11px] text-stone-500 dark:text-stone-400">{text}</p>
    </div>
  );
}
