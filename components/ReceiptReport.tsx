import Link from "next/link";
import { formatUnits } from "viem";
import { CheckRow } from "@/components/CheckRow";
import { RuneSigil } from "@/components/RuneSigil";
import { StatusBadge } from "@/components/StatusBadge";
import { formatCountdown } from "@/lib/domain/chain-time";
import { type ReceiptPurpose, checkTitle, connectPayer, receiptVerdict } from "@/lib/domain/receipt-verdict";
import { deadlineIso } from "@/lib/receipts/json";
import type { ReceiptCheck } from "@/lib/receipts/verify";
import type { CheckedReceipt, ReceiptAgent } from "@/lib/server/receipt-report";
import { formatBps, shortHex } from "@/lib/format";

// Green: it would pay. Red: the contract would refuse it from anyone. Amber: fine, but from the payer's account only.
const TONE = {
  payable: "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-200",
  refused: "border-red-300 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200",
  connect: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200",
} as const;

function agentLabel(agent: ReceiptAgent | undefined): string {
  if (!agent) return "Unknown agent";
  return agent.name ?? `Agent ${shortHex(agent.rune, 4)}`;
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-0.5 sm:grid-cols-[8rem_1fr] sm:gap-3">
      <dt className="text-stone-500">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

/** When a deadline falls, said in chain time (the time the contract compares it with). */
function deadlineText(deadline: bigint, chainTime: bigint): string {
  const iso = deadlineIso(deadline);
  const date = iso === null ? `unix time ${deadline}` : `${iso.replace("T", " ").replace(/\.000Z$/, "")} UTC`;
  if (deadline <= chainTime) return `${date} · expired ${formatCountdown(chainTime - deadline)} ago (chain time)`;
  return `${date} · in ${formatCountdown(deadline - chainTime)} (chain time)`;
}

/**
 * What a pasted receipt says and whether it would pay, check by check in the contract's order, each a yes/no with
 * its reason. A server component: /verify and /pay render it on the server (in their server actions' answers), so
 * no verification code ships to the browser.
 */
export function ReceiptReport({ report, purpose }: { report: CheckedReceipt; purpose: ReceiptPurpose }) {
  const { signed, verification, agents, from } = report;
  const { receipt, token } = signed;
  const collaborative = signed.primaryType === "CollaborativeReceipt";
  const verdict = receiptVerdict(verification, { payer: receipt.payer, from, purpose });
  const byRune = new Map(agents.map((agent) => [agent.rune.toLowerCase(), agent]));
  const amount = `${formatUnits(receipt.amount, token.decimals)} ${token.symbol}`;
  return (
    <div className="mt-4 space-y-4 text-sm" data-testid="receipt-report" data-payable={verdict.payable}>
      <div
        role="status"
        className={`rounded-lg border p-3 ${TONE[verdict.tone]}`}
      >
        <p className="break-words font-semibold">{verdict.headline}</p>
        {verdict.reason && <p className="mt-0.5 break-words">{verdict.reason}</p>}
      </div>

      <section aria-label="What the receipt says">
        <h3 className="text-xs font-medium uppercase tracking-wide text-stone-500">What the receipt says</h3>
        <dl className="mt-2 space-y-2">
          <Field label="Kind">{collaborative ? `Collaborative receipt: ${agents.length} agents share the payment` : "Single-agent receipt"}</Field>
          <Field label={collaborative ? "Agents" : "Agent"}>
            <ul className="space-y-2">
              {agents.map((agent) => (
                <li key={agent.rune} className="flex items-center gap-3">
                  <RuneSigil rune={agent.rune} size={32} />
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                      {agent.status === "Unregistered" ? (
                        <span className="font-medium">{agentLabel(agent)}</span>
                      ) : (
                        <Link href={`/agents/${agent.rune}`} className="font-medium hover:underline">
                          {agentLabel(agent)}
                        </Link>
                      )}
                      <StatusBadge status={agent.status} />
                      {agent.weightBps !== undefined && <span className="text-stone-600 dark:text-stone-400">{formatBps(agent.weightBps)} of the amount</span>}
                    </p>
                    <p className="truncate font-mono text-xs text-stone-500" title={agent.rune}>
                      {agent.rune}
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          </Field>
          <Field label="Amount">
            <span className="font-semibold tabular-nums">{amount}</span>
          </Field>
          <Field label="Service id">
            <span className="break-all font-mono text-xs">{receipt.serviceId}</span>
          </Field>
          <Field label="Payer">
            <span className="break-all font-mono text-xs">{receipt.payer}</span>
          </Field>
          <Field label="Deadline">{deadlineText(receipt.deadline, verification.chainTime)}</Field>
          <Field label="Chain">
            {report.chainName} ({signed.domain.chainId}), distributor <span className="break-all font-mono text-xs">{signed.domain.distributor}</span>
          </Field>
        </dl>
      </section>

      <section aria-label="Checks">
        <h3 className="text-xs font-medium uppercase tracking-wide text-stone-500">Checks, in the order the contract makes them</h3>
        <ul className="mt-2 space-y-2">
          {verification.checks.map((check, index) => (
            <CheckRow
              key={`${check.id}:${check.rune ?? ""}:${index}`}
              ok={check.outcome === "unchecked" ? undefined : check.outcome === "pass"}
              title={rowTitle(check, purpose, check.rune ? byRune.get(check.rune.toLowerCase()) : undefined, collaborative)}
              detail={rowDetail(check, purpose, receipt.payer, from)}
            />
          ))}
        </ul>
        <p className="mt-3 text-xs text-stone-500">Read at block {verification.blockNumber.toString()}.</p>
      </section>
    </div>
  );
}

function rowTitle(check: ReceiptCheck, purpose: ReceiptPurpose, agent: ReceiptAgent | undefined, collaborative: boolean): string {
  if (check.id === "payer" && check.outcome === "unchecked") return "Payer";
  const title = checkTitle(check, purpose);
  return collaborative && check.rune ? `${title} (${agentLabel(agent)})` : title;
}

function rowDetail(check: ReceiptCheck, purpose: ReceiptPurpose, payer: `0x${string}`, from: `0x${string}` | undefined): string {
  if (check.id === "payer" && purpose === "pay" && check.outcome !== "pass") return connectPayer(payer, from);
  // A sentence: a plain first word is capitalised ("not paid yet" → "Not paid yet"), a symbol or address is not ("tUSD").
  const sentence = /^[a-z]+\b/.test(check.detail) ? check.detail.charAt(0).toUpperCase() + check.detail.slice(1) : check.detail;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
