/**
 * Vitest global setup of the `anvil` project: starts anvil on a free port, deploys Aurorune with
 * scripts/deploy.ts (writing no deployment file), hands the RPC URL and the deployment to the tests through
 * `inject`, and stops anvil afterwards.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import path from "node:path";
import { createPublicClient, http } from "viem";
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { type AuroruneDeployment, deployAurorune, LOCAL_CHAIN_ID } from "../../scripts/deploy";
import { projectRoot } from "../../scripts/lib/artifacts";

declare module "vitest" {
  export interface ProvidedContext {
    /** JSON-RPC URL of the test chain. */
    anvilRpcUrl: string;
    /** Aurorune as deployed on it. */
    deployment: AuroruneDeployment;
  }
}

const ANVIL = path.join(projectRoot, "node_modules", ".bin", "anvil");

/** Starts the chain and deploys; returns the teardown. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const port = await freePort();
  const rpcUrl = `http://127.0.0.1:${port}`;
  const anvil = spawn(ANVIL, ["--host", "127.0.0.1", "--port", String(port), "--chain-id", String(LOCAL_CHAIN_ID)], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  const stopOnExit = () => anvil.kill("SIGTERM");
  process.once("exit", stopOnExit);
  const teardown = async () => {
    process.off("exit", stopOnExit);
    await stop(anvil);
  };

  try {
    await waitUntilServing(rpcUrl, anvil);
    const deployment = await deployAurorune({ rpcUrl, deploymentsDir: null, env: {} });
    project.provide("anvilRpcUrl", rpcUrl);
    project.provide("deployment", deployment);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

/** A TCP port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (address === null || typeof address === "string") throw new Error("could not pick a free port");
  return address.port;
}

/** Polls `eth_chainId` until anvil answers (or exits, or 15 s pass). */
async function waitUntilServing(rpcUrl: string, anvil: ChildProcess): Promise<void> {
  let stderr = "";
  anvil.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const client = createPublicClient({ transport: http(rpcUrl, { retryCount: 0, timeout: 1_000 }) });
  const giveUpAt = Date.now() + 15_000;
  while (Date.now() < giveUpAt) {
    if (anvil.exitCode !== null) throw new Error(`anvil exited with code ${anvil.exitCode}: ${stderr.trim()}`);
    try {
      await client.getChainId();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`anvil did not answer on ${rpcUrl} within 15 s`);
}

/** Stops anvil (the npm wrapper forwards the signal to the binary) and waits for it to exit. */
async function stop(anvil: ChildProcess): Promise<void> {
  if (anvil.exitCode !== null || anvil.signalCode !== null) return;
  const exited = once(anvil, "exit");
  anvil.kill("SIGTERM");
  const timeout = setTimeout(() => anvil.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timeout);
}
