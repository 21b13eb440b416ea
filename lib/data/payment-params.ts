import type { Address } from "viem";
import type { TokenInfo } from "../domain/agent";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PaymentPosition, type PaymentQuery } from "./history-source";

/**
 * The URL parameters of a payments listing, shared by the agent page's history table and
 * `GET /api/runes/{rune}/payments`, so a link copied from one works in the other:
 *
 * | name | value |
 * | --- | --- |
 * | `token` | a symbol (any case) or an address of one of the distributor's tokens |
 * | `from` | `YYYY-MM-DD` (from the start of that UTC day) or an ISO-8601 time with a zone; inclusive |
 * | `to` | `YYYY-MM-DD` (to the end of that UTC day, inclusive) or an ISO-8601 time with a zone (payments strictly before it) |
 * | `kind` | `all` (default), `single` or `collaborative` |
 * | `cursor` | `<block>-<logIndex>`: the page of payments strictly older than that one ("next page") |
 * | `newer` | `<block>-<logIndex>`: the page of payments strictly newer than that one ("previous page") |
 * | `limit` | rows per page, 1–1000 (default 50) |
 * | `format` | `json` (default) or `csv` |
 *
 * An empty value (`token=`, as an HTML form sends "any") means the parameter is absent.
 */
export const PAYMENT_PARAM_NAMES = ["token", "from", "to", "kind", "cursor", "newer", "limit", "format"] as const;
export type PaymentParamName = (typeof PAYMENT_PARAM_NAMES)[number];

/** How a listing is answered. */
export type PaymentFormat = "json" | "csv";
/** Which payments a listing shows: all, single-agent only, or shares of collaborative payments only. */
export type PaymentKind = "all" | "single" | "collaborative";

/** A token the parameters may name. */
export type PaymentToken = Pick<TokenInfo, "address" | "symbol">;

/** Parsed parameters: the page query (without the rune, which is the URL path's) and the format. */
export interface PaymentParams {
  query: PaymentQuery;
  format: PaymentFormat;
}

/** The parameters, or one line saying what is wrong with them. */
export type PaymentParamsResult = { ok: true; params: PaymentParams } | { ok: false; error: string };

/** Options of {@link parsePaymentParams}. */
export interface ParsePaymentParamsOptions {
  /** Refuse parameters this module does not know (the API does, to catch typos; a page's URL may hold others). */
  rejectUnknown?: boolean;
}

/** What a page receives as `searchParams`, or a parsed query string. */
export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

const DAY_SECONDS = 86_400;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const CURSOR = /^(\d{1,20})-(\d{1,9})$/;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/**
 * Parses the listing parameters against the distributor's tokens.
 *
 * @example
 * parsePaymentParams(new URLSearchParams("token=eth&from=2026-01-01&to=2026-01-31"), tokens)
 * // { ok: true, params: { query: { token: "0x0000…0000", from: 1767225600, to: 1769904000, pageSize: 50 }, format: "json" } }
 * parsePaymentParams(new URLSearchParams("limit=0"), tokens) // { ok: false, error: '"limit" must be 1–1000' }
 */
