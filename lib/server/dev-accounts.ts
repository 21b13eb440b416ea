import "server-only";
import { anvilAccount } from "../anvil-accounts";
import type { AppConfig } from "../config/parse";
import type { DevAccount } from "../dev-wallet";

/** Roles of the seeded demo economy worth trying out (see scripts/seed.ts). */
const DEMO_ROLES: { index: number; label: string }[] = [
  { index: 0, label: "governor & staker" },
  { index: 1, label: "developer" },
  { index: 7, label: "staker" },
  { index: 4, label: "client" },
];

/** The dev accounts offered in the wallet list: on the local chain only. */
export function publicDevAccounts(config: AppConfig): DevAccount[] {
  if (!config.isLocal) return [];
  return DEMO_ROLES.map(({ index, label }) => ({
    address: anvilAccount(index),
    label: `#${index} ${label}`,
  }));
}
