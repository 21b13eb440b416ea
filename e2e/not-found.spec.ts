import { readFileSync } from "node:fs";
import type { Address, Hex } from "viem";
import { runeRegistryAbi } from "../contracts-abi/generated";
import { runeToFuthark } from "../lib/rune-fingerprint";
import { expect, test } from "./support/fixtures";
import { E2E_DEPLOYMENT_DIR } from "./support/ports";

const deployment = JSON.parse(readFileSync(`${E2E_DEPLOYMENT_DIR}/31337.json`, "utf8")) as { contracts: { runeRegistry: Address } };

test("a malformed rune gets a 404 that says it is not a rune, with a way back", async ({ page }) => {
  for (const path of ["/agents/0xdeadbeef", "/agents/%3Cscript%3Ealert(1)%3C%2Fscript%3E"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "This is not a rune" })).toBeVisible();
    await expect(page).toHaveTitle("Not a rune · Aurorune");
    await page.getByRole("link", { name: "Back to all agents" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1, name: "Agents" })).toBeVisible();
  }
});

test("a well-formed but unregistered rune gets a 404 that names no agent", async ({ page, chain }) => {
  const unknown = `0x${"ab".repeat(32)}` as Hex;
  const registered = await chain.client.readContract({
    address: deployment.contracts.runeRegistry,
    abi: runeRegistryAbi,
    functionName: "statusOf",
    args: [unknown],
  });
  expect(registered).toBe(0); // Unregistered
  const response = await page.goto(`/agents/${unknown}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "No agent has this rune" })).toBeVisible();
  await expect(page).toHaveTitle("Unknown agent · Aurorune");
  expect(await page.title()).not.toContain(runeToFuthark(unknown));
});

for (const [path, title] of [
  ["/no-such-page", "This page does not exist"],
  ["/agents/0xdeadbeef", "This is not a rune"],
  [`/agents/0x${"cd".repeat(32)}`, "No agent has this rune"],
] as const) {
  test(`404 ${path} is themed and readable in dark mode`, async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem("aurorune.theme", "dark"));
    await page.goto("/portfolio");
    const darkBackground = await page.locator("body").evaluate((body) => getComputedStyle(body).backgroundColor);
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    const heading = page.getByRole("heading", { level: 1, name: title });
    await expect(heading).toBeVisible();
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    // The framework's default 404 paints a white box whatever the theme; ours has the site's dark background.
    await expect(page.locator("body")).toHaveCSS("background-color", darkBackground);
    await expect(heading).not.toHaveCSS("color", "rgb(0, 0, 0)");
    await expect(page.getByRole("link", { name: "Back to all agents" })).toBeVisible();
  });
}

test("pages load with an icon and no console errors", async ({ page, request }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/image\//);
  for (const path of ["/", "/portfolio", "/verify"]) {
    await page.goto(path);
    await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /icon/);
  }
  expect(errors).toEqual([]);
});
