/**
 * RpcHistorySource against the real contracts on anvil (lib/test/anvil-setup.ts): payments sent here with receipts
 * signed through lib/receipt.ts, read back through the source and compared with the chain's own ServicePaid logs.
 * RPC traffic is counted by a transport wrapper, so the cache's reuse and rebuilds are seen, not assumed.
 */
import {
  type Address,
  type EIP1193RequestFn,
  type Hex,
  type PublicClient,
  RpcRequestError,
  type Transport,
  createPublicClient,
  createTestClient,
  createWalletClient,
  decodeFunctionData,
  defineChain,
  erc20Abi,
  hexToBigInt,
  http,
  keccak256,
  multicall3Abi,
  parseEther,
  parseUnits,
  stringToBytes,
  zeroAddress,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { aurunesTokenAbi, revenueDistributorAbi, runeRegistryAbi, testStablecoinAbi } from "../../../contracts-abi/generated";
import type { CollaborativeReceipt, ServiceReceipt } from "../../receipts/eip712";
import { serviceIdFrom } from "../../receipts/service-id";
import { signCollaborativeReceipt, signServiceReceipt } from "../../receipts/sign";
import type { PaymentPage, PaymentQuery, PaymentRow } from "../history-source";
import { RpcHistorySource, type RpcHistorySourceOptions } from "./rpc-history-source";

const rpcUrl = inject("anvilRpcUrl");
const { chainId, contracts, deploymentBlock, deployer } = inject("deployment");
const distributor = contracts.revenueDistributor;
const chain = defineChain({
  id: chainId,
  name: "Anvil",
  nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
  rpcUrls: { default: { http: [rpcUrl] } },
});
const publicClient = createPublicClient({ chain, transport: http(rpcUrl) }) as PublicClient;
const walletClient = createWalletClient({ chain, transport: http(rpcUrl) });
const testClient = createTestClient({ chain, mode: "anvil", transport: http(rpcUrl) });
const DAY = 86_400n;

/** What went over the wire: every JSON-RPC method and the eth_getLogs block ranges. */
interface Traffic {
  methods: string[];
  logRanges: { fromBlock: bigint; toBlock: bigint }[];
  calls: { to: Address; data: Hex }[];
  /** When set, eth_getLogs over more blocks than this fails the way public RPCs refuse wide ranges. */
  maxLogRange?: bigint;
  /** When set, eth_getLogs waits for it before going out (to hold a scan in flight). */
  gate?: Promise<void>;
}

/** A batching HTTP transport that records what it sends (and can refuse wide log ranges). */
function recordingTransport(traffic: Traffic): Transport {
  return (parameters) => {
    const inner = http(rpcUrl, { batch: true })(parameters);
    const request: EIP1193RequestFn = async (args) => {
      traffic.methods.push(args.method);
      if (args.method === "eth_getLogs") {
        const [filter] = args.params as [{ fromBlock: Hex; toBlock: Hex }];
        const range = { fromBlock: hexToBigInt(filter.fromBlock), toBlock: hexToBigInt(filter.toBlock) };
        if (traffic.maxLogRange !== undefined && range.toBlock - range.fromBlock + 1n > traffic.maxLogRange) {
          // What viem's HTTP transport throws when a node answers with a JSON-RPC error (Alchemy-style wording).
          throw new RpcRequestError({
            body: { method: args.method, params: args.params },
            error: { code: -32602, message: `query exceeds max block range ${traffic.maxLogRange}` },
            url: rpcUrl,
          });
        }
        traffic.logRanges.push(range);
        await traffic.gate;
      }
      if (args.method === "eth_call") {
        const [call] = args.params as [{ to: Address; data: Hex }];
        traffic.calls.push(call);
      }
      return inner.request(args);
    };
    return { ...inner, request };
  };
}

function newSource(options: Partial<RpcHistorySourceOptions> = {}, traffic?: Traffic): RpcHistorySource {
  const client = traffic ? (createPublicClient({ transport: recordingTransport(traffic) }) as PublicClient) : publicClient;
  return new RpcHistorySource(client, {
    contracts: { runeRegistry: contracts.runeRegistry, revenueDistributor: distributor, multicall3: contracts.multicall3! },
    deploymentBlock: BigInt(deploymentBlock),
    ...options,
  });
}

function emptyTraffic(): Traffic {
  return { methods: [], logRanges: [], calls: [] };
}

const signers = ["history gamma", "history delta", "history epsilon"].map((name) => privateKeyToAccount(keccak256(stringToBytes(`${name} signer`))));
let runes: Hex[] = [];
let payer: Address;
let nextTimestamp: bigint;
let paymentCount = 0;
let deadline: bigint;

async function mined(hash: Promise<Hex>): Promise<void> {
  const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash });
  expect(receipt.status).toBe("success");
}

