/**
 * Creation bytecode of the project's contracts, read at run time from forge's `out/` artifacts.
 *
 * The typed ABIs live in `contracts-abi/generated.ts`; the bytecode is not there, so deploy code reads it
 * from `out/<File>.sol/<Contract>.json`. When `out/` is missing the contracts are built once with forge;
 * when an artifact was compiled from sources that have changed since, loading fails with a clear message
 * instead of deploying stale code.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Hex, isHex, keccak256 } from "viem";

/** The project root (two levels above this file). */
export const projectRoot: string = fileURLToPath(new URL("../../", import.meta.url));

/** Contracts whose bytecode deploy code may ask for, keyed by contract name, valued by source file name. */
export const deployableContracts = {
  AurunesToken: "AurunesToken.sol",
  RuneRegistry: "RuneRegistry.sol",
  RevenueDistributor: "RevenueDistributor.sol",
  TestStablecoin: "TestStablecoin.sol",
  Multicall3: "Multicall3.sol",
  DevPriceFeed: "DevPriceFeed.sol",
} as const;

/** A contract name from {@link deployableContracts}. */
export type DeployableContract = keyof typeof deployableContracts;

/** Raised when an artifact is missing, unreadable or older than its sources. */
export class ArtifactError extends Error {
  override name = "ArtifactError";
}

interface ForgeArtifact {
  bytecode?: { object?: string; linkReferences?: Record<string, unknown> };
  metadata?: { sources?: Record<string, { keccak256?: string }> };
}

/** Options of {@link readBytecode}. */
export interface ReadBytecodeOptions {
  /** forge's output directory. Default: `$FOUNDRY_OUT` (as forge reads it), else `<root>/out`. */
  outDir?: string;
  /** Project root the artifact's source paths are relative to. Default: {@link projectRoot}. */
  root?: string;
}

/**
 * Reads a contract's creation bytecode from forge's `out/`, building the contracts first if `out/` does
 * not exist yet.
 *
 * @example
 * const bytecode = readBytecode("AurunesToken");
 * await walletClient.deployContract({ abi: aurunesTokenAbi, bytecode, args: [holder, supply] });
 */
export function readBytecode(contract: DeployableContract, options: ReadBytecodeOptions = {}): Hex {
  const root = options.root ?? projectRoot;
  const outDir = path.resolve(root, options.outDir ?? (process.env.FOUNDRY_OUT || "out"));
  if (!existsSync(outDir)) buildContracts(root, outDir, "no build yet");

  let artifact = readArtifact(contract, outDir, root);
  if (staleSource(artifact, root) !== undefined || !isHex(artifact.bytecode?.object ?? "")) {
    // Sources changed since the last build (e.g. a contract edit before `npm run dev`), or another forge
    // command left an ABI-only artifact: rebuild once, forced, so forge's cache cannot skip it.
    buildContracts(root, outDir, "contract artifacts are out of date");
    artifact = readArtifact(contract, outDir, root);
  }
  const bytecode = artifact.bytecode?.object;
  if (bytecode === undefined || !isHex(bytecode) || bytecode.length <= 2) {
    throw new ArtifactError(`forge artifact of ${contract} holds no creation bytecode`);
  }
  if (Object.keys(artifact.bytecode?.linkReferences ?? {}).length > 0) {
    throw new ArtifactError(`${contract} needs linked libraries, which this deploy code does not support`);
  }
  const stale = staleSource(artifact, root);
  if (stale !== undefined) {
    throw new ArtifactError(`forge artifact of ${contract} is older than ${stale}: run \`npm run build:contracts\``);
  }
  return bytecode;
}

/**
 * Makes sure every deployable contract has fresh bytecode in `out/`, building once if not, so the build's
 * message comes before anything that deploys.
 */
export function ensureContractsBuilt(options: ReadBytecodeOptions = {}): void {
  for (const contract of Object.keys(deployableContracts) as DeployableContract[]) readBytecode(contract, options);
}

function readArtifact(contract: DeployableContract, outDir: string, root: string): ForgeArtifact {
  const file = path.join(outDir, deployableContracts[contract], `${contract}.json`);
  if (!existsSync(file)) {
    throw new ArtifactError(`no forge artifact for ${contract} at ${path.relative(root, file)}: run \`npm run build:contracts\``);
  }
  try {
    return JSON.parse(readFileSync(file, "utf8")) as ForgeArtifact;
  } catch {
    throw new ArtifactError(`unreadable forge artifact ${path.relative(root, file)}: run \`npm run build:contracts\``);
  }
}

/** The first project source that changed or disappeared since the artifact was compiled, if any. */
function staleSource(artifact: ForgeArtifact, root: string): string | undefined {
  for (const [source, { keccak256: compiledHash }] of Object.entries(artifact.metadata?.sources ?? {})) {
    if (!source.startsWith("contracts/") || compiledHash === undefined) continue;
    const sourcePath = path.join(root, source);
    const current = existsSync(sourcePath) ? keccak256(readFileSync(sourcePath)) : undefined;
    if (current !== compiledHash) return source;
  }
  return undefined;
}

/** Runs `forge build` (no tests or scripts) in the project root; forge's output is shown only if it fails. */
function buildContracts(root: string, outDir: string, reason: string): void {
  process.stderr.write(`${reason}: building the contracts (forge build)…\n`);
  const forge = path.join(root, "node_modules", ".bin", "forge");
  const args = ["build", "--force", "--skip", "test", "--skip", "script"];
  const result = spawnSync(forge, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  if (result.error !== undefined || result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
    throw new ArtifactError(`\`forge build\` failed${result.error ? `: ${result.error.message}` : ""}`);
  }
}
