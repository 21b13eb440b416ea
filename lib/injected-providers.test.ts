import type { EIP1193Provider } from "viem";
import { describe, expect, it } from "vitest";
import { type AnnouncedProvider, hasInjectedProvider } from "./injected-providers";

const provider = { request: async () => null } as unknown as EIP1193Provider;
const announced: AnnouncedProvider = { info: { uuid: "u", name: "W", icon: "data:image/svg+xml,", rdns: "w.example" }, provider };

describe("hasInjectedProvider", () => {
  it("is false with no window.ethereum: no Browser Wallet to offer", () => {
    expect(hasInjectedProvider({}, [])).toBe(false);
    expect(hasInjectedProvider({ ethereum: undefined }, [announced])).toBe(false);
  });
  it("is false when window.ethereum is a wallet already listed under its own name", () => {
    expect(hasInjectedProvider({ ethereum: provider }, [announced])).toBe(false);
  });
  it("is true for a legacy provider nobody announced", () => {
    expect(hasInjectedProvider({ ethereum: { request: async () => null } }, [announced])).toBe(true);
  });
});
