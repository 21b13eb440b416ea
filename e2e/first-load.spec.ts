import { mkdirSync, writeFileSync } from "node:fs";
import { expect, test } from "./support/fixtures";
import { E2E_APP_PORT, E2E_RPC_PORT } from "./support/ports";

// Measures (does not time) what a first visit downloads: the gzip bytes of JavaScript each read page loads
// before any wallet code, and checks that nothing is fetched from a host outside this machine.
// Report: test-results/first-load.json (the budget is 150 kB gzip; see README).
const READ_PAGES = ["/", "/verify"];

test("first load: JavaScript bytes per read page, and no outside hosts", async ({ browser, baseURL }) => {
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
    console.log(`first load ${route}: ${(gzipBytes / 1024).toFixed(1)} kB gzip JS in ${scripts} scripts`);
  }
  for (const { scripts, gzipBytes } of Object.values(report)) {
    expect(scripts).toBeGreaterThan(0);
    expect(gzipBytes).toBeGreaterThan(0);
  }
  expect(outside).toEqual([]);
});