/** Sends the next transaction at `nextTimestamp` (payments spread over days of chain time). */
async function atNextTime<T>(send: () => Promise<T>, step: bigint): Promise<T> {
  await testClient.setNextBlockTimestamp({ timestamp: nextTimestamp });
  nextTimestamp += step;
  return send();
}

async function pay(runeIndex: number, token: Address, amount: bigint, step = 3_600n): Promise<void> {
  const receipt: ServiceReceipt = {
    rune: runes[runeIndex]!,
    serviceId: serviceIdFrom(`history payment ${paymentCount++}`),
    payer,
    token,
    amount,
    deadline,
  };
  const signature = await signServiceReceipt({ signer: signers[runeIndex]!, receipt, chainId, distributor });
  await atNextTime(
    () =>
      mined(
        walletClient.writeContract({
          account: payer,
          address: distributor,
          abi: revenueDistributorAbi,
          functionName: "pay",
          args: [receipt, signature],
          value: token === zeroAddress ? amount : 0n,
        }),
      ),
    step,
  );
}

async function payTogether(runeIndexes: number[], weightsBps: number[], token: Address, amount: bigint): Promise<void> {
  const receipt: CollaborativeReceipt = {
    serviceId: serviceIdFrom(`history joint ${paymentCount++}`),
    runes: runeIndexes.map((i) => runes[i]!),
    weightsBps,
    payer,
    token,
    amount,
    deadline,
  };
  const signatures = await Promise.all(
    runeIndexes.map((i) => signCollaborativeReceipt({ signer: signers[i]!, receipt, chainId, distributor })),
  );
  await atNextTime(
    () =>
      mined(
        walletClient.writeContract({
          account: payer,
          address: distributor,
          abi: revenueDistributorAbi,
          functionName: "payCollaborative",
          args: [receipt, signatures],
          value: token === zeroAddress ? amount : 0n,
        }),
      ),
    3_600n,
  );
}

/** Every ServicePaid log read straight from the chain, newest first: the ground truth. */
async function chainPayments(filter: (row: PaymentRow) => boolean = () => true): Promise<PaymentRow[]> {
  const logs = await publicClient.getContractEvents({
    address: distributor,
    abi: revenueDistributorAbi,
    eventName: "ServicePaid",
    fromBlock: 0n,
    toBlock: "latest",
    strict: true,
  });
  return logs
    .map(
      ({ args, blockNumber, logIndex, transactionHash }): PaymentRow => ({
        blockNumber,
        logIndex,
        transactionHash,
        timestamp: Number(args.timestamp),
        rune: args.rune,
        serviceId: args.serviceId,
        payer: args.payer,
        token: args.token,
        amount: args.amount,
        developerAmount: args.developerAmount,
        infraAmount: args.infraAmount,
        stakersAmount: args.stakersAmount,
      }),
    )
    .filter(filter)
    .reverse();
}

/** Transactions that paid collaboratively, straight from the chain's CollaborativeServicePaid logs. */
async function chainJointTransactions(): Promise<Set<Hex>> {
  const logs = await publicClient.getContractEvents({
    address: distributor,
    abi: revenueDistributorAbi,
    eventName: "CollaborativeServicePaid",
    fromBlock: 0n,
    toBlock: "latest",
    strict: true,
  });
  return new Set(logs.map((log) => log.transactionHash));
}

/** A row without its collaborative details, for comparison with the logs. */
function bare(row: PaymentRow): Omit<PaymentRow, "collaborative"> {
  const { collaborative: _, ...rest } = row;
  return rest;
}

/** Follows `older` cursors from the newest page to the last; returns every page. */
async function allPages(source: RpcHistorySource, query: PaymentQuery): Promise<PaymentPage[]> {
  const pages = [await source.listPayments(query)];
  for (let page = pages[0]!; page.older; ) {
    page = await source.listPayments({ ...query, before: page.older, after: undefined });
    pages.push(page);
  }
  return pages;
}

