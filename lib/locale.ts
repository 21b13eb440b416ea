/** Used when a request names no locale this runtime can format in. */
export const FALLBACK_LOCALE = "en-US";

/**
 * The highest-weighted tag of an `Accept-Language` value that this runtime can format numbers in.
 *
 * @example
 * pickLocale("de-CH,de;q=0.9,en;q=0.8") // "de-CH"
 */
export function pickLocale(acceptLanguage: string): string {
  const tags = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q.slice(2)) };
    })
    .filter(({ tag, q }) => tag !== "" && tag !== "*" && Number.isFinite(q) && q > 0)
    // Array.prototype.sort is stable: equal weights keep the header's order.
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    try {
      const [supported] = Intl.NumberFormat.supportedLocalesOf(tag);
      if (supported) return supported;
    } catch {
      // a malformed tag: try the next one
    }
  }
  return FALLBACK_LOCALE;
}
