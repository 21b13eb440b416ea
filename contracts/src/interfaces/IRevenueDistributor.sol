// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IRuneRegistry, IStakeLedger} from "./IRuneRegistry.sol";

/// @title IRevenueDistributor
/// @notice Takes payments for agent services against receipts signed by the agent's rune, splits each one
/// exactly between developer, infra recipients and stakers, streams the stakers part over the reward
/// window, and lets everyone claim what they are owed.
interface IRevenueDistributor is IStakeLedger {
    /// @notice A service receipt signed (EIP-712) by the rune's current signer.
    struct ServiceReceipt {
        bytes32 rune;
        bytes32 serviceId;
        address payer;
        address token;
        uint256 amount;
        uint64 deadline;
    }

    /// @notice A receipt for a service delivered by 2-8 agents, signed by every listed rune's signer.
    struct CollaborativeReceipt {
        bytes32 serviceId;
        bytes32[] runes;
        uint16[] weightsBps;
        address payer;
        address token;
        uint256 amount;
        uint64 deadline;
    }

    /// @notice An account's stake on one rune.
    struct Position {
        uint256 active;
        uint256 unbonding;
        uint64 unbondingEndsAt;
        uint64 vetoedProposalId;
    }

    /// @notice The stakers stream of one (rune, token): what is left to release and until when. `remaining` is in
    /// token units (rounded up); `remainingScaled` is the exact figure in 1e-12 of a unit.
    struct StreamState {
        uint256 rewardPerShare;
        uint256 remaining;
        uint256 remainingScaled;
        uint64 lastUpdate;
        uint64 finish;
    }

    // ---------------------------------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------------------------------