// The chain is shared with the other anvil test files: leave it as it was found.
let before: Hex;
afterAll(async () => {
  await testClient.revert({ id: before });
});

beforeAll(async () => {
  before = await testClient.snapshot();
  const accounts = await walletClient.getAddresses();
  payer = accounts[5]!;
  const latest = await publicClient.getBlock();
  nextTimestamp = latest.timestamp + DAY;
  deadline = latest.timestamp + 400n * DAY;

  // Tokens for the payer: the 6-decimal stablecoin minted, AURUNES from the deployer's supply; both approved.
  const ownerOf = deployer as Address;
  await mined(walletClient.writeContract({ account: ownerOf, address: contracts.stablecoin, abi: testStablecoinAbi, functionName: "mint", args: [payer, parseUnits("1000000", 6)] }));
  await mined(walletClient.writeContract({ account: ownerOf, address: contracts.aurunesToken, abi: aurunesTokenAbi, functionName: "transfer", args: [payer, parseEther("100000")] }));
  for (const token of [contracts.stablecoin, contracts.aurunesToken]) {
    await mined(walletClient.writeContract({ account: payer, address: token, abi: erc20Abi, functionName: "approve", args: [distributor, 2n ** 255n] }));
  }

  runes = [];
  for (const [i, name] of ["history gamma", "history delta", "history epsilon"].entries()) {
    const developer = accounts[6 + i]!;
    const { result, request } = await publicClient.simulateContract({
      account: developer,
      address: contracts.runeRegistry,
      abi: runeRegistryAbi,
      functionName: "registerAgent",
      args: [
        keccak256(stringToBytes(name)),
        signers[i]!.address,
        `ipfs://aurorune-test/${name}.json`,
        { developerBps: 6_000, infraBps: 2_500, stakersBps: 1_500 },
        [accounts[9]!],
        [10_000],
      ],
    });
    await mined(walletClient.writeContract(request));
    runes.push(result);
  }

  // 36 single payments over 9 days (gamma three of four), three tokens, and three collaborative ones.
  const tokens = [zeroAddress, contracts.stablecoin, contracts.aurunesToken];
  const amounts = [parseEther("0.013"), parseUnits("12.345678", 6), parseEther("7.77")];
  for (let i = 0; i < 36; i++) {
    await pay(i % 4 === 3 ? 1 : 0, tokens[i % 3]!, amounts[i % 3]! + BigInt(i), i % 4 === 3 ? DAY - 3n * 3_600n : 3_600n);
    if (i === 10) await payTogether([0, 1], [6_000, 4_000], zeroAddress, parseEther("1") + 1n);
    if (i === 20) await payTogether([1, 0], [2_500, 7_500], contracts.stablecoin, parseUnits("100", 6) + 3n);
    if (i === 30) await payTogether([0, 1, 2], [3_334, 3_333, 3_333], contracts.aurunesToken, parseEther("10") + 2n);
  }
  // Push finality past the payments, so the cache has something to keep.
  await testClient.mine({ blocks: 70 });
}, 60_000);

