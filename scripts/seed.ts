/**
 * Seeds a living demo economy on a freshly deployed local chain: agents with distinct splits and infra sets,
 * stakers, a few hundred payments in ETH, AURUNES and the 6-decimal stablecoin spread over ~90 days of chain
 * time (including collaborative ones), claims already made, an unbonding stake, a pending split proposal
 * with a veto, and a suspended rune. Receipts are signed by each agent's own key through lib/receipts/,
 * the same path a real agent uses.
 *
 * Speed: automine is off; each simulated day's transactions are sent with explicit nonces and gas, then
 * mined together in one block at that day's timestamp (anvil stalls on thousands of one-tx blocks).
 *
 * Long history: `--payments N` adds N payments spread over the agents, tokens and days (scripts/seed-payments.ts);
 * without it the demo is exactly the same as ever.
 *
 * CLI: `tsx scripts/seed.ts [--rpc URL] [--payments N]` after `npm run deploy` on a chain started in the past
 * (`npm run dev` does all of this).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  type Abi,
  type Address,
  type Hex,
  type PublicClient,
  createPublicClient,
  encodeFunctionData,
  http,
  maxUint256,
  parseEther,
  parseUnits,
  zeroAddress,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import {
  aurunesTokenAbi,
  devPriceFeedAbi,
  revenueDistributorAbi,
  runeRegistryAbi,
  testStablecoinAbi,
} from "../contracts-abi/generated";
import { anvilAccount } from "../lib/anvil-accounts";
import type { CollaborativeReceipt, ServiceReceipt } from "../lib/receipts/eip712";
import { serviceIdFrom } from "../lib/receipts/service-id";
import { signCollaborativeReceipt, signServiceReceipt } from "../lib/receipts/sign";
import type { AuroruneDeployment } from "./deploy";
import { projectRoot } from "./lib/artifacts";
import { type DemoAgent, demoAgents, demoMetadataURI, demoSignerKey } from "./seed-agents";
import { ExtraPayments, MAX_EXTRA_PAYMENTS } from "./seed-payments";
import { demoAnswer } from "./seed-prices";

/** Days of history the seed writes; the chain must start at least this long ago. */
export const SEED_HISTORY_DAYS = 90;
const DAY = 86_400n;
const TX_GAS = 1_500_000n;
const ROLES = {
  governor: 0,
  payers: [4, 5, 6],
  stakers: [0, 7, 8, 9, 10, 11, 12, 13, 14],
} as const;


/** What the seed created, for the dev banner and the e2e tests. */
export interface SeedSummary {
  runes: Record<string, Hex>;
  /** Every payment, extra ones included. */
  payments: number;
  /** Of which added by `extraPayments`. */
  extraPayments: number;
  transactions: number;
  seconds: number;
}

interface PendingTx {
  from: Address;
  to: Address;
  data: Hex;
  value?: bigint;
  label: string;
}

/** Deterministic pseudo-random numbers (mulberry32), so every fresh chain gets the same history. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Sends batches of transactions from unlocked accounts and mines each batch in one block. */
class Batcher {
  private readonly nonces = new Map<Address, number>();
  private queue: PendingTx[] = [];
  transactions = 0;

  constructor(
    private readonly client: PublicClient,
    private readonly rpcUrl: string,
  ) {}

  call(from: Address, to: Address, abi: Abi, functionName: string, args: readonly unknown[], label: string, value?: bigint) {
    this.queue.push({ from, to, data: encodeFunctionData({ abi, functionName, args }), value, label });
  }

