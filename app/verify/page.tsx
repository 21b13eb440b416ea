import { ChainError } from "@/components/ChainError";
import { Panel } from "@/components/ui/Panel";
import { parseRuneInput } from "@/lib/domain/rune-input";
import { MAX_RECEIPT_JSON_LENGTH } from "@/lib/receipts/json";
import { readRuneRecord } from "@/lib/registry/rune-record";
import { getPublicClient } from "@/lib/server/chain";
import { readChain } from "@/lib/server/read-chain";
import { ReceiptCheckForm } from "./_components/ReceiptCheckForm";
import { RuneResult } from "./_components/RuneResult";

export const metadata = { title: "Verify" };

export const dynamic = "force-dynamic";

/** Longest rune text read from the URL: a rune is 66 characters; the rest of a longer value is not looked at. */
const MAX_RUNE_PARAM = 200;

/**
 * Verify a rune or a receipt. The rune check is a plain GET form (`/verify?rune=0x…`) answered by reading the
 * registry on the server; the receipt check is a form whose server action checks the receipt and answers with
 * the rendered report. No wallet, no verification code in the browser.
 */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const runeParam = typeof params.rune === "string" ? params.rune.slice(0, MAX_RUNE_PARAM) : undefined;
  const runeInput = runeParam === undefined ? undefined : parseRuneInput(runeParam);
  const lookup =
    runeInput?.ok === true
      ? await readChain(async (config) => ({
          record: await readRuneRecord(getPublicClient(), { registry: config.contracts.runeRegistry, chainId: config.chainId, rune: runeInput.rune }),
          registry: config.contracts.runeRegistry,
          chainId: config.chainId,
          chainName: config.chainName,
        }))
      : undefined;
  const runeError = runeInput?.ok === false ? runeInput.error : undefined;

  return (
    <section aria-labelledby="verify-title">
      <h1 id="verify-title" className="text-2xl font-semibold tracking-tight">
        Verify
      </h1>
      <p className="mt-2 max-w-3xl text-sm text-stone-600 dark:text-stone-400">
        Check a rune against this network&apos;s registry, or a receipt against the chain: whether its agents&apos; current
        signers signed it, whether its service was already paid, and whether it would pay now. Nothing is sent and no
        wallet is needed.
      </p>

      <div className="mt-6 grid items-start gap-6 lg:grid-cols-2 [&>*]:min-w-0">
        <Panel title="Rune">
          <form method="get" action="/verify" className="mt-3 text-sm" noValidate>
            <label htmlFor="rune" className="font-medium">
              Rune (0x and 64 hex digits)
            </label>
            <div className="mt-1 flex flex-col gap-2 sm:flex-row">
              <input
                id="rune"
                name="rune"
                defaultValue={runeParam ?? ""}
                autoComplete="off"
                spellCheck={false}
                placeholder="0x…"
                aria-invalid={runeError !== undefined}
                aria-describedby={runeError ? "rune-error" : undefined}
                className="min-w-0 flex-1 rounded-lg border border-stone-300 bg-white px-3 py-1.5 font-mono text-xs dark:border-stone-700 dark:bg-stone-950"
              />
              <button type="submit" className="rounded-lg bg-amber-500 px-4 py-1.5 font-semibold text-stone-950 hover:bg-amber-400">
                Check rune
              </button>
            </div>
            {runeError && (
              <p id="rune-error" role="alert" className="mt-1 break-words text-red-700 dark:text-red-300">
                {runeError}
              </p>
            )}
          </form>
          {lookup && !lookup.ok && (
            <div className="mt-4">
              <ChainError title={lookup.title} detail={lookup.detail} />
            </div>
          )}
          {lookup?.ok && <RuneResult {...lookup.data} />}
        </Panel>

        <Panel title="Receipt">
          <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
            Paste the JSON the receipt CLI prints (<code className="font-mono text-xs">npm run receipt -- sign …</code>), single or
            collaborative, with its signatures.
          </p>
          <ReceiptCheckForm maxLength={MAX_RECEIPT_JSON_LENGTH} />
        </Panel>
      </div>
    </section>
  );
}
