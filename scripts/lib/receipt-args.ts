/**
 * Command-line arguments of the receipt CLI (scripts/receipt.ts), read without touching the chain: which
 * command, which options, each value checked for shape. Values that need the chain (the token's decimals for
 * the amount, chain time for a relative deadline) are kept as given and finished by the CLI. Every problem is a
 * {@link UsageError} with a one-line message; the CLI exits with code 2 on it.
 */
import { type Address, type Hex, getAddress, isAddress } from "viem";
import { isRuneHex } from "../../lib/domain/rune";
import { parseServiceIdInput } from "../../lib/receipts/service-id";

/** A mistake in how the CLI was called: one line, shown as is. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** A deadline as given: seconds after chain time (`+1h`), or an absolute unix time. */
export type DeadlineArgument = { kind: "relative"; seconds: bigint } | { kind: "absolute"; unix: bigint };

/** What `sign` and `sign-collab` share. */
export interface SignArguments {
  serviceId: Hex;
  /** How the service id was given: hashed text or raw hex (printed to stderr so the agent knows). */
  serviceIdSource: "hex" | "text";
  payer: Address;
  /** `ETH`, a symbol or an address, resolved against the distributor's tokens by the CLI. */
  token: string;
  /** Decimal text in the token's units, read with the token's decimals by the CLI. */
  amount: string;
  deadline: DeadlineArgument;
  /** Write the receipt file here instead of stdout. */
  out?: string;
}

/** A parsed command line. */
export type ReceiptCommand =
  | { command: "help" }
  | ({ command: "sign"; rune: Hex } & SignArguments)
  | ({ command: "sign-collab"; runes: Hex[]; weightsBps: number[] } & SignArguments)
  | { command: "verify"; file?: string; from?: Address };

/** Environment variables that hold signing keys (never options). */
export const KEY_VARIABLE = "AGENT_PRIVATE_KEY";
export const KEYS_VARIABLE = "AGENT_PRIVATE_KEYS";

const SIGN_OPTIONS = ["rune", "service-id", "payer", "token", "amount", "deadline", "out"] as const;
const COLLAB_OPTIONS = ["runes", "weights", "service-id", "payer", "token", "amount", "deadline", "out"] as const;
const VERIFY_OPTIONS = ["from"] as const;
/** Option names that would carry a secret: refused outright, whatever the command. */
const SECRET_OPTION = /(?:^|-)(?:private-?keys?|keys?|pk|mnemonic|secret|seed(?:-phrase)?)$/i;
const HEX32 = /^(?:0x)?[0-9a-fA-F]{64}$/;

/**
 * Reads the CLI's arguments (what follows `npm run receipt --`).
 *
 * @example
 * parseReceiptArguments(["sign", "--rune", rune, "--service-id", "job-42", "--payer", payer, "--token", "ETH", "--amount", "0.01", "--deadline", "+1h"])
 */
export function parseReceiptArguments(argv: readonly string[]): ReceiptCommand {
  refuseSecretOptions(argv);
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") return { command: "help" };
  if (rest.includes("--help") || rest.includes("-h")) return { command: "help" };
  switch (command) {
    case "sign": {
      const { options } = readOptions(rest, SIGN_OPTIONS, 0);
      const rune = required(options, "rune");
      if (!isRuneHex(rune)) throw new UsageError(`--rune must be 0x and 64 hex digits (a bytes32 rune), got "${clip(rune)}"`);
      return { command: "sign", rune: rune.toLowerCase() as Hex, ...signArguments(options) };
    }
    case "sign-collab": {
      const { options } = readOptions(rest, COLLAB_OPTIONS, 0);
      const runes = list(required(options, "runes"), "--runes").map((rune, i) => {
        if (!isRuneHex(rune)) throw new UsageError(`--runes: entry ${i + 1} must be 0x and 64 hex digits (a bytes32 rune), got "${clip(rune)}"`);
        return rune.toLowerCase() as Hex;
      });
      const weightsBps = list(required(options, "weights"), "--weights").map((weight, i) => {
        if (!/^\d{1,5}$/.test(weight) || Number(weight) > 65_535) {
          throw new UsageError(`--weights: entry ${i + 1} must be a whole number of basis points (6000 = 60%), got "${clip(weight)}"`);
        }
        return Number(weight);
      });
      return { command: "sign-collab", runes, weightsBps, ...signArguments(options) };
    }
    case "verify": {
      const { options, positionals } = readOptions(rest, VERIFY_OPTIONS, 1);
      const from = options.get("from");
      return { command: "verify", file: positionals[0], from: from === undefined ? undefined : address(from, "--from") };
    }
    default:
      throw new UsageError(`unknown command "${clip(command)}": use sign, sign-collab or verify (see --help)`);
  }
}

function signArguments(options: Map<string, string>): SignArguments {
  const serviceId = parseServiceIdInput(required(options, "service-id"));
  if (!serviceId.ok) throw new UsageError(`--service-id: ${serviceId.error}`);
  const amount = required(options, "amount").trim();
  if (amount === "") throw new UsageError("--amount is empty");
  const token = required(options, "token").trim();
  if (token === "") throw new UsageError("--token is empty: give ETH, a token symbol or a token address");
  return {
    serviceId: serviceId.serviceId,
    serviceIdSource: serviceId.source,
    payer: address(required(options, "payer"), "--payer"),
    token,
    amount,
    deadline: parseDeadlineArgument(required(options, "deadline")),
    out: options.get("out"),
  };
}

