import { describe, expect, it } from "vitest";
import { FALLBACK_LOCALE, pickLocale } from "./locale";

describe("pickLocale", () => {
  it("takes the highest-weighted tag", () => {
    expect(pickLocale("de-DE,de;q=0.9,en;q=0.8")).toBe("de-DE");
    expect(pickLocale("en;q=0.5, fr-FR;q=0.9")).toBe("fr-FR");
  });
  it("falls back when the header is empty, a wildcard or malformed", () => {
    expect(pickLocale("")).toBe(FALLBACK_LOCALE);
    expect(pickLocale("*")).toBe(FALLBACK_LOCALE);
    expect(pickLocale("not a tag!!, ;q=1")).toBe(FALLBACK_LOCALE);
  });
});
