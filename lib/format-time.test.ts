import { describe, expect, it } from "vitest";
import { formatUtcDateTime, formatUtcDay, formatUtcDayRange } from "./format-time";

// 2025-03-03T14:05:00Z
const AT = 1_741_010_700;

describe("formatUtcDateTime", () => {
  it("formats in the reader's locale, in UTC whatever the server's zone, and says UTC", () => {
    expect(formatUtcDateTime(AT, "en-US")).toMatch(/^Mar 3, 2025, 2:05\sPM UTC$/);
    expect(formatUtcDateTime(AT, "de-DE")).toBe("03.03.2025, 14:05 UTC");
    expect(formatUtcDateTime(AT, "de-DE", { zone: false })).toBe("03.03.2025, 14:05");
  });
});

describe("formatUtcDay / formatUtcDayRange", () => {
  it("names a UTC day short (axis) or long", () => {
    expect(formatUtcDay("2025-03-03", "en-US", "short")).toBe("Mar 3");
    expect(formatUtcDay("2025-03-03", "de-DE", "short")).toBe("3. März");
    expect(formatUtcDay("2025-03-03", "en-US", "long")).toBe("Mar 3, 2025");
    expect(formatUtcDay("2025-12-31", "en-GB", "long")).toBe("31 Dec 2025");
  });

  it("names a span of days once, or one day", () => {
    expect(formatUtcDayRange("2025-03-03", "2025-03-09", "en-US")).toMatch(/^Mar 3\s–\s9, 2025$/);
    expect(formatUtcDayRange("2025-03-03", "2025-03-03", "en-US")).toBe("Mar 3, 2025");
  });
});