/**
 * Reads `--deadline`: `+30m`, `+1h`, `+2d`, `+90s` (after the chain's latest block time), an ISO-8601 date with a
 * time zone (`2030-01-31T12:00:00Z`, `2030-01-31T13:00+01:00`) or a plain date (midnight UTC), or unix seconds.
 *
 * @example
 * parseDeadlineArgument("+1h") // { kind: "relative", seconds: 3600n }
 */
export function parseDeadlineArgument(text: string): DeadlineArgument {
  const value = text.trim();
  const relative = /^\+(\d{1,9})([smhd])$/.exec(value);
  if (relative) {
    const unit = { s: 1n, m: 60n, h: 3_600n, d: 86_400n }[relative[2] as "s" | "m" | "h" | "d"];
    const seconds = BigInt(relative[1] as string) * unit;
    if (seconds === 0n) throw new UsageError("--deadline must be in the future: +0 is now");
    return { kind: "relative", seconds };
  }
  if (/^\d+$/.test(value)) {
    const unix = BigInt(value);
    if (unix > 2n ** 64n - 1n) throw new UsageError(`--deadline ${value} is too large for a uint64`);
    if (unix >= 100_000_000_000n && unix <= 2n ** 53n) {
      throw new UsageError(`--deadline ${value} looks like milliseconds: give unix seconds (${unix / 1000n})`);
    }
    return { kind: "absolute", unix };
  }
  const iso = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(value);
  if (iso) {
    if (value.includes("T") && iso[1] === undefined) {
      throw new UsageError(`--deadline ${value} has no time zone: add Z (UTC) or an offset such as +02:00`);
    }
    const [year, month, day] = value.slice(0, 10).split("-").map(Number) as [number, number, number];
    const calendar = new Date(Date.UTC(year, month - 1, day));
    const ms = Date.parse(value);
    // Date.parse rolls 2030-02-31 over into March: the calendar date must exist as written.
    if (Number.isNaN(ms) || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) {
      throw new UsageError(`--deadline ${value} is not a real date`);
    }
    return { kind: "absolute", unix: BigInt(Math.floor(ms / 1000)) };
  }
  throw new UsageError(`--deadline must be +30m / +1h / +2d, an ISO-8601 date such as 2030-01-31T12:00:00Z, or unix seconds; got "${clip(value)}"`);
}

/** Refuses any option meant to carry a key, before anything else (nothing is echoed). */
function refuseSecretOptions(argv: readonly string[]): void {
  for (const arg of argv) {
    if (!arg.startsWith("--")) continue;
    const name = arg.slice(2).split("=")[0] ?? "";
    if (SECRET_OPTION.test(name)) {
      throw new UsageError(
        `refusing --${name}: keys never go on the command line (shell history, process list); set ${KEY_VARIABLE} (or ${KEYS_VARIABLE} for sign-collab) in the environment`,
      );
    }
  }
}

function readOptions(
  args: readonly string[],
  allowed: readonly string[],
  maxPositionals: number,
): { options: Map<string, string>; positionals: string[] } {
  const options = new Map<string, string>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg.startsWith("--") && arg.length > 2) {
      const eq = arg.indexOf("=");
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      if (!allowed.includes(name)) {
        throw new UsageError(`unknown option --${clip(name)} (options here: ${allowed.map((option) => `--${option}`).join(", ")})`);
      }
      if (options.has(name)) throw new UsageError(`--${name} is given twice`);
      let value: string | undefined;
      if (eq !== -1) value = arg.slice(eq + 1);
      else {
        value = args[i + 1];
        if (value === undefined || value.startsWith("--")) throw new UsageError(`--${name} needs a value`);
        i++;
      }
      options.set(name, value);
    } else if (positionals.length < maxPositionals) {
      positionals.push(arg);
    } else {
      // A stray 64-hex-digit word may be a key pasted by mistake: never echo it.
      throw new UsageError(HEX32.test(arg) ? "unexpected argument (not shown: it looks like a key or hash)" : `unexpected argument "${clip(arg)}"`);
    }
  }
  return { options, positionals };
}

function required(options: Map<string, string>, name: string): string {
  const value = options.get(name);
  if (value === undefined) throw new UsageError(`--${name} is required (see --help)`);
  return value;
}

function list(text: string, option: string): string[] {
  const items = text.split(",").map((item) => item.trim());
  if (items.some((item) => item === "")) throw new UsageError(`${option} must be a comma-separated list with no empty entries`);
  return items;
}

function address(text: string, option: string): Address {
  const value = text.trim();
  if (!/^0x[0-9a-fA-F]{40}$/.test(value)) throw new UsageError(`${option} must be an address (0x and 40 hex digits), got "${clip(value)}"`);
  if (!isAddress(value)) throw new UsageError(`${option} ${value} has a wrong checksum (mixed case that is not EIP-55): check for a typo`);
  return getAddress(value);
}

/** A value cut short for an error message. */
function clip(text: string): string {
  return text.length > 48 ? `${text.slice(0, 45)}…` : text;
}
