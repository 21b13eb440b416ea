import { ponder } from "ponder:registry";
import { agent, signerRotation, splitProposal, statusChange } from "ponder:schema";
import { type Hex, zeroAddress } from "viem";
import { lower, positionOf } from "./positions";

type Infra = readonly { recipient: Hex; weightBps: number }[];

function infraOf(infra: Infra): { recipient: Hex; weightBps: number }[] {
  return infra.map((share) => ({ recipient: lower(share.recipient), weightBps: share.weightBps }));
}

ponder.on("RuneRegistry:AgentRegistered", async ({ event, context }) => {
  const { args } = event;
  await context.db.insert(agent).values({
    rune: lower(args.rune),
    owner: lower(args.developer),
    signer: lower(args.signer),
    metadataUri: args.metadataURI,
    developerBps: args.split.developerBps,
    infraBps: args.split.infraBps,
    stakersBps: args.split.stakersBps,
    infra: infraOf(args.infra),
    status: "active",
    registeredBlock: event.block.number,
    registeredAt: Number(event.block.timestamp),
  });
});

// The rune is the ERC-721 token id: a transfer changes the agent's owner (mints are AgentRegistered's).
ponder.on("RuneRegistry:Transfer", async ({ event, context }) => {
  const { from, to, tokenId } = event.args;
  if (from === zeroAddress) return;
  const rune = lower(`0x${tokenId.toString(16).padStart(64, "0")}` as Hex);
  await context.db.update(agent, { rune }).set({ owner: lower(to) });
});

ponder.on("RuneRegistry:URIUpdated", async ({ event, context }) => {
  const rune = lower(`0x${event.args.agentId.toString(16).padStart(64, "0")}` as Hex);
  await context.db.update(agent, { rune }).set({ metadataUri: event.args.newURI });
});

ponder.on("RuneRegistry:SignerRotated", async ({ event, context }) => {
  const { args } = event;
  const rune = lower(args.rune);
  await context.db.insert(signerRotation).values({
    ...positionOf(event),
    rune,
    previousSigner: lower(args.previousSigner),
    newSigner: lower(args.newSigner),
  });
  await context.db.update(agent, { rune }).set({ signer: lower(args.newSigner) });
});

ponder.on("RuneRegistry:RuneSuspended", async ({ event, context }) => {
  const rune = lower(event.args.rune);
  await context.db.insert(statusChange).values({ ...positionOf(event), kind: "suspended", rune });
  await context.db.update(agent, { rune }).set({ status: "suspended" });
});

ponder.on("RuneRegistry:RuneUnsuspended", async ({ event, context }) => {
  const rune = lower(event.args.rune);
  await context.db.insert(statusChange).values({ ...positionOf(event), kind: "unsuspended", rune });
  await context.db.update(agent, { rune }).set({ status: "active" });
});

ponder.on("RuneRegistry:RuneRetired", async ({ event, context }) => {
  const rune = lower(event.args.rune);
  await context.db.insert(statusChange).values({ ...positionOf(event), kind: "retired", rune });
  await context.db.update(agent, { rune }).set({ status: "retired" });
});

ponder.on("RuneRegistry:SplitChangeProposed", async ({ event, context }) => {
  const { args } = event;
  const rune = lower(args.rune);
  await context.db.insert(splitProposal).values({
    id: `${rune}-${args.proposalId}`,
    rune,
    proposalId: args.proposalId,
    developerBps: args.split.developerBps,
    infraBps: args.split.infraBps,
    stakersBps: args.split.stakersBps,
    infra: infraOf(args.infra),
    executableAt: Number(args.executableAt),
    proposedBlock: event.block.number,
    proposedAt: Number(event.block.timestamp),
    state: "pending",
  });
});

function resolved(event: { block: { number: bigint; timestamp: bigint } }) {
  return { resolvedBlock: event.block.number, resolvedAt: Number(event.block.timestamp) };
}

ponder.on("RuneRegistry:SplitChangeCancelled", async ({ event, context }) => {
  const id = `${lower(event.args.rune)}-${event.args.proposalId}`;
  await context.db.update(splitProposal, { id }).set({ state: "cancelled", ...resolved(event) });
});

ponder.on("RuneRegistry:SplitChangeExpired", async ({ event, context }) => {
  const id = `${lower(event.args.rune)}-${event.args.proposalId}`;
  await context.db.update(splitProposal, { id }).set({ state: "expired", ...resolved(event) });
});

ponder.on("RuneRegistry:SplitChangeRejected", async ({ event, context }) => {
  const { args } = event;
  const id = `${lower(args.rune)}-${args.proposalId}`;
  await context.db
    .update(splitProposal, { id })
    .set({ state: "rejected", vetoStake: args.vetoStake, quorumBase: args.quorumBase, ...resolved(event) });
});

ponder.on("RuneRegistry:SplitChangeExecuted", async ({ event, context }) => {
  const { args } = event;
  const rune = lower(args.rune);
  await context.db.update(splitProposal, { id: `${rune}-${args.proposalId}` }).set({ state: "executed", ...resolved(event) });
  await context.db.update(agent, { rune }).set({
    developerBps: args.split.developerBps,
    infraBps: args.split.infraBps,
    stakersBps: args.split.stakersBps,
    infra: infraOf(args.infra),
  });
});
