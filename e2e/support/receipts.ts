/**
 * Receipts for the /verify and /pay specs, made exactly as an agent makes them: the receipt CLI (scripts/receipt.ts)
 * run as a subprocess with the seeded agent's signer key in its environment, against the e2e chain. Plus the few
 * chain actions the specs need around them (the rune owner rotating a signer, a payment made outside the app).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Address, type Hex, encodeFunctionData, zeroAddress } from "viem";
import { revenueDistributorAbi, runeRegistryAbi } from "../../contracts-abi/generated";
import { type SignedReceipt, parseReceiptJson } from "../../lib/receipts/json";
import { demoAgents, demoSignerKey } from "../../scripts/seed-agents";
import { type ChainFixture, rpc } from "./fixtures";
import { E2E_ANVIL_URL, E2E_DEPLOYMENT_DIR } from "./ports";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** The e2e deployment's contracts. */
export const contracts = (
  JSON.parse(readFileSync(path.join(root, E2E_DEPLOYMENT_DIR, "31337.json"), "utf8")) as {
    contracts: { runeRegistry: Address; revenueDistributor: Address; aurunesToken: Address; stablecoin: Address };
  }
).contracts;

/** The rune of a seeded demo agent, by slug (agents are registered in the seed's order). */
export async function runeOf(chain: ChainFixture, slug: string): Promise<Hex> {
  const index = demoAgents.findIndex((agent) => agent.slug === slug);
  if (index < 0) throw new Error(`no demo agent ${slug}`);
  return chain.client.readContract({ address: contracts.runeRegistry, abi: runeRegistryAbi, functionName: "runeAt", args: [BigInt(index)] });
}

/** What the CLI printed, and how it ended. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `tsx scripts/receipt.ts …args` against the e2e chain with `env` (the signer keys) added. */
export function runReceiptCli(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "receipt.ts"), ...args], {
      cwd: root,
      env: { ...process.env, RPC_URL: E2E_ANVIL_URL, CHAIN_ID: "31337", DEPLOYMENT_FILE: `${E2E_DEPLOYMENT_DIR}/31337.json`, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A receipt the CLI signed: the file's text as printed, and what it says. */
export interface CliReceipt {
  text: string;
  signed: SignedReceipt;
}

function printed(run: CliRun): CliReceipt {
  const parsed = parseReceiptJson(run.stdout);
  if (run.code !== 0 || !parsed.ok) throw new Error(`the receipt CLI signed nothing (exit ${run.code}): ${run.stderr.trim()}`);
  return { text: run.stdout, signed: parsed.receipt };
}

/** Options of a receipt: who pays, what, how much, until when. */
export interface ReceiptTerms {
  serviceId: string;
  payer: Address;
  token: "ETH" | "tUSD" | "AURUNES";
  amount: string;
  /** As the CLI takes it: `+30m`, `+1h`… */
  deadline?: string;
}

function termArgs(terms: ReceiptTerms): string[] {
  return ["--service-id", terms.serviceId, "--payer", terms.payer, "--token", terms.token, "--amount", terms.amount, "--deadline", terms.deadline ?? "+1h"];
}

/** `npm run receipt -- sign` for a seeded agent, with its own signer key (or `key`, e.g. after a rotation). */
export async function signWithCli(rune: Hex, slug: string, terms: ReceiptTerms, key: Hex = demoSignerKey(slug)): Promise<CliReceipt> {
  return printed(await runReceiptCli(["sign", "--rune", rune, ...termArgs(terms)], { AGENT_PRIVATE_KEY: key }));
}

/** `npm run receipt -- sign-collab` for seeded agents, each signing with its own key, in rune order. */
export async function signCollabWithCli(agents: { rune: Hex; slug: string }[], weightsBps: number[], terms: ReceiptTerms): Promise<CliReceipt> {
  const args = ["sign-collab", "--runes", agents.map((agent) => agent.rune).join(","), "--weights", weightsBps.join(","), ...termArgs(terms)];
  return printed(await runReceiptCli(args, { AGENT_PRIVATE_KEYS: agents.map((agent) => demoSignerKey(agent.slug)).join(",") }));
}

async function send(chain: ChainFixture, from: Address, to: Address, data: Hex, value = 0n): Promise<void> {
  // The node holds anvil's keys: it signs for the rune owner and the payers.
  const hash = await rpc<Hex>("eth_sendTransaction", [{ from, to, data, value: `0x${value.toString(16)}`, gas: "0x1e8480" }]);
  const receipt = await chain.client.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`transaction to ${to} reverted`);
}

/** The rune's owner rotates its signer on chain (as the developer would from its own wallet). */
export async function rotateSigner(chain: ChainFixture, rune: Hex, newSigner: Address): Promise<void> {
  const owner = await chain.client.readContract({ address: contracts.runeRegistry, abi: runeRegistryAbi, functionName: "ownerOf", args: [BigInt(rune)] });
  await send(chain, owner, contracts.runeRegistry, encodeFunctionData({ abi: runeRegistryAbi, functionName: "rotateSigner", args: [rune, newSigner] }));
}

/** Pays a single-agent receipt outside the app, from its payer (whose key the node holds). */
export async function payOutsideTheApp(chain: ChainFixture, { signed }: CliReceipt): Promise<void> {
  if (signed.primaryType !== "ServiceReceipt") throw new Error("single-agent receipts only");
  const data = encodeFunctionData({ abi: revenueDistributorAbi, functionName: "pay", args: [signed.receipt, signed.signature] });
  await send(chain, signed.receipt.payer, contracts.revenueDistributor, data, signed.receipt.token === zeroAddress ? signed.receipt.amount : 0n);
}

/** Everything the distributor has been paid for a rune in a token (its `revenueOf`). */
export function revenueOf(chain: ChainFixture, rune: Hex, token: Address): Promise<bigint> {
  return chain.client.readContract({ address: contracts.revenueDistributor, abi: revenueDistributorAbi, functionName: "revenueOf", args: [rune, token] });
}
