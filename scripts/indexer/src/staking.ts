import { ponder } from "ponder:registry";
import { claim, stakeChange, veto } from "ponder:schema";
import { eventId, lower, positionOf } from "./positions";

ponder.on("RevenueDistributor:Staked", async ({ event, context }) => {
  const { args } = event;
  await context.db.insert(stakeChange).values({
    ...positionOf(event),
    kind: "staked",
    rune: lower(args.rune),
    account: lower(args.account),
    amount: args.amount,
  });
});

ponder.on("RevenueDistributor:UnstakeRequested", async ({ event, context }) => {
  const { args } = event;
  await context.db.insert(stakeChange).values({
    ...positionOf(event),
    kind: "unstake_requested",
    rune: lower(args.rune),
    account: lower(args.account),
    amount: args.amount,
    unbondingEndsAt: Number(args.unbondingEndsAt),
  });
});

ponder.on("RevenueDistributor:Withdrawn", async ({ event, context }) => {
  const { args } = event;
  await context.db.insert(stakeChange).values({
    ...positionOf(event),
    kind: "withdrawn",
    rune: lower(args.rune),
    account: lower(args.account),
    amount: args.amount,
  });
});

ponder.on("RevenueDistributor:Claimed", async ({ event, context }) => {
  const { args } = event;
  const account = lower(args.account);
  await context.db.insert(claim).values({
    ...positionOf(event),
    kind: "staker",
    rune: lower(args.rune),
    account,
    token: lower(args.token),
    amount: args.amount,
    recipient: account,
  });
});

ponder.on("RevenueDistributor:DeveloperClaimed", async ({ event, context }) => {
  const { args } = event;
  const account = lower(args.account);
  await context.db.insert(claim).values({
    ...positionOf(event),
    kind: "developer",
    rune: lower(args.rune),
    account,
    token: lower(args.token),
    amount: args.amount,
    recipient: account,
  });
});

ponder.on("RevenueDistributor:InfraClaimed", async ({ event, context }) => {
  const { args } = event;
  const account = lower(args.account);
  await context.db.insert(claim).values({
    ...positionOf(event),
    kind: "infra",
    account,
    token: lower(args.token),
    amount: args.amount,
    recipient: account,
  });
});

// Emitted right after the InfraClaimed it redirects.
ponder.on("RevenueDistributor:InfraClaimedTo", async ({ event, context }) => {
  const id = eventId(event.block.number, event.log.logIndex - 1);
  await context.db.update(claim, { id }).set({ recipient: lower(event.args.to) });
});

ponder.on("RevenueDistributor:SplitProposalVetoed", async ({ event, context }) => {
  const { args } = event;
  const rune = lower(args.rune);
  const account = lower(args.account);
  await context.db.insert(veto).values({
    id: `${rune}-${args.proposalId}-${account}`,
    rune,
    proposalId: args.proposalId,
    account,
    weight: args.weight,
    vetoedBlock: event.block.number,
    vetoedAt: Number(event.block.timestamp),
    transactionHash: event.transaction.hash,
  });
});

ponder.on("RevenueDistributor:VetoWeightLowered", async ({ event, context }) => {
  const { args } = event;
  const id = `${lower(args.rune)}-${args.proposalId}-${lower(args.account)}`;
  await context.db.update(veto, { id }).set({ weight: args.weight });
});
