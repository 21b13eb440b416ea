import { keccak256, stringToBytes } from "viem";
import { describe, expect, it } from "vitest";
import { parseServiceIdInput, serviceIdFrom } from "./service-id";

describe("serviceIdFrom", () => {
  it("is the keccak256 of the UTF-8 text", () => {
    expect(serviceIdFrom("job-1")).toBe(keccak256(stringToBytes("job-1")));
    expect(serviceIdFrom("job-1")).not.toBe(serviceIdFrom("job-2"));
    expect(serviceIdFrom("tâche-ü")).toBe(keccak256(new TextEncoder().encode("tâche-ü")));
  });
});

describe("parseServiceIdInput", () => {
  const raw = `0x${"ab".repeat(32)}`;

  it("takes 0x and 64 hex digits as the id itself, lower-cased", () => {
    expect(parseServiceIdInput(raw)).toEqual({ ok: true, serviceId: raw, source: "hex" });
    expect(parseServiceIdInput(raw.toUpperCase().replace("0X", "0x"))).toEqual({ ok: true, serviceId: raw, source: "hex" });
  });

  it("hashes any other text", () => {
    expect(parseServiceIdInput("job 42")).toEqual({ ok: true, serviceId: serviceIdFrom("job 42"), source: "text" });
    expect(parseServiceIdInput("0xnot-hex")).toEqual({ ok: true, serviceId: serviceIdFrom("0xnot-hex"), source: "text" });
  });

  it.each([
    ["", "the service id is empty"],
    [" job", "leading or trailing spaces"],
    ["job\n", "leading or trailing spaces"],
    ["0x1234", "must be 32 bytes (64 hex digits), got 4"],
    ["0x", "got 0"],
    [`${raw}00`, "got 66"],
  ])("refuses %j", (text, error) => {
    const parsed = parseServiceIdInput(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(error);
  });
});
