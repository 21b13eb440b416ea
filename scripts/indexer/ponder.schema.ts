import { type PgColumnsBuilders, index, onchainEnum, onchainTable, onchainView } from "ponder";

// The indexer's tables. Positions (block_number, log_index) order events totally, like the RPC read side;
// amounts are numeric(78) (uint256) and runes, addresses and hashes lowercase hex. lib/data/indexer/ reads these
// tables over SQL-over-HTTP, through the views at the end of this file: a renamed column must be renamed there
// too (the parity test fails otherwise).

/** Where an event is, first in every event table: `id` is `<block>-<logIndex>`, `timestamp` the block's time. */
function eventColumns(t: PgColumnsBuilders) {
  return {
    id: t.text().primaryKey(),
    blockNumber: t.int8({ mode: "bigint" }).notNull(),
    logIndex: t.integer().notNull(),
    transactionHash: t.hex().notNull(),
    timestamp: t.int8({ mode: "number" }).notNull(),
  };
}

export const runeStatus = onchainEnum("rune_status", ["active", "suspended", "retired"]);
export const stakeChangeKind = onchainEnum("stake_change_kind", ["staked", "unstake_requested", "withdrawn"]);
export const claimKind = onchainEnum("claim_kind", ["staker", "developer", "infra"]);
export const statusChangeKind = onchainEnum("status_change_kind", ["suspended", "unsuspended", "retired"]);
export const proposalState = onchainEnum("proposal_state", ["pending", "cancelled", "executed", "rejected", "expired"]);

/** One agent rune, as registered and then changed by transfers, rotations, status changes and executed splits. */
export const agent = onchainTable("agent", (t) => ({
  rune: t.hex().primaryKey(),
  owner: t.hex().notNull(),
  signer: t.hex().notNull(),
  metadataUri: t.text().notNull(),
  developerBps: t.integer().notNull(),
  infraBps: t.integer().notNull(),
  stakersBps: t.integer().notNull(),
  /** `[{ recipient, weightBps }]` */
  infra: t.json().$type<{ recipient: `0x${string}`; weightBps: number }[]>().notNull(),
  status: runeStatus().notNull(),
  registeredBlock: t.int8({ mode: "bigint" }).notNull(),
  registeredAt: t.int8({ mode: "number" }).notNull(),
}));

/**
 * One rune's share of one payment (a ServicePaid event). A collaborative payment adds one row per rune, each
 * pointing at its collaborative_payment.
 */
export const payment = onchainTable(
  "payment",
  (t) => ({
    ...eventColumns(t),
    rune: t.hex().notNull(),
    serviceId: t.hex().notNull(),
    payer: t.hex().notNull(),
    token: t.hex().notNull(),
    amount: t.bigint().notNull(),
    developerAmount: t.bigint().notNull(),
    infraAmount: t.bigint().notNull(),
    stakersAmount: t.bigint().notNull(),
    /** The collaborative_payment this share belongs to, null for a single-agent payment. */
    collaborativeId: t.text(),
  }),
  (table) => ({
    // Pages of one agent, newest first (and by token); the time range of a filter; every agent's last 30 days.
    runePosition: index().on(table.rune, table.blockNumber, table.logIndex),
    runeTokenPosition: index().on(table.rune, table.token, table.blockNumber, table.logIndex),
    runeTimestamp: index().on(table.rune, table.timestamp),
    timestamp: index().on(table.timestamp),
  }),
);

/** A CollaborativeServicePaid event: the whole payment whose shares are payment rows. */
export const collaborativePayment = onchainTable("collaborative_payment", (t) => ({
  ...eventColumns(t),
  serviceId: t.hex().notNull(),
  payer: t.hex().notNull(),
  token: t.hex().notNull(),
  amount: t.bigint().notNull(),
  runes: t.hex().array().notNull(),
  weightsBps: t.integer().array().notNull(),
}));

/** Revenue of one rune in one token on one UTC day: what totals and charts read instead of every payment. */
export const revenueDay = onchainTable(
  "revenue_day",
  (t) => ({
    /** `<rune>-<token>-<day>` */
    id: t.text().primaryKey(),
    rune: t.hex().notNull(),
    token: t.hex().notNull(),
    /** Days since 1970-01-01 (UTC). */
    day: t.integer().notNull(),
    amount: t.bigint().notNull(),
    developerAmount: t.bigint().notNull(),
    infraAmount: t.bigint().notNull(),
    stakersAmount: t.bigint().notNull(),
    paymentCount: t.integer().notNull(),
  }),
  (table) => ({
    runeDay: index().on(table.rune, table.day),
    day: index().on(table.day),
  }),
);

