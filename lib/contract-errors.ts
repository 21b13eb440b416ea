import { BaseError, ContractFunctionRevertedError, UserRejectedRequestError } from "viem";

/** Plain words for every custom error the Aurorune contracts (and the OpenZeppelin parts they use) raise. */
export const CONTRACT_ERROR_MESSAGES: Readonly<Record<string, string>> = {
  EnforcedPause: "The protocol is paused: new payments and stakes are stopped for now. Claims and withdrawals still work.",
  ExpectedPause: "The protocol is not paused.",
  AccessControlUnauthorizedAccount: "Your account is not allowed to do this.",
  ReentrancyGuardReentrantCall: "The transaction tried to re-enter the contract and was refused.",
  ERC20InsufficientBalance: "Your token balance is too low.",
  ERC20InsufficientAllowance: "The contract is not approved to spend that much of your tokens yet.",
  ERC2612ExpiredSignature: "The permit signature has expired: sign a new one.",
  ERC2612InvalidSigner: "The permit signature is not valid (already used, or signed for other values).",
  RevenueDistributorAlreadyVetoed: "You already vetoed this proposal.",
  RevenueDistributorAmountNotReceived: "The token took a fee on transfer, so the full amount did not arrive; such tokens are not accepted.",
  RevenueDistributorAmountTooLarge: "The amount is too large.",
  RevenueDistributorDuplicateRune: "The same agent is listed twice in the receipt.",
  RevenueDistributorInfraPushRefused: "This infra recipient collects its balance itself and does not accept pushes.",
  RevenueDistributorInsufficientStake: "You are trying to unstake more than your active stake.",
  RevenueDistributorInvalidRuneCount: "A shared receipt must list 2 to 8 agents.",
  RevenueDistributorInvalidSignature: "The receipt was not signed by the agent's current key: it may be forged or outdated.",
  RevenueDistributorLengthMismatch: "Agents, weights and signatures do not line up.",
  RevenueDistributorNoVetoWeight: "You held no stake on this agent when the proposal was made (or no longer hold it), so you cannot veto it.",
  RevenueDistributorNotRegistry: "Only the rune registry can do this.",
  RevenueDistributorNoPendingProposal: "This agent has no pending split proposal.",
  RevenueDistributorNotRuneOwner: "Only the agent's current owner can claim its developer balance.",
  RevenueDistributorNothingToWithdraw: "Nothing is unbonding on this agent.",
  RevenueDistributorParameterOutOfBounds: "That value is outside the allowed range.",
  RevenueDistributorPayerMismatch: "This receipt is made out to another payer.",
  RevenueDistributorReceiptExpired: "The receipt has expired: ask the agent for a new one.",
  RevenueDistributorRuneNotActive: "This agent is suspended or retired: it takes no payments or new stakes.",
  RevenueDistributorServiceAlreadyPaid: "This service was already paid for.",
  RevenueDistributorProposerCannotVeto: "The agent's owner made this proposal, so it cannot veto it.",
  RevenueDistributorStillUnbonding: "Your stake is still unbonding: wait until the period ends.",
  RevenueDistributorTokenHasNoCode: "That address is not a token contract.",
  RevenueDistributorTokenNotAllowed: "This token is not accepted for payments.",
  RevenueDistributorTooManyTokens: "The token list is full.",
  RevenueDistributorUnknownRune: "No agent is registered with this rune.",
  RevenueDistributorUnknownToken: "Nothing can be owed in this token: it was never accepted.",
  RevenueDistributorUnbondingAboveRuleDelay: "The unbonding period cannot be longer than the rule delay: stakers must be able to leave before a split change applies.",
  RevenueDistributorValueMismatch: "The ETH sent does not match the amount.",
  RevenueDistributorWeightsNotExact: "The agents' weights must add up to exactly 100%.",
  RevenueDistributorZeroAmount: "The amount must be more than zero.",
  RevenueDistributorZeroRecipient: "Choose an address to send the balance to.",
  RevenueDistributorZeroWeight: "Every agent in a shared receipt needs a weight above 0%.",
  RuneRegistryEmptyMetadataURI: "The agent's metadata URI is empty.",
  RuneRegistryInfraLengthMismatch: "Each infra recipient needs exactly one weight.",
  RuneRegistryInfraMismatch: "Infra recipients are needed exactly when the infra share is above 0%.",
  RuneRegistryInfraWeightsNotExact: "Infra weights must add up to 100%.",
  RuneRegistryInvalidInfraRecipient: "An infra recipient is empty or listed twice.",
  RuneRegistryInvalidStakeLedger: "The stake ledger must be a contract.",
  RuneRegistryInvalidWalletSignature: "The wallet's signature is missing, wrong or expired: the new wallet must sign its agreement.",
  RuneRegistryNoPendingProposal: "This agent has no pending split proposal.",
  RuneRegistryNotAuthorized: "Only the agent's owner (or an account it approved) can change it.",
  RuneRegistryNotRuneOwner: "Only the agent's owner can do this.",
  RuneRegistryParameterOutOfBounds: "That value is outside the allowed range.",
  RuneRegistryProposalCooldown: "A new proposal for this agent must wait for the cooldown after the last one ended.",
  RuneRegistryProposalExpired: "The proposal's execution window has closed: propose it again.",
  RuneRegistryProposalNotReady: "The proposal's waiting period has not ended yet.",
  RuneRegistryProposalPending: "A split proposal is already pending: cancel it first.",
  RuneRegistryReservedMetadataKey: "That metadata key is reserved.",
  RuneRegistryRuleDelayBelowUnbonding: "The rule delay cannot be shorter than the unbonding period: stakers must be able to leave before a split change applies.",
  RuneRegistryRuneExists: "You already registered an agent with this salt: change the salt.",
  RuneRegistryRuneRetired: "This agent is retired: it cannot change any more.",
  RuneRegistrySameSigner: "That is already the agent's signer.",
  RuneRegistrySplitNotExact: "The split must add up to exactly 100%.",
  RuneRegistryStakeLedgerAlreadySet: "The stake ledger is already set.",
  RuneRegistryStakeLedgerNotSet: "The protocol is not fully set up yet (no stake ledger).",
  RuneRegistryStakersShareTooLow: "The stakers' share is below the protocol minimum.",
  RuneRegistryTooManyInfraRecipients: "At most 8 infra recipients.",
  RuneRegistryUnexpectedStatus: "The agent is not in the right state for this.",
  RuneRegistryUnknownRune: "No agent is registered with this rune.",
  RuneRegistryZeroInfraWeight: "Every infra recipient needs a weight above 0%.",
  RuneRegistryZeroSigner: "The agent needs a signer address.",
};

