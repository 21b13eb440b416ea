/**
 * Checks a signed receipt against the chain the way `RevenueDistributor.pay` / `payCollaborative` will, one
 * check per rule in the contract's order, each with a plain reason and, when it fails, the custom error the
 * contract would revert with. Read-only: works for anyone (the /verify page, the CLI, a payer before paying).
 */
import {
  type Address,
  type Hex,
  type PublicClient,
  formatUnits,
  isAddressEqual,
  zeroAddress,
} from "viem";
import { revenueDistributorAbi, runeRegistryAbi } from "../../contracts-abi/generated";
import { formatChainTime, formatCountdown } from "../domain/chain-time";
import { hashCollaborativeReceipt, hashServiceReceipt } from "./eip712";
import type { SignedReceipt } from "./json";
import { isCanonicalSignature, recoverCollaborativeReceiptSigner, recoverServiceReceiptSigner } from "./recover";
import { checkCollaborators, checkReceiptAmount } from "./rules";
import { readReceiptToken } from "./token";

/** What a check is about. */
export type ReceiptCheckId =
  | "domain"
  | "collaborators"
  | "token"
  | "amount"
  | "rune"
  | "signature"
  | "serviceId"
  | "deadline"
  | "payer";

/** `unchecked`: could not be decided (an earlier fact is missing, e.g. an unknown rune has no signer to compare). */
export type ReceiptCheckOutcome = "pass" | "fail" | "unchecked";

/** A rune's status, as `RuneRegistry.RuneStatus` numbers it. */
export type ReceiptRuneStatus = "Unregistered" | "Active" | "Suspended" | "Retired";

/** One rule checked. */
export interface ReceiptCheck {
  id: ReceiptCheckId;
  /** Short name for a list: "Signature", "Service id"… */
  label: string;
  outcome: ReceiptCheckOutcome;
  /** Why, in plain words (one line). */
  detail: string;
  /** On `fail`: the RevenueDistributor custom error `pay` would revert with, when the contract refuses it. */
  errorName?: string;
  /** The rune a per-rune check is about (each rune of a collaborative receipt gets its own). */
  rune?: Hex;
  /** Signature check: the rune's current signer. */
  signer?: Address;
  /** Signature check: who signed, when an ECDSA signature could be recovered. */
  recovered?: Address;
  /** Rune check: the rune's status. */
  status?: ReceiptRuneStatus;
}

/** The outcome of {@link verifyReceipt}. */
export interface ReceiptVerification {
  /**
   * No check failed: sent by the payer with the exact amount (and approval for an ERC-20), the payment goes
   * through. Also false when the receipt is for another chain or distributor, or its file misdescribes the
   * token (checks with no contract error: the contract might take the payment, but not the one the payer reads).
   */
  payable: boolean;
  /** The first failed check of any kind, in the contract's order: the reason to show first. */
  failure?: ReceiptCheck;
  /** The first failed check the contract enforces itself: what `pay` would revert with now (its `errorName`). */
  revert?: ReceiptCheck;
  /** Every check, in the contract's order. */
  checks: ReceiptCheck[];
  /** The block the checks read. */
  blockNumber: bigint;
  /** That block's timestamp: the chain time deadlines are compared with. */
  chainTime: bigint;
}

/** Options of {@link verifyReceipt}. */
export interface VerifyReceiptOptions {
  /** The distributor the app pays through: a receipt made out to another one is refused. */
  expectedDistributor?: Address;
  /** The account that will send the payment; without it the payer check is `unchecked`. */
  from?: Address;
  /**
   * First block of the registry's history (`config.deploymentBlock`): lets a signature by a former signer be
   * named as such (a rotated key) instead of "another key". Without it, no log is read.
   */
  historyFromBlock?: bigint;
  /** Read at this block (default: latest). */
  blockNumber?: bigint;
}

const LABELS: Record<ReceiptCheckId, string> = {
  domain: "Chain and distributor",
  collaborators: "Runes and weights",
  token: "Token",
  amount: "Amount",
  rune: "Rune",
  signature: "Signature",
  serviceId: "Service id",
  deadline: "Deadline",
  payer: "Payer",
};

const STATUSES: readonly ReceiptRuneStatus[] = ["Unregistered", "Active", "Suspended", "Retired"];
const ERC1271_MAGIC_VALUE = "0x1626ba7e";
const erc1271Abi = [
  {
    type: "function",
    name: "isValidSignature",
    stateMutability: "view",
    inputs: [
      { name: "hash", type: "bytes32" },
      { name: "signature", type: "bytes" },
    ],
    outputs: [{ name: "", type: "bytes4" }],
  },
] as const;

