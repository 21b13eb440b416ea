/**
 * readRuneRecord against the registry on anvil: an unknown rune, a registered one with its registration file, a
 * contract signer, a suspended rune.
 */
import { type Address, getAddress, keccak256, stringToBytes } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { beforeAll, describe, expect, it } from "vitest";
import { runeRegistryAbi } from "../../contracts-abi/generated";
import { mined, registerTestAgent, testChain } from "../test/chain";
import { deployContractSigner } from "../test/contract-signer";
import { readRuneRecord } from "./rune-record";

const chain = testChain();
const { publicClient, walletClient, deployment } = chain;
const registry = deployment.contracts.runeRegistry;
const chainId = deployment.chainId;
const key = privateKeyToAccount(keccak256(stringToBytes("rune record signer")));

let developer: Address;

async function send(account: Address, functionName: "setAgentURI" | "rotateSigner" | "suspend", args: readonly unknown[]): Promise<void> {
  const { request } = await publicClient.simulateContract({ account, address: registry, abi: runeRegistryAbi, functionName, args } as never);
  await mined(publicClient, walletClient.writeContract(request as never));
}

beforeAll(async () => {
  const accounts = await walletClient.getAddresses();
  const found = accounts[7];
  if (!found) throw new Error("anvil has too few accounts");
  developer = found;
});

describe("readRuneRecord", () => {
  it("says an unknown rune is not registered (no revert)", async () => {
    const rune = keccak256(stringToBytes("never registered"));
    expect(await readRuneRecord(publicClient, { registry, chainId, rune })).toEqual({ registered: false, rune, status: "Unregistered" });
  });

  it("reads a registered rune: owner, key signer, status, and whether its registration file names it", async () => {
    const rune = await registerTestAgent(chain, { developer, signer: key.address, name: "rune-record-a" });
    const before = await readRuneRecord(publicClient, { registry, chainId, rune });
    expect(before).toMatchObject({ registered: true, rune, status: "Active", owner: developer, signer: key.address, signerKind: "key", metadata: undefined });
    expect(before.registered && before.registration).toEqual({ state: "unreadable" });

    const file = { name: "Record Agent", registrations: [{ agentId: BigInt(rune).toString(), agentRegistry: `eip155:${chainId}:${registry}` }] };
    await send(developer, "setAgentURI", [BigInt(rune), `data:application/json,${encodeURIComponent(JSON.stringify(file))}`]);
    const after = await readRuneRecord(publicClient, { registry, chainId, rune });
    expect(after).toMatchObject({ registered: true, metadata: { name: "Record Agent" }, registration: { state: "names-this-rune" } });
  });

  it("tells a contract signer (ERC-1271) from a key, and reads a suspended rune's status", async () => {
    const rune = await registerTestAgent(chain, { developer, signer: key.address, name: "rune-record-b" });
    const contractSigner = await deployContractSigner(chain, developer, key.address);
    await send(developer, "rotateSigner", [rune, contractSigner]);
    expect(await readRuneRecord(publicClient, { registry, chainId, rune })).toMatchObject({ signer: getAddress(contractSigner), signerKind: "contract" });

    await send(deployment.admin, "suspend", [rune]);
    expect(await readRuneRecord(publicClient, { registry, chainId, rune })).toMatchObject({ registered: true, status: "Suspended" });
  });
});
