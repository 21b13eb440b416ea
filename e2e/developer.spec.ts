import { mkdirSync, readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { type Address, type Hex, encodeFunctionData, erc20Abi, zeroAddress } from "viem";
import { aggregatorV3InterfaceAbi, revenueDistributorAbi, runeRegistryAbi } from "../contracts-abi/generated";
import { parseAgentMetadata } from "../lib/agent-metadata";
import { anvilAccount } from "../lib/anvil-accounts";
import { formatUsd, toUsd } from "../lib/domain/reference-currency";
import { displayFractionDigits, formatFixed } from "../lib/format";
import { type ChainFixture, type TestWallet, expect, rpc, test } from "./support/fixtures";
import { E2E_DEPLOYMENT_DIR } from "./support/ports";

const { contracts, priceFeeds } = JSON.parse(readFileSync(`${E2E_DEPLOYMENT_DIR}/31337.json`, "utf8")) as {
  contracts: { revenueDistributor: Address; runeRegistry: Address; aurunesToken: Address; stablecoin: Address };
  priceFeeds: Record<Address, Address>;
};
const distributor = { address: contracts.revenueDistributor, abi: revenueDistributorAbi } as const;
const registry = { address: contracts.runeRegistry, abi: runeRegistryAbi } as const;
const DAY = 86_400n;
const DEVELOPER = 1;
const GOVERNOR = 0;
const ACCOUNTS = Array.from({ length: 20 }, (_, i) => i);

async function connect(page: Page, wallet: TestWallet, index: number) {
  await wallet.useAccount(index);
  await page.getByRole("banner").getByRole("button", { name: "Connect wallet" }).click();
  await page.getByTestId("rk-wallet-option-dev.aurorune.testwallet").or(page.getByTestId("rk-wallet-option-injected")).first().click();
  await expect(page.getByTestId("rk-account-button")).toBeVisible();
}

async function openConsole(page: Page, wallet: TestWallet, index = DEVELOPER) {
  await page.goto("/developer");
  await connect(page, wallet, index);
  await expect(page.getByTestId("developer-console")).toBeVisible();
}

/** Sends a transaction from an account the node holds the key of (setup outside the page), and checks it was mined. */
async function sendAs(chain: ChainFixture, from: Address, to: Address, data: Hex) {
  await chain.client.call({ account: from, to, data }); // throws with the contract's reason
  const hash = await rpc<Hex>("eth_sendTransaction", [{ from, to, data, gas: "0x2dc6c0" }]);
  expect((await chain.client.waitForTransactionReceipt({ hash })).status).toBe("success");
}

async function timeTravel(seconds: bigint) {
  await rpc("evm_increaseTime", [Number(seconds)]);
  await rpc("evm_mine");
}

async function tokenList(chain: ChainFixture) {
  const [tokens] = await chain.client.readContract({ ...distributor, functionName: "tokens" });
  return tokens;
}

async function tokenInfo(chain: ChainFixture, token: Address) {
  if (token === zeroAddress) return { symbol: "ETH", decimals: 18 };
  const [symbol, decimals] = await Promise.all([
    chain.client.readContract({ address: token, abi: erc20Abi, functionName: "symbol" }),
    chain.client.readContract({ address: token, abi: erc20Abi, functionName: "decimals" }),
  ]);
  return { symbol, decimals };
}

async function balanceOf(chain: ChainFixture, token: Address, account: Address, blockNumber?: bigint): Promise<bigint> {
  if (token === zeroAddress) return chain.client.getBalance({ address: account, blockNumber });
  return chain.client.readContract({ address: token, abi: erc20Abi, functionName: "balanceOf", args: [account], blockNumber });
}

/** The runes `account` owns, with their records, in registration order. */
async function ownedRunes(chain: ChainFixture, account: Address) {
  const count = Number(await chain.client.readContract({ ...registry, functionName: "runeCount" }));
  const runes = await Promise.all(Array.from({ length: count }, (_, i) => chain.client.readContract({ ...registry, functionName: "runeAt", args: [BigInt(i)] })));
  const infos = await Promise.all(runes.map((rune) => chain.client.readContract({ ...registry, functionName: "runeInfo", args: [rune] })));
  return infos.filter((info) => info.owner === account);
}

async function runeNamed(chain: ChainFixture, account: Address, name: string) {
  const info = (await ownedRunes(chain, account)).find((entry) => parseAgentMetadata(entry.metadataURI)?.name === name);
  expect(info, name).toBeDefined();
  return info!;
}

/** The one transaction `account` sent after `fromBlock` (and that there is exactly one). */
async function onlyTransactionSince(chain: ChainFixture, account: Address, fromBlock: bigint) {
  const latest = await chain.client.getBlockNumber({ cacheTime: 0 });
  const sent = [];
  for (let n = fromBlock + 1n; n <= latest; n++) {
    const block = await chain.client.getBlock({ blockNumber: n, includeTransactions: true });
    sent.push(...block.transactions.filter((tx) => tx.from.toLowerCase() === account.toLowerCase()));
  }
  expect(sent).toHaveLength(1);
  const receipt = await chain.client.getTransactionReceipt({ hash: sent[0]!.hash });
  expect(receipt.status).toBe("success");
  return { tx: sent[0]!, receipt };
}

function agentCard(page: Page, name: string): Locator {
  return page.getByRole("article", { name });
}

test("without a wallet the page renders on the server with a connect prompt", async ({ page }) => {
  const response = await page.request.get("/developer");
  const html = await response.text();
  expect(html).toContain("Connect the wallet that owns your agents");
  await page.goto("/developer");
  await expect(page.getByRole("heading", { level: 1, name: "Developer" })).toBeVisible();
  await expect(page.getByTestId("developer-connect")).toBeVisible();
  await page.getByRole("main").getByRole("button", { name: "Connect wallet" }).click();
  await page.getByRole("button", { name: /Dev account: #1 developer/ }).click();
  await expect(page.getByTestId("developer-agent").first()).toBeVisible();
});

test("the seeded developer sees its agents with earnings equal to the chain's payments and balances equal to a direct read", { tag: "@history" }, async ({ page, chain, wallet }) => {
  test.setTimeout(60_000);
  const developer = anvilAccount(DEVELOPER);
  const owned = await ownedRunes(chain, developer);
  expect(owned.length).toBeGreaterThan(1);
  await openConsole(page, wallet);
  const cards = page.getByTestId("developer-agent");
  await expect(cards).toHaveCount(owned.length);
  await expect(page.getByTestId("earnings").first()).toBeVisible();

  const head = await chain.client.getBlock();
  const since = head.timestamp - 30n * DAY;
  const tokens = await tokenList(chain);
  const paid = await chain.client.getContractEvents({ ...distributor, eventName: "ServicePaid", fromBlock: 0n, toBlock: head.number });
  const block = BigInt((await page.getByTestId("developer-console").getAttribute("data-block"))!);
  // Each token's USD price, straight from its feed.
  const prices = new Map<Address, { answer: bigint; decimals: number }>();
  for (const token of tokens) {
    const feed = priceFeeds[token];
    expect(feed, token).toBeDefined();
    const [, answer] = await chain.client.readContract({ address: feed!, abi: aggregatorV3InterfaceAbi, functionName: "latestRoundData" });
    const decimals = await chain.client.readContract({ address: feed!, abi: aggregatorV3InterfaceAbi, functionName: "decimals" });
    prices.set(token, { answer, decimals });
  }
  for (const [i, info] of owned.entries()) {
    const card = cards.nth(i);
    await expect(card).toHaveAttribute("data-rune", info.rune);
    await expect(card.getByRole("heading", { level: 3 })).toHaveText(parseAgentMetadata(info.metadataURI)!.name);
    let usdAllTime = 0n;
    let usdRecent = 0n;
    for (const token of tokens) {
      const { symbol, decimals } = await tokenInfo(chain, token);
      const mine = paid.filter((log) => log.args.rune === info.rune && log.args.token === token);
      const allTime = mine.reduce((sum, log) => sum + log.args.developerAmount!, 0n);
      const recent = mine.filter((log) => log.args.timestamp! >= since).reduce((sum, log) => sum + log.args.developerAmount!, 0n);
      const shown = (window: string) => card.locator(`[data-testid="earnings"][data-token="${token}"][data-window="${window}"]`);
      const digits = displayFractionDigits({ symbol, decimals });
      if (mine.length === 0) {
        await expect(shown("all")).toHaveCount(0);
        continue;
      }
      expect(allTime).toBeGreaterThan(0n);
      usdAllTime += toUsd(allTime, decimals, prices.get(token)!);
      usdRecent += toUsd(recent, decimals, prices.get(token)!);
      await expect(shown("all")).toHaveAttribute("data-exact", allTime.toString());
      await expect(shown("all")).toHaveText(formatFixed(allTime, decimals, { locale: "en-US", fractionDigits: digits }));
      await expect(shown("30d")).toHaveAttribute("data-exact", recent.toString());
      // The developer balance as a direct read at the block the console read.
      const balance = await chain.client.readContract({ ...distributor, functionName: "pendingDeveloperBalance", args: [info.rune, token], blockNumber: block });
      const balanceShown = card.locator(`[data-testid="developer-balance"][data-token="${token}"]`);
      if (balance === 0n) await expect(balanceShown).toHaveCount(0);
      else await expect(balanceShown).toHaveText(formatFixed(balance, decimals, { locale: "en-US", fractionDigits: digits, symbol }));
    }
    // The developer part in USD: every token's sum at its feed's price, exactly, shown to the cent.
    expect(usdAllTime).toBeGreaterThan(0n);
    await expect(card.locator('[data-testid="earnings-usd"][data-window="all"]')).toHaveText(formatUsd(usdAllTime, "en-US"));
    await expect(card.locator('[data-testid="earnings-usd"][data-window="30d"]')).toHaveText(formatUsd(usdRecent, "en-US"));
  }
});

/** Fills the registration form with valid values (signer #9, 60/10/30 with one infra recipient #15). */
async function fillValidRegistration(form: Locator, name: string) {
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Description").fill("Scouts fresh sources and reports back with links.");
  await form.getByLabel("Web page (optional)").fill("https://huginn.agents.example");
  await form.getByLabel("MCP server (optional)").fill("https://huginn.agents.example/mcp");
  await form.getByLabel("Signer address").fill(anvilAccount(9));
  await form.getByLabel("Developer %").fill("60");
  await form.getByLabel("Infra %").fill("10");
  await form.getByLabel("Stakers %").fill("30");
  await form.getByRole("button", { name: "Add recipient" }).click();
  await form.getByLabel("Infra recipient 1 address").fill(anvilAccount(15));
  await form.getByLabel("Infra recipient 1 weight %").fill("100");
}

test("registers an agent from the form with a data: URI, shows its rune before the prompt, and finds it in the console and on /", async ({ page, chain, wallet }) => {
  test.setTimeout(60_000);
  await openConsole(page, wallet);
  const form = page.getByTestId("register-form");
  await fillValidRegistration(form, "Huginn Scout");
  await form.getByLabel("Accepts x402 payments").check();
  // The rune it will produce, and the file's size, before anything is sent.
  const rune = (await form.getByTestId("rune-hex").textContent()) as Hex;
  const salt = (await form.getByLabel("Salt").inputValue()) as Hex;
  expect(rune).toBe(await chain.client.readContract({ ...registry, functionName: "computeRune", args: [anvilAccount(DEVELOPER), salt] }));
  await expect(form.getByTestId("data-uri-size")).toHaveText(/^[\d,]+ bytes stored on chain\.$/);
  const bytes = Number((await form.getByTestId("data-uri-size").textContent())!.replace(/[^\d]/g, ""));
  expect(wallet.requestCount("eth_sendTransaction")).toBe(0);

  await form.getByRole("button", { name: "Register agent" }).click();
  await expect(form.getByTestId("notice")).toContainText("Registered Huginn Scout");
  expect(wallet.requestCount("eth_sendTransaction")).toBe(1);

  const info = await chain.client.readContract({ ...registry, functionName: "runeInfo", args: [rune] });
  expect(info.owner).toBe(anvilAccount(DEVELOPER));
  expect(info.signer).toBe(anvilAccount(9));
  expect(info.split).toEqual({ developerBps: 6_000, infraBps: 1_000, stakersBps: 3_000 });
  expect(info.infra).toEqual([{ recipient: anvilAccount(15), weightBps: 10_000 }]);
  expect(info.metadataURI.length).toBe(bytes);
  const metadata = parseAgentMetadata(info.metadataURI)!;
  expect(metadata).toMatchObject({ name: "Huginn Scout", x402Support: true });
  expect(metadata.services.map((service) => service.name)).toEqual(["web", "MCP"]);
  expect(metadata.registrations).toEqual([{ agentId: BigInt(rune).toString(), agentRegistry: `eip155:31337:${contracts.runeRegistry}` }]);

  // In the console (refetched after confirmation) and on the agents page.
  await expect(page.locator(`[data-testid="developer-agent"][data-rune="${rune}"]`)).toContainText("Huginn Scout");
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Huginn Scout" }).first()).toBeVisible();
  await page.goto(`/agents/${rune}`);
  await expect(page.getByRole("heading", { level: 1, name: "Huginn Scout" })).toBeVisible();
});

test("every invalid input is refused next to its field before any wallet prompt", async ({ page, chain, wallet }) => {
  test.setTimeout(90_000);
  // The stakers minimum comes from the chain: governance raises it to 25% first.
  await sendAs(chain, anvilAccount(GOVERNOR), contracts.runeRegistry, encodeFunctionData({ abi: runeRegistryAbi, functionName: "setMinStakersBps", args: [2_500] }));
  const nonce = await chain.client.getTransactionCount({ address: anvilAccount(DEVELOPER) });
  await openConsole(page, wallet);
  const form = page.getByTestId("register-form");
  await fillValidRegistration(form, "Refused Agent");
  await form.getByLabel("Stakers %").fill("30");

  const submit = () => form.getByRole("button", { name: "Register agent" }).click();
  const reasonOf = (id: string) => form.locator(`#register-${id}-error`);
  const refused = async (change: () => Promise<void>, id: string, reason: string | RegExp, restore: () => Promise<void>) => {
    await change();
    await submit();
    await expect(form.getByTestId("form-errors")).toBeVisible();
    await expect(reasonOf(id)).toHaveText(reason);
    await restore();
    await expect(reasonOf(id)).toHaveCount(0);
  };

  await refused(
    () => form.getByLabel("Developer %").fill("70"),
    "split",
    "The split adds up to 110%: it must be exactly 100%.",
    () => form.getByLabel("Developer %").fill("60"),
  );
  await refused(
    async () => {
      await form.getByLabel("Developer %").fill("70");
      await form.getByLabel("Stakers %").fill("20");
    },
    "split-stakersBps",
    "The stakers' share is 20%; the protocol minimum is 25%.",
    async () => {
      await form.getByLabel("Developer %").fill("60");
      await form.getByLabel("Stakers %").fill("30");
    },
  );
  await form.getByLabel("Developer %").fill("55");
  await form.getByLabel("Stakers %").fill("35");
  await form.getByRole("button", { name: "Add recipient" }).click();
  await form.getByLabel("Infra recipient 2 address").fill(anvilAccount(16));
  await refused(
    async () => {
      await form.getByLabel("Infra recipient 1 weight %").fill("60");
      await form.getByLabel("Infra recipient 2 weight %").fill("30");
    },
    "infraWeights",
    "The infra weights add up to 90%: they must be exactly 100%.",
    () => form.getByLabel("Infra recipient 2 weight %").fill("40"),
  );
  await refused(
    async () => {
      for (let i = 3; i <= 9; i++) {
        await form.getByRole("button", { name: "Add recipient" }).click();
        await form.getByLabel(`Infra recipient ${i} address`).fill(anvilAccount(i + 7));
        await form.getByLabel(`Infra recipient ${i} weight %`).fill("5");
      }
      await form.getByLabel("Infra recipient 1 weight %").fill("35");
      await form.getByLabel("Infra recipient 2 weight %").fill("30");
    },
    "infraRecipients",
    "At most 8 infra recipients (9 given).",
    async () => {
      for (let i = 9; i >= 3; i--) await form.getByRole("button", { name: `Remove infra recipient ${i}` }).click();
      await form.getByLabel("Infra recipient 1 weight %").fill("60");
      await form.getByLabel("Infra recipient 2 weight %").fill("40");
    },
  );
  await refused(
    () => form.getByLabel("Signer address").fill(zeroAddress),
    "signer",
    "The agent needs a signer: the zero address cannot sign receipts.",
    () => form.getByLabel("Signer address").fill(anvilAccount(9)),
  );
  await refused(
    () => form.getByLabel("Signer address").fill("0x12345"),
    "signer",
    "That is not an address: 0x and 40 hex digits.",
    () => form.getByLabel("Signer address").fill(anvilAccount(9)),
  );
  await refused(
    () => form.getByLabel("Web page (optional)").fill("http://huginn.agents.example"),
    "web",
    "Use an https:// address.",
    () => form.getByLabel("Web page (optional)").fill("https://huginn.agents.example"),
  );
  await refused(
    () => form.getByLabel("Image URL (optional)").fill("not a url"),
    "image",
    "An address cannot contain spaces.",
    () => form.getByLabel("Image URL (optional)").fill(""),
  );
  await refused(
    () => form.getByLabel("A2A agent card (optional)").fill("huginn.agents.example/card.json"),
    "a2a",
    "That is not a web address: https://host/path.",
    () => form.getByLabel("A2A agent card (optional)").fill(""),
  );
  await refused(
    async () => {
      await form.getByLabel(/Host it myself/).check();
      await form.getByLabel("Registration file URI").fill("ftp://huginn.agents.example/agent.json");
    },
    "customUri",
    "Use an https://, ipfs:// or data: URI.",
    () => form.getByLabel(/Store it in the rune itself/).check(),
  );
  await refused(
    () => form.getByLabel("Name", { exact: true }).fill(""),
    "name",
    "Enter the agent's name.",
    () => form.getByLabel("Name", { exact: true }).fill("Refused Agent"),
  );
  await refused(
    () => form.getByLabel("Salt").fill("0x1234"),
    "salt",
    "The salt must be 32 bytes: 0x and 64 hex digits.",
    () => form.getByRole("button", { name: "New salt" }).click(),
  );

  // Nothing reached the wallet, and the chain saw nothing from this account.
  expect(wallet.requestCount("eth_sendTransaction")).toBe(0);
  expect(await chain.client.getTransactionCount({ address: anvilAccount(DEVELOPER) })).toBe(nonce);
  // With every field fixed, the same form goes through.
  await submit();
  await expect(form.getByTestId("notice")).toContainText("Registered Refused Agent");
  expect(wallet.requestCount("eth_sendTransaction")).toBe(1);
});

test("rotate signer: the chain shows the new signer, and the same signer is refused before the prompt", async ({ page, chain, wallet }) => {
  const developer = anvilAccount(DEVELOPER);
  const mimir = await runeNamed(chain, developer, "Oracle of Mimir");
  await openConsole(page, wallet);
  const card = agentCard(page, "Oracle of Mimir");
  await card.getByRole("button", { name: "Rotate signer" }).click();
  const form = card.getByRole("form", { name: "Rotate the signer of Oracle of Mimir" });
  await form.getByLabel("New signer address").fill(mimir.signer);
  await form.getByRole("button", { name: "Rotate signer" }).click();
  await expect(form.getByText("That is already the agent's signer.")).toBeVisible();
  expect(wallet.requestCount("eth_sendTransaction")).toBe(0);

  await form.getByLabel("New signer address").fill(anvilAccount(11));
  await form.getByRole("button", { name: "Rotate signer" }).click();
  await expect(form.getByTestId("notice")).toContainText(`Oracle of Mimir now signs with ${anvilAccount(11)}`);
  expect((await chain.client.readContract({ ...registry, functionName: "runeInfo", args: [mimir.rune] })).signer).toBe(anvilAccount(11));
  await expect(card.getByTestId("signer")).toHaveAttribute("data-signer", anvilAccount(11));
});

test("propose a split, travel past the delay, execute: the chain shows the new split", async ({ page, chain, wallet }) => {
  test.setTimeout(60_000);
  const developer = anvilAccount(DEVELOPER);
  const yggdrasil = await runeNamed(chain, developer, "Yggdrasil Route");
  await openConsole(page, wallet);
  const card = agentCard(page, "Yggdrasil Route");
  await card.getByRole("button", { name: "Propose split change" }).click();
  const form = card.getByRole("form", { name: "Propose a split change for Yggdrasil Route" });
  // Starts from the current split; a bad split is refused first.
  await expect(form.getByLabel("Developer %")).toHaveValue("70");
  await form.getByLabel("Infra %").fill("10");
  await form.getByRole("button", { name: "Propose split change" }).click();
  await expect(form.locator(`[id$="-split-error"]`)).toHaveText("The split adds up to 110%: it must be exactly 100%.");
  await expect(form.locator(`[id$="-infraRecipients-error"]`)).toContainText("Add at least one infra recipient");
  expect(wallet.requestCount("eth_sendTransaction")).toBe(0);

  await form.getByLabel("Developer %").fill("60");
  await form.getByRole("button", { name: "Add recipient" }).click();
  await form.getByLabel("Infra recipient 1 address").fill(anvilAccount(16));
  await form.getByLabel("Infra recipient 1 weight %").fill("100");
  await form.getByRole("button", { name: "Propose split change" }).click();

  const proposalCard = card.getByTestId("proposal-controls");
  await expect(proposalCard).toBeVisible();
  const proposal = await chain.client.readContract({ ...registry, functionName: "pendingSplitProposal", args: [yggdrasil.rune] });
  expect(proposal.id).not.toBe(0n);
  expect(proposal.split).toEqual({ developerBps: 6_000, infraBps: 1_000, stakersBps: 3_000 });
  await expect(proposalCard.getByTestId("proposal-phase")).toContainText(/Can execute in \d+ d \d+ h \(chain time\)/);
  await expect(proposalCard.getByTestId("proposal-tally")).toContainText("Vetoed by 0.00 AURUNES");
  await expect(proposalCard.getByRole("button", { name: "Execute" })).toBeDisabled();
  await expect(proposalCard.getByTestId("execute-hint")).toContainText("Execute opens in");

  const now = (await chain.client.getBlock()).timestamp;
  await timeTravel(BigInt(proposal.executableAt) - now + 1n);
  await page.reload();
  const reloaded = agentCard(page, "Yggdrasil Route").getByTestId("proposal-controls");
  await expect(reloaded.getByRole("button", { name: "Execute" })).toBeEnabled();
  await reloaded.getByRole("button", { name: "Execute" }).click();
  await expect(agentCard(page, "Yggdrasil Route").getByTestId("change-notice")).toContainText("Executed: the new split applies");
  const info = await chain.client.readContract({ ...registry, functionName: "runeInfo", args: [yggdrasil.rune] });
  expect(info.split).toEqual({ developerBps: 6_000, infraBps: 1_000, stakersBps: 3_000 });
  expect(info.infra).toEqual([{ recipient: anvilAccount(16), weightBps: 10_000 }]);
  await expect(agentCard(page, "Yggdrasil Route").getByTestId("proposal-controls")).toHaveCount(0);
  await expect(agentCard(page, "Yggdrasil Route").getByTestId("split")).toContainText("Dev 60% · Infra 10% · Stakers 30%");
});

test("a proposal vetoed by its stakers fails to execute, and the page says why", async ({ page, chain, wallet }) => {
  test.setTimeout(60_000);
  const developer = anvilAccount(DEVELOPER);
  const mimir = await runeNamed(chain, developer, "Oracle of Mimir");
  await sendAs(
    chain,
    developer,
    contracts.runeRegistry,
    encodeFunctionData({ abi: runeRegistryAbi, functionName: "proposeSplit", args: [mimir.rune, { developerBps: 6_000, infraBps: 2_000, stakersBps: 2_000 }, mimir.infra.map((s) => s.recipient), mimir.infra.map((s) => s.weightBps)] }),
  );
  const proposal = await chain.client.readContract({ ...registry, functionName: "pendingSplitProposal", args: [mimir.rune] });
  // Stakers from before the proposal veto it until more than half of the base is against it.
  for (const index of ACCOUNTS) {
    const [tally] = await chain.client.readContract({ ...distributor, functionName: "vetoTally", args: [mimir.rune, proposal.id] });
    if (tally * 2n > proposal.stakeAtProposal) break;
    const [, weight] = await chain.client.readContract({ ...distributor, functionName: "vetoWeightOf", args: [mimir.rune, anvilAccount(index)] });
    if (weight > 0n) await sendAs(chain, anvilAccount(index), contracts.revenueDistributor, encodeFunctionData({ abi: revenueDistributorAbi, functionName: "vetoSplitProposal", args: [mimir.rune] }));
  }
  const [vetoStake] = await chain.client.readContract({ ...distributor, functionName: "vetoTally", args: [mimir.rune, proposal.id] });
  expect(vetoStake * 2n).toBeGreaterThan(proposal.stakeAtProposal);
  await timeTravel(BigInt(proposal.executableAt) - (await chain.client.getBlock()).timestamp + 1n);

  await openConsole(page, wallet);
  const controls = agentCard(page, "Oracle of Mimir").getByTestId("proposal-controls");
  await expect(controls.getByTestId("proposal-vetoed")).toContainText("executing it will reject it");
  await controls.getByRole("button", { name: "Execute" }).click();
  await expect(agentCard(page, "Oracle of Mimir").getByTestId("change-notice")).toContainText("Rejected: stakers vetoed this split change");
  // The split did not change; the proposal is closed and the registry says why.
  const info = await chain.client.readContract({ ...registry, functionName: "runeInfo", args: [mimir.rune] });
  expect(info.split).toEqual(mimir.split);
  expect((await chain.client.readContract({ ...registry, functionName: "pendingSplitProposal", args: [mimir.rune] })).id).toBe(0n);
  const rejected = await chain.client.getContractEvents({ ...registry, eventName: "SplitChangeRejected", fromBlock: "latest" });
  expect(rejected).toHaveLength(1);
  expect(rejected[0]!.args.vetoStake).toBe(vetoStake);
});

test("cancel the seeded pending proposal: the chain has none left", async ({ page, chain, wallet }) => {
  const owner = anvilAccount(2);
  const valkyrie = await runeNamed(chain, owner, "Valkyrie Vision");
  expect((await chain.client.readContract({ ...registry, functionName: "pendingSplitProposal", args: [valkyrie.rune] })).id).not.toBe(0n);
  await openConsole(page, wallet, 2);
  const controls = agentCard(page, "Valkyrie Vision").getByTestId("proposal-controls");
  await expect(controls.getByTestId("proposal-tally")).toBeVisible();
  await expect(controls.getByRole("button", { name: "Execute" })).toBeDisabled();
  await controls.getByRole("button", { name: "Cancel proposal" }).click();
  await expect(agentCard(page, "Valkyrie Vision").getByTestId("change-notice")).toContainText("Cancelled: the split stays as it is.");
  await expect(agentCard(page, "Valkyrie Vision").getByTestId("proposal-controls")).toHaveCount(0);
  expect((await chain.client.readContract({ ...registry, functionName: "pendingSplitProposal", args: [valkyrie.rune] })).id).toBe(0n);
});

/** Clicks Claim in `scope` and checks the account received exactly the shown amounts (ETH less gas). */
async function claimShown(page: Page, chain: ChainFixture, wallet: TestWallet, scope: Locator, testId: string) {
  const account = wallet.address();
  const tokens = await tokenList(chain);
  const shown = new Map<string, bigint>();
  for (const node of await scope.getByTestId(testId).all()) {
    shown.set((await node.getAttribute("data-token"))!, BigInt((await node.getAttribute("data-exact"))!));
  }
  expect(shown.size).toBeGreaterThan(0);
  const start = await chain.client.getBlockNumber({ cacheTime: 0 });
  const before = await Promise.all(tokens.map((token) => balanceOf(chain, token, account, start)));
  await scope.getByRole("button", { name: "Claim" }).click();
  await expect(scope.getByTestId("notice")).toContainText("Claimed");
  const { receipt } = await onlyTransactionSince(chain, account, start);
  for (const [t, token] of tokens.entries()) {
    const gas = token === zeroAddress ? receipt.gasUsed * receipt.effectiveGasPrice : 0n;
    const delta = (await balanceOf(chain, token, account, receipt.blockNumber)) - before[t]! + gas;
    expect(delta, token).toBe(shown.get(token) ?? 0n);
  }
  await expect(scope.getByTestId(testId)).toHaveCount(0);
  await expect(scope.getByRole("button", { name: "Claim" })).toBeDisabled();
}

test("claim a developer balance: the balances grow by exactly the amounts shown", async ({ page, chain, wallet }) => {
  await openConsole(page, wallet);
  await claimShown(page, chain, wallet, agentCard(page, "Yggdrasil Route"), "developer-balance");
});

test("claim an infra balance (#15, no agents of its own): the balances grow by exactly the amounts shown", async ({ page, chain, wallet }) => {
  await openConsole(page, wallet, 15);
  await expect(page.getByTestId("no-agents")).toBeVisible();
  await claimShown(page, chain, wallet, page.getByRole("region", { name: "Infra balance" }), "infra-balance");
});

test("retire asks for an explicit confirmation naming the agent, then the chain shows it retired", async ({ page, chain, wallet }) => {
  const developer = anvilAccount(DEVELOPER);
  const yggdrasil = await runeNamed(chain, developer, "Yggdrasil Route");
  await openConsole(page, wallet);
  const card = agentCard(page, "Yggdrasil Route");
  await card.getByRole("button", { name: "Retire…" }).click();
  const panel = card.getByTestId("retire-panel");
  await expect(panel).toContainText("Retire Yggdrasil Route? This cannot be undone.");
  await expect(panel).toContainText("stakers can withdraw their whole stake at once");
  const retire = panel.getByRole("button", { name: "Retire Yggdrasil Route for good" });
  await expect(retire).toBeDisabled();
  await panel.getByLabel("I understand that retiring Yggdrasil Route is permanent.").check();
  await retire.click();
  await expect(card.getByText("Retired: this agent takes no payments")).toBeVisible();
  expect(await chain.client.readContract({ ...registry, functionName: "statusOf", args: [yggdrasil.rune] })).toBe(3);
  await expect(card.getByRole("button", { name: "Rotate signer" })).toHaveCount(0);
});

test("screenshots: light, dark and a 390 px phone, with nothing wider than the screen", async ({ page, chain, wallet }) => {
  test.setTimeout(90_000);
  mkdirSync("test-results/screenshots", { recursive: true });
  // A pending proposal, an open retire confirmation and a refused form, so every part of the console is seen.
  const mimir = await runeNamed(chain, anvilAccount(DEVELOPER), "Oracle of Mimir");
  await sendAs(
    chain,
    anvilAccount(DEVELOPER),
    contracts.runeRegistry,
    encodeFunctionData({ abi: runeRegistryAbi, functionName: "proposeSplit", args: [mimir.rune, { developerBps: 5_500, infraBps: 2_000, stakersBps: 2_500 }, mimir.infra.map((s) => s.recipient), mimir.infra.map((s) => s.weightBps)] }),
  );
  await openConsole(page, wallet);
  await expect(page.getByTestId("earnings").first()).toBeVisible();
  await expect(page.getByTestId("proposal-controls")).toBeVisible();
  await agentCard(page, "Yggdrasil Route").getByRole("button", { name: "Retire…" }).click();
  const form = page.getByTestId("register-form");
  await form.getByLabel("Web page (optional)").fill("http://example.com");
  await form.getByLabel("Developer %").fill("80");
  await form.getByRole("button", { name: "Add recipient" }).click();
  await form.getByRole("button", { name: "Register agent" }).click();
  await expect(form.getByTestId("form-errors")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/developer-light.png", fullPage: true });
  await page.evaluate(() => document.documentElement.classList.add("dark"));
  await page.screenshot({ path: "test-results/screenshots/developer-dark.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => document.documentElement.classList.remove("dark"));
  await expect(page.getByTestId("developer-agent").first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/screenshots/developer-phone.png", fullPage: true });
  // The long phone page in screen-sized pieces, to look at.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, n = 1; y < height; y += 844, n++) {
    await page.screenshot({ path: `test-results/screenshots/developer-phone-${n}.png`, fullPage: true, clip: { x: 0, y, width: 390, height: Math.min(844, height - y) } });
  }
});
