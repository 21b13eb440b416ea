/**
 * `npm run measure:user-gas`: the gas a user pays for the app's staker actions, as the local chain reports it
 * (receipt `gasUsed`), on a freshly seeded chain with time passing between actions (streams release, so the
 * accumulator is written: the realistic case, not the best one). Prints one table; a report, not a test.
 */
import { type Address, type Hex, createPublicClient, createWalletClient, encodeFunctionData, http, parseEther, parseSignature, zeroAddress } from "viem";
import { aurunesTokenAbi, revenueDistributorAbi, runeRegistryAbi } from "../contracts-abi/generated";
import { anvilAccount } from "../lib/anvil-accounts";
import { deployAurorune } from "./deploy";
import { startAnvil } from "./lib/anvil";
import { SEED_HISTORY_DAYS, seedDemo } from "./seed";

const DAY = 86_400n;

async function main(): Promise<void> {
  const now = BigInt(Math.floor(Date.now() / 1000));
  const anvil = await startAnvil({ timestamp: now - BigInt(SEED_HISTORY_DAYS + 1) * DAY, accounts: 20 });
  try {
    const deployment = await deployAurorune({ rpcUrl: anvil.rpcUrl, deploymentsDir: null, env: {} });
    await seedDemo({ rpcUrl: anvil.rpcUrl, deployment, endAt: now });
    const { aurunesToken, revenueDistributor, runeRegistry, stablecoin } = deployment.contracts;
    const client = createPublicClient({ transport: http(anvil.rpcUrl) });
    const account = anvilAccount(7);
    const wallet = createWalletClient({ account, transport: http(anvil.rpcUrl) });
    const rpc = (method: string, params: unknown[] = []) =>
      fetch(anvil.rpcUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
    const passTime = async (seconds: bigint) => {
      await rpc("evm_increaseTime", [Number(seconds)]);
      await rpc("evm_mine");
    };
    const rune = await client.readContract({ address: runeRegistry, abi: runeRegistryAbi, functionName: "runeAt", args: [0n] });
    const rows: [string, bigint][] = [];
    const send = async (label: string, to: Address, data: Hex) => {
      // As the app sends it: estimated against the pending block, with headroom.
      const estimate = await client.estimateGas({ account, to, data, blockTag: "pending" });
      const hash = await wallet.sendTransaction({ to, data, gas: (estimate * 125n) / 100n, chain: null });
      const receipt = await client.waitForTransactionReceipt({ hash });
      if (receipt.status !== "success") throw new Error(`${label} reverted`);
      rows.push([label, receipt.gasUsed]);
    };

    await send("approve AURUNES (exact amount)", aurunesToken, encodeFunctionData({ abi: aurunesTokenAbi, functionName: "approve", args: [revenueDistributor, parseEther("100")] }));
    await passTime(3_600n);
    await send("stake after approve (adding to a position)", revenueDistributor, encodeFunctionData({ abi: revenueDistributorAbi, functionName: "stake", args: [rune, parseEther("100")] }));
    await passTime(3_600n);

    const [, name, version, chainId, verifyingContract] = await client.readContract({ address: aurunesToken, abi: aurunesTokenAbi, functionName: "eip712Domain" });
    const nonce = await client.readContract({ address: aurunesToken, abi: aurunesTokenAbi, functionName: "nonces", args: [account] });
    const deadline = (await client.getBlock()).timestamp + 1_200n;
    const signature = await wallet.signTypedData({
      domain: { name, version, chainId: Number(chainId), verifyingContract },
      types: { Permit: [{ name: "owner", type: "address" }, { name: "spender", type: "address" }, { name: "value", type: "uint256" }, { name: "nonce", type: "uint256" }, { name: "deadline", type: "uint256" }] },
      primaryType: "Permit",
      message: { owner: account, spender: revenueDistributor, value: parseEther("100"), nonce, deadline },
    });
    const { r, s, v, yParity } = parseSignature(signature);
    await send("stakeWithPermit (one transaction)", revenueDistributor, encodeFunctionData({ abi: revenueDistributorAbi, functionName: "stakeWithPermit", args: [rune, parseEther("100"), deadline, Number(v ?? 27n + BigInt(yParity ?? 0)), r, s] }));
    await passTime(DAY);

    const tokens = [zeroAddress, aurunesToken, stablecoin] as Address[];
    await send("claim: 1 agent, its 3 tokens", revenueDistributor, encodeFunctionData({ abi: revenueDistributorAbi, functionName: "claim", args: [[rune], tokens] }));
    await passTime(DAY);
    const runes = await client.readContract({ address: revenueDistributor, abi: revenueDistributorAbi, functionName: "stakedRunesOf", args: [account] });
    await send(`claim all: ${runes.length} agents × 3 tokens`, revenueDistributor, encodeFunctionData({ abi: revenueDistributorAbi, functionName: "claim", args: [runes, tokens] }));
    await send("unstake request", revenueDistributor, encodeFunctionData({ abi: revenueDistributorAbi, functionName: "requestUnstake", args: [rune, parseEther("50")] }));
    await passTime(8n * DAY);
    await send("withdraw after unbonding", revenueDistributor, encodeFunctionData({ abi: revenueDistributorAbi, functionName: "withdraw", args: [rune] }));

    const width = Math.max(...rows.map(([label]) => label.length));
    console.log(`\nGas a staker pays on the seeded local chain (receipt gasUsed, time passing between actions):\n`);
    for (const [label, gas] of rows) console.log(`  ${label.padEnd(width)}  ${gas.toLocaleString("en-US").padStart(9)}`);
    const approvePath = rows[0]![1] + rows[1]![1];
    console.log(`\n  stake by approve path (approve + stake): ${approvePath.toLocaleString("en-US")}`);
    console.log("  stake by EIP-5792 batch: the same two calls, in one prompt (the wallet executes approve + stake).\n");
  } finally {
    await anvil.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`measure:user-gas: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  process.exit(1);
});