/**
 * Checks a signed receipt against the chain: domain (chain id, distributor), for a collaborative receipt its
 * runes and weights, token accepted (and the file's symbol/decimals true), amount, each rune registered and
 * active, each signature by the rune's current signer (ERC-1271 contract signers asked on chain, as the
 * contract does), service id not paid yet for each rune, deadline not passed in chain time, payer. All reads
 * are at one block. RPC failures are thrown as viem errors (the caller shows its error state).
 *
 * @example
 * const parsed = parseReceiptJson(text);
 * if (parsed.ok) {
 *   const { payable, checks, revert } = await verifyReceipt(client, parsed.receipt, { from: account, historyFromBlock });
 * }
 */
export async function verifyReceipt(
  client: PublicClient,
  signed: SignedReceipt,
  options: VerifyReceiptOptions = {},
): Promise<ReceiptVerification> {
  const block = options.blockNumber === undefined ? await client.getBlock() : await client.getBlock({ blockNumber: options.blockNumber });
  const blockNumber = block.number;
  const chainTime = block.timestamp;
  const { receipt, domain } = signed;
  const collaborative = signed.primaryType === "CollaborativeReceipt";
  const runes: readonly Hex[] = collaborative ? signed.receipt.runes : [signed.receipt.rune];
  const signatures: readonly Hex[] = collaborative ? signed.signatures : [signed.signature];
  const checks: ReceiptCheck[] = [];
  const add = (check: Omit<ReceiptCheck, "label">) => checks.push({ ...check, label: LABELS[check.id] });

  const domainProblem = await checkDomain(client, signed, options.expectedDistributor, blockNumber);
  add(domainProblem ?? { id: "domain", outcome: "pass", detail: `for the distributor ${domain.distributor} on chain ${domain.chainId}` });
  if (domainProblem) {
    // Nothing else can be read meaningfully from a chain or distributor the receipt is not for.
    const ids: ReceiptCheckId[] = [...(collaborative ? ["collaborators" as const] : []), "token", "amount", "rune", "signature", "serviceId", "deadline", "payer"];
    for (const id of ids) add({ id, outcome: "unchecked", detail: "not checked: the receipt is for another chain or distributor" });
    return finish(checks, blockNumber, chainTime);
  }

  if (signed.primaryType === "CollaborativeReceipt") {
    const violation = checkCollaborators({ runes, weightsBps: signed.receipt.weightsBps, signatureCount: signatures.length });
    add(
      violation
        ? { id: "collaborators", outcome: "fail", detail: violation.message, errorName: violation.errorName }
        : { id: "collaborators", outcome: "pass", detail: `${runes.length} runes, weights ${signed.receipt.weightsBps.join(" / ")} (basis points)` },
    );
  }

  const distributor = domain.distributor;
  const [allowed, registry] = await Promise.all([
    client.readContract({ address: distributor, abi: revenueDistributorAbi, functionName: "isTokenAllowed", args: [receipt.token], blockNumber }),
    client.readContract({ address: distributor, abi: revenueDistributorAbi, functionName: "registry", blockNumber }),
  ]);
  add(await checkToken(client, signed, allowed, blockNumber));

  const amountViolation = checkReceiptAmount(receipt.amount);
  add(
    amountViolation
      ? { id: "amount", outcome: "fail", detail: amountViolation.message, errorName: amountViolation.errorName }
      : { id: "amount", outcome: "pass", detail: `${formatUnits(receipt.amount, signed.token.decimals)} ${signed.token.symbol}` },
  );

  const terms = await Promise.all(
    runes.map((rune) => client.readContract({ address: registry, abi: runeRegistryAbi, functionName: "paymentTerms", args: [rune], blockNumber })),
  );
  const statuses = terms.map((term) => STATUSES[term.status] ?? "Unregistered");
  runes.forEach((rune, i) => {
    const status = statuses[i] ?? "Unregistered";
    if (status === "Unregistered") {
      add({ id: "rune", rune, status, outcome: "fail", detail: "no agent is registered with this rune", errorName: "RevenueDistributorUnknownRune" });
    } else if (status !== "Active") {
      add({ id: "rune", rune, status, outcome: "fail", detail: `the agent is ${status.toLowerCase()}: it takes no payments`, errorName: "RevenueDistributorRuneNotActive" });
    } else {
      add({ id: "rune", rune, status, outcome: "pass", detail: "registered and active" });
    }
  });

  const digest = signed.primaryType === "CollaborativeReceipt" ? hashCollaborativeReceipt(signed.receipt, domain) : hashServiceReceipt(signed.receipt, domain);
  const signatureChecks = await Promise.all(
    runes.map((rune, i) =>
      checkSignature(client, {
        signed,
        rune,
        signer: statuses[i] === "Unregistered" ? undefined : terms[i]?.signer,
        signature: signatures[i],
        digest,
        registry,
        blockNumber,
        historyFromBlock: options.historyFromBlock,
      }),
    ),
  );
  for (const check of signatureChecks) add(check);

  const used = await Promise.all(
    runes.map((rune) =>
      client.readContract({ address: distributor, abi: revenueDistributorAbi, functionName: "isServiceUsed", args: [rune, receipt.serviceId], blockNumber }),
    ),
  );
  runes.forEach((rune, i) =>
    add(
      used[i]
        ? { id: "serviceId", rune, outcome: "fail", detail: "this service was already paid for with this rune: a receipt pays once", errorName: "RevenueDistributorServiceAlreadyPaid" }
        : { id: "serviceId", rune, outcome: "pass", detail: "not paid yet" },
    ),
  );

  add(checkDeadline(receipt.deadline, chainTime));

  if (options.from === undefined) {
    add({ id: "payer", outcome: "unchecked", detail: `only ${receipt.payer} can pay it (the receipt names its payer)` });
  } else if (isAddressEqual(options.from, receipt.payer)) {
    add({ id: "payer", outcome: "pass", detail: `made out to ${receipt.payer}, the paying account` });
  } else {
    add({
      id: "payer",
      outcome: "fail",
      detail: `made out to ${receipt.payer}, not to ${options.from}: only the named payer can pay it`,
      errorName: "RevenueDistributorPayerMismatch",
    });
  }
  return finish(checks, blockNumber, chainTime);
}

