import { describe, expect, it } from "vitest";
import { parseAccountInput } from "./account-input";

const CHECKSUMMED = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";

describe("parseAccountInput", () => {
  it("reads nothing as no account", () => {
    expect(parseAccountInput("  ")).toEqual({ ok: true, account: undefined });
  });

  it("reads lowercase and checksummed addresses, returning the checksummed form", () => {
    expect(parseAccountInput(` ${CHECKSUMMED.toLowerCase()} `)).toEqual({ ok: true, account: CHECKSUMMED });
    expect(parseAccountInput(CHECKSUMMED)).toEqual({ ok: true, account: CHECKSUMMED });
  });

  it("refuses malformed text and a wrong checksum", () => {
    expect(parseAccountInput("0x1234")).toEqual({ ok: false, error: "An account is 0x and 40 hex digits." });
    expect(parseAccountInput(CHECKSUMMED.replace("AAf5", "aaF5"))).toMatchObject({ ok: false, error: expect.stringContaining("wrong checksum") });
  });
});
