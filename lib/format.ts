import { formatUnits } from "viem";

/** Options of {@link formatAmount}. */
export interface FormatAmountOptions {
  /** Most fraction digits shown (rounded down, so a balance is never overstated). Default 4. */
  maxFractionDigits?: number;
  /** Appended after a space, e.g. "ETH". */
  symbol?: string;
}

/**
 * Formats a token amount exactly from its integer units, with thousands separators and a bounded number of
 * fraction digits. Never goes through `Number`, so large amounts keep every digit.
 *
 * @example
 * formatAmount(1234567890000000000000n, 18, { symbol: "AURUNES" }) // "1,234.5678 AURUNES"
 */
export function formatAmount(value: bigint, decimals: number, options: FormatAmountOptions = {}): string {
  const maxFractionDigits = options.maxFractionDigits ?? 4;
  const negative = value < 0n;
  const [whole = "0", fraction = ""] = formatUnits(negative ? -value : value, decimals).split(".");
  let shownFraction = fraction.slice(0, maxFractionDigits).replace(/0+$/, "");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  if (shownFraction === "" && fraction.replace(/0+$/, "") !== "" && whole === "0") {
    // Non-zero but below the shown precision: say so instead of printing 0.
    const smallest = `0.${"0".repeat(Math.max(0, maxFractionDigits - 1))}1`;
    return `${negative ? ">-" : "<"}${smallest}${options.symbol ? ` ${options.symbol}` : ""}`;
  }
  shownFraction = shownFraction ? `.${shownFraction}` : "";
  return `${negative ? "-" : ""}${grouped}${shownFraction}${options.symbol ? ` ${options.symbol}` : ""}`;
}

/**
 * Shortens an address or hash for display: `0x1234…abcd`.
 *
 * @example
 * shortHex("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266") // "0xf39F…2266"
 */
export function shortHex(value: string, edge = 4): string {
  return value.length <= 2 + edge * 2 + 1 ? value : `${value.slice(0, 2 + edge)}…${value.slice(-edge)}`;
}

/** Basis points as a percentage string: 2_500 → "25%", 1_250 → "12.5%". */
export function formatBps(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const rest = bps % 100;
  return rest === 0 ? `${whole}%` : `${whole}.${String(rest).padStart(2, "0").replace(/0$/, "")}%`;
}
