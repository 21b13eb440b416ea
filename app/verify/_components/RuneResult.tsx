import Link from "next/link";
import { CopyValue } from "@/components/CopyValue";
import { FutharkText } from "@/components/FutharkText";
import { RuneSigil } from "@/components/RuneSigil";
import { StatusBadge } from "@/components/StatusBadge";
import { VerificationCard } from "@/components/VerificationCard";
import { CheckRow } from "@/components/CheckRow";
import type { RuneRecord } from "@/lib/registry/rune-record";
import { shortHex } from "@/lib/format";

const SIGNER_TEXT = {
  key: "A key (EOA): receipts carry its ECDSA signature.",
  contract: "A contract (ERC-1271): it decides itself which signatures it accepts.",
  none: "None: the rune changed hands and its new owner has not set a key yet, so every receipt is refused.",
} as const;

/** What the registry says of a pasted rune: registered or not, status, owner, signer, fingerprint, registration file. */
export function RuneResult({ record, registry, chainId, chainName }: { record: RuneRecord; registry: string; chainId: number; chainName: string }) {
  const name = record.registered ? (record.metadata?.name ?? `Agent ${shortHex(record.rune, 4)}`) : "Unknown rune";
  return (
    <div className="mt-4 space-y-4 text-sm" data-testid="rune-result" data-status={record.status}>
      <div className="flex flex-wrap items-start gap-4">
        <RuneSigil rune={record.rune} size={64} />
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <p className="text-lg font-semibold">{name}</p>
            <StatusBadge status={record.status} />
          </div>
          {record.registered && record.metadata?.description && <p className="mt-0.5 text-stone-600 dark:text-stone-400">{record.metadata.description}</p>}
          <FutharkText rune={record.rune} height={18} className="mt-2 text-amber-600 dark:text-amber-400" />
          <p className="mt-1 break-all font-mono text-xs text-stone-500">{record.rune}</p>
        </div>
      </div>
      {record.registered ? (
        <>
          <VerificationCard status={record.status} registry={registry} chainId={chainId} metadata={record.metadata} check={record.registration} />
          <ul className="space-y-2">
            <CheckRow
              ok={record.status === "Active"}
              title={record.status === "Active" ? "Takes payments and stakes" : `Takes no payments or stakes (${record.status.toLowerCase()})`}
              detail={
                record.status === "Active"
                  ? "The distributor pays receipts signed by its current signer."
                  : record.status === "Suspended"
                    ? "Governance suspended this rune: receipts for it are refused until it is unsuspended."
                    : "Its developer retired this rune for good: receipts for it are refused."
              }
            />
          </ul>
          <dl className="grid gap-3 sm:grid-cols-2">
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-stone-500">Owner (developer)</dt>
              <dd><CopyValue label="Owner" value={record.owner} /></dd>
            </div>
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-stone-500">Receipt signer</dt>
              <dd>
                {record.signerKind !== "none" && <CopyValue label="Signer" value={record.signer} />}
                <p className="mt-1 text-stone-600 dark:text-stone-400" data-testid="signer-kind">{SIGNER_TEXT[record.signerKind]}</p>
              </dd>
            </div>
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-stone-500">Registered</dt>
              <dd className="mt-1">{new Date(record.registeredAt * 1000).toISOString().replace("T", " ").replace(/\.000Z$/, " UTC")} (chain time)</dd>
            </div>
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-stone-500">Agent page</dt>
              <dd className="mt-1">
                <Link href={`/agents/${record.rune}`} className="font-medium text-amber-700 hover:underline dark:text-amber-400">
                  Revenue, split and staking →
                </Link>
              </dd>
            </div>
          </dl>
        </>
      ) : (
        <ul className="space-y-2">
          <CheckRow
            ok={false}
            title="Registered on this network's rune registry"
            detail={`No agent has this rune on ${chainName} (registry ${shortHex(registry, 6)}). It may belong to another network or registry, or be mistyped: a rune is a hash, so one wrong digit gives a different rune.`}
          />
        </ul>
      )}
    </div>
  );
}
