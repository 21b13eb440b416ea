/**
 * Starts and stops a local anvil node (from npm). Shared by `npm run dev`, the vitest anvil project and the
 * Playwright harness, so every place starts the chain the same way.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import path from "node:path";
import { createPublicClient, http } from "viem";
import { projectRoot } from "./artifacts";

const ANVIL = path.join(projectRoot, "node_modules", ".bin", "anvil");

/** Options of {@link startAnvil}. */
export interface StartAnvilOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Chain id (default 31337). */
  chainId?: number;
  /** Genesis timestamp in seconds (default: now). Seeding history starts the chain in the past. */
  timestamp?: bigint;
  /** Funded, unlocked accounts (default 10). */
  accounts?: number;
}

/** A running anvil node. */
export interface RunningAnvil {
  rpcUrl: string;
  port: number;
  process: ChildProcess;
  /** Stops the node and waits for it to exit. */
  stop(): Promise<void>;
}

/** A failure to start anvil, with a one-line reason. */
export class AnvilStartError extends Error {
  override name = "AnvilStartError";
}

/**
 * Starts anvil and resolves once it answers JSON-RPC.
 *
 * @example
 * const anvil = await startAnvil({ port: 8545 });
 * // ... anvil.rpcUrl ...
 * await anvil.stop();
 */
export async function startAnvil(options: StartAnvilOptions = {}): Promise<RunningAnvil> {
  const port = options.port && options.port > 0 ? options.port : await freePort();
  if (!(await isPortFree(port))) {
    throw new AnvilStartError(`port ${port} is already in use (another chain or dev server running?)`);
  }
  const args = [
    "--host", "127.0.0.1",
    "--port", String(port),
    "--chain-id", String(options.chainId ?? 31337),
    "--accounts", String(options.accounts ?? 10),
  ];
  if (options.timestamp !== undefined) args.push("--timestamp", options.timestamp.toString());
  const child = spawn(ANVIL, args, { stdio: ["ignore", "ignore", "pipe"] });
  const rpcUrl = `http://127.0.0.1:${port}`;
  const stopOnExit = () => child.kill("SIGTERM");
  process.once("exit", stopOnExit);
  const running: RunningAnvil = {
    rpcUrl,
    port,
    process: child,
    async stop() {
      process.off("exit", stopOnExit);
      await stopProcess(child);
    },
  };
  try {
    await waitUntilServing(rpcUrl, child);
  } catch (error) {
    await running.stop();
    throw error;
  }
  return running;
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (address === null || typeof address === "string") throw new AnvilStartError("could not pick a free port");
  return address.port;
}

/** Whether nothing listens on 127.0.0.1:`port`. */
export async function isPortFree(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** Polls `eth_chainId` until anvil answers (or exits, or 15 s pass). */
async function waitUntilServing(rpcUrl: string, child: ChildProcess): Promise<void> {
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const client = createPublicClient({ transport: http(rpcUrl, { retryCount: 0, timeout: 1_000 }) });
  const giveUpAt = Date.now() + 15_000;
  while (Date.now() < giveUpAt) {
    if (child.exitCode !== null) {
      const reason = stderr.trim().split("\n").pop() ?? "";
      throw new AnvilStartError(`anvil exited with code ${child.exitCode}${reason ? `: ${reason}` : ""}`);
    }
    try {
      await client.getChainId();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new AnvilStartError(`anvil did not answer on ${rpcUrl} within 15 s`);
}

/** Stops a child process (the npm wrapper forwards the signal to the binary) and waits for it to exit. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timeout = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timeout);
}