export function parsePaymentParams(
  input: SearchParamsInput,
  tokens: readonly PaymentToken[],
  options: ParsePaymentParamsOptions = {},
): PaymentParamsResult {
  const search = toSearchParams(input);
  const values = new Map<PaymentParamName, string>();
  for (const name of new Set(search.keys())) {
    const all = search.getAll(name);
    if (!isParamName(name)) {
      if (options.rejectUnknown) return fail(`unknown parameter "${name}" (known: ${PAYMENT_PARAM_NAMES.join(", ")})`);
      continue;
    }
    if (all.length > 1) return fail(`"${name}" is given ${all.length} times`);
    const value = all[0]!.trim();
    if (value !== "") values.set(name, value);
  }

  const query: PaymentQuery = { pageSize: DEFAULT_PAGE_SIZE };

  const token = values.get("token");
  if (token !== undefined) {
    const resolved = resolveToken(token, tokens);
    if (typeof resolved !== "string") return fail(resolved.error);
    query.token = resolved;
  }

  const from = values.get("from");
  if (from !== undefined) {
    const seconds = parseTimeBound(from, "from");
    if (seconds === undefined) return fail(timeError("from"));
    query.from = seconds;
  }
  const to = values.get("to");
  if (to !== undefined) {
    const seconds = parseTimeBound(to, "to");
    if (seconds === undefined) return fail(timeError("to"));
    query.to = seconds;
  }
  if (query.from !== undefined && query.to !== undefined && query.to <= query.from) {
    return fail(query.to < query.from ? `"to" is before "from"` : `"from" and "to" are the same instant: the range is empty`);
  }

  const kind = values.get("kind")?.toLowerCase();
  if (kind !== undefined) {
    if (kind !== "all" && kind !== "single" && kind !== "collaborative") {
      return fail(`"kind" must be all, single or collaborative`);
    }
    if (kind !== "all") query.collaborative = kind === "collaborative";
  }

  const cursor = values.get("cursor");
  const newer = values.get("newer");
  if (cursor !== undefined && newer !== undefined) return fail(`give "cursor" (older page) or "newer" (newer page), not both`);
  if (cursor !== undefined) {
    const position = parseCursor(cursor);
    if (!position) return fail(`"cursor" must be <block>-<logIndex>, e.g. 1234-5`);
    query.before = position;
  }
  if (newer !== undefined) {
    const position = parseCursor(newer);
    if (!position) return fail(`"newer" must be <block>-<logIndex>, e.g. 1234-5`);
    query.after = position;
  }

  const limit = values.get("limit");
  if (limit !== undefined) {
    const size = /^\d{1,7}$/.test(limit) ? Number(limit) : 0;
    if (size < 1 || size > MAX_PAGE_SIZE) return fail(`"limit" must be 1–${MAX_PAGE_SIZE}`);
    query.pageSize = size;
  }

  const format = values.get("format")?.toLowerCase() ?? "json";
  if (format !== "json" && format !== "csv") return fail(`"format" must be json or csv`);

  return { ok: true, params: { query, format } };
}

/**
 * The parameters of a query, for a link (the inverse of {@link parsePaymentParams}): defaults are left out, a token
 * is named by its symbol when that is unambiguous, whole UTC days are written as `YYYY-MM-DD`. The rune is not a
 * parameter (it is the path's).
 *
 * @example
 * `/agents/${rune}?${paymentSearchParams({ ...query, before: page.older, after: undefined }, tokens)}`
 */
export function paymentSearchParams(
  query: PaymentQuery,
  tokens: readonly PaymentToken[],
  format: PaymentFormat = "json",
): URLSearchParams {
  const search = new URLSearchParams();
  if (query.token !== undefined) {
    const address = query.token.toLowerCase();
    const token = tokens.find((t) => t.address.toLowerCase() === address);
    const unique = token && tokens.filter((t) => t.symbol.toLowerCase() === token.symbol.toLowerCase()).length === 1;
    search.set("token", unique ? token.symbol : query.token);
  }
  if (query.from !== undefined) search.set("from", formatTimeBound(query.from, "from"));
  if (query.to !== undefined) search.set("to", formatTimeBound(query.to, "to"));
  const kind = paymentKind(query);
  if (kind !== "all") search.set("kind", kind);
  if (query.before) search.set("cursor", formatCursor(query.before));
  else if (query.after) search.set("newer", formatCursor(query.after));
  if (query.pageSize !== undefined && query.pageSize !== DEFAULT_PAGE_SIZE) search.set("limit", String(query.pageSize));
  if (format !== "json") search.set("format", format);
  return search;
}

/**
 * The `kind` a query's collaborative filter stands for (what a filter control shows as selected).
 *
 * @example
 * paymentKind({ collaborative: false }) // "single"
 */
export function paymentKind(query: Pick<PaymentQuery, "collaborative">): PaymentKind {
  if (query.collaborative === undefined) return "all";
  return query.collaborative ? "collaborative" : "single";
}

/**
 * A position as a cursor parameter.
 *
 * @example
 * formatCursor({ blockNumber: 1234n, logIndex: 5 }) // "1234-5"
 */
export function formatCursor(position: PaymentPosition): string {
  return `${position.blockNumber}-${position.logIndex}`;
}

