import { keccak256, toHex } from "viem";
import { describe, expect, it } from "vitest";
import { ELDER_FUTHARK, FUTHARK_LENGTH, FUTHARK_STROKES, runeToFuthark, runeToSigil } from "./rune-fingerprint";

const rune = keccak256(toHex("rune one"));

describe("runeToFuthark", () => {
  it("is stable for a given rune", () => {
    expect(runeToFuthark(rune)).toBe(runeToFuthark(rune));
    expect(runeToFuthark(`0x${"00".repeat(32)}`)).toBe("ᚠ".repeat(FUTHARK_LENGTH));
    expect(runeToFuthark(`0x${"00".repeat(31)}19`)).toBe("ᚢᚢᚠᚠᚠᚠᚠᚠ"); // 25 = 1 + 1*24
  });

  it("uses only Elder Futhark letters", () => {
    for (const letter of runeToFuthark(rune)) expect(ELDER_FUTHARK).toContain(letter);
  });

  it("differs for distinct runes", () => {
    const forms = new Set(Array.from({ length: 500 }, (_, i) => runeToFuthark(keccak256(toHex(`rune ${i}`)))));
    expect(forms.size).toBe(500);
  });

  it("refuses what is not a bytes32", () => {
    expect(() => runeToFuthark("0x1234")).toThrow(/not a rune/);
  });
});

describe("runeToSigil", () => {
  it("is stable for a given rune", () => {
    expect(runeToSigil(rune)).toEqual(runeToSigil(rune));
  });

  it("draws a stave and five distinct strokes", () => {
    const { strokes } = runeToSigil(rune);
    expect(strokes).toHaveLength(6);
    const keys = strokes.map((s) => `${s.x1},${s.y1},${s.x2},${s.y2}`);
    expect(new Set(keys).size).toBe(6);
  });

  it("looks different for distinct runes", () => {
    const pictures = new Set(
      Array.from({ length: 200 }, (_, i) => JSON.stringify(runeToSigil(keccak256(toHex(`sigil ${i}`))))),
    );
    expect(pictures.size).toBe(200);
  });
});

describe("FUTHARK_STROKES", () => {
  it("draws every letter, each differently", () => {
    expect(FUTHARK_STROKES).toHaveLength([...ELDER_FUTHARK].length);
    expect(new Set(FUTHARK_STROKES).size).toBe(FUTHARK_STROKES.length);
  });
});
