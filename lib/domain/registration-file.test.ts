import { type Address, type Hex, keccak256, stringToBytes } from "viem";
import { describe, expect, it } from "vitest";
import { demoAgents, demoImageURI, demoMetadataURI } from "../../scripts/seed-agents";
import { parseAgentMetadata } from "../agent-metadata";
import { checkRegistration } from "./registration-check";
import {
  ERC8004_REGISTRATION_TYPE,
  type RegistrationFileInput,
  type RegistrationIdentity,
  buildRegistrationFile,
  encodeRegistrationFile,
  parseMetadataUriInput,
  registrationEntry,
} from "./registration-file";
import { computeRune } from "./rune";

const registry: Address = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
const developer: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const identity: RegistrationIdentity = {
  rune: computeRune({ chainId: 31337, registry, developer, salt: keccak256(stringToBytes("mimir")) }),
  chainId: 31337,
  registry,
};
const input: RegistrationFileInput = {
  name: "  Oracle of Mimir ",
  description: "Research agent: reads papers and filings, answers with sources.",
  image: "https://mimir.example/logo.png",
  services: [
    { name: "web", endpoint: "https://mimir.example" },
    { name: "A2A", endpoint: "https://mimir.example/.well-known/agent-card.json", version: "0.3.0" },
    { name: "MCP", endpoint: "https://mimir.example/mcp", version: " " },
  ],
  x402Support: true,
  active: true,
  supportedTrust: ["reputation", "crypto-economic"],
};

