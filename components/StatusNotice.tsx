import type { RuneStatus } from "@/lib/domain/agent";

// What a non-active status means for a staker, in the contract's own terms: RevenueDistributor refuses payments
// and stakes unless the rune is Active, and `withdraw` skips the unbonding wait unless the rune is Active.
const NOTICE: Partial<Record<RuneStatus, { title: string; cause: string }>> = {
  Suspended: { title: "This agent is suspended", cause: "Governance suspended this rune." },
  Retired: { title: "This agent is retired", cause: "Its developer retired this rune for good." },
};

/** Explains a suspended or retired rune to stakers; nothing for an active one. */
export function StatusNotice({ status }: { status: RuneStatus }) {
  const notice = NOTICE[status];
  if (!notice) return null;
  return (
    <section
      aria-label={notice.title}
      className="mt-6 rounded-xl border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200"
    >
      <h2 className="font-semibold">{notice.title}</h2>
      <p className="mt-1">{notice.cause} It accepts no new payments and no new stakes.</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        <li>Stakers can unstake and withdraw at once: there is no unbonding wait while the rune is not active.</li>
        <li>Rewards already paid keep streaming to current stakers and can be claimed as usual.</li>
      </ul>
    </section>
  );
}