    /// @notice An amount is zero.
    error RevenueDistributorZeroAmount();
    /// @notice A payment amount is above 2^128 - 1.
    error RevenueDistributorAmountTooLarge(uint256 amount);
    /// @notice The token is not allowed for payments.
    error RevenueDistributorTokenNotAllowed(address token);
    /// @notice The token was never allowed, so nothing can be owed in it.
    error RevenueDistributorUnknownToken(address token);
    /// @notice The rune is not registered.
    error RevenueDistributorUnknownRune(bytes32 rune);
    /// @notice The rune is registered but not active (suspended or retired).
    error RevenueDistributorRuneNotActive(bytes32 rune, IRuneRegistry.RuneStatus status);
    /// @notice The signature does not come from the rune's current signer.
    error RevenueDistributorInvalidSignature(bytes32 rune);
    /// @notice This serviceId was already paid for this rune.
    error RevenueDistributorServiceAlreadyPaid(bytes32 rune, bytes32 serviceId);
    /// @notice The receipt's deadline has passed.
    error RevenueDistributorReceiptExpired(uint64 deadline);
    /// @notice The caller is not the receipt's payer.
    error RevenueDistributorPayerMismatch(address payer, address caller);
    /// @notice msg.value does not match (ETH payments must send exactly `amount`, token payments nothing).
    error RevenueDistributorValueMismatch(uint256 expected, uint256 sent);
    /// @notice The contract received less than `amount` (fee-on-transfer tokens are refused).
    error RevenueDistributorAmountNotReceived(uint256 expected, uint256 received);
    /// @notice A collaborative receipt must list 2 to 8 runes.
    error RevenueDistributorInvalidRuneCount(uint256 count);
    /// @notice Runes, weights and signatures of a collaborative payment differ in length.
    error RevenueDistributorLengthMismatch(uint256 runes, uint256 weights, uint256 signatures);
    /// @notice A rune appears twice in a collaborative receipt.
    error RevenueDistributorDuplicateRune(bytes32 rune);
    /// @notice A collaborative weight is zero.
    error RevenueDistributorZeroWeight(uint256 index);
    /// @notice Collaborative weights do not sum to 10,000.
    error RevenueDistributorWeightsNotExact(uint256 sum);
    /// @notice Unstaking more than the active stake.
    error RevenueDistributorInsufficientStake(uint256 active, uint256 requested);
    /// @notice Nothing is unbonding on this rune.
    error RevenueDistributorNothingToWithdraw(bytes32 rune);
    /// @notice The unbonding period has not ended.
    error RevenueDistributorStillUnbonding(uint64 unbondingEndsAt);
    /// @notice Only the rune's owner may claim its developer balance.
    error RevenueDistributorNotRuneOwner(bytes32 rune, address caller);
    /// @notice The rune has no pending split proposal.
    error RevenueDistributorNoPendingProposal(bytes32 rune);
    /// @notice The account held no stake when the proposal was made (or no longer holds any of it), so it has
    /// nothing to veto with.
    error RevenueDistributorNoVetoWeight(bytes32 rune, uint64 proposalId, address account);
    /// @notice The account already vetoed this proposal.
    error RevenueDistributorAlreadyVetoed(bytes32 rune, uint64 proposalId);
    /// @notice Who made the rune's open proposal (its owner then; a rune transfer cancels the proposal) cannot veto
    /// it (its stake is not in the veto base either).
    error RevenueDistributorProposerCannotVeto(bytes32 rune, address proposer);
    /// @notice The infra recipient opted out of `pushInfra` (it collects with `claimInfra` or `claimInfraTo`).
    error RevenueDistributorInfraPushRefused(address recipient);
    /// @notice Only the rune registry may call this.
    error RevenueDistributorNotRegistry(address caller);
    /// @notice A token to allow-list has no code (and is not the ETH marker, address 0).
    error RevenueDistributorTokenHasNoCode(address token);
    /// @notice The unbonding period would be longer than the registry's rule delay: stakers could not leave
    /// before a split change applies.
    error RevenueDistributorUnbondingAboveRuleDelay(uint48 unbondingPeriod, uint48 ruleDelay);
    /// @notice A claim or push to the zero address.
    error RevenueDistributorZeroRecipient();
    /// @notice Too many payment tokens.
    error RevenueDistributorTooManyTokens(uint256 max);
    /// @notice A protocol parameter is outside its allowed range.
    error RevenueDistributorParameterOutOfBounds(uint256 value, uint256 min, uint256 max);
    /// @notice Payments and stakes are paused (or `pause` was called while paused).
    /// @dev Named and shaped as OpenZeppelin Pausable's error, so its selector is the one integrators know.
    error EnforcedPause();
    /// @notice `unpause` was called while not paused.
    /// @dev Named and shaped as OpenZeppelin Pausable's error, so its selector is the one integrators know.
    error ExpectedPause();

    // ---------------------------------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------------------------------

