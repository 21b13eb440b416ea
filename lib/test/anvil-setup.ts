/**
 * Vitest global setup of the `anvil` project: starts anvil on a free port, deploys Aurorune with
 * scripts/deploy.ts (writing no deployment file), hands the RPC URL and the deployment to the tests through
 * `inject`, and stops anvil afterwards.
 */
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { type AuroruneDeployment, deployAurorune } from "../../scripts/deploy";
import { startAnvil } from "../../scripts/lib/anvil";

declare module "vitest" {
  export interface ProvidedContext {
    /** JSON-RPC URL of the test chain. */
    anvilRpcUrl: string;
    /** Aurorune as deployed on it. */
    deployment: AuroruneDeployment;
  }
}

/** Starts the chain and deploys; returns the teardown. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const anvil = await startAnvil();
  try {
    const deployment = await deployAurorune({ rpcUrl: anvil.rpcUrl, deploymentsDir: null, env: {} });
    project.provide("anvilRpcUrl", anvil.rpcUrl);
    project.provide("deployment", deployment);
  } catch (error) {
    await anvil.stop();
    throw error;
  }
  return () => anvil.stop();
}
