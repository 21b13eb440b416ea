/** What the app shows of an agent's ERC-8004 registration file. */
export interface AgentMetadata {
  name: string;
  description: string;
  /** Same-origin path or data: URI; other hosts are not loaded (no outside calls, no tracking pixels). */
  image?: string;
  endpoints: { name: string; endpoint: string }[];
}

const MAX_NAME = 80;
const MAX_DESCRIPTION = 400;

/**
 * Reads an agent registration file from a `data:application/json` URI. Other schemes (https, ipfs) need a
 * fetch the default configuration does not make; they yield `undefined` and the app falls back to the rune.
 *
 * @example
 * parseAgentMetadata("data:application/json;base64,eyJuYW1lIjoiTWltaXIifQ==")?.name // "Mimir"
 */
export function parseAgentMetadata(uri: string): AgentMetadata | undefined {
  const match = /^data:application\/json(;base64)?,(.*)$/s.exec(uri);
  if (!match) return undefined;
  let json: unknown;
  try {
    const body = match[1]
      ? new TextDecoder().decode(Uint8Array.from(atob(match[2] ?? ""), (c) => c.charCodeAt(0)))
      : decodeURIComponent(match[2] ?? "");
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof json !== "object" || json === null) return undefined;
  const file = json as Record<string, unknown>;
  if (typeof file.name !== "string" || file.name.trim() === "") return undefined;
  const image = typeof file.image === "string" && /^(\/[^/]|data:image\/)/.test(file.image) ? file.image : undefined;
  const endpoints = Array.isArray(file.endpoints)
    ? file.endpoints.flatMap((entry: unknown) => {
        const e = entry as Record<string, unknown>;
        return typeof e?.name === "string" && typeof e.endpoint === "string"
          ? [{ name: e.name.slice(0, 40), endpoint: e.endpoint.slice(0, 200) }]
          : [];
      })
    : [];
  return {
    name: file.name.trim().slice(0, MAX_NAME),
    description: typeof file.description === "string" ? file.description.slice(0, MAX_DESCRIPTION) : "",
    image,
    endpoints,
  };
}
