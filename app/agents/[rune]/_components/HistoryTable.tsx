import Link from "next/link";
import type { Address, Hex } from "viem";
import type { PaymentRow } from "@/lib/data/history-source";
import type { TokenInfo } from "@/lib/domain/agent";
import { displayFractionDigits, formatBps, formatFixed, shortHex } from "@/lib/format";
import { formatUtcDateTime } from "@/lib/format-time";

/** What the table needs about the other agents of a collaborative payment. */
export interface CoAgent {
  rune: Hex;
  name: string;
}

// Wide screens: a table (scrolling sideways in its box when narrower than its columns, the time column staying in
// view). Phones (below `sm`): each row becomes a card laid out on a 6-column grid, each cell labelled by its
// `data-label`, so nothing hides off-screen and the table's markup is not repeated.
const CELL = "align-top sm:px-3 sm:py-2";
const NUMBER = `${CELL} whitespace-nowrap tabular-nums sm:text-right`;
const LABEL = "max-sm:before:text-xs max-sm:before:text-stone-500 max-sm:before:content-[attr(data-label)] dark:max-sm:before:text-stone-400";
const INLINE_LABEL = `${LABEL} max-sm:before:mr-1.5`;
const BLOCK_LABEL = `${LABEL} max-sm:before:block`;

/**
 * One page of an agent's payments, newest first: when, which service, who paid, the amount this agent received
 * and its developer / infra / stakers parts, exact in the token's units and grouped in the reader's locale.
 * Collaborative payments are marked, with this agent's weight and links to the co-agents. The table scrolls
 * sideways inside its own box on narrow screens, the time column staying in view.
 */
