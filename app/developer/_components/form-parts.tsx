import type { ReactNode } from "react";

/** Shared looks of the console (the same as the portfolio's cards and buttons). */
export const CARD = "rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900";
export const BUTTON =
  "rounded-lg bg-amber-500 px-3.5 py-1.5 text-sm font-semibold text-stone-950 hover:bg-amber-400 disabled:cursor-not-allowed disabled:opacity-50 disabled:hover:bg-amber-500";
export const SECONDARY_BUTTON =
  "rounded-lg border border-stone-300 px-3 py-1 text-sm font-semibold hover:bg-stone-100 disabled:cursor-not-allowed disabled:opacity-50 dark:border-stone-700 dark:hover:bg-stone-800";
export const DANGER_BUTTON =
  "rounded-lg bg-red-600 px-3.5 py-1.5 text-sm font-semibold text-white hover:bg-red-500 disabled:cursor-not-allowed disabled:opacity-50 disabled:hover:bg-red-600";
export const INPUT =
  "w-full min-w-0 rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm aria-[invalid=true]:border-red-500 disabled:opacity-60 dark:border-stone-700 dark:bg-stone-950 dark:aria-[invalid=true]:border-red-400";

/** A DOM id for a form field (`infraWeights[2]` → `register-infraWeights-2`). */
export function fieldId(prefix: string, field: string): string {
  return `${prefix}-${field.replace(/[^A-Za-z0-9]+/g, "-").replace(/-$/, "")}`;
}

/** The reason a field is refused, right under it (the input points to it with aria-describedby). */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700 dark:text-red-300" data-testid="field-error">
      {message}
    </p>
  );
}

/** Props of {@link TextField}. */
export interface TextFieldProps {
  prefix: string;
  /** The field's name in the form's errors. */
  field: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
  placeholder?: string;
  disabled?: boolean;
  /** Addresses, URIs and hex: monospaced. */
  mono?: boolean;
  multiline?: boolean;
  inputMode?: "text" | "decimal" | "url";
  /** Something next to the input (a button). */
  addon?: ReactNode;
}

/** A labelled input with its hint and, when refused, its reason. */
export function TextField({ prefix, field, label, value, onChange, error, hint, placeholder, disabled, mono, multiline, inputMode, addon }: TextFieldProps) {
  const id = fieldId(prefix, field);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : undefined, hint ? hintId : undefined].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    value,
    placeholder,
    disabled,
    "aria-invalid": error !== undefined,
    "aria-describedby": describedBy,
    className: `${INPUT} ${mono ? "font-mono" : ""}`,
    spellCheck: false,
    autoComplete: "off",
  };
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <div className="mt-1 flex gap-2">
        {multiline ? (
          <textarea {...common} rows={2} onChange={(event) => onChange(event.target.value)} />
        ) : (
          <input {...common} inputMode={inputMode} onChange={(event) => onChange(event.target.value)} />
        )}
        {addon}
      </div>
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-stone-500">
          {hint}
        </p>
      )}
      <FieldError id={errorId} message={error} />
    </div>
  );
}

/** What the last action of a card left to say. */
export type Notice = { tone: "done" | "calm" | "error"; text: ReactNode };

/** A notice under an action: confirmed, rejected in the wallet (calm) or failed (with the reason). */
export function NoticeView({ notice }: { notice: Notice | undefined }) {
  return (
    <div aria-live="polite">
      {notice && (
        <p
          role={notice.tone === "error" ? "alert" : "status"}
          data-testid="notice"
          className={`mt-3 rounded-lg border p-3 text-sm ${
            notice.tone === "error"
              ? "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
              : notice.tone === "calm"
                ? "border-stone-300 bg-stone-50 text-stone-800 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-200"
                : "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
          }`}
        >
          {notice.text}
        </p>
      )}
    </div>
  );
}
