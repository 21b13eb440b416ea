/**
 * The agent's receipt CLI: `npm run receipt -- <command>`.
 *
 *   sign         sign a single-agent receipt with AGENT_PRIVATE_KEY and print the receipt file (JSON)
 *   sign-collab  sign a collaborative receipt with AGENT_PRIVATE_KEYS (one key per rune, in rune order)
 *   verify       check a receipt file against the chain, rule by rule; exit 0 if it would pay
 *
 * Chain and deployment come from the same variables as the app (RPC_URL, CHAIN_ID, DEPLOYMENT_FILE; default:
 * the local chain). Keys come only from the environment. Exit codes: 0 done / payable, 1 not payable (or a
 * signed receipt that would not pay), 2 bad arguments, key, file or configuration, 3 the chain cannot be read.
 * Errors are one line on stderr, never a stack. See README "Receipt CLI".
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BaseError, type Hex, type PublicClient, createPublicClient, formatUnits, http } from "viem";
import { type LocalAccount, privateKeyToAccount } from "viem/accounts";
import { parseAmountInput } from "../lib/domain/amount-input";
import { formatChainTime } from "../lib/domain/chain-time";
import { type AppConfig, ConfigError, parseConfig, redactUrl } from "../lib/config/parse";
import type { CollaborativeReceipt, ServiceReceipt } from "../lib/receipts/eip712";
import { type SignedReceipt, encodeReceiptJson, parseReceiptJson } from "../lib/receipts/json";
import { checkCollaborators, checkReceiptAmount } from "../lib/receipts/rules";
import { signCollaborativeReceiptByAll, signServiceReceipt } from "../lib/receipts/sign";
import { readPaymentTokens, resolveTokenInput } from "../lib/receipts/token";
import { type ReceiptCheck, type ReceiptVerification, verifyReceipt } from "../lib/receipts/verify";
import {
  KEYS_VARIABLE,
  KEY_VARIABLE,
  type ReceiptCommand,
  type SignArguments,
  UsageError,
  parseReceiptArguments,
} from "./lib/receipt-args";

const HELP = `Aurorune receipt CLI: sign and check the EIP-712 service receipts clients pay with.

Usage:
  npm run --silent receipt -- sign --rune <0x…> --service-id <text|0x…> --payer <address>
                                   --token <ETH|symbol|address> --amount <decimal> --deadline <when> [--out <file>]
  npm run --silent receipt -- sign-collab --runes <0x…,0x…> --weights <6000,4000> --service-id … --payer …
                                   --token … --amount … --deadline … [--out <file>]
  npm run --silent receipt -- verify [<file>|-] [--from <address>]

Options:
  --rune         the agent's rune (0x + 64 hex digits)
  --runes        2 to 8 runes, comma-separated, in the order their keys and weights are given
  --weights      basis points per rune (100 = 1%), summing to 10000
  --service-id   names the delivered service; each can be paid once per rune. Any text is hashed
                 (keccak256 of its UTF-8 bytes); 0x + 64 hex digits is used as the id itself
  --payer        the only account that can pay the receipt
  --token        ETH, a symbol the distributor accepts (AURUNES, tUSD…), or a token address
  --amount       in the token's units, e.g. 0.25 (never more decimals than the token has)
  --deadline     +30m, +1h, +2d (after the chain's latest block time), an ISO-8601 date with a time zone
                 (2030-01-31T12:00:00Z), or unix seconds
  --out          write the receipt file there instead of printing it
  --from         verify: the account that will send the payment (checks it is the payer)

Keys (environment only; a key option on the command line is refused):
  ${KEY_VARIABLE}    the rune's signer key, 0x + 64 hex digits (sign)
  ${KEYS_VARIABLE}   comma-separated signer keys, one per rune, in rune order (sign-collab)

Chain: RPC_URL, CHAIN_ID, DEPLOYMENT_FILE as for the app (default: the local chain, contracts-abi/deployments/31337.json).
Exit codes: 0 signed / payable, 1 not payable, 2 bad arguments, key, file or configuration, 3 the chain cannot be read.`;

/** A failure to read the chain: exit code 3. */
class ChainError extends Error {
  override name = "ChainError";
}