    /// @notice A service was paid. Amounts are where the money actually went: when the rune has no active
    /// stake, the stakers part is added to `developerAmount` and `stakersAmount` is zero.
    event ServicePaid(
        bytes32 indexed rune,
        bytes32 indexed serviceId,
        address indexed payer,
        address token,
        uint256 amount,
        uint256 developerAmount,
        uint256 infraAmount,
        uint256 stakersAmount,
        uint64 timestamp
    );
    /// @notice A collaborative service was paid; one ServicePaid per listed rune precedes it.
    event CollaborativeServicePaid(
        bytes32 indexed serviceId,
        address indexed payer,
        address token,
        uint256 amount,
        bytes32[] runes,
        uint16[] weightsBps,
        uint64 timestamp
    );
    /// @notice Stake was added.
    event Staked(bytes32 indexed rune, address indexed account, uint256 amount, uint64 timestamp);
    /// @notice Stake stopped earning and started unbonding.
    event UnstakeRequested(
        bytes32 indexed rune, address indexed account, uint256 amount, uint64 unbondingEndsAt, uint64 timestamp
    );
    /// @notice Unbonded stake was returned.
    event Withdrawn(bytes32 indexed rune, address indexed account, uint256 amount, uint64 timestamp);
    /// @notice A staker claimed rewards.
    event Claimed(
        bytes32 indexed rune, address indexed account, address indexed token, uint256 amount, uint64 timestamp
    );
    /// @notice A rune owner claimed the rune's developer balance.
    event DeveloperClaimed(
        bytes32 indexed rune, address indexed account, address indexed token, uint256 amount, uint64 timestamp
    );
    /// @notice An infra recipient's balance was paid out to `to` (the recipient itself unless it claimed elsewhere).
    event InfraClaimed(address indexed account, address indexed token, uint256 amount, uint64 timestamp);
    /// @notice An infra balance was paid to an address other than the recipient (`claimInfraTo`).
    event InfraClaimedTo(address indexed account, address indexed token, address indexed to, uint256 amount);
    /// @notice An infra recipient allowed (`allowed`) or refused pushes of its balances (`pushInfra`).
    event InfraPushAllowanceSet(address indexed account, bool allowed);
    /// @notice A staker vetoed a split proposal with the stake it held when the proposal was made and still holds.
    event SplitProposalVetoed(bytes32 indexed rune, uint64 indexed proposalId, address indexed account, uint256 weight);
    /// @notice Unstaking lowered a veto's weight to the account's remaining active stake.
    event VetoWeightLowered(bytes32 indexed rune, uint64 indexed proposalId, address indexed account, uint256 weight);
    /// @notice Governance allowed or disallowed a payment token.
    event TokenAllowanceSet(address indexed token, bool allowed);
    /// @notice Governance changed the reward window.
    event RewardWindowSet(uint48 previousWindow, uint48 newWindow);
    /// @notice Governance changed the unbonding period.
    event UnbondingPeriodSet(uint48 previousPeriod, uint48 newPeriod);
    /// @notice Governance stopped new payments and stakes (OpenZeppelin Pausable's event).
    event Paused(address account);
    /// @notice Governance resumed payments and stakes (OpenZeppelin Pausable's event).
    event Unpaused(address account);

    // ---------------------------------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------------------------------

    /// @notice Whether new payments and stakes are stopped (claims, unstaking and withdrawals never are).
    /// @return True if paused.
    function paused() external view returns (bool);

    /// @notice Staker rewards an account can claim now on a rune in a token (streamed part included).
    /// @param rune The rune.
    /// @param account The staker.
    /// @param token The token (address(0) for ETH).
    /// @return The claimable amount.
    function pendingRewards(bytes32 rune, address account, address token) external view returns (uint256);

    /// @notice An account's stake on a rune.
    /// @param rune The rune.
    /// @param account The staker.
    /// @return The position.
    function positionOf(bytes32 rune, address account) external view returns (Position memory);

    /// @notice Every rune the account has ever staked on (positions may since be empty).
    /// @param account The staker.
    /// @return The runes.
    function stakedRunesOf(address account) external view returns (bytes32[] memory);

    /// @notice Number of accounts with active stake on a rune.
    /// @param rune The rune.
    /// @return The count.
    function stakerCountOf(bytes32 rune) external view returns (uint256);

    /// @notice All-time amount paid to a rune in a token.
    /// @dev A statistic, not a balance: it saturates at 2^128 - 1 instead of ever making a payment revert.
    /// @param rune The rune.
    /// @param token The token.
    /// @return The amount.
    function revenueOf(bytes32 rune, address token) external view returns (uint256);

    /// @notice Unclaimed developer balance of a rune in a token.
    /// @param rune The rune.
    /// @param token The token.
    /// @return The amount, as of the last checkpoint (streams released to the developer since are not included).
    function developerBalanceOf(bytes32 rune, address token) external view returns (uint256);

    /// @notice Developer balance claimable now, including what streamed to the developer while no one staked.
    /// @param rune The rune.
    /// @param token The token.
    /// @return The amount.
    function pendingDeveloperBalance(bytes32 rune, address token) external view returns (uint256);

