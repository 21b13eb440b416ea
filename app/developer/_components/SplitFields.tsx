import type { FieldErrors, SplitFormValues } from "@/lib/domain/agent-form";
import { parsePercentInput } from "@/lib/domain/percent-input";
import { MAX_INFRA_RECIPIENTS } from "@/lib/domain/registration-rules";
import { formatBps } from "@/lib/format";
import { FieldError, INPUT, SECONDARY_BUTTON, fieldId } from "./form-parts";

/** Props of {@link SplitFields}. */
export interface SplitFieldsProps {
  prefix: string;
  values: SplitFormValues;
  onChange: (values: SplitFormValues) => void;
  errors: FieldErrors;
  /** The registry's minimum stakers share (bps), read from the chain. */
  minStakersBps: number;
  disabled?: boolean;
}

const PARTS = [
  { key: "developer", field: "split.developerBps", label: "Developer" },
  { key: "infra", field: "split.infraBps", label: "Infra" },
  { key: "stakers", field: "split.stakersBps", label: "Stakers" },
] as const;

/**
 * The split (developer / infra / stakers, in percent) and the infra recipients with their weights, shared by the
 * registration and the proposal forms. The form checks them with the registry's rules; this only shows the
 * inputs, their running totals and each reason next to its field.
 */
export function SplitFields({ prefix, values, onChange, errors, minStakersBps, disabled }: SplitFieldsProps) {
  const total = sumPercent([values.developer, values.infra, values.stakers]);
  const weightTotal = sumPercent(values.recipients.map((row) => row.weight));
  const splitErrorId = fieldId(prefix, "split-error");
  const recipientsErrorId = fieldId(prefix, "infraRecipients-error");
  const weightsErrorId = fieldId(prefix, "infraWeights-error");
  const setRow = (index: number, row: Partial<SplitFormValues["recipients"][number]>) =>
    onChange({ ...values, recipients: values.recipients.map((current, i) => (i === index ? { ...current, ...row } : current)) });

  return (
    <div className="space-y-4">
      <fieldset aria-describedby={errors.split ? splitErrorId : undefined}>
        <legend className="text-sm font-medium">Split of every payment</legend>
        <p className="text-xs text-stone-500">
          Percentages of each payment, adding up to exactly 100%. Stakers get at least {formatBps(minStakersBps)} (the protocol&apos;s
          minimum, read from the chain).
        </p>
        <div className="mt-2 grid grid-cols-3 gap-2">
          {PARTS.map((part) => {
            const id = fieldId(prefix, part.field);
            const error = errors[part.field];
            return (
              <div key={part.key} className="min-w-0">
                <label htmlFor={id} className="text-xs text-stone-600 dark:text-stone-400">
                  {part.label} %
                </label>
                <input
                  id={id}
                  inputMode="decimal"
                  autoComplete="off"
                  value={values[part.key]}
                  disabled={disabled}
                  aria-invalid={error !== undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  onChange={(event) => onChange({ ...values, [part.key]: event.target.value })}
                  className={`${INPUT} mt-0.5 tabular-nums`}
                />
                <FieldError id={`${id}-error`} message={error} />
              </div>
            );
          })}
        </div>
        <p className="mt-1 text-xs text-stone-500" data-testid="split-total">
          Total: {total ?? "—"}
        </p>
        <FieldError id={splitErrorId} message={errors.split} />
      </fieldset>

      <fieldset aria-describedby={[errors.infraRecipients ? recipientsErrorId : "", errors.infraWeights ? weightsErrorId : ""].join(" ").trim() || undefined}>
        <legend className="text-sm font-medium">Infra recipients</legend>
        <p className="text-xs text-stone-500">
          Who shares the infra part, and in which proportions (weights adding up to 100%); up to {MAX_INFRA_RECIPIENTS}. None when the infra
          share is 0%.
        </p>
        {values.recipients.length > 0 && (
          <ol className="mt-2 space-y-2">
            {values.recipients.map((row, i) => {
              const addressField = `infraRecipients[${i}]`;
              const weightField = `infraWeights[${i}]`;
              const addressId = fieldId(prefix, addressField);
              const weightId = fieldId(prefix, weightField);
              return (
                <li key={i} data-testid="infra-row">
                  <div className="grid grid-cols-[minmax(0,1fr)_5.5rem_auto] items-start gap-2">
                    <label htmlFor={addressId} className="sr-only">
                      Infra recipient {i + 1} address
                    </label>
                    <input
                      id={addressId}
                      value={row.address}
                      placeholder="0x… recipient address"
                      autoComplete="off"
                      spellCheck={false}
                      disabled={disabled}
                      aria-invalid={errors[addressField] !== undefined}
                      aria-describedby={errors[addressField] ? `${addressId}-error` : undefined}
                      onChange={(event) => setRow(i, { address: event.target.value })}
                      className={`${INPUT} font-mono`}
                    />
                    <label htmlFor={weightId} className="sr-only">
                      Infra recipient {i + 1} weight %
                    </label>
                    <input
                      id={weightId}
                      value={row.weight}
                      inputMode="decimal"
                      placeholder="%"
                      autoComplete="off"
                      disabled={disabled}
                      aria-invalid={errors[weightField] !== undefined}
                      aria-describedby={errors[weightField] ? `${weightId}-error` : undefined}
                      onChange={(event) => setRow(i, { weight: event.target.value })}
                      className={`${INPUT} tabular-nums`}
                    />
                    <button
                      type="button"
                      disabled={disabled}
                      aria-label={`Remove infra recipient ${i + 1}`}
                      onClick={() => onChange({ ...values, recipients: values.recipients.filter((_, j) => j !== i) })}
                      className="rounded-lg border border-stone-300 px-2.5 py-1.5 text-sm hover:bg-stone-100 disabled:opacity-50 dark:border-stone-700 dark:hover:bg-stone-800"
                    >
                      ✕
                    </button>
                  </div>
                  {/* The row's reasons under the whole row: the weight column is too narrow for a sentence. */}
                  <FieldError id={`${addressId}-error`} message={errors[addressField]} />
                  <FieldError id={`${weightId}-error`} message={errors[weightField] && `Weight: ${errors[weightField]}`} />
                </li>
              );
            })}
          </ol>
        )}
        <div className="mt-2 flex flex-wrap items-center gap-3">
          {/* Not capped at the maximum: a ninth row is refused by the rule, with its reason, like any other input. */}
          <button
            type="button"
            disabled={disabled}
            className={SECONDARY_BUTTON}
            onClick={() => onChange({ ...values, recipients: [...values.recipients, { address: "", weight: "" }] })}
          >
            Add recipient
          </button>
          {values.recipients.length > 0 && (
            <span className="text-xs text-stone-500" data-testid="weights-total">
              Weights total: {weightTotal ?? "—"}
            </span>
          )}
        </div>
        <FieldError id={recipientsErrorId} message={errors.infraRecipients} />
        <FieldError id={weightsErrorId} message={errors.infraWeights} />
      </fieldset>
    </div>
  );
}

/** The running total of typed percentages, or undefined while one of them is not a percentage. */
function sumPercent(texts: readonly string[]): string | undefined {
  let bps = 0;
  for (const text of texts) {
    const parsed = parsePercentInput(text);
    if (!parsed.ok) return undefined;
    bps += parsed.bps;
  }
  return formatBps(bps);
}
