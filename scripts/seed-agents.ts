/**
 * The demo agents `npm run dev` and the e2e suite seed: names, ERC-8004-shaped registration files, splits,
 * infra sets and how busy each one is. Data only; scripts/seed.ts does the work.
 */
import { type Hex, keccak256, toHex } from "viem";

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
  endpoints: { name: string; endpoint: string }[];
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
    endpoints: [{ name: "A2A", endpoint: "https://mimir.agents.example/.well-known/agent-card.json" }],
  },
  {
    slug: "skald-translate",
    name: "Skald Translate",
    description: "Translation agent for 40 languages with glossary memory.",
    developer: 2,
    split: { developerBps: 6_000, infraBps: 1_500, stakersBps: 2_500 },
    infra: [{ account: 15, weightBps: 10_000 }],
    popularity: 4,
    endpoints: [{ name: "MCP", endpoint: "https://skald.agents.example/mcp" }],
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
    endpoints: [
      { name: "A2A", endpoint: "https://runesmith.agents.example/.well-known/agent-card.json" },
      { name: "MCP", endpoint: "https://runesmith.agents.example/mcp" },
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
    endpoints: [{ name: "A2A", endpoint: "https://yggdrasil.agents.example/.well-known/agent-card.json" }],
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
    endpoints: [{ name: "MCP", endpoint: "https://valkyrie.agents.example/mcp" }],
  },
  {
    slug: "loki-sandbox",
    name: "Loki Sandbox",
    description: "Code execution sandbox agent (suspended by governance after an incident).",
    developer: 3,
    split: { developerBps: 5_500, infraBps: 2_000, stakersBps: 2_500 },
    infra: [{ account: 17, weightBps: 10_000 }],
    popularity: 1,
    endpoints: [{ name: "A2A", endpoint: "https://loki.agents.example/.well-known/agent-card.json" }],
  },
];

/** The agent's operating key: deterministic, so receipts and runes are the same on every fresh chain. */
export function demoSignerKey(slug: string): Hex {
  return keccak256(toHex(`aurorune demo agent signer: ${slug}`));
}

/** The ERC-8004 registration file of a demo agent, as a self-contained data: URI (no host to call). */
export function demoMetadataURI(agent: DemoAgent): string {
  const registration = {
    type: "https://eips.ethereum.org/EIPS/eip-8004#registration-v1",
    name: agent.name,
    description: agent.description,
    image: `/agents/${agent.slug}.svg`,
    endpoints: agent.endpoints,
  };
  return `data:application/json;base64,${Buffer.from(JSON.stringify(registration)).toString("base64")}`;
}
