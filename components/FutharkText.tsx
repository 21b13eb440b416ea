import type { Hex } from "viem";
import { ELDER_FUTHARK, FUTHARK_STROKES, runeToFuthark } from "@/lib/rune-fingerprint";

/**
 * The rune's futhark form drawn as strokes (no runic font needed). Screen readers and copy get the Unicode
 * letters.
 */
export function FutharkText({ rune, height = 14, className = "" }: { rune: Hex; height?: number; className?: string }) {
  const text = runeToFuthark(rune);
  const letters = [...ELDER_FUTHARK];
  const glyphs = [...text].map((letter) => FUTHARK_STROKES[letters.indexOf(letter)] ?? "");
  const advance = 11;
  return (
    <span className={`inline-flex items-center ${className}`} title={text}>
      <svg
        viewBox={`-1.5 -1.5 ${glyphs.length * advance} 19`}
        height={height}
        width={(height * glyphs.length * advance) / 19}
        role="img"
        aria-label={`Futhark ${text}`}
      >
        {glyphs.map((d, i) => (
          <path key={i} d={d} transform={`translate(${i * advance} 0)`} stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" fill="none" />
        ))}
      </svg>
      <span className="sr-only">{text}</span>
    </span>
  );
}
