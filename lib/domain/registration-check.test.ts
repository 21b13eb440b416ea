import type { Address, Hex } from "viem";
import { describe, expect, it } from "vitest";
import { checkRegistration } from "./registration-check";

const rune = `0x${"1f".repeat(32)}` as Hex;
const registry = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512" as Address;
const self = { agentId: BigInt(rune).toString(), agentRegistry: `eip155:31337:${registry}` };

describe("checkRegistration", () => {
  it("accepts a file that names this rune on this registry (address case does not matter)", () => {
    expect(checkRegistration(rune, 31337, registry, [self])).toEqual({ state: "names-this-rune" });
    expect(checkRegistration(rune, 31337, registry, [{ ...self, agentRegistry: self.agentRegistry.toLowerCase() }]).state).toBe("names-this-rune");
  });

  it("flags a file naming another agent, another chain or another registry", () => {
    expect(checkRegistration(rune, 31337, registry, [{ ...self, agentId: "1" }]).state).toBe("names-other");
    expect(checkRegistration(rune, 1, registry, [self]).state).toBe("names-other");
    expect(checkRegistration(rune, 31337, "0x0000000000000000000000000000000000000001", [self]).state).toBe("names-other");
  });

  it("says when the file has no entry or could not be read", () => {
    expect(checkRegistration(rune, 31337, registry, []).state).toBe("no-entry");
    expect(checkRegistration(rune, 31337, registry, undefined).state).toBe("unreadable");
  });
});
