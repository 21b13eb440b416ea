/**
 * The receipt CLI run as a subprocess against the test chain (lib/test/anvil-setup.ts), exactly as an agent runs
 * it: sign → verify → pay on chain, the collaborative variant, and every way of calling it wrong exiting with
 * code 2 and one line on stderr.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Address, type Hex, keccak256, parseEther, stringToBytes, zeroAddress } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SignedReceipt, parseReceiptJson, receiptToJson } from "../lib/receipts/json";
import { collaborativePaymentCall, servicePaymentCall } from "../lib/receipts/payment-call";
import { serviceIdFrom } from "../lib/receipts/service-id";
import { mined, registerTestAgent, testChain } from "../lib/test/chain";
import { projectRoot } from "./lib/artifacts";

const chain = testChain();
const { publicClient, walletClient, deployment, rpcUrl } = chain;
const alphaKey = keccak256(stringToBytes("receipt cli alpha"));
const betaKey = keccak256(stringToBytes("receipt cli beta"));
const strangerKey = keccak256(stringToBytes("receipt cli stranger"));

let scratch: string;
let env: Record<string, string>;
let runeAlpha: Hex;
let runeBeta: Hex;
let payer: Address;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `tsx scripts/receipt.ts …args` with `input` on stdin. */
function cli(args: readonly string[], options: { env?: Record<string, string | undefined>; input?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    for (const [name, value] of Object.entries(options.env ?? {})) {
      if (value === undefined) delete childEnv[name];
      else childEnv[name] = value;
    }
    const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts", "receipt.ts"), ...args], {
      cwd: projectRoot,
      env: childEnv,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

/** A receipt file the CLI printed, read back with the codec. */
function receiptFrom(run: Run): SignedReceipt {
  const parsed = parseReceiptJson(run.stdout);
  if (!parsed.ok) throw new Error(`the CLI printed no receipt: ${parsed.error.message}\n${run.stderr}`);
  return parsed.receipt;
}

async function payOnChain(signed: SignedReceipt): Promise<void> {
  const account = signed.receipt.payer;
  if (signed.primaryType === "ServiceReceipt") {
    const { request } = await publicClient.simulateContract({ account, ...servicePaymentCall(signed) });
    await mined(publicClient, walletClient.writeContract(request));
  } else {
    const { request } = await publicClient.simulateContract({ account, ...collaborativePaymentCall(signed) });
    await mined(publicClient, walletClient.writeContract(request));
  }
}

function signArgs(label: string, extra: Record<string, string> = {}): string[] {
  const options: Record<string, string> = {
    rune: runeAlpha,
    "service-id": label,
    payer,
    token: "ETH",
    amount: "0.125",
    deadline: "+1h",
    ...extra,
  };
  return ["sign", ...Object.entries(options).flatMap(([name, value]) => [`--${name}`, value])];
}

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), "aurorune-receipt-cli-"));
  const deploymentFile = path.join(scratch, "deployment.json");
  writeFileSync(deploymentFile, JSON.stringify(deployment));
  writeFileSync(path.join(scratch, "deployment-5.json"), JSON.stringify({ ...deployment, chainId: 5 }));
  env = { RPC_URL: rpcUrl, CHAIN_ID: String(deployment.chainId), DEPLOYMENT_FILE: deploymentFile, AGENT_PRIVATE_KEY: alphaKey };
  const accounts = await walletClient.getAddresses();
  const [, devA, devB, client] = accounts;
  if (!devA || !devB || !client) throw new Error("anvil has too few accounts");
  payer = client;
  runeAlpha = await registerTestAgent(chain, { developer: devA, signer: privateKeyToAccount(alphaKey).address, name: "cli-alpha" });
  runeBeta = await registerTestAgent(chain, { developer: devB, signer: privateKeyToAccount(betaKey).address, name: "cli-beta" });
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe("receipt CLI", () => {
  it("signs a receipt that verifies and pays on chain, then verifies as used", async () => {
    const signedRun = await cli(signArgs("cli job 1"));
    expect(signedRun.code, signedRun.stderr).toBe(0);
    expect(signedRun.stderr).toMatch(/^signed ServiceReceipt: 0\.125 ETH, payer 0x/);
    const signed = receiptFrom(signedRun);
    expect(signed).toMatchObject({
      primaryType: "ServiceReceipt",
      receipt: { rune: runeAlpha, serviceId: serviceIdFrom("cli job 1"), payer, token: zeroAddress, amount: parseEther("0.125") },
      token: { symbol: "ETH", decimals: 18 },
    });
    const chainTime = (await publicClient.getBlock()).timestamp;
    expect(signed.receipt.deadline - chainTime).toBeGreaterThan(3_500n);
    expect(signed.receipt.deadline - chainTime).toBeLessThanOrEqual(3_600n);

    const verified = await cli(["verify", "-"], { input: signedRun.stdout });
    expect(verified.code, verified.stdout).toBe(0);
    expect(verified.stdout).toContain("yes  Signature");
    expect(verified.stdout).toContain("payable: yes");

    await payOnChain(signed);

    const again = await cli(["verify", "-"], { input: signedRun.stdout });
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/no +Service id +this service was already paid for.*\[RevenueDistributorServiceAlreadyPaid\]/);
    expect(again.stdout).toContain("payable: no (the distributor would revert with RevenueDistributorServiceAlreadyPaid)");
  }, 60_000);

  it("signs in a token's units by symbol, writes --out, and verifies a file against --from", async () => {
    // Relative paths are the caller's: `npm run` starts the script in the project root and says where it was called in INIT_CWD.
    const file = path.join(scratch, "usd.json");
    const fromScratch = { INIT_CWD: scratch };
    const run = await cli(signArgs("cli usd", { token: "tusd", amount: "12.5", deadline: "2099-01-01T00:00:00Z", out: "usd.json" }), { env: fromScratch });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe("");
    const json = JSON.parse(readFileSync(file, "utf8")) as ReturnType<typeof receiptToJson>;
    expect(json.message).toMatchObject({ token: deployment.contracts.stablecoin, amount: "12500000", deadline: "4070908800" });
    expect(json.display).toEqual({ symbol: "tUSD", decimals: 6, amount: "12.5", deadline: "2099-01-01T00:00:00.000Z" });

    const wrongSender = await cli(["verify", "usd.json", "--from", deployment.deployer], { env: fromScratch });
    expect(wrongSender.code).toBe(1);
    expect(wrongSender.stdout).toContain("[RevenueDistributorPayerMismatch]");
    expect((await cli(["verify", file, "--from", payer])).code).toBe(0);
  }, 60_000);

  it("signs a collaborative receipt with one key per rune, in rune order, that pays on chain", async () => {
    const args = ["sign-collab", "--runes", `${runeAlpha},${runeBeta}`, "--weights", "6000,4000", ...signArgs("cli joint").slice(3)];
    const run = await cli(args, { env: { AGENT_PRIVATE_KEY: undefined, AGENT_PRIVATE_KEYS: `${alphaKey},${betaKey}` } });
    expect(run.code, run.stderr).toBe(0);
    const signed = receiptFrom(run);
    expect(signed).toMatchObject({ primaryType: "CollaborativeReceipt", receipt: { runes: [runeAlpha, runeBeta], weightsBps: [6_000, 4_000] } });
    const verified = await cli(["verify", "-"], { input: run.stdout });
    expect(verified.stdout).toContain("yes  Signature (rune 2)");
    expect(verified.code).toBe(0);
    await payOnChain(signed);

    // Keys in the wrong order sign a receipt that would not pay: refused, nothing printed on stdout.
    const swapped = await cli(["sign-collab", "--runes", `${runeAlpha},${runeBeta}`, "--weights", "6000,4000", ...signArgs("cli joint 2").slice(3)], {
      env: { AGENT_PRIVATE_KEYS: `${betaKey},${alphaKey}` },
    });
    expect(swapped.code).toBe(1);
    expect(swapped.stdout).toBe("");
    expect(swapped.stderr).toContain("not signed: this receipt would not pay");
    expect(swapped.stderr).toContain("Signature (rune 1)");
  }, 60_000);

  it("refuses to hand out a receipt signed by a key that is not the rune's signer", async () => {
    const run = await cli(signArgs("cli impostor"), { env: { AGENT_PRIVATE_KEY: strangerKey } });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/no +Signature .*\[RevenueDistributorInvalidSignature\]/);
    expect(run.stderr).not.toContain(strangerKey.slice(2));
  }, 30_000);

  it("reports a tampered receipt file as not payable, naming the contract's error", async () => {
    const run = await cli(signArgs("cli tampered"));
    const json = JSON.parse(run.stdout) as ReturnType<typeof receiptToJson>;
    json.message.amount = "125000000000000";
    json.display.amount = "0.000125";
    const verified = await cli(["verify", "-"], { input: JSON.stringify(json) });
    expect(verified.code).toBe(1);
    expect(verified.stdout).toMatch(/no +Signature +the receipt was altered after signing/);
    expect(verified.stdout).toContain("payable: no (the distributor would revert with RevenueDistributorInvalidSignature)");
  }, 30_000);

  it("exits 3 with one line when the chain cannot be reached", async () => {
    const run = await cli(signArgs("cli offline"), { env: { RPC_URL: "http://127.0.0.1:9" } });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^error: cannot reach the chain at http:\/\/127\.0\.0\.1:9: .+\n$/);
  }, 30_000);

  const past = "2001-01-01T00:00:00Z";
  /** Built when the test runs: the runes exist only after beforeAll. */
  const badArguments = (): [string, string[], Record<string, string | undefined>, string][] => [
    ["an unknown command", ["pay"], {}, 'error: unknown command "pay"'],
    ["a missing option", signArgs("x").slice(0, -2), {}, "error: --deadline is required"],
    ["a key on the command line", [...signArgs("x"), "--private-key", strangerKey], {}, "error: refusing --private-key"],
    ["no key in the environment", signArgs("x"), { AGENT_PRIVATE_KEY: undefined }, "error: AGENT_PRIVATE_KEY is not set"],
    ["a malformed key", signArgs("x"), { AGENT_PRIVATE_KEY: "0x1234" }, "error: AGENT_PRIVATE_KEY is not a private key (0x + 64 hex digits); its value is not shown"],
    ["an unknown token", signArgs("x", { token: "DOGE" }), {}, 'error: --token: the distributor does not know the token "DOGE" (accepted: ETH, AURUNES, tUSD)'],
    ["too many decimals", signArgs("x", { token: "tUSD", amount: "1.0000001" }), {}, "error: --amount: tUSD has at most 6 decimals"],
    ["a zero amount", signArgs("x", { amount: "0" }), {}, "error: --amount: the amount must be more than zero"],
    ["a negative amount", signArgs("x", { amount: "-1" }), {}, "error: --amount: the amount cannot be negative"],
    ["an amount above 128 bits", signArgs("x", { token: "tUSD", amount: "1".padEnd(40, "0") }), {}, "error: --amount: the amount is above 2^128 - 1"],
    ["a past deadline", signArgs("x", { deadline: past }), {}, "error: --deadline 2001-01-01T00:00:00Z is already past"],
    ["weights not summing to 100%", ["sign-collab", "--runes", `0x${"1".repeat(64)},0x${"2".repeat(64)}`, "--weights", "6000,3000", ...signArgs("x").slice(3)], { AGENT_PRIVATE_KEYS: `${alphaKey},${betaKey}` }, "error: --weights: the weights add up to 9000, not exactly 10000"],
    ["a rune listed twice", ["sign-collab", "--runes", `0x${"1".repeat(64)},0x${"1".repeat(64)}`, "--weights", "5000,5000", ...signArgs("x").slice(3)], { AGENT_PRIVATE_KEYS: `${alphaKey},${betaKey}` }, "error: --runes: rune 0x1111"],
    ["fewer keys than runes", ["sign-collab", "--runes", `0x${"1".repeat(64)},0x${"2".repeat(64)}`, "--weights", "5000,5000", ...signArgs("x").slice(3)], { AGENT_PRIVATE_KEYS: alphaKey }, "error: AGENT_PRIVATE_KEYS holds 1 key(s) for 2 runes"],
    ["a missing receipt file", ["verify", path.join(tmpdir(), "no-such-receipt.json")], {}, "error: no such file:"],
    ["a receipt file that is not JSON", ["verify", "-"], {}, "error: receipt file: (file): is not valid JSON"],
    ["a receipt file with a bad field", ["verify", "-"], {}, 'error: receipt file: type: must be "aurorune.receipt/v1"'],
    ["a missing deployment file", signArgs("x"), { DEPLOYMENT_FILE: path.join(tmpdir(), "none.json") }, "error: configuration: no deployment for chain 31337"],
    ["a deployment file for another chain", signArgs("x"), { CHAIN_ID: "5" }, `error: configuration: ${path.join(scratch, "deployment.json")} is for chain 31337, not CHAIN_ID 5`],
    [
      "a chain id the RPC does not serve",
      signArgs("x"),
      { CHAIN_ID: "5", DEPLOYMENT_FILE: path.join(scratch, "deployment-5.json") },
      "error: configuration: RPC_URL serves chain 31337, but CHAIN_ID is 5",
    ],
  ];
  const inputs: Record<string, string> = {
    "a receipt file that is not JSON": "{ not json",
    "a receipt file with a bad field": JSON.stringify({ type: "receipt" }),
  };

  // Every way parseReceiptArguments refuses a command line is unit-tested in scripts/lib/receipt-args.test.ts; here,
  // one of each path through the CLI itself (arguments, keys, the chain-dependent checks, files, configuration).
  it("exits 2 with one line on stderr for every bad argument, key, file or configuration", async () => {
    // Run a few at a time: each is a separate node process.
    const results: { name: string; run: Run; expected: string }[] = [];
    const cases = badArguments();
    for (let i = 0; i < cases.length; i += 4) {
      const batch = cases.slice(i, i + 4);
      results.push(
        ...(await Promise.all(
          batch.map(async ([name, args, extraEnv, expected]) => ({ name, expected, run: await cli(args, { env: extraEnv, input: inputs[name] }) })),
        )),
      );
    }
    for (const { name, run, expected } of results) {
      expect({ name, code: run.code, stdout: run.stdout }).toEqual({ name, code: 2, stdout: "" });
      expect(run.stderr.startsWith(expected), `${name}: ${run.stderr}`).toBe(true);
      expect(run.stderr.trimEnd().split("\n"), `${name}: ${run.stderr}`).toHaveLength(1);
      expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
      expect(run.stderr).not.toContain(strangerKey.slice(2));
    }
  }, 180_000);

  it("prints its help with exit 0", async () => {
    const run = await cli(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("npm run --silent receipt -- sign --rune");
    expect(run.stdout).toContain("AGENT_PRIVATE_KEYS");
  }, 30_000);
});