    /// @notice Unclaimed infra balance of an account in a token.
    /// @param account The recipient.
    /// @param token The token.
    /// @return The amount.
    function infraBalanceOf(address account, address token) external view returns (uint256);

    /// @notice Whether anyone may push the account's infra balances to it (`pushInfra`): true unless it opted out.
    /// @param account The infra recipient.
    /// @return True if pushes are allowed.
    function isInfraPushAllowed(address account) external view returns (bool);

    /// @notice The stakers stream of a (rune, token).
    /// @param rune The rune.
    /// @param token The token.
    /// @return The stream.
    function streamOf(bytes32 rune, address token) external view returns (StreamState memory);

    /// @notice Every token ever allowed (some may be disallowed now), in allow-list order.
    /// @return tokens The tokens.
    /// @return allowed Whether each is currently allowed for payments.
    function tokens() external view returns (address[] memory tokens, bool[] memory allowed);

    /// @notice Whether payments in `token` are accepted.
    /// @param token The token.
    /// @return True if allowed.
    function isTokenAllowed(address token) external view returns (bool);

    /// @notice Whether a serviceId was already paid for a rune.
    /// @param rune The rune.
    /// @param serviceId The service id.
    /// @return True if used.
    function isServiceUsed(bytes32 rune, bytes32 serviceId) external view returns (bool);

    /// @notice The EIP-712 digest a rune signer signs for a receipt.
    /// @param receipt The receipt.
    /// @return The digest.
    function hashServiceReceipt(ServiceReceipt calldata receipt) external view returns (bytes32);

    /// @notice The EIP-712 digest every listed signer signs for a collaborative receipt.
    /// @param receipt The receipt.
    /// @return The digest.
    function hashCollaborativeReceipt(CollaborativeReceipt calldata receipt) external view returns (bytes32);

    // ---------------------------------------------------------------------------------------------
    // Mutative
    // ---------------------------------------------------------------------------------------------

    /// @notice Pays for a service. ETH: send `amount` as value; ERC-20: approve first (or use the permit variant).
    /// @dev Checks in order: token allowed, rune registered and active, signature by the rune's current signer
    /// (EOA or ERC-1271), serviceId unused for the rune, deadline, caller is payer, full amount received.
    /// A payment that would take the rune's unclaimed developer balance in the token past 2^128 - 1 reverts
    /// (SafeCast) until the rune owner claims; only a token of more than 2^128 units can get there.
    /// @param receipt The receipt.
    /// @param signature The rune signer's EIP-712 signature of the receipt.
    function pay(ServiceReceipt calldata receipt, bytes calldata signature) external payable;