function finish(checks: ReceiptCheck[], blockNumber: bigint, chainTime: bigint): ReceiptVerification {
  const failure = checks.find((check) => check.outcome === "fail");
  const revert = checks.find((check) => check.outcome === "fail" && check.errorName !== undefined);
  return { payable: failure === undefined, failure, revert, checks, blockNumber, chainTime };
}

async function checkDomain(
  client: PublicClient,
  signed: SignedReceipt,
  expectedDistributor: Address | undefined,
  blockNumber: bigint,
): Promise<Omit<ReceiptCheck, "label"> | undefined> {
  const { chainId, distributor } = signed.domain;
  const actualChainId = await client.getChainId();
  if (actualChainId !== chainId) {
    return { id: "domain", outcome: "fail", detail: `the receipt is for chain ${chainId}, but this is chain ${actualChainId}` };
  }
  if (expectedDistributor !== undefined && !isAddressEqual(expectedDistributor, distributor)) {
    return {
      id: "domain",
      outcome: "fail",
      detail: `the receipt is made out to the distributor ${distributor}, not to Aurorune's ${expectedDistributor} on this chain`,
    };
  }
  const code = await client.getCode({ address: distributor, blockNumber });
  if (code === undefined || code === "0x") {
    return { id: "domain", outcome: "fail", detail: `there is no contract at ${distributor} on chain ${chainId}` };
  }
  return undefined;
}

async function checkToken(
  client: PublicClient,
  signed: SignedReceipt,
  allowed: boolean,
  blockNumber: bigint,
): Promise<Omit<ReceiptCheck, "label">> {
  const { token } = signed;
  if (!allowed) {
    return {
      id: "token",
      outcome: "fail",
      detail: `${token.address} is not accepted for payments`,
      errorName: "RevenueDistributorTokenNotAllowed",
    };
  }
  // The file's symbol and decimals are not signed: a wrong pair would make a person misread the amount.
  const actual = await readReceiptToken(client, { address: signed.receipt.token, blockNumber });
  if (actual.decimals !== token.decimals || actual.symbol !== token.symbol) {
    return {
      id: "token",
      outcome: "fail",
      detail:
        `the receipt says ${token.symbol} with ${token.decimals} decimals, but the token is ${actual.symbol} with ` +
        `${actual.decimals} decimals: its amount would be misread (${formatUnits(signed.receipt.amount, actual.decimals)} ${actual.symbol})`,
    };
  }
  return { id: "token", outcome: "pass", detail: `${actual.symbol}${actual.address === zeroAddress ? "" : ` (${actual.address})`} is accepted` };
}

interface SignatureCheckInput {
  signed: SignedReceipt;
  rune: Hex;
  /** The rune's current signer; undefined when the rune is not registered. */
  signer: Address | undefined;
  signature: Hex | undefined;
  digest: Hex;
  registry: Address;
  blockNumber: bigint;
  historyFromBlock: bigint | undefined;
}