/** A failed chain call in plain words, and the contract error's name when there is one. */
export interface DescribedError {
  message: string;
  errorName?: string;
  rejectedByUser: boolean;
}

/**
 * Turns anything a viem or wagmi call throws into one sentence for the user: the contract's custom error in
 * plain words, a wallet rejection, or viem's `shortMessage` — never a stack.
 *
 * @example
 * try { await simulateContract(config, request) } catch (error) { toast(describeError(error).message) }
 */
export function describeError(error: unknown): DescribedError {
  if (error instanceof BaseError) {
    if (error.walk((e) => e instanceof UserRejectedRequestError) || error.walk((e) => (e as { code?: number }).code === 4001)) {
      return { message: "You rejected the request in your wallet.", rejectedByUser: true };
    }
    const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
    if (reverted instanceof ContractFunctionRevertedError) {
      const errorName = reverted.data?.errorName;
      if (errorName) {
        return { message: CONTRACT_ERROR_MESSAGES[errorName] ?? `The contract refused: ${errorName}.`, errorName, rejectedByUser: false };
      }
      if (reverted.reason) return { message: `The contract refused: ${reverted.reason}.`, rejectedByUser: false };
    }
    return { message: error.shortMessage, rejectedByUser: false };
  }
  return { message: error instanceof Error ? error.message.split("\n")[0] ?? "Something went wrong." : "Something went wrong.", rejectedByUser: false };
}
