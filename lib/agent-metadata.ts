/** One way to reach an agent (ERC-8004 `services` entry, e.g. `{ name: "A2A", endpoint, version }`). */
export interface AgentService {
  name: string;
  endpoint: string;
  version?: string;
}

/** Where a registration file says the agent is registered (ERC-8004 `registrations` entry). */
export interface AgentRegistration {
  /** uint256 agent id, as a decimal string (here: `uint256(rune)`). */
  agentId: string;
  /** `eip155:<chainId>:<registry address>`. */
  agentRegistry: string;
}

/** What the app shows of an agent's ERC-8004 registration file. */
export interface AgentMetadata {
  name: string;
  description: string;
  /** Same-origin path or data:image URI; other hosts are not loaded (no outside calls, no tracking pixels). */
  image?: string;
  /** ERC-8004 `services`; files in the older shape (`endpoints`) are read into the same list. */
  services: AgentService[];
  /** ERC-8004 `active` (absent means active). */
  active: boolean;
  /** ERC-8004 `x402Support`. */
  x402Support: boolean;
  registrations: AgentRegistration[];
}

const MAX_NAME = 80;
const MAX_DESCRIPTION = 400;
const MAX_ENTRIES = 16;

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
  return {
    name: file.name.trim().slice(0, MAX_NAME),
    description: typeof file.description === "string" ? file.description.slice(0, MAX_DESCRIPTION) : "",
    image,
    services: readServices(Array.isArray(file.services) ? file.services : file.endpoints),
    active: file.active !== false,
    x402Support: file.x402Support === true,
    registrations: readRegistrations(file.registrations),
  };
}

function readServices(list: unknown): AgentService[] {
  if (!Array.isArray(list)) return [];
  return list.slice(0, MAX_ENTRIES).flatMap((entry: unknown) => {
    const e = entry as Record<string, unknown> | null;
    if (typeof e?.name !== "string" || typeof e.endpoint !== "string") return [];
    const service: AgentService = { name: e.name.slice(0, 40), endpoint: e.endpoint.slice(0, 200) };
    if (typeof e.version === "string") service.version = e.version.slice(0, 40);
    return [service];
  });
}

function readRegistrations(list: unknown): AgentRegistration[] {
  if (!Array.isArray(list)) return [];
  return list.slice(0, MAX_ENTRIES).flatMap((entry: unknown) => {
    const e = entry as Record<string, unknown> | null;
    const agentId = typeof e?.agentId === "number" ? String(e.agentId) : e?.agentId;
    if (typeof agentId !== "string" || !/^\d{1,78}$/.test(agentId) || typeof e?.agentRegistry !== "string") return [];
    return [{ agentId, agentRegistry: e.agentRegistry.slice(0, 120) }];
  });
}
