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

/** Options of {@link formatFixed}. */
export interface FormatFixedOptions {
  /** BCP 47 locale whose digit grouping and decimal sign are used, e.g. "en-US", "de-DE". */
  locale: string;
  /** Exactly this many fraction digits, always shown (padded with zeros), so a column's figures line up. */
  fractionDigits: number;
  /** Appended after a space, e.g. "ETH". */
  symbol?: string;
}

/**
 * Formats a token amount with a fixed number of fraction digits in a locale's style, exactly from its integer
 * units: the whole part goes to `Intl.NumberFormat` as a bigint (exact at any size), the fraction is cut from
 * the digits (rounded down, so an amount is never overstated). A non-zero amount below the precision reads
 * "<0.01" rather than a misleading zero.
 *
 * @example
 * formatFixed(1_234_500_000_000_000_000_000n, 18, { locale: "en-US", fractionDigits: 2 }) // "1,234.50"
 * formatFixed(1_234_500_000_000_000_000_000n, 18, { locale: "de-DE", fractionDigits: 2 }) // "1.234,50"
 */
export function formatFixed(value: bigint, decimals: number, options: FormatFixedOptions): string {
  const digits = Math.max(0, Math.min(options.fractionDigits, decimals));
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const unit = 10n ** BigInt(decimals - digits);
  const scaled = magnitude / unit;
  const base = 10n ** BigInt(digits);
  const whole = scaled / base;
  const fraction = digits > 0 ? (scaled % base).toString().padStart(digits, "0") : "";
  const grouping = new Intl.NumberFormat(options.locale, { maximumFractionDigits: 0 });
  const decimalSign = new Intl.NumberFormat(options.locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
  const suffix = options.symbol ? ` ${options.symbol}` : "";
  if (scaled === 0n && magnitude !== 0n) {
    const smallest = digits > 0 ? `0${decimalSign}${"0".repeat(digits - 1)}1` : "1";
    return `${negative ? ">-" : "<"}${smallest}${suffix}`;
  }
  const text = `${grouping.format(whole)}${digits > 0 ? `${decimalSign}${fraction}` : ""}`;
  return `${negative && scaled !== 0n ? "-" : ""}${text}${suffix}`;
}

/**
 * Fraction digits to show for a token: ETH keeps 4 (one unit is worth far more than one AURUNES or one dollar,
 * so 0.01 ETH is too coarse), every other token 2, never more than the token has.
 */
export function displayFractionDigits(token: { symbol: string; decimals: number }): number {
  return Math.min(token.decimals, token.symbol === "ETH" ? 4 : 2);
}
