"use client";

import { lazy, useCallback, useId, useRef, useState, useTransition } from "react";
import type { Address } from "viem";
import { Panel } from "@/components/ui/Panel";
import { ConnectWalletButton } from "@/components/wallet/ConnectWalletButton";
import { WalletBoundary } from "@/components/wallet/WalletBoundary";
import { type CheckedPayment, type PayCheck, checkReceiptToPay } from "../actions";

const PayPanel = lazy(() => import("./PayPanel"));

const FIELD = "w-full rounded-lg border border-stone-300 bg-white px-3 py-2 font-mono text-xs dark:border-stone-700 dark:bg-stone-950";

/**
 * The /pay island: the receipt (pasted or uploaded), its server-side check, and the pay panel, which loads the
 * wallet code only when a wallet is asked for. A connected account re-checks the receipt for that account.
 */
export function PayIsland({ maxLength }: { maxLength: number }) {
  const [text, setText] = useState("");
  const [inputError, setInputError] = useState<string>();
  const [check, setCheck] = useState<PayCheck>();
  const [checkedText, setCheckedText] = useState<string>();
  const [pending, startTransition] = useTransition();
  const account = useRef<Address | undefined>(undefined);
  // Checks can overlap (an account change while one runs): only the latest one's answer is kept.
  const latest = useRef(0);
  const textId = useId();
  const fileId = useId();
  const errorId = useId();

  const run = useCallback(
    (receiptText: string) => {
      const request = ++latest.current;
      if (receiptText.trim() === "") {
        setCheck(undefined);
        setInputError("Paste a receipt, or upload a receipt file.");
        return;
      }
      if (receiptText.length > maxLength) {
        setCheck(undefined);
        setInputError(`The receipt is ${receiptText.length.toLocaleString("en-US")} characters long; a receipt file is at most ${maxLength.toLocaleString("en-US")}.`);
        return;
      }
      setInputError(undefined);
      setCheckedText(receiptText);
      startTransition(async () => {
        const result = await checkReceiptToPay(receiptText, account.current);
        if (request === latest.current) setCheck(result);
      });
    },
    [maxLength],
  );

  /** The wallet's account changed: the payer check is about the account, so check again for it. */
  const onAccount = useCallback(
    (address: Address | undefined) => {
      if (account.current === address) return;
      account.current = address;
      if (checkedText !== undefined && check?.kind === "checked") run(checkedText);
    },
    [checkedText, check?.kind, run],
  );

  const fieldError = inputError ?? (check?.kind === "invalid" && checkedText === text ? check.message : undefined);
  const checked = check?.kind === "checked" ? check : undefined;

  return (
    // Phones: the form, the payment, then the report. Wide screens: the payment beside the form and the report,
    // staying in view while the checks are read.
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="min-w-0 lg:col-start-1 lg:row-start-1">
        <Panel title="Receipt">
          <form
            className="mt-3 space-y-3 text-sm"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              run(text);
            }}
          >
            <div>
              <label htmlFor={textId} className="font-medium">
                Signed receipt (JSON)
              </label>
              <textarea
                id={textId}
                rows={8}
                spellCheck={false}
                value={text}
                onChange={(event) => {
                  setText(event.target.value);
                  setInputError(undefined);
                }}
                placeholder='{ "type": "aurorune.receipt/v1", "primaryType": "ServiceReceipt", … }'
                aria-invalid={fieldError !== undefined}
                aria-describedby={fieldError ? errorId : undefined}
                className={`mt-1 ${FIELD}`}
              />
              {fieldError && (
                <p id={errorId} role="alert" className="mt-1 break-words text-red-700 dark:text-red-300">
                  {fieldError}
                </p>
              )}
            </div>
            <div className="flex flex-wrap items-center gap-3">
              <button type="submit" disabled={pending} className="rounded-lg bg-amber-500 px-4 py-1.5 font-semibold text-stone-950 hover:bg-amber-400 disabled:opacity-60">
                {pending ? "Checking…" : "Check receipt"}
              </button>
              <label htmlFor={fileId} className="text-stone-600 dark:text-stone-400">
                or upload a receipt file
              </label>
              <input
                id={fileId}
                type="file"
                accept="application/json,.json"
                className="max-w-full text-xs file:mr-2 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-2 file:py-1 file:text-stone-700 dark:file:border-stone-700 dark:file:bg-stone-900 dark:file:text-stone-200"
                onChange={async (event) => {
                  const file = event.target.files?.[0];
                  event.target.value = ""; // the same file can be chosen again
                  if (!file) return;
                  // Read no further than a receipt can be: a large file is refused without loading it.
                  if (file.size > maxLength * 4) {
                    setInputError(`"${file.name}" is ${file.size.toLocaleString("en-US")} bytes; a receipt file is at most ${maxLength.toLocaleString("en-US")} characters.`);
                    return;
                  }
                  const content = await file.text();
                  setText(content);
                  run(content);
                }}
              />
            </div>
          </form>
        </Panel>
      </div>

      <div className="min-w-0 lg:sticky lg:top-4 lg:col-start-2 lg:row-span-2 lg:row-start-1">
        <Panel title="Payment">
          {checked ? (
            <WalletBoundary fallback={<PayPrompt check={checked} />} loading={<p className="mt-2 text-sm text-stone-500">Loading wallet…</p>}>
              <PayPanel
                key={receiptKey(checked)}
                check={checked}
                checking={pending}
                onAccount={onAccount}
                onPaid={() => checkedText !== undefined && run(checkedText)}
              />
            </WalletBoundary>
          ) : (
            <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
              {pending ? "Checking the receipt…" : "Check a receipt first: it is paid from the account it names, once."}
            </p>
          )}
        </Panel>
      </div>

      <div aria-live="polite" className="min-w-0 lg:col-start-1 lg:row-start-2">
        {check !== undefined && check.kind !== "invalid" && (
          // While a new check runs (another account, after a payment) the last one stays, dimmed.
          <div aria-busy={pending} className={`rounded-xl border border-stone-200 bg-white px-4 pb-4 dark:border-stone-800 dark:bg-stone-900 ${pending ? "opacity-60" : ""}`}>
            {check.view}
          </div>
        )}
      </div>
    </div>
  );
}

/** Which receipt a check is about: a new receipt starts a new payment panel (nothing paid yet). */
function receiptKey({ signed }: CheckedPayment): string {
  const runes = signed.primaryType === "CollaborativeReceipt" ? signed.receipt.runes.join(",") : signed.receipt.rune;
  return `${signed.domain.distributor}:${runes}:${signed.receipt.serviceId}:${signed.receipt.payer}:${signed.receipt.amount}`;
}

/** Before the wallet code loads: what paying needs, and the connect button. */
function PayPrompt({ check }: { check: CheckedPayment }) {
  return (
    <div className="mt-2 text-sm">
      <p className="break-words text-stone-600 dark:text-stone-400">{check.verdict.reason ?? `Connect the payer's account ${check.signed.receipt.payer} to pay.`}</p>
      <ConnectWalletButton label="Connect wallet to pay" />
    </div>
  );
}
