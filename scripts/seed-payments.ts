/**
 * Long history for the seed (`npm run seed -- --payments N`): N payments on top of the demo economy, spread over
 * its agents (by popularity), its three tokens and its 90 days, about one in twenty of them collaborative.
 *
 * Speed: the payers are impersonated addresses of their own (anvil signs for them, so no key and no signing in
 * JavaScript but the agents' receipts), with nonces counted here; each day's payments are sent as JSON-RPC batches
 * of transactions and mined a few hundred per block at that day's early hours, before the demo's own block of the
 * day, so chain time only moves forward. Every receipt is checked.
 *
 * Randomness is its own (not the demo's), so the demo's payments stay exactly as they are with or without extras.
 */
import {
  type Abi,
  type Address,
  type Hex,
  encodeFunctionData,
  keccak256,
  maxUint256,
  parseEther,
  parseUnits,
  toHex,
  zeroAddress,
} from "viem";
import type { PrivateKeyAccount } from "viem/accounts";
import { aurunesTokenAbi, revenueDistributorAbi, testStablecoinAbi } from "../contracts-abi/generated";
import type { CollaborativeReceipt, ServiceReceipt } from "../lib/receipts/eip712";
import { serviceIdFrom } from "../lib/receipts/service-id";
import { signCollaborativeReceipt, signServiceReceipt } from "../lib/receipts/sign";
import type { DemoAgent } from "./seed-agents";

/** Most extra payments one seed accepts (a sanity bound for the CLI; 10,000 takes about a minute). */
export const MAX_EXTRA_PAYMENTS = 1_000_000;

/** Payer addresses the extra payments come from. */
const PAYERS = 8;
/** Gas limits, well above the most these payments were seen to use (~230k single, ~470k for a 3-rune team). */
const PAY_GAS = 350_000n;
const TEAM_GAS = 800_000n;
/** Sum of gas limits per block, under anvil's 30M block gas limit (a block takes a transaction by its limit). */
const BLOCK_GAS = 29_000_000n;
/** Transactions per JSON-RPC batch request. */
const RPC_BATCH = 200;
const DAY = 86_400n;
/** Demo agent that governance suspends on day 80: no payment can reach it from then on. */
const SUSPENDED = { slug: "loki-sandbox", fromDay: 80 } as const;

/** A call the seed's own batcher sends (funding and approvals, mined with the demo's own transactions). */
export interface SetupCall {
  from: Address;
  to: Address;
  abi: Abi;
  functionName: string;
  args: readonly unknown[];
  label: string;
}

/** What {@link ExtraPayments} needs to know about the seeded chain. */
export interface ExtraPaymentsOptions {
  rpcUrl: string;
  /** How many extra payments. */
  count: number;
  /** Days of history, and the time of day 0. */
  days: number;
  startAt: bigint;
  chainId: number;
  contracts: { revenueDistributor: Address; aurunesToken: Address; stablecoin: Address };
  /** Who funds the payers (holds AURUNES and may mint the stablecoin). */
  governor: Address;
  agents: readonly DemoAgent[];
  runes: Readonly<Record<string, Hex>>;
  signers: ReadonlyMap<string, PrivateKeyAccount>;
  /** Called after every day with the running count. */
  progress?: (done: number, day: number) => void;
}

interface PendingPayment {
  data: Hex;
  value: bigint;
  gas: bigint;
  from: Address;
  label: string;
}

/** mulberry32: deterministic, so a given N gives the same history on every fresh chain. */
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

/** `size` distinct items drawn at random (a partial Fisher-Yates shuffle of a copy). */
function draw<T>(items: readonly T[], size: number, rand: () => number): T[] {
  const pool = [...items];
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(rand() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, size);
}

/** Writes the extra payments day by day; see the file header. */
export class ExtraPayments {
  readonly payers: Address[];
  #nonces = new Map<Address, number>();
  #rand = random(0x5eed_0bad);
  #done = 0;
  #rpcId = 0;

  constructor(private readonly options: ExtraPaymentsOptions) {
    this.payers = Array.from(
      { length: PAYERS },
      (_, i) => `0x${keccak256(toHex(`aurorune seed extra payer ${i}`)).slice(-40)}` as Address,
    );
  }

  /** Payments written so far. */
  get done(): number {
    return this.#done;
  }

  /** Lets anvil sign for the payers and gives them ETH (node state, not transactions). */
  async prepare(): Promise<void> {
    for (const payer of this.payers) {
      await this.#rpc("anvil_impersonateAccount", [payer]);
      await this.#rpc("anvil_setBalance", [payer, toHex(parseEther("1000000"))]);
    }
  }

