import { describe, expect, it } from "vitest";
import { parseAgentMetadata } from "./agent-metadata";

const asDataUri = (file: unknown) =>
  `data:application/json;base64,${Buffer.from(JSON.stringify(file)).toString("base64")}`;

describe("parseAgentMetadata", () => {
  it("reads an ERC-8004 registration file", () => {
    const metadata = parseAgentMetadata(
      asDataUri({
        type: "https://eips.ethereum.org/EIPS/eip-8004#registration-v1",
        name: "Oracle of Mimir",
        description: "Research agent.",
        image: "data:image/svg+xml;base64,PHN2Zy8+",
        services: [{ name: "A2A", endpoint: "https://mimir.example/agent-card.json", version: "0.3.0" }],
        x402Support: false,
        active: true,
        registrations: [{ agentId: "123456789", agentRegistry: "eip155:31337:0x5FbDB2315678afecb367f032d93F642f64180aa3" }],
        supportedTrust: ["reputation"],
      }),
    );
    expect(metadata).toEqual({
      name: "Oracle of Mimir",
      description: "Research agent.",
      image: "data:image/svg+xml;base64,PHN2Zy8+",
      services: [{ name: "A2A", endpoint: "https://mimir.example/agent-card.json", version: "0.3.0" }],
      active: true,
      x402Support: false,
      registrations: [{ agentId: "123456789", agentRegistry: "eip155:31337:0x5FbDB2315678afecb367f032d93F642f64180aa3" }],
    });
  });

  it("still reads the older `endpoints` shape", () => {
    const metadata = parseAgentMetadata(asDataUri({ name: "Old", endpoints: [{ name: "MCP", endpoint: "https://old.example/mcp" }] }));
    expect(metadata?.services).toEqual([{ name: "MCP", endpoint: "https://old.example/mcp" }]);
    expect(metadata?.active).toBe(true);
  });

  it("loads images from this origin or data: URIs only", () => {
    expect(parseAgentMetadata(asDataUri({ name: "A", image: "https://tracker.example/pixel.png" }))?.image).toBeUndefined();
    expect(parseAgentMetadata(asDataUri({ name: "A", image: "//tracker.example/pixel.png" }))?.image).toBeUndefined();
    expect(parseAgentMetadata(asDataUri({ name: "A", image: "/agents/a.svg" }))?.image).toBe("/agents/a.svg");
  });

  it("drops malformed entries and refuses files without a name", () => {
    const metadata = parseAgentMetadata(
      asDataUri({ name: "A", active: false, services: [{ name: 1 }], registrations: [{ agentId: "x", agentRegistry: "y" }] }),
    );
    expect(metadata?.services).toEqual([]);
    expect(metadata?.registrations).toEqual([]);
    expect(metadata?.active).toBe(false);
    expect(parseAgentMetadata(asDataUri({ description: "nameless" }))).toBeUndefined();
    expect(parseAgentMetadata("https://agents.example/a.json")).toBeUndefined();
  });
});