async function checkSignature(client: PublicClient, input: SignatureCheckInput): Promise<Omit<ReceiptCheck, "label">> {
  const { rune, signer, signature } = input;
  const base = { id: "signature" as const, rune, signer };
  const refused = { outcome: "fail" as const, errorName: "RevenueDistributorInvalidSignature" };
  if (signer === undefined) return { ...base, outcome: "unchecked", detail: "not checked: the rune has no signer on record" };
  if (signature === undefined) return { ...base, ...refused, detail: "no signature was given for this rune" };
  if (isAddressEqual(signer, zeroAddress)) {
    return { ...base, ...refused, detail: "the rune has no signer: it changed hands and its new owner has not set one yet" };
  }
  const code = await client.getCode({ address: signer, blockNumber: input.blockNumber });
  if (code !== undefined && code !== "0x") {
    // A contract signer decides itself (ERC-1271), exactly as the contract's SignatureChecker asks it: a direct
    // isValidSignature call, not viem's verifyTypedData (whose ERC-6492 wrapper can accept what pay refuses).
    const accepted = await client
      .readContract({ address: signer, abi: erc1271Abi, functionName: "isValidSignature", args: [input.digest, signature], blockNumber: input.blockNumber })
      .then((value) => value.toLowerCase() === ERC1271_MAGIC_VALUE)
      .catch(() => false);
    return accepted
      ? { ...base, outcome: "pass", detail: `accepted by the rune's contract signer ${signer} (ERC-1271)` }
      : { ...base, ...refused, detail: `the rune's signer is a contract (${signer}) and it does not accept this signature (ERC-1271)` };
  }
  if (!isCanonicalSignature(signature)) {
    return { ...base, ...refused, detail: "the signature is malformed: not a 65-byte ECDSA signature with v 27/28 and low s" };
  }
  const recovered = await (input.signed.primaryType === "CollaborativeReceipt"
    ? recoverCollaborativeReceiptSigner({ receipt: input.signed.receipt, signature, ...input.signed.domain })
    : recoverServiceReceiptSigner({ receipt: input.signed.receipt, signature, ...input.signed.domain }));
  if (recovered === undefined) return { ...base, ...refused, detail: "no signer can be recovered from this signature" };
  if (isAddressEqual(recovered, signer)) {
    return { ...base, recovered, outcome: "pass", detail: `signed by the rune's current signer ${signer}` };
  }
  const rotatedAt = await formerSignerUntil(client, input, recovered);
  if (rotatedAt !== undefined) {
    return {
      ...base,
      recovered,
      ...refused,
      detail: `signed by ${recovered}, this rune's signer until it was rotated at block ${rotatedAt}; only its current signer ${signer} can sign now`,
    };
  }
  return {
    ...base,
    recovered,
    ...refused,
    detail: `the receipt was altered after signing, or signed by another key: it recovers to ${recovered}, not to the rune's signer ${signer}`,
  };
}

/** The block at which `candidate` stopped being the rune's signer, if it ever was (SignerRotated history). */
async function formerSignerUntil(client: PublicClient, input: SignatureCheckInput, candidate: Address): Promise<bigint | undefined> {
  if (input.historyFromBlock === undefined) return undefined;
  try {
    const logs = await client.getContractEvents({
      address: input.registry,
      abi: runeRegistryAbi,
      eventName: "SignerRotated",
      args: { rune: input.rune, previousSigner: candidate },
      fromBlock: input.historyFromBlock,
      toBlock: input.blockNumber,
    });
    return logs.at(-1)?.blockNumber ?? undefined;
  } catch {
    // History is a nicety for the message: a node that refuses the range still gets the plain answer.
    return undefined;
  }
}

function checkDeadline(deadline: bigint, chainTime: bigint): Omit<ReceiptCheck, "label"> {
  // The payment lands in a later block, whose timestamp is above the latest one: a deadline equal to the latest
  // block's time has already passed for it.
  if (deadline <= chainTime) {
    const ago = deadline === chainTime ? "just now" : `${formatCountdown(chainTime - deadline)} ago`;
    return {
      id: "deadline",
      outcome: "fail",
      detail: `expired ${ago} (deadline ${formatChainTime(deadline)}, chain time ${formatChainTime(chainTime)})`,
      errorName: "RevenueDistributorReceiptExpired",
    };
  }
  return { id: "deadline", outcome: "pass", detail: `valid for ${formatCountdown(deadline - chainTime)} more (until ${formatChainTime(deadline)})` };
}