describe("buildRegistrationFile", () => {
  it("builds the ERC-8004 shape naming the rune itself", () => {
    const built = buildRegistrationFile(input, identity);
    expect(built).toEqual({
      ok: true,
      file: {
        type: ERC8004_REGISTRATION_TYPE,
        name: "Oracle of Mimir",
        description: input.description,
        image: "https://mimir.example/logo.png",
        services: [
          { name: "web", endpoint: "https://mimir.example" },
          { name: "A2A", endpoint: "https://mimir.example/.well-known/agent-card.json", version: "0.3.0" },
          { name: "MCP", endpoint: "https://mimir.example/mcp" },
        ],
        x402Support: true,
        active: true,
        registrations: [{ agentId: BigInt(identity.rune).toString(), agentRegistry: `eip155:31337:${registry}` }],
        supportedTrust: ["reputation", "crypto-economic"],
      },
    });
  });

  it("leaves the image out when none is given", () => {
    const built = buildRegistrationFile({ ...input, image: " " }, identity);
    expect(built.ok && "image" in built.file).toBe(false);
  });

  it("encodes a data: URI the app reads back, naming this rune", () => {
    const built = buildRegistrationFile({ ...input, image: undefined, name: "Mímir ᚠ" }, identity);
    if (!built.ok) throw new Error("invalid");
    const { uri, bytes } = encodeRegistrationFile(built.file);
    expect(uri.startsWith("data:application/json;base64,")).toBe(true);
    expect(bytes).toBe(new TextEncoder().encode(uri).length);
    const read = parseAgentMetadata(uri);
    expect(read).toMatchObject({ name: "Mímir ᚠ", description: input.description, active: true, x402Support: true, services: built.file.services });
    expect(checkRegistration(identity.rune, 31337, registry, read?.registrations).state).toBe("names-this-rune");
    expect(parseMetadataUriInput(uri, identity)).toEqual({ ok: true, uri, kind: "data", bytes });
  });

  it("writes exactly the file the seed writes for each demo agent (one shape, not two)", () => {
    for (const agent of demoAgents) {
      const built = buildRegistrationFile(
        {
          name: agent.name,
          description: agent.description,
          image: demoImageURI(agent.slug),
          services: agent.services,
          x402Support: false,
          active: agent.slug !== "loki-sandbox",
          supportedTrust: ["reputation"],
        },
        identity,
      );
      if (!built.ok) throw new Error(`${agent.slug}: ${built.errors.map((error) => error.message).join(" ")}`);
      expect(encodeRegistrationFile(built.file).uri).toBe(demoMetadataURI(agent, identity));
    }
  });

  const cases: [string, Partial<RegistrationFileInput>, string][] = [
    ["an empty name", { name: "  " }, "name"],
    ["a long name", { name: "x".repeat(81) }, "name"],
    ["an empty description", { description: "" }, "description"],
    ["a long description", { description: "x".repeat(401) }, "description"],
    ["an http image", { image: "http://mimir.example/logo.png" }, "image"],
    ["a non-image data URI", { image: "data:text/html;base64,PGI+" }, "image"],
    ["a broken ipfs image", { image: "ipfs://nope" }, "image"],
    ["an unnamed service", { services: [{ name: " ", endpoint: "https://a.example" }] }, "services[0].name"],
    ["an http endpoint", { services: [{ name: "MCP", endpoint: "http://a.example/mcp" }] }, "services[0].endpoint"],
    ["a relative endpoint", { services: [{ name: "MCP", endpoint: "/mcp" }] }, "services[0].endpoint"],
    ["an endpoint with credentials", { services: [{ name: "MCP", endpoint: "https://user:secret@a.example/mcp" }] }, "services[0].endpoint"],
    ["an endpoint with a space", { services: [{ name: "MCP", endpoint: "https://a.example/m cp" }] }, "services[0].endpoint"],
    ["an endpoint over 200 characters", { services: [{ name: "MCP", endpoint: `https://a.example/${"x".repeat(200)}` }] }, "services[0].endpoint"],
    ["a long version", { services: [{ name: "MCP", endpoint: "https://a.example/mcp", version: "v".repeat(41) }] }, "services[0].version"],
    ["an unknown trust model", { supportedTrust: ["vibes"] }, "supportedTrust[0]"],
    ["a trust model twice", { supportedTrust: ["reputation", "reputation"] }, "supportedTrust"],
    ["seventeen services", { services: Array(17).fill({ name: "web", endpoint: "https://a.example" }) }, "services"],
  ];
  it.each(cases)("refuses %s on its field", (_case, change, field) => {
    const built = buildRegistrationFile({ ...input, ...change }, identity);
    expect(built.ok).toBe(false);
    if (!built.ok) {
      expect(built.errors.map((error) => error.field)).toEqual([field]);
      expect(built.errors[0]?.message).toMatch(/^[A-Z"].*\.$/);
    }
  });

  it("accepts the image kinds the app and other tooling read", () => {
    for (const image of ["https://a.example/i.png", "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/i.png", "data:image/png;base64,iVBORw0KGgo="]) {
      expect(buildRegistrationFile({ ...input, image }, identity).ok).toBe(true);
    }
  });

  it("reports every problem at once", () => {
    const built = buildRegistrationFile({ ...input, name: "", description: "", services: [{ name: "MCP", endpoint: "ftp://x" }] }, identity);
    expect(built.ok ? [] : built.errors.map((error) => error.field)).toEqual(["name", "description", "services[0].endpoint"]);
  });
});

describe("registrationEntry", () => {
  it("is the rune as a decimal agent id on this chain's registry", () => {
    const rune: Hex = `0x${"00".repeat(31)}ff`;
    expect(registrationEntry({ rune, chainId: 10, registry })).toEqual({ agentId: "255", agentRegistry: `eip155:10:${registry}` });
  });
});

describe("parseMetadataUriInput", () => {
  it("accepts https and ipfs URIs as given (not fetched)", () => {
    expect(parseMetadataUriInput(" https://mimir.example/agent.json ")).toEqual({ ok: true, uri: "https://mimir.example/agent.json", kind: "https", bytes: 32 });
    const ipfs = "ipfs://QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG/agent.json";
    expect(parseMetadataUriInput(ipfs)).toMatchObject({ ok: true, kind: "ipfs" });
  });

  it.each([
    ["", "Enter the registration file's URI"],
    ["http://mimir.example/agent.json", "Use an https://, ipfs:// or data: URI."],
    ["ftp://mimir.example/agent.json", "Use an https://, ipfs:// or data: URI."],
    ["mimir.example/agent.json", "Use an https://, ipfs:// or data: URI."],
    ["ipfs://short", "That is not an ipfs:// URI"],
    ["data:application/json;base64,bm90IGpzb24=", "not a readable registration file"],
    [`https://mimir.example/${"x".repeat(2_048)}`, "Keep the address to 2048 characters."],
  ])("refuses %j", (text, error) => {
    const parsed = parseMetadataUriInput(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(error);
  });

  it("refuses a data: file that names another rune", () => {
    const built = buildRegistrationFile(input, identity);
    if (!built.ok) throw new Error("invalid");
    const { uri } = encodeRegistrationFile(built.file);
    const other = { ...identity, rune: keccak256(stringToBytes("another")) };
    expect(parseMetadataUriInput(uri, other)).toEqual({
      ok: false,
      error: "This registration file does not name this rune in its registrations: it belongs to another agent or registry.",
    });
  });
});
