import { describe, expect, it } from "vitest";
import { isVetoed, proposalPhase } from "./developer-console";

describe("proposalPhase", () => {
  const proposal = { executableAt: 1_000n, expiresAt: 2_000n };
  it("waits before executableAt, is executable from it, and expires at expiresAt (exclusive), as the registry checks", () => {
    expect(proposalPhase(proposal, 999n)).toBe("waiting");
    expect(proposalPhase(proposal, 1_000n)).toBe("executable");
    expect(proposalPhase(proposal, 1_999n)).toBe("executable");
    expect(proposalPhase(proposal, 2_000n)).toBe("expired");
  });
});

describe("isVetoed", () => {
  it("rejects only above half of the veto base", () => {
    expect(isVetoed({ vetoStake: 50n, stakeAtProposal: 100n })).toBe(false);
    expect(isVetoed({ vetoStake: 51n, stakeAtProposal: 100n })).toBe(true);
    expect(isVetoed({ vetoStake: 0n, stakeAtProposal: 0n })).toBe(false);
    // An odd base: 3 of 5 is above half, 2 of 5 is not.
    expect(isVetoed({ vetoStake: 3n, stakeAtProposal: 5n })).toBe(true);
    expect(isVetoed({ vetoStake: 2n, stakeAtProposal: 5n })).toBe(false);
  });
});
