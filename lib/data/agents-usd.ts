import type { Address, Hex, PublicClient } from "viem";
import type { AgentsSnapshot } from "../domain/agent";
import type { AppConfig } from "../config/parse";
import { type UsdFigure, sumInUsd, usdFigure } from "../domain/reference-currency";
import { readTokenPrices } from "./prices";

/** One agent's revenue across every token, in USD. */
export interface AgentUsdTotals {
  revenue30d: UsdFigure;
  revenueAllTime: UsdFigure;
}

/** Parameters of {@link readAgentsUsd}. */
export interface ReadAgentsUsdParameters {
  snapshot: AgentsSnapshot;
  config: Pick<AppConfig, "priceFeeds" | "priceMaxAgeSeconds" | "contracts">;
  /** Locale the figures are formatted in. */
  locale: string;
}

/**
 * Every agent's 30-day and all-time revenue summed across tokens in USD, with the feeds read at the snapshot's
 * own block (one multicall), so the prices and the amounts are of the same moment. A token whose price is
 * unavailable makes each total that needs it read "price unavailable".
 *
 * @example
 * const usd = await readAgentsUsd(client, { snapshot, config, locale });
 * usd[rune]?.revenue30d.text // "$12,345.67"
 */
export async function readAgentsUsd(client: PublicClient, parameters: ReadAgentsUsdParameters): Promise<Record<Hex, AgentUsdTotals>> {
  const { snapshot, config, locale } = parameters;
  const { prices } = await readTokenPrices(client, {
    tokens: snapshot.tokens.map((token) => token.address),
    feeds: config.priceFeeds,
    multicallAddress: config.contracts.multicall3,
    maxAgeSeconds: config.priceMaxAgeSeconds,
    blockNumber: snapshot.blockNumber,
  });
  const symbolOf = (address: Address) =>
    snapshot.tokens.find((token) => token.address.toLowerCase() === address.toLowerCase())?.symbol ?? address;
  const total = (amounts: Record<Address, bigint>) =>
    usdFigure(
      sumInUsd(
        snapshot.tokens.map((token) => ({ token: token.address, decimals: token.decimals, amount: amounts[token.address] ?? 0n })),
        prices,
      ),
      locale,
      symbolOf,
    );
  return Object.fromEntries(
    snapshot.agents.map((agent) => [agent.rune, { revenue30d: total(agent.revenue30d), revenueAllTime: total(agent.revenueAllTime) }]),
  );
}
