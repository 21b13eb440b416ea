/**
 * Deploys Aurorune (AURUNES, RuneRegistry, RevenueDistributor, and on a local chain TestStablecoin, Multicall3
 * and one DevPriceFeed per payment token), wires the registry to the distributor, allows ETH, AURUNES and the
 * stablecoin, and writes `contracts-abi/deployments/<chainId>.json` (with `priceFeeds` on the local chain: the
 * feeds start empty, the seed writes their prices; real networks name Chainlink's feeds in `PRICE_FEEDS`).
 *
 * CLI: `tsx scripts/deploy.ts [--rpc URL]` (or `npm run deploy -- --rpc URL`). Library: {@link deployAurorune},
 * used by `npm run dev` and the test setups.
 *
 * Environment (options passed to {@link deployAurorune} win over it):
 * - `RPC_URL` (default `http://127.0.0.1:8545`)
 * - `DEPLOYER_PRIVATE_KEY`: required on every chain but the local one (31337), where the node's first
 *   unlocked account deploys by default
 * - `ADMIN_ADDRESS`: receives the admin and governor roles (default: the deployer)
 * - `AURUNES_SUPPLY`: whole tokens minted to the deployer (default 1,000,000,000)
 * - `RULE_DELAY_SECONDS` (7 days), `MIN_STAKERS_BPS` (1000), `REWARD_WINDOW_SECONDS` (7 days),
 *   `UNBONDING_PERIOD_SECONDS` (7 days; never longer than the rule delay, so stakers can leave before a split
 *   change applies: the contracts refuse it too)
 * - `STABLECOIN_ADDRESS`: an existing USD stablecoin to allow; without it TestStablecoin is deployed
 */
