import type { Address, Hex } from "viem";
import type { AgentRegistration } from "../agent-metadata";

/** How an agent's registration file relates to the rune it is served for. */
export type RegistrationCheck =
  | { state: "names-this-rune" }
  | { state: "names-other"; entries: AgentRegistration[] }
  | { state: "no-entry" }
  | { state: "unreadable" };

/**
 * Whether an ERC-8004 registration file lists this very agent: agent id `uint256(rune)` on registry
 * `eip155:<chainId>:<registry>`. A file copied from another agent, or pointing at another registry, fails this.
 *
 * @example
 * checkRegistration(rune, 31337, registry, [{ agentId: BigInt(rune).toString(), agentRegistry: `eip155:31337:${registry}` }])
 * // { state: "names-this-rune" }
 */
export function checkRegistration(
  rune: Hex,
  chainId: number,
  registry: Address,
  registrations: readonly AgentRegistration[] | undefined,
): RegistrationCheck {
  if (registrations === undefined) return { state: "unreadable" };
  if (registrations.length === 0) return { state: "no-entry" };
  const agentId = BigInt(rune).toString();
  const expectedRegistry = `eip155:${chainId}:${registry}`.toLowerCase();
  const match = registrations.some((entry) => entry.agentId === agentId && entry.agentRegistry.toLowerCase() === expectedRegistry);
  return match ? { state: "names-this-rune" } : { state: "names-other", entries: [...registrations] };
}
