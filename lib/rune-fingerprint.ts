import type { Hex } from "viem";

/** The 24 letters of the Elder Futhark (Unicode Runic block). */
export const ELDER_FUTHARK = "ᚠᚢᚦᚨᚱᚲᚷᚹᚺᚾᛁᛃᛇᛈᛉᛊᛏᛒᛖᛗᛚᛜᛞᛟ";

/** Letters in a rune's futhark form: 8 letters carry 8 × log2(24) ≈ 36.7 bits. */
export const FUTHARK_LENGTH = 8;

/** One stroke of a sigil, in a 0–100 coordinate box. */
export interface SigilStroke {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A drawable, deterministic picture of a rune. */
export interface Sigil {
  strokes: SigilStroke[];
  /** Hue (0–359) of the strokes. */
  hue: number;
}

function hexBytes(rune: Hex): number[] {
  if (!/^0x[0-9a-fA-F]{64}$/.test(rune)) throw new Error(`not a rune (bytes32 hex): ${rune}`);
  const bytes: number[] = [];
  for (let i = 2; i < 66; i += 2) bytes.push(Number.parseInt(rune.slice(i, i + 2), 16));
  return bytes;
}

/**
 * The rune as a short string of Elder Futhark letters, for comparing two runes by eye. Each letter takes
 * the whole 256-bit value modulo 24 in turn, so every bit of the rune affects the string.
 *
 * @example
 * runeToFuthark("0x…") // "ᚠᛖᚱᚾᛟᛞᚲᛉ"
 */
export function runeToFuthark(rune: Hex): string {
  let rest = BigInt(`0x${hexBytes(rune).map((b) => b.toString(16).padStart(2, "0")).join("")}`);
  const letters = [...ELDER_FUTHARK];
  let out = "";
  for (let i = 0; i < FUTHARK_LENGTH; i++) {
    out += letters[Number(rest % 24n)];
    rest /= 24n;
  }
  return out;
}

/**
 * Each Elder Futhark letter as straight strokes (SVG path data in an 8 × 16 box), in {@link ELDER_FUTHARK}
 * order, so the futhark form renders identically everywhere with no runic font installed.
 */
export const FUTHARK_STROKES: readonly string[] = [
  "M2 0V16M2 5L8 1M2 10L8 6", // ᚠ fehu
  "M2 16V0L7 5V16", // ᚢ uruz
  "M2 0V16M2 4L7 8L2 12", // ᚦ thurisaz
  "M2 0V16M2 1L7 5M2 6L7 10", // ᚨ ansuz
  "M2 16V0L7 4L2 8L7 16", // ᚱ raido
  "M7 2L2 8L7 14", // ᚲ kaunan
  "M1 2L7 14M7 2L1 14", // ᚷ gebo
  "M2 0V16M2 0L7 4L2 8", // ᚹ wunjo
  "M1 0V16M7 0V16M1 5L7 10", // ᚺ hagalaz
  "M4 0V16M1 6L7 10", // ᚾ naudiz
  "M4 0V16", // ᛁ isaz
  "M4 1L1 5L4 9M4 7L7 11L4 15", // ᛃ jera
  "M4 0V16M4 0L7 3M4 16L1 13", // ᛇ eihwaz
  "M2 0V16M2 1L7 4V6M2 15L7 12V10", // ᛈ perthro
  "M4 0V16M4 6L0 1M4 6L8 1", // ᛉ algiz
  "M7 0L2 5L7 10L2 16", // ᛊ sowilo
  "M4 0V16M0 4L4 0L8 4", // ᛏ tiwaz
  "M2 0V16M2 0L7 4L2 8L7 12L2 16", // ᛒ berkanan
  "M1 0V16M7 0V16M1 0L4 4L7 0", // ᛖ ehwaz
  "M1 0V16M7 0V16M1 0L7 6M7 0L1 6", // ᛗ mannaz
  "M2 0V16M2 0L7 5", // ᛚ laguz
  "M4 2L7 8L4 14L1 8Z", // ᛜ ingwaz
  "M1 0V16M7 0V16M1 0L7 16M7 0L1 16", // ᛞ dagaz
  "M4 0L8 5L1 16M4 0L0 5L7 16", // ᛟ othala
];

/** Grid points strokes run between: a 3 × 3 lattice, like the staves runes are carved on. */
const POINTS: readonly [number, number][] = [
  [20, 14], [50, 14], [80, 14],
  [20, 50], [50, 50], [80, 50],
  [20, 86], [50, 86], [80, 86],
];

/**
 * The rune as a sigil: a central stave plus five strokes between lattice points chosen by the rune's bytes,
 * in a hue taken from the rune. Pure line strokes: no font needed.
 */
export function runeToSigil(rune: Hex): Sigil {
  const bytes = hexBytes(rune);
  const strokes: SigilStroke[] = [{ x1: 50, y1: 8, x2: 50, y2: 92 }];
  const seen = new Set<string>(["1-7"]);
  let cursor = 0;
  while (strokes.length < 6 && cursor < 30) {
    const a = (bytes[cursor] ?? 0) % 9;
    const b = (bytes[cursor + 1] ?? 0) % 9;
    cursor += 2;
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    const [x1, y1] = POINTS[a] as [number, number];
    const [x2, y2] = POINTS[b] as [number, number];
    strokes.push({ x1, y1, x2, y2 });
  }
  const hue = (((bytes[30] ?? 0) << 8) | (bytes[31] ?? 0)) % 360;
  return { strokes, hue };
}