  /** Sends everything queued and mines it in one block at `timestamp`; throws if any transaction reverted. */
  async mine(timestamp: bigint): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const hashes: Hex[] = [];
    for (const tx of batch) {
      const nonce = await this.nonce(tx.from);
      const hash = await this.rpc<Hex>("eth_sendTransaction", [
        {
          from: tx.from,
          to: tx.to,
          data: tx.data,
          value: tx.value ? `0x${tx.value.toString(16)}` : undefined,
          gas: `0x${TX_GAS.toString(16)}`,
          nonce: `0x${nonce.toString(16)}`,
        },
      ]);
      this.nonces.set(tx.from, nonce + 1);
      hashes.push(hash);
    }
    await this.rpc("evm_setNextBlockTimestamp", [Number(timestamp)]);
    await this.rpc("evm_mine", []);
    const receipts = await Promise.all(hashes.map((hash) => this.client.getTransactionReceipt({ hash })));
    receipts.forEach((receipt, index) => {
      if (receipt.status !== "success") throw new Error(`seed transaction reverted: ${batch[index]?.label}`);
    });
    this.transactions += batch.length;
  }

  private async nonce(account: Address): Promise<number> {
    const known = this.nonces.get(account);
    if (known !== undefined) return known;
    const count = await this.client.getTransactionCount({ address: account, blockTag: "latest" });
    this.nonces.set(account, count);
    return count;
  }

  async rpc<T>(method: string, params: unknown[]): Promise<T> {
    const response = await fetch(this.rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    });
    const body = (await response.json()) as { result?: T; error?: { message: string } };
    if (body.error) throw new Error(`${method}: ${body.error.message}`);
    return body.result as T;
  }
}

/**
 * Seeds the demo economy. The chain's latest block must be at least {@link SEED_HISTORY_DAYS} days before
 * `endAt`; history is written up to `endAt` (default: now).
 */
