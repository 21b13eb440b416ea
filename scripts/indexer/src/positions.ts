import type { Hex } from "viem";

/** Where an event is: what every event table stores first. */
export interface EventPosition {
  id: string;
  blockNumber: bigint;
  logIndex: number;
  transactionHash: Hex;
  timestamp: number;
}

interface PonderEvent {
  block: { number: bigint; timestamp: bigint };
  log: { logIndex: number };
  transaction: { hash: Hex };
}

/** The id of the event at a position: `<block>-<logIndex>`. */
export function eventId(blockNumber: bigint, logIndex: number): string {
  return `${blockNumber}-${logIndex}`;
}

/** The position columns of an event (chain time from its block). */
export function positionOf(event: PonderEvent): EventPosition {
  return {
    id: eventId(event.block.number, event.log.logIndex),
    blockNumber: event.block.number,
    logIndex: event.log.logIndex,
    transactionHash: event.transaction.hash,
    timestamp: Number(event.block.timestamp),
  };
}

/** Lowercase hex, as every table stores runes, addresses and hashes. */
export function lower<T extends Hex>(value: T): T {
  return value.toLowerCase() as T;
}

/** Days since 1970-01-01 of a chain time (UTC), the key of revenue_day. */
export function utcDayNumber(timestamp: number): number {
  return Math.floor(timestamp / 86_400);
}
