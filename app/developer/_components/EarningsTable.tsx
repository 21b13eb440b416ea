import type { Address } from "viem";
import type { TokenInfo } from "@/lib/domain/agent";
import type { EarningsWindow, RuneEarnings } from "@/lib/domain/developer-earnings";
import { type UsdTotal, formatUsd } from "@/lib/domain/reference-currency";
import { displayFractionDigits, formatFixed } from "@/lib/format";

/** Props of {@link EarningsTable}. */
export interface EarningsTableProps {
  earnings: RuneEarnings | undefined;
  /** Why there are no figures (still loading, or the read failed). */
  state: "loading" | "failed" | "ready";
  onRetry: () => void;
  tokenOf: (address: Address) => TokenInfo;
  locale: string;
}

/** Whether a USD total could not be given. */
export function isUnavailable(total: UsdTotal): total is Extract<UsdTotal, { status: "unavailable" }> {
  return total.status === "unavailable";
}

/** Why a USD total is not given, in words: the token without a usable price and the feed's problem. */
export function usdUnavailableText(total: Extract<UsdTotal, { status: "unavailable" }>, tokenOf: (address: Address) => TokenInfo): string {
  return `no usable ${tokenOf(total.token).symbol} price (${total.reason})`;
}

/** A USD total, or "price unavailable" with the reason on hover, as the agents list says it (never a partial sum). */
export function UsdFigure({ total, tokenOf, locale }: { total: UsdTotal; tokenOf: (address: Address) => TokenInfo; locale: string }) {
  if (total.status === "ok") return <>{formatUsd(total.usd, locale)}</>;
  return (
    <span className="text-xs text-stone-500 dark:text-stone-400" title={`No USD value: ${usdUnavailableText(total, tokenOf)}.`}>
      price unavailable
    </span>
  );
}

/**
 * An agent's developer earnings per token over the last 30 days of chain time and all time, with the agent's whole
 * revenue under each figure, and the developer part in US dollars.
 */
export function EarningsTable({ earnings, state, onRetry, tokenOf, locale }: EarningsTableProps) {
  if (!earnings) {
    return state === "failed" ? (
      <p className="text-sm text-red-700 dark:text-red-300" role="alert">
        Earnings could not be read.{" "}
        <button type="button" className="font-semibold underline" onClick={onRetry}>
          Retry
        </button>
      </p>
    ) : (
      <p className="text-sm text-stone-500">Reading earnings…</p>
    );
  }
  const rows = earnings.tokens.filter((row) => row.allTime.count > 0);
  const cell = (window: EarningsWindow, token: TokenInfo, name: "30d" | "all") => (
    <td className="whitespace-nowrap py-1.5 pl-3 text-right align-top tabular-nums">
      <span className="font-medium" data-testid="earnings" data-token={token.address} data-window={name} data-exact={window.developerAmount.toString()}>
        {formatFixed(window.developerAmount, token.decimals, { locale, fractionDigits: displayFractionDigits(token) })}
      </span>
      <span className="block text-xs text-stone-500">
        of {formatFixed(window.amount, token.decimals, { locale, fractionDigits: displayFractionDigits(token) })} paid
      </span>
    </td>
  );
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Developer earnings per token: last 30 days and all time</caption>
      <thead>
        <tr className="text-left text-xs uppercase tracking-wide text-stone-500">
          <th scope="col" className="py-1 font-medium">
            Earned
          </th>
          <th scope="col" className="py-1 pl-3 text-right font-medium">
            30 days
          </th>
          <th scope="col" className="py-1 pl-3 text-right font-medium">
            All time
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr className="border-t border-stone-100 dark:border-stone-800">
            <td colSpan={3} className="py-2 text-stone-500">
              No payments yet.
            </td>
          </tr>
        )}
        {rows.map((row) => {
          const token = tokenOf(row.token);
          return (
            <tr key={row.token} className="border-t border-stone-100 dark:border-stone-800">
              <th scope="row" className="py-1.5 text-left align-top font-medium">
                {token.symbol}
              </th>
              {cell(row.last30d, token, "30d")}
              {cell(row.allTime, token, "all")}
            </tr>
          );
        })}
        <tr className="border-t border-stone-200 dark:border-stone-700">
          <th scope="row" className="py-1.5 text-left font-medium">
            In USD
          </th>
          <td className="py-1.5 pl-3 text-right tabular-nums" data-testid="earnings-usd" data-window="30d">
            <UsdFigure total={earnings.usd.last30d} tokenOf={tokenOf} locale={locale} />
          </td>
          <td className="py-1.5 pl-3 text-right tabular-nums" data-testid="earnings-usd" data-window="all">
            <UsdFigure total={earnings.usd.allTime} tokenOf={tokenOf} locale={locale} />
          </td>
        </tr>
      </tbody>
    </table>
  );
}