    /// @notice `pay` for an ERC-2612 token, approving through a permit first. A permit that was already used
    /// (e.g. front-run) is ignored if the allowance is in place.
    /// @param receipt The receipt.
    /// @param signature The rune signer's signature.
    /// @param permitDeadline The permit's deadline.
    /// @param v Permit signature v.
    /// @param r Permit signature r.
    /// @param s Permit signature s.
    function payWithPermit(
        ServiceReceipt calldata receipt,
        bytes calldata signature,
        uint256 permitDeadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external;

    /// @notice Pays for a service delivered by several agents; splits by weight, then by each rune's split.
    /// @param receipt The collaborative receipt.
    /// @param signatures One signature per rune, in the receipt's rune order.
    function payCollaborative(CollaborativeReceipt calldata receipt, bytes[] calldata signatures) external payable;

    /// @notice Stakes AURUNES on an active rune (approve first, or use the permit variant).
    /// @param rune The rune.
    /// @param amount The amount.
    function stake(bytes32 rune, uint256 amount) external;

    /// @notice `stake` approving through an AURUNES permit first.
    /// @param rune The rune.
    /// @param amount The amount.
    /// @param permitDeadline The permit's deadline.
    /// @param v Permit signature v.
    /// @param r Permit signature r.
    /// @param s Permit signature s.
    function stakeWithPermit(bytes32 rune, uint256 amount, uint256 permitDeadline, uint8 v, bytes32 r, bytes32 s)
        external;

    /// @notice Moves active stake to unbonding: it stops earning at once and can be withdrawn after the
    /// unbonding period. Stake that already finished unbonding is paid out in the same call (a new request
    /// never delays what has matured); stake still unbonding joins the new request, whose period never ends
    /// earlier than the previous request would have.
    /// @param rune The rune.
    /// @param amount The amount.
    function requestUnstake(bytes32 rune, uint256 amount) external;

    /// @notice Returns unbonded stake; instant when the rune is suspended or retired.
    /// @param rune The rune.
    /// @return amount The amount returned.
    function withdraw(bytes32 rune) external returns (uint256 amount);

    /// @notice Claims staker rewards for every (rune, token) pair given.
    /// @param runes The runes.
    /// @param tokens The tokens (address(0) for ETH).
    function claim(bytes32[] calldata runes, address[] calldata tokens) external;

    /// @notice Claims a rune's developer balance to the rune's current owner (the caller).
    /// @param rune The rune.
    /// @param tokens The tokens.
    function claimDeveloper(bytes32 rune, address[] calldata tokens) external;

    /// @notice Claims the caller's infra balances.
    /// @param tokens The tokens.
    function claimInfra(address[] calldata tokens) external;

    /// @notice Claims the caller's infra balances to another address (for a recipient that cannot receive ETH or
    /// a token itself).
    /// @param tokens Tokens to claim.
    /// @param to Where the money goes.
    function claimInfraTo(address[] calldata tokens, address to) external;

    /// @notice Pays an infra recipient's balances out to the recipient itself; anyone may call (for a recipient
    /// contract that can receive but cannot call `claimInfra`). Refused for a recipient that opted out with
    /// `setInfraPushAllowed(false)`.
    /// @param recipient The infra recipient.
    /// @param tokens Tokens to push.
    function pushInfra(address recipient, address[] calldata tokens) external;

    /// @notice Allows or refuses pushes of the caller's infra balances (`pushInfra`); allowed by default. A
    /// recipient that collects with `claimInfraTo` (e.g. a forwarder that holds no transfer logic) should refuse
    /// them: a push would leave the tokens stuck in it.
    /// @param allowed Whether anyone may push the caller's balances to it.
    function setInfraPushAllowed(bool allowed) external;

    /// @notice Vetoes the rune's pending split proposal, any time until the proposal is settled. The weight is the
    /// stake the caller held when the proposal was made and has held since (the lowest active stake since then):
    /// stake added later neither adds to nor forfeits it; unstaking lowers it, also after vetoing. The proposer
    /// (the rune's owner: a rune transfer cancels the proposal) cannot veto (its stake is not in the veto base
    /// either).
    /// @param rune The rune.
    function vetoSplitProposal(bytes32 rune) external;

    // ---------------------------------------------------------------------------------------------
    // Restricted (GOVERNOR_ROLE)
    // ---------------------------------------------------------------------------------------------

    /// @notice Allows or disallows a payment token. Balances in a disallowed token stay claimable.
    /// @param token The token (address(0) for ETH).
    /// @param allowed Whether new payments in it are accepted.
    function setTokenAllowed(address token, bool allowed) external;

    /// @notice Sets the window over which each stakers part is streamed (1 day to 90 days). A running stream keeps
    /// its end; the next payment to a (rune, token) rolls what is still unstreamed into a window of the new length.
    /// @param newWindow Seconds.
    function setRewardWindow(uint48 newWindow) external;

    /// @notice Sets the unbonding period (1 hour to 60 days). Applies to new unstake requests only.
    /// @param newPeriod Seconds.
    function setUnbondingPeriod(uint48 newPeriod) external;

    /// @notice Stops new payments and stakes. Claims, unstake requests, withdrawals and vetoes keep working.
    function pause() external;

    /// @notice Resumes payments and stakes.
    function unpause() external;
}