export async function seedDemo(options: {
  rpcUrl: string;
  deployment: AuroruneDeployment;
  endAt?: bigint;
  log?: (line: string) => void;
  /** Payments to add on top of the demo's own (long history). Default 0. */
  extraPayments?: number;
  /** Called after each day of extra payments with how many are written so far. */
  progress?: (done: number, total: number) => void;
}): Promise<SeedSummary> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const { contracts, chainId } = options.deployment;
  const client = createPublicClient({ transport: http(options.rpcUrl, { batch: true }) }) as PublicClient;
  const batcher = new Batcher(client, options.rpcUrl);
  const rand = random(0xa0e0);
  const distributor = contracts.revenueDistributor;
  const governor = anvilAccount(ROLES.governor);
  const endAt = options.endAt ?? BigInt(Math.floor(Date.now() / 1000));
  const latest = await client.getBlock();
  const startAt = endAt - BigInt(SEED_HISTORY_DAYS) * DAY;
  if (latest.timestamp > startAt) {
    throw new Error(`the chain starts too late for ${SEED_HISTORY_DAYS} days of history (start anvil with --timestamp)`);
  }
  // One answer per feed per seeded day, written by the feeds' owner (the deployer), the last one in the seed's
  // last block: the prices are fresh at the seeded chain's "now", whatever the time travel.
  const feeds = Object.entries(options.deployment.priceFeeds ?? {}) as [Address, Address][];
  const writePrices = (day: number) => {
    for (const [token, feed] of feeds) {
      const answer = demoAnswer(token, day, SEED_HISTORY_DAYS, contracts);
      if (answer !== undefined) {
        batcher.call(options.deployment.deployer, feed, devPriceFeedAbi, "setAnswer", [answer], `price of ${token} on day ${day}`);
      }
    }
  };
  if (feeds.length === 0) log("no price feeds in the deployment: USD values will read \"price unavailable\"");
  const extraCount = options.extraPayments ?? 0;
  if (!Number.isSafeInteger(extraCount) || extraCount < 0 || extraCount > MAX_EXTRA_PAYMENTS) {
    throw new SeedOptionError(`extra payments must be a whole number from 0 to ${MAX_EXTRA_PAYMENTS} (got ${extraCount})`);
  }
  const signers = new Map(demoAgents.map((agent) => [agent.slug, privateKeyToAccount(demoSignerKey(agent.slug))]));
  let extras: ExtraPayments | undefined;
  await batcher.rpc("evm_setAutomine", [false]);
  try {
    // Day 0: agents, balances, approvals, stakes.
    const runes: Record<string, Hex> = {};
    for (const agent of demoAgents) {
      const developer = anvilAccount(agent.developer);
      const signer = privateKeyToAccount(demoSignerKey(agent.slug)).address;
      const salt = serviceIdFrom(agent.slug);
      // The rune is known before registering, so the registration file can name it (ERC-8004 `registrations`).
      const rune = await client.readContract({
        address: contracts.runeRegistry,
        abi: runeRegistryAbi,
        functionName: "computeRune",
        args: [developer, salt],
      });
      runes[agent.slug] = rune;
      const uri = demoMetadataURI(agent, { rune, chainId, registry: contracts.runeRegistry });
      batcher.call(developer, contracts.runeRegistry, runeRegistryAbi, "registerAgent", [
        salt,
        signer,
        uri,
        agent.split,
        agent.infra.map((share) => anvilAccount(share.account)),
        agent.infra.map((share) => share.weightBps),
      ], `register ${agent.slug}`);
    }
    for (const payer of ROLES.payers.map(anvilAccount)) {
      batcher.call(governor, contracts.aurunesToken, aurunesTokenAbi, "transfer", [payer, parseEther("200000")], "fund payer");
      batcher.call(governor, contracts.stablecoin, testStablecoinAbi, "mint", [payer, parseUnits("500000", 6)], "mint tUSD");
      batcher.call(payer, contracts.aurunesToken, aurunesTokenAbi, "approve", [distributor, maxUint256], "approve AURUNES");
      batcher.call(payer, contracts.stablecoin, testStablecoinAbi, "approve", [distributor, maxUint256], "approve tUSD");
    }
    for (const staker of ROLES.stakers.map(anvilAccount)) {
      if (staker !== governor) {
        batcher.call(governor, contracts.aurunesToken, aurunesTokenAbi, "transfer", [staker, parseEther("100000")], "fund staker");
      }
      batcher.call(staker, contracts.aurunesToken, aurunesTokenAbi, "approve", [distributor, maxUint256], "approve stake");
    }
    writePrices(0);
    await batcher.mine(startAt);

    // Stakes: every staker backs two or three agents with different amounts (the suspended one included).
    const stakeable = demoAgents.filter((agent) => agent.slug !== "yggdrasil-route"); // one agent nobody stakes on
    ROLES.stakers.forEach((index, n) => {
      const staker = anvilAccount(index);
      for (let k = 0; k < 2 + (n % 2); k++) {
        const agent = stakeable[(n + k * 2) % stakeable.length] as DemoAgent;
        const amount = parseEther(String(500 + Math.floor(rand() * 20) * 250));
        batcher.call(staker, distributor, revenueDistributorAbi, "stake", [runes[agent.slug], amount], `stake ${agent.slug}`);
      }
    });
    await batcher.mine(startAt + 3_600n);

    if (extraCount > 0) {
      extras = new ExtraPayments({
        rpcUrl: options.rpcUrl,
        count: extraCount,
        days: SEED_HISTORY_DAYS,
        startAt,
        chainId,
        contracts,
        governor,
        agents: demoAgents,
        runes,
        signers,
        progress: (done) => options.progress?.(done, extraCount),
      });
      await extras.prepare();
      for (const call of extras.setupCalls()) {
        batcher.call(call.from, call.to, call.abi, call.functionName, call.args, call.label);
      }
      await batcher.mine(startAt + 7_200n);
    }

    // 90 days of paid services.
    const weighted = demoAgents.flatMap((agent) => Array.from({ length: agent.popularity }, () => agent));
    const tokens = [
      { address: zeroAddress, amount: () => parseEther((0.005 + rand() * 0.25).toFixed(4)) },
      { address: contracts.aurunesToken, amount: () => parseEther(String(10 + Math.floor(rand() * 490))) },
      { address: contracts.stablecoin, amount: () => parseUnits((2 + rand() * 180).toFixed(2), 6) },
    ];
    let payments = 0;
    for (let day = 1; day <= SEED_HISTORY_DAYS; day++) {
      const dayStart = startAt + BigInt(day) * DAY;
      // Mined in the day's early hours, before the demo's own block of the day.
      await extras?.writeDay(day);
      const suspended = day >= 80;
      const perDay = 3 + Math.floor(rand() * 4);
      for (let i = 0; i < perDay; i++) {
        const agent = weighted[Math.floor(rand() * weighted.length)] as DemoAgent;
        if (suspended && agent.slug === "loki-sandbox") continue;
        const payer = anvilAccount(ROLES.payers[Math.floor(rand() * ROLES.payers.length)] as number);
        const token = tokens[Math.floor(rand() * tokens.length)] as (typeof tokens)[number];
        const receipt: ServiceReceipt = {
          rune: runes[agent.slug] as Hex,
          serviceId: serviceIdFrom(`${agent.slug}/day-${day}/job-${i}`),
          payer,
          token: token.address,
          amount: token.amount(),
          deadline: dayStart + DAY,
        };
        const signature = await signServiceReceipt({ signer: signers.get(agent.slug)!, receipt, chainId, distributor });
        batcher.call(payer, distributor, revenueDistributorAbi, "pay", [receipt, signature], `pay ${agent.slug}`,
          token.address === zeroAddress ? receipt.amount : undefined);
        payments++;
      }
      if (day % 9 === 0) {
        // A job done by several agents together, paid once and split by weight.
        const team = day % 18 === 0 ? ["oracle-of-mimir", "skald-translate", "valkyrie-vision"] : ["runesmith-audit", "oracle-of-mimir"];
        const weightsBps = team.length === 3 ? [5_000, 3_000, 2_000] : [6_000, 4_000];
        const payer = anvilAccount(ROLES.payers[day % ROLES.payers.length] as number);
        const receipt: CollaborativeReceipt = {
          serviceId: serviceIdFrom(`team/day-${day}`),
          runes: team.map((slug) => runes[slug] as Hex),
          weightsBps,
          payer,
          token: contracts.stablecoin,
          amount: parseUnits((50 + rand() * 400).toFixed(2), 6),
          deadline: dayStart + DAY,
        };
        const signatures = await Promise.all(
          team.map((slug) => signCollaborativeReceipt({ signer: signers.get(slug)!, receipt, chainId, distributor })),
        );
        batcher.call(payer, distributor, revenueDistributorAbi, "payCollaborative", [receipt, signatures], `team ${day}`);
        payments++;
      }
      if (day === 45) {
        // Some stakers and developers already claimed.
        const allRunes = Object.values(runes);
        const allTokens = [zeroAddress, contracts.aurunesToken, contracts.stablecoin];
        for (const index of [7, 9, 12]) {
          batcher.call(anvilAccount(index), distributor, revenueDistributorAbi, "claim", [allRunes, allTokens], "staker claim");
        }
        batcher.call(anvilAccount(1), distributor, revenueDistributorAbi, "claimDeveloper", [runes["oracle-of-mimir"], allTokens], "dev claim");
        batcher.call(anvilAccount(15), distributor, revenueDistributorAbi, "claimInfra", [allTokens], "infra claim");
      }
      if (day === 80) {
        batcher.call(governor, contracts.runeRegistry, runeRegistryAbi, "suspend", [runes["loki-sandbox"]], "suspend loki");
      }
      if (day === 86) {
        // One stake unbonding.
        batcher.call(anvilAccount(7), distributor, revenueDistributorAbi, "requestUnstake", [runes["skald-translate"], parseEther("250")], "unstake");
      }
      if (day === 88) {
        // A pending split proposal: more for the developer, less for stakers.
        batcher.call(anvilAccount(2), contracts.runeRegistry, runeRegistryAbi, "proposeSplit", [
          runes["valkyrie-vision"],
          { developerBps: 4_500, infraBps: 2_500, stakersBps: 3_000 },
          [anvilAccount(17), anvilAccount(16)],
          [7_000, 3_000],
        ], "propose split");
      }
      if (day === 89) {
        // A veto in progress from one of its stakers.
        const vetoer = await firstStakerOf(client, distributor, runes["valkyrie-vision"] as Hex);
        if (vetoer) batcher.call(vetoer, distributor, revenueDistributorAbi, "vetoSplitProposal", [runes["valkyrie-vision"]], "veto");
      }
      writePrices(day);
      await batcher.mine(dayStart + BigInt(Math.floor(rand() * 20_000)) + 36_000n);
      if (day % 30 === 0) log(`seeded day ${day} of ${SEED_HISTORY_DAYS}`);
    }
    const extraPayments = extras?.done ?? 0;
    return {
      runes,
      payments: payments + extraPayments,
      extraPayments,
      transactions: batcher.transactions + extraPayments,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await extras?.release();
    await batcher.rpc("evm_setAutomine", [true]);
  }
}