describe("RpcHistorySource on anvil", () => {
  it("pages through one rune's payments: every row exactly once, newest first, both directions", async () => {
    const source = newSource();
    const expected = await chainPayments((row) => row.rune === runes[0]);
    expect(expected.length).toBeGreaterThan(27);

    const pages = await allPages(source, { rune: runes[0], pageSize: 7 });
    expect(pages.map((page) => page.rows.length)).toEqual(
      Array.from({ length: Math.ceil(expected.length / 7) }, (_, i) => Math.min(7, expected.length - 7 * i)),
    );
    expect(pages.flatMap((page) => page.rows).map(bare)).toEqual(expected);
    for (const page of pages) expect(page.total).toBe(expected.length);
    expect(pages[0]!.newer).toBeUndefined();
    expect(pages.at(-1)!.older).toBeUndefined();

    // Back from the last page with the `newer` cursors: the same pages, in reverse.
    const back = [pages.at(-1)!];
    while (back.at(-1)!.newer) back.push(await source.listPayments({ rune: runes[0], pageSize: 7, after: back.at(-1)!.newer }));
    expect(back.map((page) => page.rows)).toEqual([...pages].reverse().map((page) => page.rows));
  });

  it("narrows by token, time and kind exactly as the logs filtered the same way", async () => {
    const source = newSource();
    const all = await chainPayments((row) => row.rune === runes[0]);
    const from = all.at(-1)!.timestamp + 2 * Number(DAY);
    const to = from + 3 * Number(DAY);
    const joint = await chainJointTransactions();
    const isJoint = (row: PaymentRow) => joint.has(row.transactionHash);
    expect(all.filter(isJoint)).toHaveLength(3);
    const cases: [PaymentQuery, (row: PaymentRow) => boolean][] = [
      [{ token: contracts.stablecoin }, (row) => row.token === contracts.stablecoin],
      [{ token: zeroAddress, from }, (row) => row.token === zeroAddress && row.timestamp >= from],
      [{ from, to }, (row) => row.timestamp >= from && row.timestamp < to],
      [{ to }, (row) => row.timestamp < to],
      [{ collaborative: true }, isJoint],
      [{ collaborative: false, token: contracts.aurunesToken }, (row) => !isJoint(row) && row.token === contracts.aurunesToken],
    ];
    for (const [filter, keep] of cases) {
      const expected = all.filter(keep);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(all.length);
      const pages = await allPages(source, { rune: runes[0], pageSize: 4, ...filter });
      expect(pages.flatMap((page) => page.rows).map(bare)).toEqual(expected);
      expect(pages[0]!.total).toBe(expected.length);
    }
  });

  it("joins collaborative shares with their whole payment", async () => {
    const source = newSource();
    const shares = async (i: number) => (await source.listPayments({ rune: runes[i], collaborative: true })).rows;
    const [gammaRows, deltaRows, epsilonRows] = await Promise.all([shares(0), shares(1), shares(2)]);
    expect(epsilonRows).toHaveLength(1);
    const share = epsilonRows[0]!;
    expect(share.collaborative).toEqual({ totalAmount: parseEther("10") + 2n, runes: [runes[0], runes[1], runes[2]], weightsBps: [3_334, 3_333, 3_333] });
    expect(share.amount).toBe(((parseEther("10") + 2n) * 3_333n) / 10_000n);
    expect(gammaRows).toHaveLength(3);
    expect(deltaRows).toHaveLength(3);
    // Each share of one payment carries the same whole, and the shares add up to it.
    for (const row of gammaRows) {
      const shares = [...gammaRows, ...deltaRows, ...epsilonRows].filter((other) => other.transactionHash === row.transactionHash);
      expect(shares.reduce((sum, other) => sum + other.amount, 0n)).toBe(row.collaborative!.totalAmount);
    }
    // Single payments carry none.
    const single = await source.listPayments({ rune: runes[0], collaborative: false, pageSize: 1000 });
    expect(single.rows.every((row) => row.collaborative === undefined)).toBe(true);
  });

  it("keeps cursors stable while new payments arrive between page reads", async () => {
    const source = newSource();
    const first = await source.listPayments({ rune: runes[1], pageSize: 5 });
    const expectedOlder = (await chainPayments((row) => row.rune === runes[1])).slice(5, 10);

    await pay(1, zeroAddress, parseEther("0.5"));
    await pay(1, contracts.stablecoin, parseUnits("1", 6));
    await pay(1, zeroAddress, parseEther("0.25"));

    const second = await source.listPayments({ rune: runes[1], pageSize: 5, before: first.older });
    expect(second.rows.map(bare)).toEqual(expectedOlder);
    expect(second.total).toBe(first.total + 3);
    // The way back lands exactly on the first page's rows, now with a newer page above it.
    const back = await source.listPayments({ rune: runes[1], pageSize: 5, after: second.newer });
    expect(back.rows).toEqual(first.rows);
    expect(back.newer).toBeDefined();
  });

  it("reads final blocks once: a second read after new blocks fetches only the blocks after the cached tip", async () => {
    const traffic = emptyTraffic();
    const source = newSource({}, traffic);
    const first = await source.listPayments({ rune: runes[0] });
    const { tip, rows } = source.cacheState();
    expect(tip).toBeDefined();
    expect(rows).toBeGreaterThan(0);
    expect(traffic.logRanges[0]!.fromBlock).toBe(BigInt(deploymentBlock));
    const firstCalls = traffic.logRanges.length;

    await pay(0, zeroAddress, parseEther("0.1"));
    await testClient.mine({ blocks: 3 });
    traffic.logRanges = [];
    const second = await source.listPayments({ rune: runes[0] });
    expect(second.total).toBe(first.total + 1);
    // One call over exactly the blocks after the cached tip: those that became final and the newer ones.
    const latest = await publicClient.getBlockNumber({ cacheTime: 0 });
    expect(traffic.logRanges).toEqual([{ fromBlock: tip! + 1n, toBlock: latest }]);
    expect(source.cacheState().tip).toBe(latest - 64n);
    expect(firstCalls).toBeGreaterThan(0);
  });

  it("reads the logs after finality once per head block, however many reads a page makes", async () => {
    const traffic = emptyTraffic();
    const source = newSource({}, traffic);
    await source.listPayments({ rune: runes[0] });
    await pay(0, zeroAddress, parseEther("0.2"));
    traffic.logRanges = [];
    const agent = await source.getAgent(runes[0]!);
    // The block moved finality by one and is the new head: one read covers both.
    const afterAgent = traffic.logRanges.length;
    expect(afterAgent).toBe(1);
    const [page] = await Promise.all([
      source.listPayments({ rune: runes[0] }),
      source.revenueSeries({ rune: runes[0]!, from: 0, to: agent!.blockTimestamp + 1 }),
      source.revenueTotals({ since: 0, rune: runes[0] }),
    ]);
    expect(traffic.logRanges).toHaveLength(afterAgent);
    expect(page.rows[0]!.amount).toBe(parseEther("0.2"));
    // A new block is a new head: its logs are read.
    await testClient.mine({ blocks: 1 });
    await source.listPayments({ rune: runes[0] });
    expect(traffic.logRanges.length).toBeGreaterThan(afterAgent);
  });

  it("shares one scan between concurrent requests", async () => {
    const traffic = emptyTraffic();
    const source = newSource({}, traffic);
    await Promise.all([source.listPayments({ rune: runes[0] }), source.listAgents(), source.getAgent(runes[1]!), source.revenueTotals({ since: 0 })]);
    const fromDeployment = traffic.logRanges.filter((range) => range.fromBlock === BigInt(deploymentBlock));
    expect(fromDeployment).toHaveLength(1);
  });

  it("lets a request at a newer head wait for the scan in flight instead of starting its own", async () => {
    let open = () => {};
    const traffic: Traffic = { ...emptyTraffic(), gate: new Promise<void>((resolve) => (open = resolve)) };
    const source = newSource({}, traffic);
    const first = source.listPayments({ rune: runes[2] });
    await expect.poll(() => traffic.logRanges.length).toBe(1);
    await testClient.mine({ blocks: 1 });
    const second = source.listPayments({ rune: runes[2] });
    // The second request has read its (newer) head and is waiting, not scanning.
    await expect.poll(() => traffic.methods.filter((method) => method === "eth_getBlockByNumber").length).toBeGreaterThanOrEqual(4);
    expect(traffic.logRanges).toHaveLength(1);
    open();
    const [a, b] = await Promise.all([first, second]);
    expect(traffic.logRanges.filter((range) => range.fromBlock === BigInt(deploymentBlock))).toHaveLength(1);
    const expected = await chainPayments((row) => row.rune === runes[2]);
    expect(a.rows.map(bare)).toEqual(expected);
    expect(b.rows.map(bare)).toEqual(expected);
  });

  it("drops and rebuilds the cache when the chain is reverted under it", async () => {
    const traffic = emptyTraffic();
    const source = newSource({}, traffic);
    const snapshot = await testClient.snapshot();
    await pay(2, zeroAddress, parseEther("3"));
    await testClient.mine({ blocks: 70 });
    const before = await source.listPayments({ rune: runes[2] });
    expect(before.rows[0]!.amount).toBe(parseEther("3"));
    const cachedTip = source.cacheState().tip!;
    expect(cachedTip).toBeGreaterThanOrEqual(before.rows[0]!.blockNumber);

    await testClient.revert({ id: snapshot });
    // Past the old tip again, so the tip's number exists on the new chain but with another hash.
    await testClient.mine({ blocks: 80 });
    expect(await publicClient.getBlockNumber({ cacheTime: 0 })).toBeGreaterThan(cachedTip);
    traffic.logRanges = [];
    const after = await source.listPayments({ rune: runes[2] });
    expect(after.rows.map(bare)).toEqual(await chainPayments((row) => row.rune === runes[2]));
    expect(after.total).toBe(before.total - 1);
    expect(traffic.logRanges[0]!.fromBlock).toBe(BigInt(deploymentBlock));
  });

  it("gives identical results with tiny chunks, and halves ranges a node refuses", async () => {
    const reference = newSource();
    const tiny = newSource({ logChunkBlocks: 3n });
    const picky: Traffic = { ...emptyTraffic(), maxLogRange: 5n };
    const halving = newSource({ logChunkBlocks: 1_000n }, picky);
    for (const rune of runes) {
      const expected = await allPages(reference, { rune, pageSize: 1000 });
      expect(await allPages(tiny, { rune, pageSize: 1000 })).toEqual(expected);
      expect(await allPages(halving, { rune, pageSize: 1000 })).toEqual(expected);
    }
    expect(await tiny.revenueTotals({ since: 0 })).toEqual(await reference.revenueTotals({ since: 0 }));
    expect(picky.logRanges.length).toBeGreaterThan(2);
    for (const range of picky.logRanges) expect(range.toBlock - range.fromBlock + 1n).toBeLessThanOrEqual(5n);
  });

  it("reads one agent only for an agent, with the figures listAgents gives it", async () => {
    const traffic = emptyTraffic();
    const source = newSource({}, traffic);
    const one = await source.getAgent(runes[1]!);
    expect(one).toBeDefined();

    // Decode every multicall: only this rune's record and counters were read.
    const inner = traffic.calls.flatMap((call) => {
      const { functionName, args } = decodeFunctionData({ abi: multicall3Abi, data: call.data });
      expect(functionName).toBe("aggregate3");
      return (args[0] as readonly { target: Address; callData: Hex }[]).map((sub) => sub.callData);
    });
    const names = inner.map((data) => {
      for (const abi of [runeRegistryAbi, revenueDistributorAbi, erc20Abi]) {
        try {
          const { functionName, args } = decodeFunctionData({ abi, data });
          return { functionName, args: (args ?? []) as readonly unknown[] };
        } catch {
          // not this contract's function
        }
      }
      throw new Error(`unknown call ${data.slice(0, 10)}`);
    });
    expect(names.map((call) => call.functionName)).not.toContain("runeAt");
    for (const call of names.filter((c) => ["runeInfo", "activeStakeOf", "stakerCountOf", "revenueOf", "statusOf"].includes(c.functionName))) {
      expect(call.args[0]).toBe(runes[1]);
    }

    const all = await source.listAgents();
    const listed = all.agents.find((agent) => agent.rune === runes[1]);
    expect(listed).toEqual(one!.agent);
    expect(one!.tokens).toEqual(all.tokens);
    // 30-day revenue: the logs of the last 30 days of chain time.
    const since = one!.blockTimestamp - 30 * 86_400;
    const paid = await chainPayments((row) => row.rune === runes[1] && row.token === zeroAddress && row.timestamp >= since);
    expect(one!.agent.revenue30d[zeroAddress]).toBe(paid.reduce((sum, row) => sum + row.amount, 0n));
    expect(one!.agent.revenueAllTime[zeroAddress]).toBe(
      await publicClient.readContract({ address: distributor, abi: revenueDistributorAbi, functionName: "revenueOf", args: [runes[1]!, zeroAddress] }),
    );
    expect(await source.getAgent(keccak256(stringToBytes("no such rune")))).toBeUndefined();
  });

  it("sums daily series to the totals, by UTC day", async () => {
    const source = newSource();
    const totals = await source.revenueTotals({ since: 0, rune: runes[0] });
    const series = await source.revenueSeries({ rune: runes[0]!, from: 0, to: 2 ** 40 });
    const rows = await chainPayments((row) => row.rune === runes[0]);
    for (const [token, parts] of totals.get(runes[0]!)!) {
      const days = series.filter((day) => day.token === token);
      expect(days.reduce((sum, day) => sum + day.amount, 0n)).toBe(parts.amount);
      expect(days.reduce((sum, day) => sum + day.count, 0)).toBe(parts.count);
    }
    for (const day of series) {
      const inDay = rows.filter((row) => row.token.toLowerCase() === day.token && new Date(row.timestamp * 1000).toISOString().startsWith(day.day));
      expect(day.amount).toBe(inDay.reduce((sum, row) => sum + row.amount, 0n));
      expect(day.stakersAmount).toBe(inDay.reduce((sum, row) => sum + row.stakersAmount, 0n));
    }
  });
});
