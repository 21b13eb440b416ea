import "server-only";
import { BaseError } from "viem";
import { type AppConfig, ConfigError } from "../config/parse";
import { getConfig } from "../config/server";

/** The outcome of a server-side chain read: data, or a message for the error state. */
export type ChainRead<T> = { ok: true; data: T; config: AppConfig } | { ok: false; title: string; detail: string };

/** Runs a read against the configured chain and turns failures into user-facing messages (never a stack). */
export async function readChain<T>(read: (config: AppConfig) => Promise<T>): Promise<ChainRead<T>> {
  let config: AppConfig;
  try {
    config = getConfig();
  } catch (error) {
    const detail = error instanceof ConfigError ? error.message : "The app configuration could not be read.";
    return { ok: false, title: "Configuration problem", detail };
  }
  try {
    return { ok: true, data: await read(config), config };
  } catch (error) {
    // A setting read lazily by the read itself (e.g. LOG_CHUNK_BLOCKS) is a configuration problem, not a dead node.
    if (error instanceof ConfigError) return { ok: false, title: "Configuration problem", detail: error.message };
    // One line: the short message and the node's own reason (never the URL, which may hold a key).
    const reason = error instanceof BaseError ? `${error.shortMessage}${error.details ? ` (${error.details})` : ""}` : String(error);
    console.error("chain read failed:", reason.split("\n")[0]);
    return {
      ok: false,
      title: "Can't reach the chain",
      // No URL here: the server's RPC URL may carry an API key.
      detail: `The RPC node of ${config.chainName} did not answer. Check that it is running, then retry.`,
    };
  }
}