import { mkdirSync, realpathSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  type Abi,
  type Account,
  type Address,
  BaseError,
  type Chain,
  type Hash,
  type Hex,
  HttpRequestError,
  type PublicClient,
  TimeoutError,
  type WalletClient,
  type TransactionReceipt,
  type Transport,
  createPublicClient,
  createWalletClient,
  decodeErrorResult,
  defineChain,
  encodeDeployData,
  encodeFunctionData,
  getContractAddress,
  http,
  isAddress,
  isHex,
  parseUnits,
  zeroAddress,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import {
  aurunesTokenAbi,
  devPriceFeedAbi,
  multicall3Abi,
  revenueDistributorAbi,
  runeRegistryAbi,
  testStablecoinAbi,
} from "../contracts-abi/generated";
import { ArtifactError, ensureContractsBuilt, projectRoot, readBytecode } from "./lib/artifacts";

/** Chain id of the local development chain (anvil's default). */
export const LOCAL_CHAIN_ID = 31337;

/** Written into every deployment file: the file is generated and must not be edited by hand. */
export const GENERATED_BY = "scripts/deploy.ts (npm run deploy). Generated: do not edit by hand.";

/** Where deployment files go by default. */
export const DEFAULT_DEPLOYMENTS_DIR: string = path.join(projectRoot, "contracts-abi", "deployments");

const DAY = 24 * 60 * 60;

/** Protocol parameters and their defaults. */
export const DEFAULT_PARAMETERS = {
  aurunesSupply: parseUnits("1000000000", 18),
  ruleDelay: 7 * DAY,
  minStakersBps: 1_000,
  rewardWindow: 7 * DAY,
  unbondingPeriod: 7 * DAY,
} as const;

/** Options of {@link deployAurorune}. Anything left out comes from the environment, then the defaults. */
export interface DeployAuroruneOptions {
  /** JSON-RPC URL of the chain (http or https). */
  rpcUrl: string;
  /** The deployer: a local account, or the address of an account the node has unlocked. */
  account?: Account | Address;
  /** Receives DEFAULT_ADMIN_ROLE and GOVERNOR_ROLE on both contracts. Default: the deployer. */
  admin?: Address;
  /** AURUNES total supply in wei, minted to the deployer. */
  aurunesSupply?: bigint;
  /** Seconds before a split proposal may execute. */
  ruleDelay?: number;
  /** Minimum stakers share in basis points. */
  minStakersBps?: number;
  /** Seconds over which each stakers part is streamed. */
  rewardWindow?: number;
  /** Seconds between an unstake request and its withdrawal. */
  unbondingPeriod?: number;
  /** An existing stablecoin to allow. Default: deploy TestStablecoin (6 decimals, owned by the deployer). */
  stablecoin?: Address;
  /** Directory of the deployment file; `null` writes nothing. Default: `contracts-abi/deployments`. */
  deploymentsDir?: string | null;
  /** Environment to read defaults from. Default: `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Progress lines. Default: silent. */
  log?: (line: string) => void;
}

/** Addresses of a deployment. */
export interface AuroruneContracts {
  aurunesToken: Address;
  runeRegistry: Address;
  revenueDistributor: Address;
  /** The allowed USD stablecoin (TestStablecoin unless an existing one was given). */
  stablecoin: Address;
  /** The project's Multicall3, deployed on the local chain only. */
  multicall3?: Address;
}

/** Decimals of the local chain's USD feeds, as Chainlink's USD pairs have. */
export const DEV_PRICE_FEED_DECIMALS = 8;

/** The content of `contracts-abi/deployments/<chainId>.json`. */
export interface AuroruneDeployment {
  generatedBy: string;
  chainId: number;
  /** First block holding any of the contracts: where event scans start. */
  deploymentBlock: number;
  /** Block in which each contract was created (e.g. Multicall3's `blockCreated` for a viem chain). */
  blocks: Partial<Record<keyof AuroruneContracts, number>>;
  deployer: Address;
  admin: Address;
  contracts: AuroruneContracts;
  /** Tokens allowed for payments at deployment, in allow-list order (address(0) is ETH). */
  allowedTokens: Address[];
  /**
   * Local chain only: the USD price feed (DevPriceFeed, owned by the deployer, {@link DEV_PRICE_FEED_DECIMALS}
   * decimals, no answer until the seed writes one) of each payment token, by token address.
   */
  priceFeeds?: Record<Address, Address>;
  parameters: {
    /** Decimal string of wei (JSON has no bigint). */
    aurunesSupply: string;
    ruleDelay: number;
    minStakersBps: number;
    rewardWindow: number;
    unbondingPeriod: number;
    /** True when the stablecoin is the project's TestStablecoin. */
    testStablecoin: boolean;
  };
}

/** A failure the user can fix (bad input, missing key, unreachable node, reverted transaction). */
export class DeployError extends Error {
  override name = "DeployError";
}

/**
 * Deploys and wires the Aurorune contracts and writes the deployment file.
 *
 * Transactions are sent back to back with explicit nonces and awaited together: first every contract, then
 * the wiring calls (whose gas estimates need the contracts in place).
 *
 * @example
 * const { contracts, deploymentBlock } = await deployAurorune({ rpcUrl: "http://127.0.0.1:8545" });
 */
export async function deployAurorune(options: DeployAuroruneOptions): Promise<AuroruneDeployment> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => {});
  const rpcUrl = checkRpcUrl(options.rpcUrl);
  const parameters = {
    aurunesSupply: options.aurunesSupply ?? envTokens(env, "AURUNES_SUPPLY") ?? DEFAULT_PARAMETERS.aurunesSupply,
    ruleDelay: options.ruleDelay ?? envInteger(env, "RULE_DELAY_SECONDS") ?? DEFAULT_PARAMETERS.ruleDelay,
    minStakersBps: options.minStakersBps ?? envInteger(env, "MIN_STAKERS_BPS") ?? DEFAULT_PARAMETERS.minStakersBps,
    rewardWindow: options.rewardWindow ?? envInteger(env, "REWARD_WINDOW_SECONDS") ?? DEFAULT_PARAMETERS.rewardWindow,
    unbondingPeriod:
      options.unbondingPeriod ?? envInteger(env, "UNBONDING_PERIOD_SECONDS") ?? DEFAULT_PARAMETERS.unbondingPeriod,
  };
  checkParameters(parameters);
  const givenStablecoin = options.stablecoin ?? envAddress(env, "STABLECOIN_ADDRESS");
  const givenAdmin = options.admin ?? envAddress(env, "ADMIN_ADDRESS");
  const keyAccount = options.account === undefined ? envPrivateKeyAccount(env) : undefined;

  const probe = createPublicClient({ transport: http(rpcUrl, { retryCount: 1, timeout: 10_000 }) });
  let chainId: number;
  try {
    chainId = await probe.getChainId();
  } catch (error) {
    throw new DeployError(`cannot reach the RPC at ${rpcUrl} (${shortMessageOf(error)})`);
  }
  const isLocal = chainId === LOCAL_CHAIN_ID;

  const chain = defineChain({
    id: chainId,
    name: isLocal ? "Anvil" : `Chain ${chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
  const transport = http(rpcUrl, { timeout: 30_000 });
  const pollingInterval = isLocal ? 50 : 1_000;
  const publicClient = createPublicClient({ chain, transport, pollingInterval });

  const account = options.account ?? keyAccount ?? (await localDefaultAccount(chain, transport, isLocal));
  const walletClient = createWalletClient({ account, chain, transport, pollingInterval });
  const deployer = typeof account === "string" ? account : account.address;
  const admin = givenAdmin ?? deployer;

  if (givenStablecoin !== undefined && (await publicClient.getCode({ address: givenStablecoin })) === undefined) {
    throw new DeployError(`the stablecoin ${givenStablecoin} is not a contract on chain ${chainId}`);
  }

  // Build (when needed) before saying "Deploying", so the messages come in the order things happen.
  ensureContractsBuilt();
  log(`Deploying Aurorune to chain ${chainId} from ${deployer}`);
  const batch = new TransactionBatch(walletClient, publicClient);
  await batch.init();

  // Phase 1: every contract (bytecode read from forge's out/ while queueing, before anything is sent). The
  // distributor's constructor only stores the registry and token addresses, so it can be sent before they
  // are mined; addresses follow from the deployer's nonces.
  const aurunesToken = batch.deploy(
    "AurunesToken",
    aurunesTokenAbi,
    encodeDeployData({
      abi: aurunesTokenAbi,
      bytecode: readBytecode("AurunesToken"),
      args: [deployer, parameters.aurunesSupply],
    }),
  );
  const runeRegistry = batch.deploy(
    "RuneRegistry",
    runeRegistryAbi,
    encodeDeployData({
      abi: runeRegistryAbi,
      bytecode: readBytecode("RuneRegistry"),
      args: [admin, parameters.ruleDelay, parameters.minStakersBps],
    }),
  );
  const revenueDistributor = batch.deploy(
    "RevenueDistributor",
    revenueDistributorAbi,
    encodeDeployData({
      abi: revenueDistributorAbi,
      bytecode: readBytecode("RevenueDistributor"),
      args: [runeRegistry, aurunesToken, admin, parameters.rewardWindow, parameters.unbondingPeriod],
    }),
  );
  const stablecoin =
    givenStablecoin ??
    batch.deploy(
      "TestStablecoin",
      testStablecoinAbi,
      encodeDeployData({
        abi: testStablecoinAbi,
        bytecode: readBytecode("TestStablecoin"),
        args: [deployer],
      }),
    );
  const multicall3 = isLocal
    ? batch.deploy("Multicall3", multicall3Abi, encodeDeployData({ abi: multicall3Abi, bytecode: readBytecode("Multicall3") }))
    : undefined;
  // After the contracts above, so their addresses (from the deployer's nonces) stay what they always were.
  const priceFeeds: Record<Address, Address> | undefined = isLocal
    ? Object.fromEntries(
        (
          [
            [zeroAddress, "ETH / USD"],
            [aurunesToken, "AURUNES / USD"],
            [stablecoin, givenStablecoin === undefined ? "tUSD / USD" : "Stablecoin / USD"],
          ] as const
        ).map(([token, description]) => [
          token,
          batch.deploy(
            `DevPriceFeed(${description})`,
            devPriceFeedAbi,
            encodeDeployData({
              abi: devPriceFeedAbi,
              bytecode: readBytecode("DevPriceFeed"),
              args: [deployer, DEV_PRICE_FEED_DECIMALS, description],
            }),
          ),
        ]),
      )
    : undefined;
  const created = await batch.send();
  const blockOf = (address: Address) =>
    created.find((receipt) => receipt.contractAddress?.toLowerCase() === address.toLowerCase())?.blockNumber;
  const blocks: AuroruneDeployment["blocks"] = {};
  for (const [name, address] of Object.entries({ aurunesToken, runeRegistry, revenueDistributor, stablecoin, multicall3 })) {
    const block = address === undefined ? undefined : blockOf(address);
    if (block !== undefined) blocks[name as keyof AuroruneContracts] = Number(block);
  }

  // Phase 2: wiring. These calls need GOVERNOR_ROLE, which the deployer holds only when it is the admin.
  const wired = admin.toLowerCase() === deployer.toLowerCase();
  const allowedTokens: Address[] = [zeroAddress, aurunesToken, stablecoin];
  if (wired) {
    batch.call(
      "RuneRegistry.setStakeLedger",
      runeRegistryAbi,
      runeRegistry,
      encodeFunctionData({ abi: runeRegistryAbi, functionName: "setStakeLedger", args: [revenueDistributor] }),
    );
    for (const token of allowedTokens) {
      batch.call(
        `RevenueDistributor.setTokenAllowed(${token})`,
        revenueDistributorAbi,
        revenueDistributor,
        encodeFunctionData({ abi: revenueDistributorAbi, functionName: "setTokenAllowed", args: [token, true] }),
      );
    }
    await batch.send();
  } else {
    log(`The admin ${admin} must still call registry.setStakeLedger and distributor.setTokenAllowed`);
  }

  const deployment: AuroruneDeployment = {
    generatedBy: GENERATED_BY,
    chainId,
    deploymentBlock: Math.min(...Object.values(blocks)),
    blocks,
    deployer,
    admin,
    contracts: { aurunesToken, runeRegistry, revenueDistributor, stablecoin, ...(multicall3 ? { multicall3 } : {}) },
    allowedTokens: wired ? allowedTokens : [],
    ...(priceFeeds ? { priceFeeds } : {}),
    parameters: {
      aurunesSupply: parameters.aurunesSupply.toString(),
      ruleDelay: parameters.ruleDelay,
      minStakersBps: parameters.minStakersBps,
      rewardWindow: parameters.rewardWindow,
      unbondingPeriod: parameters.unbondingPeriod,
      testStablecoin: givenStablecoin === undefined,
    },
  };

  const dir = options.deploymentsDir === undefined ? DEFAULT_DEPLOYMENTS_DIR : options.deploymentsDir;
  if (dir !== null) {
    const file = writeDeployment(dir, deployment);
    log(`Wrote ${path.relative(process.cwd(), file) || file}`);
  }
  return deployment;
}

/** Writes `<dir>/<chainId>.json` atomically and returns its path. */
export function writeDeployment(dir: string, deployment: AuroruneDeployment): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${deployment.chainId}.json`);
  const scratch = `${file}.${process.pid}.tmp`;
  writeFileSync(scratch, `${JSON.stringify(deployment, null, 2)}\n`);
  renameSync(scratch, file);
  return file;
}

