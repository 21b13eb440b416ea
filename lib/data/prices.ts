import type { Address, ContractFunctionParameters, PublicClient } from "viem";
import { aggregatorV3InterfaceAbi, multicall3Abi } from "../../contracts-abi/generated";
import type { PriceUnavailableReason, TokenPrice, TokenPrices } from "../domain/reference-currency";

export type { TokenPrice, TokenPrices } from "../domain/reference-currency";

/** Parameters of {@link readTokenPrices}. */
export interface ReadTokenPricesParameters {
  /** Tokens to price (`0x0000…0000` is ETH). */
  tokens: readonly Address[];
  /** Feed per token, keyed by lowercase token address (`AppConfig.priceFeeds`). */
  feeds: Readonly<Record<Address, Address>>;
  /** Multicall3 (`AppConfig.contracts.multicall3`): it also tells the chain time of the block read. */
  multicallAddress: Address;
  /** An answer older than this (seconds of chain time) is stale (`AppConfig.priceMaxAgeSeconds`). */
  maxAgeSeconds: number;
  /** Block to read at (e.g. the block the figures being valued were read at). Default: the latest. */
  blockNumber?: bigint;
}

/** What {@link readTokenPrices} returns. */
export interface ReadTokenPricesReturnType {
  /** One entry per requested token, keyed by lowercase address. */
  prices: TokenPrices;
  /** Chain time of the block read (seconds): what staleness was measured against. Absent if it could not be read. */
  chainTime?: number;
}

/** Most decimals an answer may have and still be valued exactly (see USD_DECIMALS in lib/domain/reference-currency). */
const MAX_FEED_DECIMALS = 18;

type RoundData = readonly [bigint, bigint, bigint, bigint, bigint];
type CallResult = { status: "success"; result: unknown } | { status: "failure"; error: Error };

/**
 * Reads the USD price of every token from its Chainlink-style feed (`AggregatorV3Interface`) in one multicall:
 * each feed's `latestRoundData` and `decimals`, plus the block's timestamp from Multicall3, all at one block.
 * Every call may fail on its own, so one broken feed only makes its own token unavailable; a node that does not
 * answer makes every price "unreachable" instead of throwing (prices are extra: the page still renders).
 *
 * Checks, as Chainlink recommends: the answer is positive; `updatedAt` is set and not after the block read; the
 * answer was computed in the latest round (`answeredInRound >= roundId`); it is at most `maxAgeSeconds` old,
 * measured against the chain time of the block read, not the server's clock (a local chain lives in its own time).
 *
 * @example
 * const { prices } = await readTokenPrices(client, {
 *   tokens: tokens.map((t) => t.address),
 *   feeds: config.priceFeeds,
 *   multicallAddress: config.contracts.multicall3,
 *   maxAgeSeconds: config.priceMaxAgeSeconds,
 *   blockNumber: snapshot.blockNumber,
 * });
 */
export async function readTokenPrices(
  client: PublicClient,
  parameters: ReadTokenPricesParameters,
): Promise<ReadTokenPricesReturnType> {
  const { tokens, feeds, multicallAddress, maxAgeSeconds, blockNumber } = parameters;
  const prices = new Map<Address, TokenPrice>();
  const unavailable = (token: Address, reason: PriceUnavailableReason) =>
    prices.set(token.toLowerCase() as Address, { status: "unavailable", token, reason });

  const priced = tokens.flatMap((token) => {
    const feed = feeds[token.toLowerCase() as Address];
    if (feed === undefined) unavailable(token, "no feed");
    return feed === undefined ? [] : [{ token, feed }];
  });
  if (priced.length === 0) return { prices };

  // Mixed contracts in one call: typed loosely here, each result checked at run time below.
  const contracts: ContractFunctionParameters[] = [
    { address: multicallAddress, abi: multicall3Abi, functionName: "getCurrentBlockTimestamp" },
    ...priced.flatMap(({ feed }) => [
      { address: feed, abi: aggregatorV3InterfaceAbi, functionName: "latestRoundData" },
      { address: feed, abi: aggregatorV3InterfaceAbi, functionName: "decimals" },
    ]),
  ];
  let results: CallResult[];
  try {
    results = await client.multicall({
      multicallAddress,
      ...(blockNumber === undefined ? {} : { blockNumber }),
      allowFailure: true,
      contracts,
    });
  } catch {
    for (const { token } of priced) unavailable(token, "unreachable");
    return { prices };
  }

  const [time, ...feedResults] = results;
  if (time?.status !== "success" || typeof time.result !== "bigint") {
    for (const { token } of priced) unavailable(token, "unreachable");
    return { prices };
  }
  const chainTime = Number(time.result);
  priced.forEach(({ token }, i) => {
    const round = feedResults[i * 2];
    const decimals = feedResults[i * 2 + 1];
    if (round?.status !== "success" || decimals?.status !== "success" || !isRoundData(round.result) || typeof decimals.result !== "number") {
      unavailable(token, "unreachable");
      return;
    }
    const checked = checkRound(round.result, decimals.result, chainTime, maxAgeSeconds);
    if (typeof checked === "string") unavailable(token, checked);
    else prices.set(token.toLowerCase() as Address, { status: "ok", token, ...checked });
  });
  return { prices, chainTime };
}

/**
 * Whether a feed's latest round gives a usable price at `chainTime`, and the price if so.
 *
 * @example
 * checkRound([5n, 320_000_000_000n, 1_700_000_000n, 1_700_000_000n, 5n], 8, 1_700_000_600, 90_000)
 * // { answer: 320000000000n, decimals: 8, updatedAt: 1700000000 }
 */
export function checkRound(
  round: RoundData,
  decimals: number,
  chainTime: number,
  maxAgeSeconds: number,
): { answer: bigint; decimals: number; updatedAt: number } | PriceUnavailableReason {
  const [roundId, answer, , updatedAt, answeredInRound] = round;
  if (answer <= 0n || updatedAt === 0n || updatedAt > BigInt(chainTime) || decimals > MAX_FEED_DECIMALS) {
    return "invalid answer";
  }
  // An answer carried over from an earlier round is as old as that round, whatever updatedAt says.
  if (answeredInRound < roundId) return "stale";
  if (BigInt(chainTime) - updatedAt > BigInt(maxAgeSeconds)) return "stale";
  return { answer, decimals, updatedAt: Number(updatedAt) };
}

function isRoundData(value: unknown): value is RoundData {
  return Array.isArray(value) && value.length === 5 && value.every((part) => typeof part === "bigint");
}
