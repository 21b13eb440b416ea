/**
 * The history indexer of the e2e indexer pass, run by the chain server (e2e/support/chain-server.ts): Ponder
 * (scripts/lib/indexer.ts) reading anvil directly, its PGlite database in a temporary directory removed on close,
 * its log appended to .e2e/indexer/indexer.log. e2e/history-fallback.spec.ts drives it through the chain
 * server's control endpoints: stop it, start it again on the same database (it resumes), or start it on a fresh
 * database behind a gate that holds its log reads, so its backfill lasts until the spec opens the gate.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { type IncomingMessage, type Server, createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { type RunningIndexer, startIndexer } from "../../scripts/lib/indexer";
import { E2E_INDEXER_LOG } from "./ports";

/** Options of {@link E2eIndexer}. */
export interface E2eIndexerOptions {
  anvilUrl: string;
  deploymentFile: string;
  port: number;
  gatePort: number;
}

type Database = "main" | "fresh";

/** Reads a request's whole body. */
function bodyOf(request: IncomingMessage): Promise<ReturnType<typeof Buffer.concat>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

/**
 * The JSON-RPC calls of a request body (one call or a batch), each as its method, plus `<method>:<tag>` when its
 * first parameter is a block tag (`eth_getBlockByNumber:finalized`): what the chain server's proxy counts.
 */
export function callsOf(body: Buffer): string[] {
  try {
    const parsed = JSON.parse(body.toString("utf8")) as { method?: unknown; params?: unknown } | { method?: unknown; params?: unknown }[];
    return (Array.isArray(parsed) ? parsed : [parsed]).flatMap((call) => {
      const method = typeof call?.method === "string" ? call.method : "?";
      const first = Array.isArray(call?.params) ? (call.params as unknown[])[0] : undefined;
      return typeof first === "string" && /^(latest|finalized|safe|pending|earliest)$/.test(first) ? [method, `${method}:${first}`] : [method];
    });
  } catch {
    return [];
  }
}

export class E2eIndexer {
  private running?: RunningIndexer;
  private database?: Database;
  private readonly directories: Record<Database, string>;
  private gateOpen = true;
  private held: (() => void)[] = [];
  private readonly gate: Server;
  /** Set while closing: an exit then is expected, not news. */
  private closing = false;

  constructor(private readonly options: E2eIndexerOptions) {
    const root = mkdtempSync(path.join(tmpdir(), "aurorune-e2e-indexer-"));
    this.directories = { main: path.join(root, "main"), fresh: path.join(root, "fresh") };
    rmSync(E2E_INDEXER_LOG, { force: true });
    // The gate: a pass-through to anvil that holds eth_getLogs while closed (the backfill's reads).
    this.gate = createServer((request, response) => {
      void bodyOf(request).then((body) => {
        const forward = () => {
          fetch(options.anvilUrl, { method: "POST", headers: { "content-type": "application/json" }, body })
            .then(async (upstream) => {
              response.writeHead(upstream.status, { "content-type": "application/json" });
              response.end(Buffer.from(await upstream.arrayBuffer()));
            })
            .catch(() => request.socket.destroy());
        };
        if (!this.gateOpen && callsOf(body).includes("eth_getLogs")) this.held.push(forward);
        else forward();
      });
    });
    this.gate.listen(options.gatePort, "127.0.0.1");
  }

  get url(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  /** Which database the running indexer uses, if one runs. */
  get state(): { running: boolean; database?: Database; gateOpen: boolean } {
    return { running: this.running !== undefined, database: this.database, gateOpen: this.gateOpen };
  }

  /**
   * Starts the indexer on its main database (a fresh one at the first start; the same one after a stop, so it
   * resumes). A running indexer on the main database is left alone; one on the fresh database is stopped first.
   */
  async startMain(): Promise<void> {
    if (this.running && this.database === "main") return;
    await this.stop();
    rmSync(this.directories.fresh, { recursive: true, force: true });
    this.openGate();
    await this.start("main", this.options.anvilUrl);
  }

  /** Stops the running indexer, if any, with SIGINT (PGlite must not be killed) and waits for it to exit. */
  async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    this.database = undefined;
    await running?.stop();
  }

  /**
   * Starts the indexer on a new, empty database that reads the chain through the gate, closed: it stays in its
   * backfill until {@link openGate}. The main database is kept for {@link startMain}.
   */
  async startBackfillBehindClosedGate(): Promise<void> {
    await this.stop();
    rmSync(this.directories.fresh, { recursive: true, force: true });
    this.gateOpen = false;
    await this.start("fresh", `http://127.0.0.1:${this.options.gatePort}`);
  }

  /** Lets the held log reads through, and every later one. */
  openGate(): void {
    this.gateOpen = true;
    for (const forward of this.held.splice(0)) forward();
  }

  /** Stops the indexer and removes its databases. */
  async close(): Promise<void> {
    this.closing = true;
    this.openGate();
    await this.stop();
    this.gate.close();
    rmSync(path.dirname(this.directories.main), { recursive: true, force: true });
  }

  private async start(database: Database, rpcUrl: string): Promise<void> {
    const running = await startIndexer({
      port: this.options.port,
      env: {
        ...process.env,
        CHAIN_ID: "31337",
        RPC_URL: this.options.anvilUrl,
        DEPLOYMENT_FILE: this.options.deploymentFile,
        DATABASE_URL: "",
        INDEXER_PGLITE_DIR: this.directories[database],
        INDEXER_RPC_URL: rpcUrl === this.options.anvilUrl ? "" : rpcUrl,
        // Small, so a block mined by a spec is indexed well within the app's wait for the indexer (3 s).
        INDEXER_POLLING_INTERVAL_MS: "200",
      },
      log: E2E_INDEXER_LOG,
    });
    this.running = running;
    this.database = database;
    running.process.on("exit", (code, signal) => {
      if (this.running === running && !this.closing) {
        this.running = undefined;
        this.database = undefined;
        console.error(`e2e chain: the history indexer exited by itself (${signal ?? `code ${code}`}); see ${E2E_INDEXER_LOG}`);
      }
    });
  }
}
