import "server-only";
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
    console.error("chain read failed:", error instanceof Error ? error.message.split("\n")[0] : error);
    return {
      ok: false,
      title: "Can't reach the chain",
      // No URL here: the server's RPC URL may carry an API key.
      detail: `The RPC node of ${config.chainName} did not answer. Check that it is running, then retry.`,
    };
  }
}
