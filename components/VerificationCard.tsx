import type { AgentMetadata } from "@/lib/agent-metadata";
import type { RuneStatus } from "@/lib/domain/agent";
import type { RegistrationCheck } from "@/lib/domain/registration-check";
import { CheckRow } from "@/components/CheckRow";
import { shortHex } from "@/lib/format";

/**
 * What can be checked about this agent from the chain alone: that the rune is registered here (and its status), and
 * that the registration file its token points to (`tokenURI`, the ERC-8004 identity) names this very rune on this
 * registry; plus the services that file declares.
 */
export function VerificationCard({
  status,
  registry,
  chainId,
  metadata,
  check,
}: {
  status: RuneStatus;
  registry: string;
  chainId: number;
  metadata: AgentMetadata | undefined;
  check: RegistrationCheck;
}) {
  const file =
    check.state === "names-this-rune"
      ? { ok: true, detail: `Its registrations entry is this rune on eip155:${chainId}:${shortHex(registry, 6)}.` }
      : check.state === "names-other"
        ? { ok: false, detail: "It names another agent or registry: it may have been copied from another agent." }
        : check.state === "no-entry"
          ? { ok: false, detail: "It has no registrations entry, so it cannot be tied to this rune." }
          : { ok: undefined, detail: "It is not a data: URI this app reads without an outside request." };
  return (
    <section aria-labelledby="verification-title" className="rounded-xl border border-stone-200 bg-white p-4 text-sm dark:border-stone-800 dark:bg-stone-900">
      <h2 id="verification-title" className="text-xs font-medium uppercase tracking-wide text-stone-500">
        Verification
      </h2>
      <ul className="mt-3 space-y-2" data-testid="verification">
        <CheckRow
          ok={status !== "Unregistered"}
          title={`Registered on this network's rune registry (${status.toLowerCase()})`}
          detail={`Registry ${shortHex(registry, 6)}; the rune is its ERC-721 token and ERC-8004 agent id.`}
        />
        <CheckRow ok={file.ok} title="The registration file names this rune" detail={file.detail} />
      </ul>
      {metadata && metadata.services.length > 0 && (
        <div className="mt-3">
          <p className="text-stone-500">Services declared{metadata.x402Support ? " (x402 payments supported)" : ""}</p>
          <ul className="mt-1 space-y-0.5">
            {metadata.services.map((service) => (
              <li key={`${service.name}:${service.endpoint}`} className="break-all">
                <span className="font-medium">{service.name}</span> <span className="font-mono text-xs">{service.endpoint}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
