import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { Address } from "viem";
import { runeRegistryAbi } from "../contracts-abi/generated";
import { expect, test } from "./support/fixtures";
import { E2E_APP_PORT, E2E_DEPLOYMENT_DIR, E2E_RPC_PORT } from "./support/ports";

// Measures (does not time) what a first visit downloads: the gzip bytes of JavaScript each read page loads
// before any wallet code, and checks that nothing is fetched from a host outside this machine.
// Report: test-results/first-load.json. The budget is 150 kB gzip (150,000 bytes) of JavaScript per page, wallet
// code excluded (it loads on demand): the spec fails when any page measured goes over it.
const BUDGET_BYTES = 150_000;

const deployment = JSON.parse(readFileSync(`${E2E_DEPLOYMENT_DIR}/31337.json`, "utf8")) as { contracts: { runeRegistry: Address } };

test("first load: JavaScript bytes per page within the budget, and no outside hosts", async ({ browser, baseURL, chain }) => {
  const rune = await chain.client.readContract({ address: deployment.contracts.runeRegistry, abi: runeRegistryAbi, functionName: "runeAt", args: [0n] });
  const READ_PAGES = ["/", `/agents/${rune}`, "/portfolio", "/verify", "/developer"];
  const report: Record<string, { scripts: number; gzipBytes: number }> = {};
  const outside: string[] = [];
  const localHosts = new Set([`127.0.0.1:${E2E_APP_PORT}`, `127.0.0.1:${E2E_RPC_PORT}`]);
  for (const route of READ_PAGES) {
    // A fresh context per page: an empty cache, as on a first visit.
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.protocol.startsWith("http") && !localHosts.has(url.host)) outside.push(request.url());
    });
    const scripts: Promise<number>[] = [];
    const onResponse = (response: import("@playwright/test").Response) => {
      if (response.request().resourceType() === "script") {
        scripts.push(response.finished().then(() => response.request().sizes()).then((sizes) => sizes.responseBodySize));
      }
    };
    page.on("response", onResponse);
    await page.goto(route, { waitUntil: "networkidle" });
    page.off("response", onResponse);
    const sizes = await Promise.all(scripts);
    report[route] = { scripts: sizes.length, gzipBytes: sizes.reduce((a, b) => a + b, 0) };
    await context.close();
  }
  mkdirSync("test-results", { recursive: true });
  writeFileSync("test-results/first-load.json", `${JSON.stringify(report, null, 2)}\n`);
  for (const [route, { scripts, gzipBytes }] of Object.entries(report)) {
    console.log(`first load ${route}: ${gzipBytes} bytes (${(gzipBytes / 1000).toFixed(1)} kB) gzip JS in ${scripts} scripts`);
  }
  for (const [route, { scripts, gzipBytes }] of Object.entries(report)) {
    expect(scripts, route).toBeGreaterThan(0);
    expect(gzipBytes, `${route}: ${gzipBytes} bytes of JavaScript on first load, budget ${BUDGET_BYTES}`).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(gzipBytes, route).toBeGreaterThan(0);
  }
  expect(outside).toEqual([]);
});
