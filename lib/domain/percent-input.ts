/** A percentage as typed, read into basis points, or why it cannot be. */
export type PercentInput = { ok: true; bps: number } | { ok: false; message: string };

const PERCENT = /^(\d{1,3})(?:[.,](\d{0,2}))?$/;

/**
 * Reads a percentage typed in a form ("30", "12.5", "0.01", "40 %") into basis points (100 = 1%), exactly: from
 * the digits, never through a float. Refused, with the reason: empty, not a number, negative, more than two
 * decimals (a basis point is the contract's unit), above 100%.
 *
 * @example
 * parsePercentInput("12.5") // { ok: true, bps: 1250 }
 * parsePercentInput("0.005") // { ok: false, message: "At most 2 decimals: the split is in basis points (0.01%)." }
 */
export function parsePercentInput(text: string): PercentInput {
  const value = text.trim().replace(/\s*%$/, "");
  if (value === "") return { ok: false, message: "Enter a percentage (0 to 100)." };
  if (value.startsWith("-")) return { ok: false, message: "A share cannot be negative." };
  if (/^\d*[.,]\d{3,}$/.test(value)) return { ok: false, message: "At most 2 decimals: shares are whole basis points (0.01%)." };
  const match = PERCENT.exec(value);
  if (!match) return { ok: false, message: "Enter a number, e.g. 30 or 12.5." };
  const bps = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  if (bps > 10_000) return { ok: false, message: "At most 100%." };
  return { ok: true, bps };
}

/**
 * Basis points as a percentage to put back in an input ("12.5", "30").
 *
 * @example
 * bpsToPercentText(1250) // "12.5"
 */
export function bpsToPercentText(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const rest = bps % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, "0").replace(/0$/, "")}`;
}