  /** Stops impersonating the payers. */
  async release(): Promise<void> {
    for (const payer of this.payers) await this.#rpc("anvil_stopImpersonatingAccount", [payer]);
  }

  /**
   * Tokens and approvals for the payers, for the seed's batcher to send before day 1: enough AURUNES and
   * stablecoin for the largest amounts every payment could draw (500 each).
   */
  setupCalls(): SetupCall[] {
    const { contracts, governor } = this.options;
    const perPayer = BigInt(Math.ceil(this.options.count / PAYERS)) * 500n;
    return this.payers.flatMap((payer): SetupCall[] => [
      { from: governor, to: contracts.aurunesToken, abi: aurunesTokenAbi, functionName: "transfer", args: [payer, parseEther(perPayer.toString())], label: "fund extra payer" },
      { from: governor, to: contracts.stablecoin, abi: testStablecoinAbi, functionName: "mint", args: [payer, parseUnits(perPayer.toString(), 6)], label: "mint tUSD for extra payer" },
      { from: payer, to: contracts.aurunesToken, abi: aurunesTokenAbi, functionName: "approve", args: [contracts.revenueDistributor, maxUint256], label: "extra payer approves AURUNES" },
      { from: payer, to: contracts.stablecoin, abi: testStablecoinAbi, functionName: "approve", args: [contracts.revenueDistributor, maxUint256], label: "extra payer approves tUSD" },
    ]);
  }

  /** How many extra payments fall on `day` (1 … days): an even spread, exactly `count` in total. */
  countOn(day: number): number {
    const { count, days } = this.options;
    return Math.floor((count * day) / days) - Math.floor((count * (day - 1)) / days);
  }

  /**
   * Sends and mines `day`'s extra payments in blocks stamped from `dayStart` + 10 minutes, every 10 minutes
   * (the demo's own block of the day comes at least 10 hours after `dayStart`).
   */
  async writeDay(day: number): Promise<void> {
    const dayStart = this.options.startAt + BigInt(day) * DAY;
    const payments = await this.#paymentsOn(day, dayStart);
    let block = 0;
    for (let first = 0; first < payments.length; ) {
      let gas = 0n;
      let last = first;
      while (last < payments.length && gas + payments[last]!.gas <= BLOCK_GAS) gas += payments[last++]!.gas;
      await this.#mineBlock(payments.slice(first, last), dayStart + 600n * BigInt(++block));
      first = last;
    }
    this.#done += payments.length;
    this.options.progress?.(this.#done, day);
  }

  async #paymentsOn(day: number, dayStart: bigint): Promise<PendingPayment[]> {
    const { agents, runes, signers, chainId, contracts } = this.options;
    const distributor = contracts.revenueDistributor;
    const open = agents.filter((agent) => !(agent.slug === SUSPENDED.slug && day >= SUSPENDED.fromDay));
    const weighted = open.flatMap((agent) => Array.from({ length: agent.popularity }, () => agent));
    const rand = this.#rand;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
    const tokens = [
      { address: zeroAddress, amount: () => parseEther((0.005 + rand() * 0.25).toFixed(4)) },
      { address: contracts.aurunesToken, amount: () => parseEther(String(10 + Math.floor(rand() * 490))) },
      { address: contracts.stablecoin, amount: () => parseUnits((2 + rand() * 180).toFixed(2), 6) },
    ];
    const payments: PendingPayment[] = [];
    for (let job = 0; job < this.countOn(day); job++) {
      const payer = this.payers[(day * 7 + job) % this.payers.length] as Address;
      const token = pick(tokens);
      const deadline = dayStart + DAY;
      if (rand() < 0.05) {
        // A job several agents did together: 2 or 3 distinct agents, weights summing to 10,000.
        const team = draw(open, rand() < 0.5 ? 2 : 3, rand);
        const weightsBps = team.length === 2 ? [6_000, 4_000] : [5_000, 3_000, 2_000];
        const receipt: CollaborativeReceipt = {
          serviceId: serviceIdFrom(`extra/team/day-${day}/job-${job}`),
          runes: team.map((agent) => runes[agent.slug] as Hex),
          weightsBps,
          payer,
          token: token.address,
          amount: token.amount(),
          deadline,
        };
        const signatures = await Promise.all(
          team.map((agent) => signCollaborativeReceipt({ signer: signers.get(agent.slug)!, receipt, chainId, distributor })),
        );
        payments.push({
          from: payer,
          data: encodeFunctionData({ abi: revenueDistributorAbi, functionName: "payCollaborative", args: [receipt, signatures] }),
          value: token.address === zeroAddress ? receipt.amount : 0n,
          gas: TEAM_GAS,
          label: `extra team payment, day ${day}`,
        });
      } else {
        const agent = pick(weighted);
        const receipt: ServiceReceipt = {
          rune: runes[agent.slug] as Hex,
          serviceId: serviceIdFrom(`extra/${agent.slug}/day-${day}/job-${job}`),
          payer,
          token: token.address,
          amount: token.amount(),
          deadline,
        };
        const signature = await signServiceReceipt({ signer: signers.get(agent.slug)!, receipt, chainId, distributor });
        payments.push({
          from: payer,
          data: encodeFunctionData({ abi: revenueDistributorAbi, functionName: "pay", args: [receipt, signature] }),
          value: token.address === zeroAddress ? receipt.amount : 0n,
          gas: PAY_GAS,
          label: `extra payment to ${agent.slug}, day ${day}`,
        });
      }
    }
    return payments;
  }

