import { describe, expect, it } from "vitest";
import { parseRuneInput } from "./rune-input";

const RUNE = `0x${"ab".repeat(32)}`;

describe("parseRuneInput", () => {
  it("reads a rune, ignoring surrounding spaces and case", () => {
    expect(parseRuneInput(`  ${RUNE.toUpperCase().replace("0X", "0x")} `)).toEqual({ ok: true, rune: RUNE });
  });

  it.each([
    ["", "Enter a rune: 0x and 64 hex digits."],
    ["   ", "Enter a rune: 0x and 64 hex digits."],
    ["0xdeadbeef", "A rune is 0x and 64 hex digits (32 bytes); this has 8."],
    [`${RUNE}00`, "A rune is 0x and 64 hex digits (32 bytes); this has 66."],
    [`0x${"zz".repeat(32)}`, "A rune has only hex digits (0–9, a–f) after 0x."],
    ["ab".repeat(32), 'A rune starts with 0x, then 64 hex digits; "abababababababababababa…" does not.'],
    ["Oracle of Mimir", 'A rune starts with 0x, then 64 hex digits; "Oracle of Mimir" does not.'],
  ])("refuses %j with the reason", (text, error) => {
    expect(parseRuneInput(text)).toEqual({ ok: false, error });
  });
});
