import { MAX_RECEIPT_JSON_LENGTH } from "@/lib/receipts/json";
import { PayIsland } from "./_components/PayIsland";

export const metadata = { title: "Pay" };

export const dynamic = "force-dynamic";

/**
 * Paying for a service: paste or upload the receipt the agent signed, see what it says and whether it would pay
 * (checked on the server), then pay it from the payer's account.
 */
export default function PayPage() {
  return (
    <section aria-labelledby="pay-title">
      <h1 id="pay-title" className="text-2xl font-semibold tracking-tight">
        Pay for a service
      </h1>
      <p className="mt-2 max-w-3xl text-sm text-stone-600 dark:text-stone-400">
        An agent that finished a service gives you a signed receipt. Paste or upload it: you see what it asks for and
        every check the contract will make, then pay it from the account it names. The payment is split on-chain
        between the agent&apos;s developer, its infrastructure and its stakers.
      </p>
      <div className="mt-6">
        <PayIsland maxLength={MAX_RECEIPT_JSON_LENGTH} />
      </div>
    </section>
  );
}