/** A bad seed option (the CLI exits with code 2). */
export class SeedOptionError extends Error {
  override name = "SeedOptionError";
}

/**
 * Parses the value of `--payments`: a whole number from 0 to {@link MAX_EXTRA_PAYMENTS}, digits with optional
 * `_` or `,` separators ("10000", "10_000", "10,000").
 */
export function parsePaymentsOption(text: string | undefined): number {
  if (text === undefined) return 0;
  const digits = text.trim().replace(/[_,]/g, "");
  if (!/^\d+$/.test(digits) || Number(digits) > MAX_EXTRA_PAYMENTS) {
    throw new SeedOptionError(`--payments must be a whole number from 0 to ${MAX_EXTRA_PAYMENTS.toLocaleString("en-US")} (got "${text}")`);
  }
  return Number(digits);
}

/** Renders extra-payment progress: one line rewritten in place on a terminal, a line per tenth otherwise. */
export function progressPrinter(prefix = ""): (done: number, total: number) => void {
  const started = Date.now();
  let lastTenth = -1;
  return (done, total) => {
    const elapsed = ((Date.now() - started) / 1000).toFixed(1);
    const line = `${prefix}extra payments ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} (${elapsed} s)`;
    if (process.stdout.isTTY) {
      process.stdout.write(`\r${line}${done === total ? "\n" : ""}`);
    } else if (Math.floor((done * 10) / total) > lastTenth) {
      lastTenth = Math.floor((done * 10) / total);
      console.log(line);
    }
  };
}

