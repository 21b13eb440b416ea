import type { Hex } from "viem";
import { runeToSigil } from "@/lib/rune-fingerprint";

/** The rune drawn as line strokes (deterministic; no font needed). */
export function RuneSigil({ rune, size = 40, className = "" }: { rune: Hex; size?: number; className?: string }) {
  const { strokes, hue } = runeToSigil(rune);
  return (
    <svg
      viewBox="0 0 100 100"
      width={size}
      height={size}
      role="img"
      aria-label="Rune sigil"
      className={`shrink-0 rounded-lg bg-stone-900 dark:bg-stone-800 ${className}`}
    >
      {strokes.map((s, i) => (
        <line
          key={i}
          x1={s.x1}
          y1={s.y1}
          x2={s.x2}
          y2={s.y2}
          stroke={`hsl(${hue} 85% ${i === 0 ? 70 : 60}%)`}
          strokeWidth={i === 0 ? 9 : 7}
          strokeLinecap="round"
        />
      ))}
    </svg>
  );
}
