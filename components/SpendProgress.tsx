import type { SpendPath, SpendStep } from "@/lib/tx/token-spend";

const STEP_MARK: Record<SpendStep["state"], string> = { waiting: "○", active: "…", done: "✓", failed: "✗", skipped: "–" };

/** The steps of an ERC-20 spend (lib/tx/token-spend.ts) as they progress, with what the chosen path means. */
export function SpendProgress({ path, steps, pathText, testId }: { path: SpendPath; steps: SpendStep[]; pathText: Record<SpendPath, string>; testId: string }) {
  return (
    <div aria-live="polite" data-testid={testId} data-path={path} className="rounded-lg border border-stone-200 p-2 dark:border-stone-800">
      <p className="text-stone-600 dark:text-stone-400">{pathText[path]}</p>
      <ol className="mt-1 space-y-0.5">
        {steps.map((step) => (
          <li key={step.label} data-state={step.state}>
            <span aria-hidden="true" className="inline-block w-4">{STEP_MARK[step.state]}</span> {step.label}
          </li>
        ))}
      </ol>
    </div>
  );
}
