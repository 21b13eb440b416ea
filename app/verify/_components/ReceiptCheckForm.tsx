"use client";

import { useActionState, useId, useState } from "react";
import { type ReceiptCheckState, checkReceiptAction } from "../actions";

const FIELD = "w-full rounded-lg border border-stone-300 bg-white px-3 py-2 font-mono text-xs dark:border-stone-700 dark:bg-stone-950";

/**
 * The receipt half of /verify: paste a receipt file (and, optionally, the account meant to pay it), check it on the
 * server. The only client code of the page: the form's state and the field errors; the report arrives rendered.
 */
export function ReceiptCheckForm({ maxLength }: { maxLength: number }) {
  const [state, formAction, pending] = useActionState<ReceiptCheckState, FormData>(checkReceiptAction, {});
  const [text, setText] = useState("");
  const [payer, setPayer] = useState("");
  const [localError, setLocalError] = useState<string>();
  const receiptId = useId();
  const receiptErrorId = useId();
  const payerId = useId();
  const payerErrorId = useId();
  // A new check clears the old error; an edit after it clears it too (the error belongs to the text checked).
  const [checkedText, setCheckedText] = useState<string>();
  const receiptError = localError ?? (state.error?.input === "receipt" && checkedText === text ? state.error.message : undefined);
  const payerError = state.error?.input === "payer" ? state.error.message : undefined;

  return (
    <>
      <form
        action={(form) => {
          // Refused here, before sending: the server would refuse these too, but they need not travel.
          if (text.trim() === "") {
            setLocalError("Paste a receipt: the JSON the receipt CLI prints.");
            return;
          }
          if (text.length > maxLength) {
            setLocalError(`The receipt is ${text.length.toLocaleString("en-US")} characters long; a receipt file is at most ${maxLength.toLocaleString("en-US")}.`);
            return;
          }
          setLocalError(undefined);
          setCheckedText(text);
          formAction(form);
        }}
        className="mt-3 space-y-3 text-sm"
        noValidate
      >
        <div>
          <label htmlFor={receiptId} className="font-medium">
            Receipt (JSON, with its signature or signatures)
          </label>
          <textarea
            id={receiptId}
            name="receipt"
            rows={8}
            spellCheck={false}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setLocalError(undefined);
            }}
            placeholder='{ "type": "aurorune.receipt/v1", "primaryType": "ServiceReceipt", … }'
            aria-invalid={receiptError !== undefined}
            aria-describedby={receiptError ? receiptErrorId : undefined}
            className={`mt-1 ${FIELD}`}
          />
          {receiptError && (
            <p id={receiptErrorId} role="alert" className="mt-1 break-words text-red-700 dark:text-red-300">
              {receiptError}
            </p>
          )}
        </div>
        <div>
          <label htmlFor={payerId} className="font-medium">
            Account that will pay <span className="font-normal text-stone-500">(optional)</span>
          </label>
          <input
            id={payerId}
            name="payer"
            autoComplete="off"
            spellCheck={false}
            value={payer}
            onChange={(event) => setPayer(event.target.value)}
            placeholder="0x…"
            aria-invalid={payerError !== undefined}
            aria-describedby={payerError ? payerErrorId : undefined}
            className={`mt-1 ${FIELD}`}
          />
          {payerError && (
            <p id={payerErrorId} role="alert" className="mt-1 text-red-700 dark:text-red-300">
              {payerError}
            </p>
          )}
        </div>
        <button type="submit" disabled={pending} className="rounded-lg bg-amber-500 px-4 py-1.5 font-semibold text-stone-950 hover:bg-amber-400 disabled:opacity-60">
          {pending ? "Checking…" : "Check receipt"}
        </button>
      </form>
      <div aria-live="polite">{!pending && !state.error && state.result}</div>
    </>
  );
}