/** Stakes, unstake requests and withdrawals. */
export const stakeChange = onchainTable(
  "stake_change",
  (t) => ({
    ...eventColumns(t),
    kind: stakeChangeKind().notNull(),
    rune: t.hex().notNull(),
    account: t.hex().notNull(),
    amount: t.bigint().notNull(),
    /** Unstake requests: when the stake can be withdrawn. */
    unbondingEndsAt: t.int8({ mode: "number" }),
  }),
  (table) => ({
    runePosition: index().on(table.rune, table.blockNumber, table.logIndex),
    accountPosition: index().on(table.account, table.blockNumber, table.logIndex),
  }),
);

/** Claims of staker rewards, developer balances and infra balances. */
export const claim = onchainTable(
  "claim",
  (t) => ({
    ...eventColumns(t),
    kind: claimKind().notNull(),
    /** Null for infra claims (an infra balance is per account, across runes). */
    rune: t.hex(),
    account: t.hex().notNull(),
    token: t.hex().notNull(),
    amount: t.bigint().notNull(),
    /** Where the tokens went: the account itself unless an infra balance was claimed elsewhere. */
    recipient: t.hex().notNull(),
  }),
  (table) => ({
    accountPosition: index().on(table.account, table.blockNumber, table.logIndex),
    runePosition: index().on(table.rune, table.blockNumber, table.logIndex),
  }),
);

/** Registrations, signer rotations and status changes of runes, in chain order. */
export const signerRotation = onchainTable(
  "signer_rotation",
  (t) => ({
    ...eventColumns(t),
    rune: t.hex().notNull(),
    previousSigner: t.hex().notNull(),
    newSigner: t.hex().notNull(),
  }),
  (table) => ({ runePosition: index().on(table.rune, table.blockNumber, table.logIndex) }),
);

export const statusChange = onchainTable(
  "status_change",
  (t) => ({
    ...eventColumns(t),
    kind: statusChangeKind().notNull(),
    rune: t.hex().notNull(),
  }),
  (table) => ({ runePosition: index().on(table.rune, table.blockNumber, table.logIndex) }),
);

/** Split proposals and how each ended. */
export const splitProposal = onchainTable(
  "split_proposal",
  (t) => ({
    /** `<rune>-<proposalId>` */
    id: t.text().primaryKey(),
    rune: t.hex().notNull(),
    proposalId: t.int8({ mode: "bigint" }).notNull(),
    developerBps: t.integer().notNull(),
    infraBps: t.integer().notNull(),
    stakersBps: t.integer().notNull(),
    infra: t.json().$type<{ recipient: `0x${string}`; weightBps: number }[]>().notNull(),
    executableAt: t.int8({ mode: "number" }).notNull(),
    proposedBlock: t.int8({ mode: "bigint" }).notNull(),
    proposedAt: t.int8({ mode: "number" }).notNull(),
    state: proposalState().notNull(),
    /** Rejections: the vetoing stake and the base it was measured against. */
    vetoStake: t.bigint(),
    quorumBase: t.bigint(),
    resolvedBlock: t.int8({ mode: "bigint" }),
    resolvedAt: t.int8({ mode: "number" }),
  }),
  (table) => ({ runeProposal: index().on(table.rune, table.proposalId) }),
);

/** A staker's veto of a proposal, with its current weight (lowered when the staker unstakes). */
export const veto = onchainTable(
  "veto",
  (t) => ({
    /** `<rune>-<proposalId>-<account>` */
    id: t.text().primaryKey(),
    rune: t.hex().notNull(),
    proposalId: t.int8({ mode: "bigint" }).notNull(),
    account: t.hex().notNull(),
    weight: t.bigint().notNull(),
    vetoedBlock: t.int8({ mode: "bigint" }).notNull(),
    vetoedAt: t.int8({ mode: "number" }).notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({ proposal: index().on(table.rune, table.proposalId) }),
);

// What the app reads (lib/data/indexer/history-sql.ts): views of the tables, not the tables by name. With PGlite,
// when Ponder flushes more than 20 updated rows of a table at once (revenue_day's sums, payment's collaborative
// link: every backfill of a few thousand payments), it creates a temporary table with that table's name
// (`CREATE TEMP TABLE "payment" …`, filled, copied over, then truncated) that lives as long as the session, and
// PGlite has a single session shared with SQL over HTTP: from then on a query's unqualified `payment` names the
// empty temporary table (pg_temp comes first in the search path), and SQL over HTTP refuses schema-qualified
// names. A view is bound to the real table when Ponder creates it, before any flush, so reads through it see the
// rows. (With Postgres, the API has connections of its own and the views change nothing.)
export const paymentView = onchainView("payment_view").as((qb) => qb.select().from(payment));
export const collaborativePaymentView = onchainView("collaborative_payment_view").as((qb) => qb.select().from(collaborativePayment));
export const revenueDayView = onchainView("revenue_day_view").as((qb) => qb.select().from(revenueDay));
