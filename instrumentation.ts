/** Runs once when the Next.js server starts: validates the chain configuration and says what is wrong. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getConfig } = await import("./lib/config/server");
  const { redactUrl } = await import("./lib/config/parse");
  try {
    const config = getConfig();
    console.log(`Aurorune: chain ${config.chainId} (${config.chainName}) at ${redactUrl(config.rpcUrl)}`);
  } catch (error) {
    // Pages show the same message instead of data. The server keeps running: the deployment file may still be
    // written after start-up (it is read again on the next request until it is valid).
    console.error(`Aurorune configuration problem: ${error instanceof Error ? error.message : String(error)}`);
  }
}
