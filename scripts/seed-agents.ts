/**
 * The demo agents `npm run dev` and the e2e suite seed: names, ERC-8004-shaped registration files, splits,
 * infra sets and how busy each one is. Data only; scripts/seed.ts does the work.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Address, type Hex, hexToBigInt, keccak256, toHex } from "viem";

/** One demo agent. Indices refer to anvil's default accounts. */
export interface DemoAgent {
  slug: string;
  name: string;
  description: string;
  /** Rune owner (developer) account index. */
  developer: number;
  split: { developerBps: number; infraBps: number; stakersBps: number };
  /** Infra recipients (account indices) and weights summing to 10,000. */
  infra: { account: number; weightBps: number }[];
  /** Relative share of the demo payments. */
  popularity: number;
  /** ERC-8004 `services`: how other agents reach this one. */
  services: { name: string; endpoint: string; version: string }[];
}

export const demoAgents: DemoAgent[] = [
  {
    slug: "oracle-of-mimir",
    name: "Oracle of Mimir",
    description: "Research agent: reads papers and filings, answers with sources.",
    developer: 1,
    split: { developerBps: 5_000, infraBps: 2_000, stakersBps: 3_000 },
    infra: [
      { account: 15, weightBps: 6_000 },
      { account: 16, weightBps: 4_000 },
    ],
    popularity: 5,
    services: [{ name: "A2A", endpoint: "https://mimir.agents.example/.well-known/agent-card.json", version: "0.3.0" }],
  },
  {
    slug: "skald-translate",
    name: "Skald Translate",
    description: "Translation agent for 40 languages with glossary memory.",
    developer: 2,
    split: { developerBps: 6_000, infraBps: 1_500, stakersBps: 2_500 },
    infra: [{ account: 15, weightBps: 10_000 }],
    popularity: 4,
    services: [{ name: "MCP", endpoint: "https://skald.agents.example/mcp", version: "2025-06-18" }],
  },
  {
    slug: "runesmith-audit",
    name: "Runesmith Audit",
    description: "Smart-contract review agent: static analysis plus fuzzing reports.",
    developer: 3,
    split: { developerBps: 4_000, infraBps: 3_000, stakersBps: 3_000 },
    infra: [
      { account: 16, weightBps: 5_000 },
      { account: 17, weightBps: 3_000 },
      { account: 15, weightBps: 2_000 },
    ],
    popularity: 3,
    services: [
      { name: "A2A", endpoint: "https://runesmith.agents.example/.well-known/agent-card.json", version: "0.3.0" },
      { name: "MCP", endpoint: "https://runesmith.agents.example/mcp", version: "2025-06-18" },
    ],
  },
  {
    slug: "yggdrasil-route",
    name: "Yggdrasil Route",
    description: "Logistics planner: routes, loads and delivery windows.",
    developer: 1,
    split: { developerBps: 7_000, infraBps: 0, stakersBps: 3_000 },
    infra: [],
    popularity: 2,
    services: [{ name: "A2A", endpoint: "https://yggdrasil.agents.example/.well-known/agent-card.json", version: "0.3.0" }],
  },
  {
    slug: "valkyrie-vision",
    name: "Valkyrie Vision",
    description: "Image understanding: labels, captions and defect detection.",
    developer: 2,
    split: { developerBps: 3_500, infraBps: 2_500, stakersBps: 4_000 },
    infra: [
      { account: 17, weightBps: 7_000 },
      { account: 16, weightBps: 3_000 },
    ],
    popularity: 3,
    services: [{ name: "MCP", endpoint: "https://valkyrie.agents.example/mcp", version: "2025-06-18" }],
  },
  {
    slug: "loki-sandbox",
    name: "Loki Sandbox",
    description: "Code execution sandbox agent (suspended by governance after an incident).",
    developer: 3,
    split: { developerBps: 5_500, infraBps: 2_000, stakersBps: 2_500 },
    infra: [{ account: 17, weightBps: 10_000 }],
    popularity: 1,
    services: [{ name: "A2A", endpoint: "https://loki.agents.example/.well-known/agent-card.json", version: "0.3.0" }],
  },
];

/** The agent's operating key: deterministic, so receipts and runes are the same on every fresh chain. */
export function demoSignerKey(slug: string): Hex {
  return keccak256(toHex(`aurorune demo agent signer: ${slug}`));
}

/** ERC-8004 registration type URI. */
export const ERC8004_REGISTRATION_TYPE = "https://eips.ethereum.org/EIPS/eip-8004#registration-v1";

/** Where the demo agent's registration file says its identity lives. */
export interface DemoIdentity {
  /** The rune, known before registering (`computeRune(developer, salt)`). */
  rune: Hex;
  chainId: number;
  /** The RuneRegistry (the ERC-8004 identity registry). */
  registry: Address;
}

const publicAgentsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "public", "agents");

/** The agent's picture as a data: URI (from public/agents), so the file is self-contained and works offline. */
export function demoImageURI(slug: string): string {
  const svg = readFileSync(path.join(publicAgentsDir, `${slug}.svg`));
  return `data:image/svg+xml;base64,${svg.toString("base64")}`;
}

/**
 * The ERC-8004 registration file of a demo agent. It names its own rune: agent id `uint256(rune)` (decimal) in
 * the registry `eip155:<chainId>:<registry>`.
 */
export function demoRegistration(agent: DemoAgent, identity: DemoIdentity) {
  return {
    type: ERC8004_REGISTRATION_TYPE,
    name: agent.name,
    description: agent.description,
    image: demoImageURI(agent.slug),
    services: agent.services,
    x402Support: false,
    active: agent.slug !== "loki-sandbox",
    registrations: [
      {
        agentId: hexToBigInt(identity.rune).toString(10),
        agentRegistry: `eip155:${identity.chainId}:${identity.registry}`,
      },
    ],
    supportedTrust: ["reputation"],
  };
}

/** {@link demoRegistration} as a self-contained `data:application/json;base64` URI (no host to call). */
export function demoMetadataURI(agent: DemoAgent, identity: DemoIdentity): string {
  return `data:application/json;base64,${Buffer.from(JSON.stringify(demoRegistration(agent, identity))).toString("base64")}`;
}