/** A receipt that would not pay: exit code 1 (the reasons are already printed). */
class NotPayable extends Error {
  override name = "NotPayable";
}

async function main(argv: readonly string[]): Promise<number> {
  const command = parseReceiptArguments(argv);
  switch (command.command) {
    case "help":
      process.stdout.write(`${HELP}\n`);
      return 0;
    case "sign":
    case "sign-collab":
      return sign(command);
    case "verify":
      return verify(command);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// sign, sign-collab
// ---------------------------------------------------------------------------------------------------------------

async function sign(command: Extract<ReceiptCommand, { command: "sign" | "sign-collab" }>): Promise<number> {
  const signers = command.command === "sign" ? [readKey(KEY_VARIABLE)] : readKeys(command.runes.length);
  if (command.command === "sign-collab") {
    const violation = checkCollaborators({ runes: command.runes, weightsBps: command.weightsBps, signatureCount: command.runes.length });
    if (violation) throw new UsageError(`${violation.field.startsWith("runes") ? "--runes" : "--weights"}: ${violation.message}`);
  }
  const config = readConfig();
  const client = await connect(config);
  const distributor = config.contracts.revenueDistributor;
  const domain = { chainId: config.chainId, distributor };

  const block = await chainRead(() => client.getBlock());
  const tokens = await chainRead(() => readPaymentTokens(client, { distributor, blockNumber: block.number }));
  const resolved = resolveTokenInput(command.token, tokens);
  if (!resolved.ok) throw new UsageError(`--token: ${resolved.error}`);
  const token = resolved.token;
  const amount = readAmount(command, token.symbol, token.decimals);
  const deadline = command.deadline.kind === "relative" ? block.timestamp + command.deadline.seconds : command.deadline.unix;
  if (deadline <= block.timestamp) {
    throw new UsageError(`--deadline ${formatChainTime(deadline)} is already past: the chain's time is ${formatChainTime(block.timestamp)}`);
  }

  let signed: SignedReceipt;
  const common = { serviceId: command.serviceId, payer: command.payer, token: token.address, amount, deadline };
  if (command.command === "sign") {
    const receipt: ServiceReceipt = { rune: command.rune, ...common };
    const signature = await signServiceReceipt({ signer: signers[0] as LocalAccount, receipt, ...domain });
    signed = { primaryType: "ServiceReceipt", domain, receipt, token, signature };
  } else {
    const receipt: CollaborativeReceipt = { runes: command.runes, weightsBps: command.weightsBps, ...common };
    const signatures = await signCollaborativeReceiptByAll({ signers, receipt, ...domain });
    signed = { primaryType: "CollaborativeReceipt", domain, receipt, token, signatures };
  }

  // A receipt the distributor would refuse is not handed out: the agent learns now, not its client later.
  const verification = await chainRead(() =>
    verifyReceipt(client, signed, { expectedDistributor: distributor, historyFromBlock: BigInt(config.deploymentBlock), blockNumber: block.number }),
  );
  if (!verification.payable) {
    process.stderr.write(`not signed: this receipt would not pay\n${renderChecks(verification, signed, { failuresOnly: true })}`);
    throw new NotPayable();
  }

  const text = `${encodeReceiptJson(signed)}\n`;
  const idNote = command.serviceIdSource === "text" ? "keccak256 of the text given" : "as given";
  const summary = `signed ${signed.primaryType}: ${formatUnits(amount, token.decimals)} ${token.symbol}, payer ${command.payer}, deadline ${formatChainTime(deadline)}, service id ${command.serviceId} (${idNote})`;
  if (command.out !== undefined) {
    try {
      writeFileSync(userPath(command.out), text);
    } catch (error) {
      throw new UsageError(`--out: cannot write ${command.out} (${firstLine(error)})`);
    }
    process.stderr.write(`${summary}\nwrote ${command.out}\n`);
  } else {
    process.stdout.write(text);
    process.stderr.write(`${summary}\n`);
  }
  return 0;
}

function readAmount(command: SignArguments, symbol: string, decimals: number): bigint {
  const parsed = parseAmountInput(command.amount, { symbol, decimals });
  // The input rule's sentences are written for a form ("The amount…"); on a command line they follow "--amount: ".
  if (!parsed.ok) throw new UsageError(`--amount: ${parsed.error.replace(/\.$/, "").replace(/^The /, "the ").replace(/^Enter /, "enter ")}`);
  const violation = checkReceiptAmount(parsed.value);
  if (violation) throw new UsageError(`--amount: ${violation.message}`);
  return parsed.value;
}

function readKey(variable: string): LocalAccount {
  const value = process.env[variable]?.trim();
  if (!value) {
    const hint = variable === KEY_VARIABLE && process.env[KEYS_VARIABLE] ? ` (${KEYS_VARIABLE} is for sign-collab)` : "";
    throw new UsageError(`${variable} is not set: export the agent's signer key (0x + 64 hex digits) in the environment${hint}`);
  }
  return keyAccount(value, variable);
}

function readKeys(runeCount: number): LocalAccount[] {
  const value = process.env[KEYS_VARIABLE]?.trim();
  if (!value) {
    throw new UsageError(`${KEYS_VARIABLE} is not set: export one signer key per rune, comma-separated, in rune order`);
  }
  const keys = value.split(",").map((key) => key.trim());
  if (keys.length !== runeCount) {
    throw new UsageError(`${KEYS_VARIABLE} holds ${keys.length} key(s) for ${runeCount} runes: give one key per rune, in rune order`);
  }
  return keys.map((key, i) => keyAccount(key, `${KEYS_VARIABLE} entry ${i + 1}`));
}

/** A local account from a key; the key itself is never printed. */
function keyAccount(value: string, what: string): LocalAccount {
  const key = value.startsWith("0x") ? value : `0x${value}`;
  if (!/^0x[0-9a-fA-F]{64}$/.test(key)) throw new UsageError(`${what} is not a private key (0x + 64 hex digits); its value is not shown`);
  try {
    return privateKeyToAccount(key as Hex);
  } catch {
    throw new UsageError(`${what} is not a valid secp256k1 private key; its value is not shown`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// verify
// ---------------------------------------------------------------------------------------------------------------

async function verify(command: Extract<ReceiptCommand, { command: "verify" }>): Promise<number> {
  const text = readReceiptText(command.file);
  const parsed = parseReceiptJson(text);
  if (!parsed.ok) throw new UsageError(`receipt file: ${parsed.error.message}`);
  const signed = parsed.receipt;
  const config = readConfig();
  const client = await connect(config);
  const verification = await chainRead(() =>
    verifyReceipt(client, signed, {
      expectedDistributor: config.contracts.revenueDistributor,
      from: command.from,
      historyFromBlock: BigInt(config.deploymentBlock),
    }),
  );
  process.stdout.write(`${describeReceipt(signed)}\n${renderChecks(verification, signed, { failuresOnly: false })}`);
  if (verification.payable) {
    const by = command.from ?? signed.receipt.payer;
    process.stdout.write(`payable: yes (by ${by}, with ${signed.primaryType === "ServiceReceipt" ? "pay" : "payCollaborative"})\n`);
    return 0;
  }
  const failure = verification.failure;
  process.stdout.write(
    `payable: no (${failure?.errorName ? `the distributor would revert with ${failure.errorName}` : (failure?.detail ?? "a check failed")})\n`,
  );
  return 1;
}

function readReceiptText(file: string | undefined): string {
  if (file === undefined || file === "-") {
    if (process.stdin.isTTY) throw new UsageError("give a receipt file, or pipe one into stdin (verify - < receipt.json)");
    try {
      return readFileSync(0, "utf8");
    } catch (error) {
      throw new UsageError(`cannot read stdin (${firstLine(error)})`);
    }
  }
  const resolved = userPath(file);
  if (!existsSync(resolved)) throw new UsageError(`no such file: ${file}`);
  try {
    return readFileSync(resolved, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${file} (${firstLine(error)})`);
  }
}

function describeReceipt(signed: SignedReceipt): string {
  const amount = `${signed.token.symbol === "" ? "" : `${formatUnits(signed.receipt.amount, signed.token.decimals)} ${signed.token.symbol}`}`;
  const target =
    signed.primaryType === "ServiceReceipt"
      ? `rune ${signed.receipt.rune}`
      : `runes ${signed.receipt.runes.map((rune, i) => `${i + 1}: ${rune} (${(signed.receipt.weightsBps[i] ?? 0) / 100}%)`).join(", ")}`;
  return `${signed.primaryType}: ${amount} for ${target}, service ${signed.receipt.serviceId}, payer ${signed.receipt.payer}`;
}

function renderChecks(verification: ReceiptVerification, signed: SignedReceipt, { failuresOnly }: { failuresOnly: boolean }): string {
  const runes: readonly Hex[] = signed.primaryType === "ServiceReceipt" ? [signed.receipt.rune] : signed.receipt.runes;
  const label = (check: ReceiptCheck) =>
    check.rune !== undefined && runes.length > 1 ? `${check.label} (rune ${runes.indexOf(check.rune) + 1})` : check.label;
  const width = Math.max(...verification.checks.map((check) => label(check).length));
  return verification.checks
    .filter((check) => !failuresOnly || check.outcome === "fail")
    .map((check) => {
      const mark = { pass: "yes", fail: "no ", unchecked: " - " }[check.outcome];
      const error = check.outcome === "fail" && check.errorName ? ` [${check.errorName}]` : "";
      return `  ${mark}  ${label(check).padEnd(width)}  ${check.detail}${error}\n`;
    })
    .join("");
}

// ---------------------------------------------------------------------------------------------------------------
// Chain
// ---------------------------------------------------------------------------------------------------------------

function readConfig(): AppConfig {
  try {
    const env = process.env;
    const variables = { CHAIN_ID: env.CHAIN_ID, CHAIN_NAME: env.CHAIN_NAME, RPC_URL: env.RPC_URL, DEPLOYMENT_FILE: env.DEPLOYMENT_FILE };
    return parseConfig(variables, (file) => {
      const resolved = path.resolve(process.cwd(), file);
      return existsSync(resolved) ? readFileSync(resolved, "utf8") : undefined;
    });
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(`configuration: ${error.message}`);
    throw error;
  }
}

async function connect(config: AppConfig): Promise<PublicClient> {
  const client = createPublicClient({ transport: http(config.rpcUrl, { batch: true, timeout: 10_000, retryCount: 0 }) }) as PublicClient;
  let chainId: number;
  try {
    chainId = await client.getChainId();
  } catch (error) {
    throw new ChainError(`cannot reach the chain at ${redactUrl(config.rpcUrl)}: ${firstLine(error)}`);
  }
  if (chainId !== config.chainId) {
    throw new UsageError(`configuration: RPC_URL serves chain ${chainId}, but CHAIN_ID is ${config.chainId}`);
  }
  return client;
}

async function chainRead<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw new ChainError(`reading the chain failed: ${firstLine(error)}`);
  }
}

/**
 * A path the user typed, resolved from where they ran the command: `npm run` starts scripts in the project root
 * and says where it was called from in INIT_CWD.
 */
function userPath(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

function firstLine(error: unknown): string {
  if (error instanceof BaseError) return error.shortMessage;
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "unknown error";
}


main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof NotPayable) {
      process.exitCode = 1;
    } else if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = 2;
    } else if (error instanceof ChainError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = 3;
    } else {
      process.stderr.write(`error: ${firstLine(error)}\n`);
      process.exitCode = 1;
    }
  },
);