/** One line describing any failure of {@link deployAurorune}, without a stack. */
export function describeDeployFailure(error: unknown): string {
  if (error instanceof DeployError || error instanceof ArtifactError) return error.message;
  if (error instanceof HttpRequestError || error instanceof TimeoutError) {
    return `the RPC stopped answering (${shortMessageOf(error)})`;
  }
  return shortMessageOf(error);
}

/**
 * Queues transactions with consecutive nonces and sends them as one batch: every gas estimate first (so a
 * transaction that would revert stops the batch, with its decoded custom error, before anything is sent),
 * then every transaction back to back without waiting for receipts, then all receipts together.
 */
class TransactionBatch {
  #nonce = 0;
  #queued: { label: string; abi: Abi; request: { to?: Address; data: Hex }; expectedAddress?: Address }[] = [];

  constructor(
    private readonly walletClient: WalletClient<Transport, Chain, Account>,
    private readonly publicClient: PublicClient<Transport, Chain>,
  ) {}

  async init(): Promise<void> {
    const address = this.walletClient.account.address;
    this.#nonce = await this.publicClient.getTransactionCount({ address, blockTag: "pending" });
  }

  /** Queues a contract creation and returns the address it will have. */
  deploy(label: string, abi: Abi, data: Hex): Address {
    const from = this.walletClient.account.address;
    const nonce = this.#nonce + this.#queued.length;
    const expectedAddress = getContractAddress({ from, nonce: BigInt(nonce) });
    this.#queued.push({ label, abi, request: { data }, expectedAddress });
    return expectedAddress;
  }

