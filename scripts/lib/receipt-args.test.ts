import { describe, expect, it } from "vitest";
import { serviceIdFrom } from "../../lib/receipts/service-id";
import { UsageError, parseDeadlineArgument, parseReceiptArguments } from "./receipt-args";

const rune = `0x${"ab".repeat(32)}`;
const rune2 = `0x${"cd".repeat(32)}`;
const payer = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
const sign = ["sign", "--rune", rune, "--service-id", "job-1", "--payer", payer, "--token", "ETH", "--amount", "0.25", "--deadline", "+1h"];

function usage(argv: string[]): string {
  try {
    parseReceiptArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error("expected a UsageError");
}

describe("parseReceiptArguments", () => {
  it("reads sign", () => {
    expect(parseReceiptArguments(sign)).toEqual({
      command: "sign",
      rune,
      serviceId: serviceIdFrom("job-1"),
      serviceIdSource: "text",
      payer,
      token: "ETH",
      amount: "0.25",
      deadline: { kind: "relative", seconds: 3_600n },
      out: undefined,
    });
  });

  it("reads --name=value, a raw service id and --out", () => {
    const raw = `0x${"12".repeat(32)}`;
    const parsed = parseReceiptArguments([...sign.slice(0, 3), `--service-id=${raw}`, ...sign.slice(5), "--out", "r.json"]);
    expect(parsed).toMatchObject({ serviceId: raw, serviceIdSource: "hex", out: "r.json" });
  });

  it("reads sign-collab", () => {
    const argv = ["sign-collab", "--runes", `${rune}, ${rune2}`, "--weights", "6000,4000", ...sign.slice(3)];
    expect(parseReceiptArguments(argv)).toMatchObject({ command: "sign-collab", runes: [rune, rune2], weightsBps: [6_000, 4_000] });
  });

  it("reads verify with a file, stdin, and --from", () => {
    expect(parseReceiptArguments(["verify", "r.json"])).toEqual({ command: "verify", file: "r.json", from: undefined });
    expect(parseReceiptArguments(["verify"])).toEqual({ command: "verify", file: undefined, from: undefined });
    expect(parseReceiptArguments(["verify", "-", "--from", payer.toLowerCase()])).toEqual({ command: "verify", file: "-", from: payer });
  });

  it("shows help for nothing, help, --help or -h anywhere", () => {
    for (const argv of [[], ["help"], ["--help"], ["-h"], [...sign, "--help"], ["verify", "-h"]]) {
      expect(parseReceiptArguments(argv)).toEqual({ command: "help" });
    }
  });

  it.each([
    [["frobnicate"], 'unknown command "frobnicate": use sign, sign-collab or verify (see --help)'],
    [sign.filter((_, i) => i !== 1 && i !== 2), "--rune is required (see --help)"],
    [[...sign.slice(0, 2), "0x1234", ...sign.slice(3)], '--rune must be 0x and 64 hex digits (a bytes32 rune), got "0x1234"'],
    [[...sign, "--rune", rune], "--rune is given twice"],
    [[...sign, "--colour", "red"], "unknown option --colour (options here: --rune, --service-id, --payer, --token, --amount, --deadline, --out)"],
    [[...sign.slice(0, -1)], "--deadline needs a value"],
    [[...sign.slice(0, 4), "--payer", ...sign.slice(5)], "--service-id needs a value"],
    [[...sign, "stray"], 'unexpected argument "stray"'],
    [[...sign, "ab".repeat(32)], "unexpected argument (not shown: it looks like a key or hash)"],
    [[...sign.slice(0, 4), " job", ...sign.slice(5)], "--service-id: the service id has leading or trailing spaces"],
    [[...sign.slice(0, 4), "0x1234", ...sign.slice(5)], "--service-id: a 0x service id must be 32 bytes (64 hex digits), got 4"],
    [[...sign.slice(0, 6), "0x1234", ...sign.slice(7)], '--payer must be an address (0x and 40 hex digits), got "0x1234"'],
    [[...sign.slice(0, 6), payer.replace("F79", "f79"), ...sign.slice(7)], "has a wrong checksum"],
    [[...sign.slice(0, 8), "", ...sign.slice(9)], "--token is empty"],
    [[...sign.slice(0, 10), " ", ...sign.slice(11)], "--amount is empty"],
    [[...sign.slice(0, 12), "tomorrow"], '--deadline must be +30m / +1h / +2d, an ISO-8601 date such as 2030-01-31T12:00:00Z, or unix seconds; got "tomorrow"'],
    [["sign-collab", "--runes", `${rune},`, "--weights", "1", ...sign.slice(3)], "--runes must be a comma-separated list with no empty entries"],
    [["sign-collab", "--runes", `${rune},0x12`, "--weights", "1,2", ...sign.slice(3)], '--runes: entry 2 must be 0x and 64 hex digits'],
    [["sign-collab", "--runes", `${rune},${rune2}`, "--weights", "60%,40%", ...sign.slice(3)], '--weights: entry 1 must be a whole number of basis points (6000 = 60%), got "60%"'],
    [["sign-collab", "--runes", `${rune},${rune2}`, ...sign.slice(3)], "--weights is required"],
    [["verify", "a.json", "b.json"], 'unexpected argument "b.json"'],
    [["verify", "--from", "bob"], '--from must be an address (0x and 40 hex digits), got "bob"'],
  ])("refuses %j in one line", (argv, message) => {
    const text = usage(argv);
    expect(text).toContain(message);
    expect(text).not.toContain("\n");
  });

  it.each([["--private-key"], ["--key"], ["--keys"], ["--agent-private-key"], ["--pk"], ["--mnemonic"], ["--privateKey"], ["--private-key=0xabc"]])(
    "refuses %s without echoing its value, even with --help",
    (option) => {
      const secret = "0x" + "5e".repeat(32);
      const argv = option.includes("=") ? [...sign, option] : [...sign, option, secret, "--help"];
      const text = usage(argv);
      expect(text).toMatch(/^refusing --[\w-]+: keys never go on the command line/);
      expect(text).toContain("AGENT_PRIVATE_KEY");
      expect(text).not.toContain(secret);
      expect(text).not.toContain("0xabc");
    },
  );
});

describe("parseDeadlineArgument", () => {
  it.each([
    ["+90s", { kind: "relative", seconds: 90n }],
    ["+30m", { kind: "relative", seconds: 1_800n }],
    ["+1h", { kind: "relative", seconds: 3_600n }],
    ["+2d", { kind: "relative", seconds: 172_800n }],
    ["1900000000", { kind: "absolute", unix: 1_900_000_000n }],
    ["2030-03-17T17:46:40Z", { kind: "absolute", unix: 1_900_000_000n }],
    ["2030-03-17T18:46:40+01:00", { kind: "absolute", unix: 1_900_000_000n }],
    ["2030-03-17T17:46:40.999Z", { kind: "absolute", unix: 1_900_000_000n }],
    ["2030-03-17", { kind: "absolute", unix: 1_899_936_000n }],
    ["18446744073709551615", { kind: "absolute", unix: 2n ** 64n - 1n }],
  ])("reads %s", (text, expected) => {
    expect(parseDeadlineArgument(text)).toEqual(expected);
  });

  it.each([
    ["+0h", "must be in the future"],
    ["+1w", "--deadline must be +30m"],
    ["-1h", "--deadline must be +30m"],
    ["1900000000000", "looks like milliseconds: give unix seconds (1900000000)"],
    ["18446744073709551616", "too large for a uint64"],
    ["2030-03-17T17:46", "has no time zone: add Z (UTC) or an offset"],
    ["2030-02-31T00:00Z", "is not a real date"],
    ["2030-01-01T25:00Z", "is not a real date"],
    ["next week", "--deadline must be +30m"],
  ])("refuses %s", (text, message) => {
    expect(() => parseDeadlineArgument(text)).toThrow(message);
  });
});
