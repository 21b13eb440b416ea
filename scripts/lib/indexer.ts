import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { isPortFree } from "./anvil";
import { projectRoot } from "./artifacts";

/** Options of {@link startIndexer}. The chain and deployment are the app's variables, passed through `env`. */
export interface StartIndexerOptions {
  /** Port of the indexer's HTTP server (SQL over HTTP, /ready, /status). */
  port: number;
  /** CHAIN_ID, RPC_URL, DEPLOYMENT_FILE, DATABASE_URL, INDEXER_* (scripts/indexer/options.ts); PORT is ignored. */
  env?: NodeJS.ProcessEnv;
  /** Database schema of the indexer's tables (Postgres: one per deployment of the indexer). Default `public`. */
  schema?: string;
  /** Where the indexer's log goes: a file path, `"inherit"` (this terminal) or `"ignore"`. Default `"ignore"`. */
  log?: string;
}

/** A started indexer. */
export interface RunningIndexer {
  /** Base URL of its HTTP server, e.g. `http://127.0.0.1:42069` (the app's INDEXER_URL). */
  url: string;
  process: ChildProcess;
  /** Resolves once the backfill is done (GET /ready answers 200); rejects if the indexer exits first. */
  ready(timeoutMs?: number): Promise<void>;
  /**
   * Stops it the way PGlite needs: SIGINT, then waits for it to flush and exit (SIGKILL only after `graceMs`).
   * SIGTERM can corrupt a PGlite database during live indexing.
   */
  stop(graceMs?: number): Promise<void>;
}

/** The indexer could not start, with a message that says why. */
export class IndexerStartError extends Error {
  override name = "IndexerStartError";
}

const PONDER_BIN = path.join(projectRoot, "node_modules", "ponder", "dist", "esm", "bin", "ponder.js");
export const INDEXER_ROOT = path.join(projectRoot, "scripts", "indexer");

/**
 * Starts the Ponder indexer of scripts/indexer (`ponder start`) as a child process and returns at once; await
 * `ready()` for the backfill. It listens on 127.0.0.1 only.
 *
 * @example
 * const indexer = await startIndexer({ port: 42069, env: { ...process.env, RPC_URL: anvil.rpcUrl } });
 * await indexer.ready();
 * // … INDEXER_URL=indexer.url …
 * await indexer.stop();
 */
export async function startIndexer(options: StartIndexerOptions): Promise<RunningIndexer> {
  const { port } = options;
  if (!(await isPortFree(port))) throw new IndexerStartError(`port ${port} is already in use: stop the other indexer or set INDEXER_PORT`);
  const env: NodeJS.ProcessEnv = {
    ...(options.env ?? process.env),
    PONDER_TELEMETRY_DISABLED: "true",
    // Ponder reads PORT before its --port flag; PORT is the app's.
    PORT: undefined,
  };
  delete env.PORT;
  const logTarget = options.log ?? "ignore";
  const toFile = logTarget !== "inherit" && logTarget !== "ignore";
  if (toFile) env.NO_COLOR = "1";
  const child = spawn(
    process.execPath,
    [PONDER_BIN, "start", "--root", INDEXER_ROOT, "--port", String(port), "--hostname", "127.0.0.1", "--schema", options.schema ?? "public"],
    { cwd: projectRoot, env, stdio: ["ignore", toFile ? "pipe" : logTarget, toFile ? "pipe" : logTarget] },
  );
  if (toFile) {
    mkdirSync(path.dirname(logTarget), { recursive: true });
    const file = createWriteStream(logTarget, { flags: "a" });
    child.stdout?.pipe(file);
    child.stderr?.pipe(file);
  }
  const url = `http://127.0.0.1:${port}`;
  const exited = once(child, "exit").then(([code, signal]) => ({ code: code as number | null, signal: signal as string | null }));

  return {
    url,
    process: child,
    async ready(timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      let done = false;
      const failure = exited.then(({ code, signal }) => {
        if (!done) throw new IndexerStartError(`the indexer exited (${signal ?? `code ${code}`}) before its backfill was done${toFile ? `: see ${logTarget}` : ""}`);
      });
      const poll = (async () => {
        while (Date.now() < deadline) {
          try {
            const response = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(2_000) });
            if (response.status === 200) return;
          } catch {
            // Not listening yet.
          }
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        throw new IndexerStartError(`the indexer was not ready after ${Math.round(timeoutMs / 1000)} s`);
      })();
      try {
        await Promise.race([poll, failure]);
      } finally {
        done = true;
      }
    },
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGINT");
      const timeout = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timeout);
    },
  };
}
