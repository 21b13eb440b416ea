import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_DEV_ANVIL_PORT, E2E_DEV_APP_PORT, E2E_DEV_INDEXER_PORT } from "./support/ports";

// `npm run dev` as a newcomer runs it: its own chain, deploy, seed and `next dev`. One spec, several checks, because
// starting it (seed + first compile) is the expensive part.
test.describe.configure({ timeout: 300_000 });

let dev: ChildProcess | undefined;
let output = "";
// A fresh clone has no forge output yet: give the run an empty one, so it builds the contracts as a newcomer's does.
const forgeScratch = mkdtempSync(path.join(tmpdir(), "aurorune-dev-spec-"));

test.afterAll(async () => {
  if (dev?.pid !== undefined && dev.exitCode === null && dev.signalCode === null) {
    process.kill(-dev.pid, "SIGINT");
    await new Promise((resolve) => dev?.once("exit", resolve));
  }
  rmSync(forgeScratch, { recursive: true, force: true });
});

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2_000 });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

test("npm run dev serves an interactive app on localhost and 127.0.0.1, on loopback only, and stops on Ctrl-C", async ({ page }) => {
  dev = spawn("npx", ["tsx", "scripts/dev.ts"], {
    detached: true, // its own process group, so Ctrl-C (SIGINT to the group) is what a terminal would send
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      ANVIL_PORT: String(E2E_DEV_ANVIL_PORT),
      PORT: String(E2E_DEV_APP_PORT),
      INDEXER_PORT: String(E2E_DEV_INDEXER_PORT),
      HOST: "",
      FOUNDRY_OUT: path.join(forgeScratch, "out"),
      FOUNDRY_CACHE_PATH: path.join(forgeScratch, "cache"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  dev.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  dev.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await expect.poll(() => output, { timeout: 180_000 }).toContain("Aurorune is starting at");
  // Messages in the order things happen: the build, then the chain, then the deploy.
  const building = output.indexOf("building the contracts");
  expect(building).toBeGreaterThanOrEqual(0);
  expect(building).toBeLessThan(output.indexOf("starting anvil"));
  expect(output.indexOf("starting anvil")).toBeLessThan(output.indexOf("Deploying"));
  await expect.poll(() => accepts("127.0.0.1", E2E_DEV_APP_PORT), { timeout: 60_000 }).toBe(true);

  for (const origin of [`http://127.0.0.1:${E2E_DEV_APP_PORT}`, `http://localhost:${E2E_DEV_APP_PORT}`]) {
    await page.goto(`${origin}/`, { timeout: 180_000 });
    await expect(page.getByRole("table", { name: "Agents" })).toBeVisible({ timeout: 60_000 });
    // Interactive means hydrated: the theme toggle is a client component that only works once React runs.
    const html = page.locator("html");
    const wasDark = ((await html.getAttribute("class")) ?? "").includes("dark");
    await page.getByRole("button", { name: "Toggle dark mode" }).click();
    await expect(html).toHaveClass(wasDark ? /^(?!.*\bdark\b)/ : /\bdark\b/);
  }

  // Listening on loopback only: another interface of this machine does not answer.
  const outside = Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry !== undefined && entry.family === "IPv4" && !entry.internal);
  expect(await accepts("127.0.0.1", E2E_DEV_APP_PORT)).toBe(true);
  if (outside) expect(await accepts(outside.address, E2E_DEV_APP_PORT)).toBe(false);
  else test.info().annotations.push({ type: "note", description: "no non-loopback interface to probe" });

  // Ctrl-C stops the app and the chain.
  process.kill(-dev.pid!, "SIGINT");
  await new Promise((resolve) => dev?.once("exit", resolve));
  await expect.poll(() => accepts("127.0.0.1", E2E_DEV_APP_PORT)).toBe(false);
  await expect.poll(() => accepts("127.0.0.1", E2E_DEV_ANVIL_PORT)).toBe(false);
  await expect.poll(() => accepts("127.0.0.1", E2E_DEV_INDEXER_PORT)).toBe(false);
});
