import { zeroAddress } from "viem";
import { describe, expect, it } from "vitest";
import { ETH_TOKEN, type PaymentToken, resolveTokenInput } from "./token";

const tokens: PaymentToken[] = [
  { ...ETH_TOKEN, allowed: true },
  { address: "0x5FbDB2315678afecb367f032d93F642f64180aa3", symbol: "AURUNES", decimals: 18, allowed: true },
  { address: "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9", symbol: "tUSD", decimals: 6, allowed: true },
  { address: "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9", symbol: "OLD", decimals: 8, allowed: false },
];

describe("resolveTokenInput", () => {
  it("finds ETH, a symbol in any case, or an address in any case", () => {
    expect(resolveTokenInput("ETH", tokens)).toEqual({ ok: true, token: tokens[0] });
    expect(resolveTokenInput("eth", tokens)).toEqual({ ok: true, token: tokens[0] });
    expect(resolveTokenInput("tusd", tokens)).toEqual({ ok: true, token: tokens[2] });
    expect(resolveTokenInput(" AURUNES ", tokens)).toEqual({ ok: true, token: tokens[1] });
    expect(resolveTokenInput("0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9", tokens)).toEqual({ ok: true, token: tokens[2] });
    expect(resolveTokenInput(zeroAddress, tokens)).toEqual({ ok: true, token: tokens[0] });
  });

  it.each([
    ["", "no token given (accepted: ETH, AURUNES, tUSD)"],
    ["DOGE", 'the distributor does not know the token "DOGE" (accepted: ETH, AURUNES, tUSD)'],
    ["0x1234", '"0x1234" is not a valid address'],
    ["0xCF7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9", "checksum is wrong"],
    ["0x0000000000000000000000000000000000000001", "does not know the token"],
    ["old", "OLD is no longer accepted for payments"],
  ])("refuses %j", (text, error) => {
    const resolved = resolveTokenInput(text, tokens);
    expect(resolved.ok).toBe(false);
    if (!resolved.ok) expect(resolved.error).toContain(error);
  });

  it("asks for the address when a symbol is ambiguous", () => {
    const twice = [...tokens, { ...tokens[2], address: "0x0000000000000000000000000000000000000002", allowed: true } as PaymentToken];
    const resolved = resolveTokenInput("tUSD", twice);
    expect(resolved).toEqual({ ok: false, error: '"tUSD" names 2 tokens: give the token\'s address instead' });
  });
});