  /** Sends `payments` (explicit nonces and gas), mines them in one block at `timestamp` and checks every receipt. */
  async #mineBlock(payments: PendingPayment[], timestamp: bigint): Promise<void> {
    const to = this.options.contracts.revenueDistributor;
    // Nonces are read once, after the setup calls (sent by the seed's batcher) are mined, then counted here.
    const unknown = this.payers.filter((payer) => !this.#nonces.has(payer));
    if (unknown.length > 0) {
      const counts = await this.#rpcBatch<Hex>(unknown.map((payer) => ({ method: "eth_getTransactionCount", params: [payer, "latest"] })));
      unknown.forEach((payer, i) => this.#nonces.set(payer, Number(counts[i])));
    }
    const requests = payments.map((payment) => {
      const nonce = this.#nonces.get(payment.from) ?? 0;
      this.#nonces.set(payment.from, nonce + 1);
      return {
        method: "eth_sendTransaction",
        params: [{ from: payment.from, to, data: payment.data, value: toHex(payment.value), gas: toHex(payment.gas), nonce: toHex(nonce) }],
      };
    });
    const hashes: Hex[] = [];
    for (let i = 0; i < requests.length; i += RPC_BATCH) hashes.push(...(await this.#rpcBatch<Hex>(requests.slice(i, i + RPC_BATCH))));
    await this.#rpc("evm_setNextBlockTimestamp", [Number(timestamp)]);
    await this.#rpc("evm_mine", []);
    const receipts: ({ status: Hex; blockNumber: Hex } | null)[] = [];
    for (let i = 0; i < hashes.length; i += RPC_BATCH) {
      receipts.push(
        ...(await this.#rpcBatch<{ status: Hex; blockNumber: Hex } | null>(
          hashes.slice(i, i + RPC_BATCH).map((hash) => ({ method: "eth_getTransactionReceipt", params: [hash] })),
        )),
      );
    }
    receipts.forEach((receipt, i) => {
      // Not mined means the block was full: it would land in a later block at the wrong time.
      if (receipt === null) throw new Error(`seed: ${payments[i]?.label} was not mined in its block`);
      if (receipt.status !== "0x1") throw new Error(`seed transaction reverted: ${payments[i]?.label}`);
    });
  }

  async #rpc<T>(method: string, params: unknown[]): Promise<T> {
    const [result] = await this.#rpcBatch<T>([{ method, params }]);
    return result as T;
  }

  /** One HTTP request holding several JSON-RPC calls; results in call order. */
  async #rpcBatch<T>(calls: { method: string; params: unknown[] }[]): Promise<T[]> {
    const first = this.#rpcId;
    this.#rpcId += calls.length;
    const response = await fetch(this.options.rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(calls.map((call, i) => ({ jsonrpc: "2.0", id: first + i, ...call }))),
    });
    const replies = (await response.json()) as { id: number; result?: T; error?: { message: string } }[];
    const byId = new Map(replies.map((reply) => [reply.id, reply]));
    return calls.map((call, i) => {
      const reply = byId.get(first + i);
      if (reply === undefined) throw new Error(`${call.method}: no answer from the node`);
      if (reply.error) throw new Error(`${call.method}: ${reply.error.message}`);
      return reply.result as T;
    });
  }
}