/**
 * A cursor parameter as a position, or `undefined` when it is not `<block>-<logIndex>`.
 *
 * @example
 * parseCursor("1234-5") // { blockNumber: 1234n, logIndex: 5 }
 */
export function parseCursor(text: string): PaymentPosition | undefined {
  const match = CURSOR.exec(text.trim());
  if (!match) return undefined;
  return { blockNumber: BigInt(match[1]!), logIndex: Number(match[2]) };
}

/**
 * A UTC day of a chain time.
 *
 * @example
 * utcDay(1767225600) // "2026-01-01"
 */
export function utcDay(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

function toSearchParams(input: SearchParamsInput): URLSearchParams {
  if (input instanceof URLSearchParams) return input;
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(name, item);
  }
  return search;
}

function isParamName(name: string): name is PaymentParamName {
  return (PAYMENT_PARAM_NAMES as readonly string[]).includes(name);
}

function fail(error: string): PaymentParamsResult {
  return { ok: false, error };
}

function resolveToken(text: string, tokens: readonly PaymentToken[]): Address | { error: string } {
  const known = () => tokens.map((t) => t.symbol).join(", ");
  if (ADDRESS.test(text)) {
    const token = tokens.find((t) => t.address.toLowerCase() === text.toLowerCase());
    return token ? token.address : { error: `unknown token "${text}" (known: ${known()})` };
  }
  const matches = tokens.filter((t) => t.symbol.toLowerCase() === text.toLowerCase());
  if (matches.length === 1) return matches[0]!.address;
  if (matches.length > 1) return { error: `token "${text}" names ${matches.length} tokens: give its address` };
  return { error: `unknown token "${text}" (known: ${known()})` };
}

function timeError(name: "from" | "to"): string {
  return `"${name}" must be a day (YYYY-MM-DD) or an ISO-8601 time with a zone (2026-01-31T12:00:00Z)`;
}

/**
 * Chain seconds of a `from` (inclusive) or `to` (exclusive) bound. A day as `to` covers that whole day, so it is
 * the start of the next day; a time as `to` is the instant itself (payments strictly before it).
 */
function parseTimeBound(text: string, bound: "from" | "to"): number | undefined {
  const day = DAY.exec(text);
  if (day) {
    const start = utcSeconds(Number(day[1]), Number(day[2]), Number(day[3]), 0, 0, 0);
    if (start === undefined) return undefined;
    return bound === "to" ? start + DAY_SECONDS : start;
  }
  const time = TIME.exec(text);
  if (!time) return undefined;
  const [, year, month, date, hour, minute, second, fraction, zone] = time;
  const local = utcSeconds(Number(year), Number(month), Number(date), Number(hour), Number(minute), Number(second ?? "0"));
  if (local === undefined) return undefined;
  const offset = zoneOffsetSeconds(zone!);
  if (offset === undefined) return undefined;
  // Chain time is whole seconds: a fractional instant bounds from the next whole second (inclusive `from`: the
  // first second at or after it; exclusive `to`: seconds before it, which are those before the next whole one).
  const fractional = fraction !== undefined && /[1-9]/.test(fraction) ? 1 : 0;
  return local - offset + fractional;
}

/** Seconds since the epoch of a UTC calendar time, or `undefined` when a field is out of range (2026-02-30). */
function utcSeconds(year: number, month: number, day: number, hour: number, minute: number, second: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC maps two-digit years to 19xx: set the full year explicitly.
  date.setUTCFullYear(year);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return Math.floor(date.getTime() / 1000);
}

function zoneOffsetSeconds(zone: string): number | undefined {
  if (zone.toUpperCase() === "Z") return 0;
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!match) return undefined;
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  if (hours > 23 || minutes > 59) return undefined;
  return (match[1] === "-" ? -1 : 1) * (hours * 3_600 + minutes * 60);
}

/** A bound as a parameter: whole UTC days as `YYYY-MM-DD` (a `to` names the last day it covers), else a UTC time. */
function formatTimeBound(seconds: number, bound: "from" | "to"): string {
  if (seconds % DAY_SECONDS === 0) return utcDay(bound === "to" ? seconds - DAY_SECONDS : seconds);
  return new Date(seconds * 1000).toISOString().replace(".000Z", "Z");
}
