/**
 * One rune as the registry records it now, for verifying a rune someone pasted (the /verify page): registered or
 * not, status, owner, signer (and whether the signer is a key or a contract), registration file. A registry read,
 * not history: revenue and payments go through the read side (lib/data/history-source.ts).
 */
import { type Address, type Hex, type PublicClient, isAddressEqual, zeroAddress } from "viem";
import { runeRegistryAbi } from "../../contracts-abi/generated";
import { type AgentMetadata, parseAgentMetadata } from "../agent-metadata";
import { type RegistrationCheck, checkRegistration } from "../domain/registration-check";

/** A rune's status, as `RuneRegistry.RuneStatus` numbers it. */
export type RuneRecordStatus = "Unregistered" | "Active" | "Suspended" | "Retired";

/** Who signs the rune's receipts: nobody (a sold rune whose new owner set no key yet), a key, or a contract (ERC-1271). */
export type SignerKind = "none" | "key" | "contract";

/** A registered rune's record. */
export interface RegisteredRune {
  rune: Hex;
  status: Exclude<RuneRecordStatus, "Unregistered">;
  owner: Address;
  signer: Address;
  signerKind: SignerKind;
  /** Chain time of the registration (seconds). */
  registeredAt: number;
  metadataURI: string;
  /** The registration file, when it is a `data:` URI this app reads. */
  metadata: AgentMetadata | undefined;
  /** Whether that file names this very rune on this registry. */
  registration: RegistrationCheck;
}

/** What the registry says of a rune: its record, or that it is not registered. */
export type RuneRecord = (RegisteredRune & { registered: true }) | { registered: false; rune: Hex; status: "Unregistered" };

/** Parameters of {@link readRuneRecord}. */
export interface ReadRuneRecordParameters {
  registry: Address;
  /** The chain the registry is on (its registration files name `eip155:<chainId>:<registry>`). */
  chainId: number;
  rune: Hex;
  /** Read at this block (default: latest). */
  blockNumber?: bigint;
}

const STATUSES = ["Unregistered", "Active", "Suspended", "Retired"] as const;

/**
 * Reads one rune from the registry, at one block. RPC failures are thrown as viem errors (the caller shows its
 * error state).
 *
 * @example
 * const record = await readRuneRecord(client, { registry, chainId: 31337, rune });
 * if (record.registered) console.log(record.status, record.signer);
 */
export async function readRuneRecord(client: PublicClient, { registry, chainId, rune, blockNumber }: ReadRuneRecordParameters): Promise<RuneRecord> {
  const at = blockNumber ?? (await client.getBlock()).number;
  const status = STATUSES[await client.readContract({ address: registry, abi: runeRegistryAbi, functionName: "statusOf", args: [rune], blockNumber: at })] ?? "Unregistered";
  if (status === "Unregistered") return { registered: false, rune, status };
  const info = await client.readContract({ address: registry, abi: runeRegistryAbi, functionName: "runeInfo", args: [rune], blockNumber: at });
  const code = isAddressEqual(info.signer, zeroAddress) ? undefined : await client.getCode({ address: info.signer, blockNumber: at });
  const signerKind: SignerKind = isAddressEqual(info.signer, zeroAddress) ? "none" : code !== undefined && code !== "0x" ? "contract" : "key";
  const metadata = parseAgentMetadata(info.metadataURI);
  return {
    registered: true,
    rune,
    status,
    owner: info.owner,
    signer: info.signer,
    signerKind,
    registeredAt: Number(info.registeredAt),
    metadataURI: info.metadataURI,
    metadata,
    registration: checkRegistration(rune, chainId, registry, metadata?.registrations),
  };
}
