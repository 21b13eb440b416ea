import { Agent, type IncomingMessage, type ServerResponse, createServer, request } from "node:http";
import { once } from "node:events";
import type { AddressInfo } from "node:net";

/** A JSON-RPC relay in front of a node that counts the methods it forwards. */
export interface RpcCountingProxy {
  /** The relay's URL, to give an app as its RPC_URL. */
  url: string;
  /** Calls forwarded so far, by method (a batch counts each of its calls). */
  counts(): ReadonlyMap<string, number>;
  /** Calls of one method forwarded so far. */
  count(method: string): number;
  close(): Promise<void>;
}

/**
 * Starts a relay on a free loopback port that forwards every HTTP JSON-RPC request to `target` as it is and
 * counts the methods asked: what tells a benchmark which reads an app really sent to the chain (e.g. that an app
 * with an indexer read no logs). The answer is streamed back untouched.
 *
 * @example
 * const proxy = await startRpcCountingProxy(anvil.rpcUrl);
 * // … app with RPC_URL=proxy.url …
 * proxy.count("eth_getLogs");
 * await proxy.close();
 */
export async function startRpcCountingProxy(target: string): Promise<RpcCountingProxy> {
  const counts = new Map<string, number>();
  const upstream = new URL(target);
  // Kept-alive connections to the node, as a client of the node itself would keep them.
  const agent = new Agent({ keepAlive: true });

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      for (const method of methodsOf(body)) counts.set(method, (counts.get(method) ?? 0) + 1);
      const forward = request(
        {
          agent,
          host: upstream.hostname,
          port: upstream.port,
          path: `${upstream.pathname}${upstream.search}`,
          method: req.method,
          headers: { "content-type": req.headers["content-type"] ?? "application/json", "content-length": body.byteLength },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on("error", (error) => {
        if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
        res.end(`relay: ${error.message}`);
      });
      forward.end(body);
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    counts: () => counts,
    count: (method) => counts.get(method) ?? 0,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}

/** The methods of a JSON-RPC request body (one call or a batch); none when it is not JSON-RPC. */
function methodsOf(body: Buffer): string[] {
  try {
    const parsed: unknown = JSON.parse(body.toString("utf8"));
    const calls = Array.isArray(parsed) ? parsed : [parsed];
    return calls.map((call) => (typeof call === "object" && call !== null && typeof (call as { method?: unknown }).method === "string" ? (call as { method: string }).method : "?"));
  } catch {
    return [];
  }
}