  /** Queues a call to a contract. */
  call(label: string, abi: Abi, to: Address, data: Hex): void {
    this.#queued.push({ label, abi, request: { to, data } });
  }

  /** Sends the queued transactions and waits for them; fails if any would revert or did. */
  async send(): Promise<TransactionReceipt[]> {
    const queued = this.#queued;
    this.#queued = [];
    const { account, chain } = this.walletClient;

    const gasLimits = await Promise.all(
      queued.map(({ label, abi, request }) =>
        this.publicClient.estimateGas({ account, ...request }).catch((error: unknown) => {
          throw new DeployError(`${label} would fail: ${revertReason(error, abi)}`);
        }),
      ),
    );

    const hashes: Hash[] = [];
    for (const [index, { label, request }] of queued.entries()) {
      // 20% headroom over the estimate; unused gas is not charged.
      const gas = ((gasLimits[index] ?? 0n) * 6n) / 5n;
      try {
        hashes.push(await this.walletClient.sendTransaction({ account, chain, ...request, gas, nonce: this.#nonce }));
      } catch (error) {
        throw new DeployError(`${label} failed: ${shortMessageOf(error)}`);
      }
      this.#nonce += 1;
    }

    const receipts = await Promise.all(
      hashes.map((hash) => this.publicClient.waitForTransactionReceipt({ hash, timeout: 300_000 })),
    );
    for (const [index, receipt] of receipts.entries()) {
      const { label, expectedAddress } = queued[index] as (typeof queued)[number];
      if (receipt.status !== "success") throw new DeployError(`${label} reverted (transaction ${receipt.transactionHash})`);
      if (expectedAddress !== undefined && receipt.contractAddress?.toLowerCase() !== expectedAddress.toLowerCase()) {
        throw new DeployError(`${label} landed at ${receipt.contractAddress}, not the expected ${expectedAddress}`);
      }
    }
    return receipts;
  }
}

/** The custom error a failed estimate carries, decoded with the contract's ABI, or viem's short message. */
function revertReason(error: unknown, abi: Abi): string {
  if (error instanceof BaseError) {
    // The revert data sits on the innermost RPC error (RpcRequestError or RawContractError).
    const carrier = error.walk((cause) => revertData(cause) !== undefined);
    const data = revertData(carrier);
    if (data !== undefined) {
      try {
        const decoded = decodeErrorResult({ abi, data });
        return `${decoded.errorName}(${(decoded.args ?? []).map(String).join(", ")})`;
      } catch {
        // Not one of the contract's errors: fall through to viem's message.
      }
    }
  }
  return shortMessageOf(error);
}

function revertData(error: unknown): Hex | undefined {
  if (typeof error !== "object" || error === null || !("data" in error)) return undefined;
  const { data } = error;
  return typeof data === "string" && isHex(data) && data.length >= 10 ? data : undefined;
}

/** On the local chain, the node's first unlocked account; elsewhere a key is required. */
async function localDefaultAccount(chain: Chain, transport: Transport, isLocal: boolean): Promise<Address> {
  if (!isLocal) {
    throw new DeployError(`DEPLOYER_PRIVATE_KEY is required to deploy to chain ${chain.id} (not the local chain)`);
  }
  const accounts = await createWalletClient({ chain, transport }).getAddresses();
  const first = accounts[0];
  if (first === undefined) throw new DeployError("the local node has no unlocked account: set DEPLOYER_PRIVATE_KEY");
  return first;
}

function envPrivateKeyAccount(env: Readonly<Record<string, string | undefined>>): Account | undefined {
  const raw = env.DEPLOYER_PRIVATE_KEY?.trim();
  if (raw === undefined || raw === "") return undefined;
  const key = raw.startsWith("0x") ? raw : `0x${raw}`;
  if (!/^0x[0-9a-fA-F]{64}$/.test(key)) {
    throw new DeployError("DEPLOYER_PRIVATE_KEY is malformed: expected 32 bytes of hex (64 hex digits, 0x optional)");
  }
  try {
    return privateKeyToAccount(key as `0x${string}`);
  } catch {
    throw new DeployError("DEPLOYER_PRIVATE_KEY is not a valid secp256k1 private key");
  }
}

function checkRpcUrl(rpcUrl: string): string {
  let url: URL;
  try {
    url = new URL(rpcUrl);
  } catch {
    throw new DeployError(`the RPC URL "${rpcUrl}" is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new DeployError(`the RPC URL "${rpcUrl}" must start with http:// or https://`);
  }
  return rpcUrl;
}

function checkParameters(parameters: {
  aurunesSupply: bigint;
  ruleDelay: number;
  minStakersBps: number;
  rewardWindow: number;
  unbondingPeriod: number;
}): void {
  if (parameters.aurunesSupply <= 0n) throw new DeployError("the AURUNES supply must be positive");
  const uint48Max = 2 ** 48 - 1;
  for (const name of ["ruleDelay", "rewardWindow", "unbondingPeriod"] as const) {
    const value = parameters[name];
    if (!Number.isSafeInteger(value) || value <= 0 || value > uint48Max) {
      throw new DeployError(`${name} must be a positive whole number of seconds (got ${value})`);
    }
  }
  if (parameters.unbondingPeriod > parameters.ruleDelay) {
    throw new DeployError(
      `unbondingPeriod (${parameters.unbondingPeriod} s) must not exceed ruleDelay (${parameters.ruleDelay} s): stakers must be able to leave before a split change applies`,
    );
  }
  const bps = parameters.minStakersBps;
  if (!Number.isSafeInteger(bps) || bps < 0 || bps > 10_000) {
    throw new DeployError(`minStakersBps must be a whole number from 0 to 10000 (got ${bps})`);
  }
}

function envInteger(env: Readonly<Record<string, string | undefined>>, name: string): number | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return undefined;
  if (!/^\d+$/.test(raw)) throw new DeployError(`${name} must be a whole number (got "${raw}")`);
  return Number(raw);
}

function envTokens(env: Readonly<Record<string, string | undefined>>, name: string): bigint | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return undefined;
  if (!/^\d+(\.\d{1,18})?$/.test(raw)) throw new DeployError(`${name} must be an amount of whole tokens (got "${raw}")`);
  return parseUnits(raw, 18);
}

function envAddress(env: Readonly<Record<string, string | undefined>>, name: string): Address | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return undefined;
  if (!isAddress(raw, { strict: false })) throw new DeployError(`${name} is not an address (got "${raw}")`);
  return raw;
}

function shortMessageOf(error: unknown): string {
  if (error instanceof BaseError) return error.shortMessage.split("\n")[0] ?? error.name;
  if (error instanceof Error) return error.message.split("\n")[0] ?? error.name;
  return String(error);
}

/** CLI: `tsx scripts/deploy.ts [--rpc URL]`. */
async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { rpc: { type: "string" }, help: { type: "boolean", short: "h" } },
    strict: true,
  });
  if (values.help) {
    console.log("Usage: tsx scripts/deploy.ts [--rpc URL]   (env: RPC_URL, DEPLOYER_PRIVATE_KEY, ... see the file header)");
    return;
  }
  const rpcUrl = values.rpc ?? process.env.RPC_URL ?? "http://127.0.0.1:8545";
  const started = Date.now();
  const deployment = await deployAurorune({ rpcUrl, log: (line) => console.log(line) });
  for (const [name, address] of Object.entries(deployment.contracts)) console.log(`  ${name.padEnd(19)} ${address}`);
  for (const [token, feed] of Object.entries(deployment.priceFeeds ?? {})) {
    console.log(`  ${"price feed".padEnd(19)} ${feed} (USD per ${token === zeroAddress ? "ETH" : token})`);
  }
  console.log(
    `Deployed on chain ${deployment.chainId} from block ${deployment.deploymentBlock} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`deploy: ${describeDeployFailure(error)}`);
    process.exit(1);
  });
}
