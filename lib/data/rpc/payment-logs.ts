import { type Address, type Hex, type PublicClient, getAbiItem } from "viem";
import { revenueDistributorAbi } from "../../../contracts-abi/generated";
import type { PaymentRow } from "../history-source";
import { type ReadInChunksOptions, readInChunks } from "./block-chunks";

/** Parameters of {@link readPaymentRows}. */
export interface ReadPaymentRowsParameters extends ReadInChunksOptions {
  distributor: Address;
  fromBlock: bigint;
  toBlock: bigint;
}

const SERVICE_PAID = getAbiItem({ abi: revenueDistributorAbi, name: "ServicePaid" });
const COLLABORATIVE_SERVICE_PAID = getAbiItem({ abi: revenueDistributorAbi, name: "CollaborativeServicePaid" });

/**
 * The payments of a block range, in chain order: both payment events in one `eth_getLogs` per chunk, each
 * ServicePaid a row, joined with the CollaborativeServicePaid that follows it in its transaction.
 *
 * @example
 * const rows = await readPaymentRows(client, { distributor, fromBlock, toBlock, chunkSize: 10_000n, concurrency: 4 });
 */
export async function readPaymentRows(client: PublicClient, parameters: ReadPaymentRowsParameters): Promise<PaymentRow[]> {
  const { distributor, fromBlock, toBlock } = parameters;
  if (toBlock < fromBlock) return [];
  const logs = await readInChunks(
    fromBlock,
    toBlock,
    (from, to) =>
      client.getLogs({
        address: distributor,
        events: [SERVICE_PAID, COLLABORATIVE_SERVICE_PAID],
        fromBlock: from,
        toBlock: to,
        strict: true,
      }),
    parameters,
  );

  const rows: PaymentRow[] = [];
  // ServicePaid rows of the current transaction not yet claimed by a collaborative payment.
  let transaction: Hex | undefined;
  let open: PaymentRow[] = [];
  for (const log of logs) {
    if (log.transactionHash !== transaction) {
      transaction = log.transactionHash;
      open = [];
    }
    if (log.eventName === "ServicePaid") {
      const { args } = log;
      const row: PaymentRow = {
        blockNumber: log.blockNumber,
        logIndex: log.logIndex,
        transactionHash: log.transactionHash,
        timestamp: Number(args.timestamp),
        rune: args.rune.toLowerCase() as Hex,
        serviceId: args.serviceId,
        payer: args.payer,
        token: args.token,
        amount: args.amount,
        developerAmount: args.developerAmount,
        infraAmount: args.infraAmount,
        stakersAmount: args.stakersAmount,
      };
      rows.push(row);
      open.push(row);
    } else {
      const { args } = log;
      const collaborative = {
        totalAmount: args.amount,
        runes: args.runes.map((rune) => rune.toLowerCase() as Hex),
        weightsBps: [...args.weightsBps],
      };
      // The contract emits one ServicePaid per listed rune, then this event: claim the nearest matching ones
      // (a batch transaction may hold several payments, even with the same service id for other runes).
      for (const rune of collaborative.runes) {
        for (let i = open.length - 1; i >= 0; i--) {
          const row = open[i]!;
          if (row.rune === rune && row.serviceId === args.serviceId && row.token === args.token && row.payer === args.payer) {
            row.collaborative = collaborative;
            open.splice(i, 1);
            break;
          }
        }
      }
    }
  }
  return rows;
}