export function HistoryTable({
  rows,
  rune,
  tokens,
  coAgents,
  explorerUrl,
  locale,
}: {
  rows: PaymentRow[];
  /** The agent whose page this is (left out of a collaborative payment's co-agents). */
  rune: Hex;
  tokens: TokenInfo[];
  /** Names of the runes met in collaborative payments, by lowercase rune. */
  coAgents: ReadonlyMap<Hex, CoAgent>;
  explorerUrl?: string;
  locale: string;
}) {
  const tokenOf = (address: Address): { symbol: string; decimals: number; fractionDigits: number } => {
    const token = tokens.find((t) => t.address.toLowerCase() === address.toLowerCase());
    // A token the distributor no longer lists: its raw units, named by address.
    return token ? { ...token, fractionDigits: displayFractionDigits(token) } : { symbol: shortHex(address), decimals: 0, fractionDigits: 0 };
  };

  return (
    <div className="mt-3 overflow-x-auto rounded-lg border border-stone-200 dark:border-stone-800" role="region" aria-label="Payments table" tabIndex={0}>
      <table className="w-full text-sm max-sm:block sm:min-w-[52rem]" aria-label="Payments">
        <thead className="max-sm:hidden bg-stone-50 text-xs text-stone-500 dark:bg-stone-900 dark:text-stone-400">
          <tr>
            <th scope="col" className={`${CELL} sticky left-0 bg-stone-50 text-left font-medium dark:bg-stone-900`}>Time (UTC)</th>
            <th scope="col" className={`${CELL} text-left font-medium`}>Service</th>
            <th scope="col" className={`${CELL} text-left font-medium`}>Payer</th>
            <th scope="col" className={`${CELL} text-left font-medium`}>Token</th>
            <th scope="col" className={`${CELL} text-right font-medium`}>Amount</th>
            <th scope="col" className={`${CELL} text-right font-medium`}>Developer</th>
            <th scope="col" className={`${CELL} text-right font-medium`}>Infra</th>
            <th scope="col" className={`${CELL} text-right font-medium`}>Stakers</th>
            <th scope="col" className={`${CELL} text-left font-medium`}>Transaction</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100 max-sm:block dark:divide-stone-800">
          {rows.map((row) => {
            const token = tokenOf(row.token);
            const amount = (value: bigint) => formatFixed(value, token.decimals, { locale, fractionDigits: token.fractionDigits });
            const collaborative = row.collaborative;
            const ownIndex = collaborative?.runes.findIndex((r) => r.toLowerCase() === rune.toLowerCase()) ?? -1;
            return (
              <tr key={`${row.blockNumber}-${row.logIndex}`} data-position={`${row.blockNumber}-${row.logIndex}`} className="bg-white max-sm:grid max-sm:grid-cols-6 max-sm:gap-x-3 max-sm:gap-y-2 max-sm:p-3 dark:bg-stone-950/40">
                <td className={`${CELL} whitespace-nowrap text-stone-700 max-sm:order-1 max-sm:col-span-4 max-sm:text-xs sm:sticky sm:left-0 sm:bg-white dark:text-stone-300 sm:dark:bg-stone-950`}>
                  {formatUtcDateTime(row.timestamp, locale, { zone: false })}
                </td>
                <td className={`${CELL} ${INLINE_LABEL} max-sm:order-3 max-sm:col-span-6 sm:min-w-52`} data-label="Service">
                  <code className="font-mono text-xs" title={row.serviceId}>{shortHex(row.serviceId)}</code>
                  {collaborative && (
                    <div className="mt-1 text-xs" data-testid="collaborative">
                      <span
                        className="rounded bg-violet-100 px-1.5 py-0.5 font-medium text-violet-800 dark:bg-violet-950 dark:text-violet-200"
                        title={`Collaborative payment of ${amount(collaborative.totalAmount)} ${token.symbol}, split by weight between ${collaborative.runes.length} agents`}
                      >
                        Collaborative{ownIndex >= 0 ? ` · ${formatBps(collaborative.weightsBps[ownIndex] ?? 0)}` : ""}
                      </span>
                      <span className="ml-1 text-stone-500 dark:text-stone-400">with </span>
                      {collaborative.runes
                        .map((r, i) => ({ rune: r, weight: collaborative.weightsBps[i] ?? 0 }))
                        .filter((member) => member.rune.toLowerCase() !== rune.toLowerCase())
                        .map((member, i) => {
                          const known = coAgents.get(member.rune.toLowerCase() as Hex);
                          return (
                            <span key={member.rune}>
                              {i > 0 && ", "}
                              <Link href={`/agents/${member.rune}`} className="text-amber-700 hover:underline dark:text-amber-400" title={member.rune}>
                                {known?.name ?? shortHex(member.rune)}
                              </Link>
                              <span className="text-stone-500 dark:text-stone-400"> ({formatBps(member.weight)})</span>
                            </span>
                          );
                        })}
                    </div>
                  )}
                </td>
                <td className={`${CELL} ${INLINE_LABEL} whitespace-nowrap max-sm:order-4 max-sm:col-span-3`} data-label="Payer">
                  <code className="font-mono text-xs" title={row.payer}>{shortHex(row.payer)}</code>
                </td>
                <td className={`${CELL} whitespace-nowrap max-sm:hidden`}>{token.symbol}</td>
                <td className={`${NUMBER} font-medium max-sm:order-2 max-sm:col-span-2 max-sm:text-right`}>
                  {amount(row.amount)}
                  <span className="sm:hidden"> {token.symbol}</span>
                </td>
                <td className={`${NUMBER} ${BLOCK_LABEL} max-sm:order-6 max-sm:col-span-2`} data-label="Developer">{amount(row.developerAmount)}</td>
                <td className={`${NUMBER} ${BLOCK_LABEL} max-sm:order-7 max-sm:col-span-2`} data-label="Infra">{amount(row.infraAmount)}</td>
                <td className={`${NUMBER} ${BLOCK_LABEL} max-sm:order-8 max-sm:col-span-2`} data-label="Stakers">{amount(row.stakersAmount)}</td>
                <td className={`${CELL} ${INLINE_LABEL} whitespace-nowrap max-sm:order-5 max-sm:col-span-3 max-sm:text-right`} data-label="Tx">
                  {explorerUrl ? (
                    <a
                      href={`${explorerUrl}/tx/${row.transactionHash}`}
                      target="_blank"
                      rel="noreferrer"
                      title={row.transactionHash}
                      className="font-mono text-xs text-amber-700 hover:underline dark:text-amber-400"
                    >
                      {shortHex(row.transactionHash)} ↗
                    </a>
                  ) : (
                    <code className="font-mono text-xs text-stone-600 dark:text-stone-400" title={row.transactionHash}>
                      {shortHex(row.transactionHash)}
                    </code>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
