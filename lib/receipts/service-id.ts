/**
 * Service ids: the `bytes32` that names one delivered service. Each can be paid once per rune, so an agent
 * derives it from something unique to the job (a job id, a request hash…).
 */
import { type Hex, keccak256, stringToBytes } from "viem";

const BYTES32_HEX = /^0x[0-9a-fA-F]{64}$/;
const HEX_PREFIXED = /^0x[0-9a-fA-F]*$/;

/**
 * A service id derived from any text the agent uses to name a delivered service: `keccak256` of its UTF-8
 * bytes.
 *
 * @example
 * const serviceId = serviceIdFrom(`job:${jobId}`);
 */
export function serviceIdFrom(text: string): Hex {
  return keccak256(stringToBytes(text));
}

/** The outcome of reading a service id typed by a person: the `bytes32`, and how it was obtained; or why not. */
export type ServiceIdInput =
  | { ok: true; serviceId: Hex; source: "hex" | "text" }
  | { ok: false; error: string };

/**
 * Reads a service id as the CLI and the pages accept it: `0x` and exactly 64 hex digits is taken as the id
 * itself; any other text is hashed with {@link serviceIdFrom}. Refused: empty text, text with leading or
 * trailing spaces (they would silently change the hash), and `0x…` hex of another length (almost always a
 * truncated id; hashing it would give a different service than meant).
 *
 * @example
 * parseServiceIdInput("job-42") // { ok: true, serviceId: serviceIdFrom("job-42"), source: "text" }
 * parseServiceIdInput("0x1234").ok // false
 */
export function parseServiceIdInput(text: string): ServiceIdInput {
  if (text === "") return { ok: false, error: "the service id is empty" };
  if (text.trim() !== text) return { ok: false, error: "the service id has leading or trailing spaces" };
  if (BYTES32_HEX.test(text)) return { ok: true, serviceId: text.toLowerCase() as Hex, source: "hex" };
  if (HEX_PREFIXED.test(text)) {
    const digits = text.length - 2;
    return {
      ok: false,
      error: `a 0x service id must be 32 bytes (64 hex digits), got ${digits}; to hash a text instead, do not start it with 0x`,
    };
  }
  return { ok: true, serviceId: serviceIdFrom(text), source: "text" };
}
