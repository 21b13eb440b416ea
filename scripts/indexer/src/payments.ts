import { ponder } from "ponder:registry";
import { collaborativePayment, payment, revenueDay } from "ponder:schema";
import { eventId, lower, positionOf, utcDayNumber } from "./positions";

ponder.on("RevenueDistributor:ServicePaid", async ({ event, context }) => {
  const { args } = event;
  const rune = lower(args.rune);
  const token = lower(args.token);
  const timestamp = Number(args.timestamp);
  await context.db.insert(payment).values({
    ...positionOf(event),
    timestamp,
    rune,
    serviceId: lower(args.serviceId),
    payer: lower(args.payer),
    token,
    amount: args.amount,
    developerAmount: args.developerAmount,
    infraAmount: args.infraAmount,
    stakersAmount: args.stakersAmount,
  });
  const day = utcDayNumber(timestamp);
  await context.db
    .insert(revenueDay)
    .values({
      id: `${rune}-${token}-${day}`,
      rune,
      token,
      day,
      amount: args.amount,
      developerAmount: args.developerAmount,
      infraAmount: args.infraAmount,
      stakersAmount: args.stakersAmount,
      paymentCount: 1,
    })
    .onConflictDoUpdate((row) => ({
      amount: row.amount + args.amount,
      developerAmount: row.developerAmount + args.developerAmount,
      infraAmount: row.infraAmount + args.infraAmount,
      stakersAmount: row.stakersAmount + args.stakersAmount,
      paymentCount: row.paymentCount + 1,
    }));
});

ponder.on("RevenueDistributor:CollaborativeServicePaid", async ({ event, context }) => {
  const { args } = event;
  const position = positionOf(event);
  const runes = args.runes.map(lower);
  await context.db.insert(collaborativePayment).values({
    ...position,
    timestamp: Number(args.timestamp),
    serviceId: lower(args.serviceId),
    payer: lower(args.payer),
    token: lower(args.token),
    amount: args.amount,
    runes,
    weightsBps: [...args.weightsBps],
  });
  // payCollaborative emits one ServicePaid per listed rune, in order, with nothing between them, then this
  // event: the shares are the logs right before it.
  for (const [i, rune] of runes.entries()) {
    const id = eventId(event.block.number, event.log.logIndex - runes.length + i);
    const share = await context.db.find(payment, { id });
    if (share?.rune !== rune) {
      throw new Error(`CollaborativeServicePaid ${position.id}: log ${id} is not the ServicePaid of rune ${rune}`);
    }
    await context.db.update(payment, { id }).set({ collaborativeId: position.id });
  }
});