/** The first seeded staker with active stake on `rune`. */
async function firstStakerOf(client: PublicClient, distributor: Address, rune: Hex): Promise<Address | undefined> {
  for (const index of ROLES.stakers) {
    const position = await client.readContract({
      address: distributor,
      abi: revenueDistributorAbi,
      functionName: "positionOf",
      args: [rune, anvilAccount(index)],
    });
    if (position.active > 0n) return anvilAccount(index);
  }
  return undefined;
}

async function main(): Promise<void> {
  let values: { rpc?: string; payments?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { rpc: { type: "string" }, payments: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
    }));
  } catch (error) {
    throw new SeedOptionError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log("Usage: tsx scripts/seed.ts [--rpc URL] [--payments N]   (N extra payments over the 90 days)");
    return;
  }
  const extraPayments = parsePaymentsOption(values.payments);
  const rpcUrl = values.rpc ?? process.env.RPC_URL ?? "http://127.0.0.1:8545";
  const client = createPublicClient({ transport: http(rpcUrl, { retryCount: 0 }) });
  const chainId = await client.getChainId().catch(() => {
    throw new Error(`no chain answers at ${rpcUrl}`);
  });
  const file = path.join(projectRoot, "contracts-abi", "deployments", `${chainId}.json`);
  const deployment = JSON.parse(readFileSync(file, "utf8")) as AuroruneDeployment;
  const summary = await seedDemo({ rpcUrl, deployment, log: console.log, extraPayments, progress: progressPrinter() });
  const extra = summary.extraPayments > 0 ? `, ${summary.extraPayments} of them extra` : "";
  console.log(`seeded ${summary.payments} payments${extra} (${summary.transactions} transactions) in ${summary.seconds.toFixed(1)} s`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    if (error instanceof SeedOptionError) {
      console.error(`seed: ${error.message.split("\n")[0]}`);
      process.exit(2);
    }
    console.error(`seed failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    process.exit(1);
  });
}
