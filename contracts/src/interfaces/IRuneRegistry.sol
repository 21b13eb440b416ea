// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IRuneRegistry
/// @notice Registry of agent runes: ERC-721 identities whose token id is the rune fingerprint, each with
/// an operating signer, a status, a revenue split and infra recipients, changed only through timelocked,
/// stake-vetoable proposals.
interface IRuneRegistry {
    /// @notice Lifecycle of a rune. `Unregistered` is the default of an unknown rune.
    enum RuneStatus {
        Unregistered,
        Active,
        Suspended,
        Retired
    }

    /// @notice How a payment is shared, in basis points that sum to exactly 10,000.
    struct Split {
        uint16 developerBps;
        uint16 infraBps;
        uint16 stakersBps;
    }

    /// @notice One infrastructure recipient and its weight within the infra part (weights sum to 10,000).
    struct InfraShare {
        address recipient;
        uint16 weightBps;
    }

    /// @notice Everything a payment needs to know about a rune, read in one call.
    struct PaymentTerms {
        RuneStatus status;
        address signer;
        Split split;
        InfraShare[] infra;
    }

    /// @notice A pending split change. `id` is unique across all runes; 0 means none. It can be executed from
    /// `executableAt` until `expiresAt` (exclusive). `stakeAtProposal` is the veto base: the rune's active stake
    /// when proposed, excluding the proposer's (the rune owner's) own stake.
    struct SplitProposal {
        uint64 id;
        uint48 proposedAt;
        uint48 executableAt;
        uint48 expiresAt;
        uint256 stakeAtProposal;
        Split split;
        InfraShare[] infra;
    }

    /// @notice A full rune record, as the app shows it.
    struct RuneInfo {
        bytes32 rune;
        address owner;
        address signer;
        RuneStatus status;
        uint48 registeredAt;
        string metadataURI;
        Split split;
        InfraShare[] infra;
    }

    // ---------------------------------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------------------------------

    /// @notice The rune was never registered.
    error RuneRegistryUnknownRune(bytes32 rune);
    /// @notice A rune with this fingerprint already exists (same chain, registry, developer and salt).
    error RuneRegistryRuneExists(bytes32 rune);
    /// @notice Only the rune's current owner may do this.
    error RuneRegistryNotRuneOwner(bytes32 rune, address caller);
    /// @notice The signer may not be the zero address.
    error RuneRegistryZeroSigner();
    /// @notice The metadata URI is empty.
    error RuneRegistryEmptyMetadataURI();
    /// @notice The split does not sum to 10,000 basis points.
    error RuneRegistrySplitNotExact(uint16 developerBps, uint16 infraBps, uint16 stakersBps);
    /// @notice The stakers share is below the protocol minimum.
    error RuneRegistryStakersShareTooLow(uint16 stakersBps, uint16 minStakersBps);
    /// @notice Infra recipients are required exactly when the infra share is non-zero.
    error RuneRegistryInfraMismatch(uint16 infraBps, uint256 recipientCount);
    /// @notice Recipient and weight lists differ in length.
    error RuneRegistryInfraLengthMismatch(uint256 recipientCount, uint256 weightCount);
    /// @notice More infra recipients than the protocol allows.
    error RuneRegistryTooManyInfraRecipients(uint256 count, uint256 max);
    /// @notice An infra recipient is the zero address, or appears twice.
    error RuneRegistryInvalidInfraRecipient(address recipient);
    /// @notice An infra weight is zero.
    error RuneRegistryZeroInfraWeight(address recipient);
    /// @notice Infra weights do not sum to 10,000.
    error RuneRegistryInfraWeightsNotExact(uint256 sum);
    /// @notice The rune is retired; nothing about it can change any more.
    error RuneRegistryRuneRetired(bytes32 rune);
    /// @notice The rune is not in the status this action needs.
    error RuneRegistryUnexpectedStatus(bytes32 rune, RuneStatus status);
    /// @notice The new signer equals the current one.
    error RuneRegistrySameSigner(bytes32 rune, address signer);
    /// @notice A split proposal is already pending for this rune.
    error RuneRegistryProposalPending(bytes32 rune, uint64 proposalId);
    /// @notice No split proposal is pending for this rune.
    error RuneRegistryNoPendingProposal(bytes32 rune);
    /// @notice The proposal's delay has not passed yet.
    error RuneRegistryProposalNotReady(bytes32 rune, uint48 executableAt);
    /// @notice A protocol parameter is outside its allowed range.
    error RuneRegistryParameterOutOfBounds(uint256 value, uint256 min, uint256 max);
    /// @notice The stake ledger is already wired.
    error RuneRegistryStakeLedgerAlreadySet(address stakeLedger);
    /// @notice The stake ledger must be a contract.
    error RuneRegistryInvalidStakeLedger(address stakeLedger);
    /// @notice The stake ledger is not wired yet (proposals need stake to be vetoable).
    error RuneRegistryStakeLedgerNotSet();
    /// @notice The proposal's execution window has closed; it can only be cancelled or replaced.
    error RuneRegistryProposalExpired(bytes32 rune, uint48 expiresAt);
    /// @notice A new proposal for this rune cannot be made before `availableAt` (after a cancel, rejection or
    /// expiry), so cancelling and proposing again cannot wipe every veto at once.
    error RuneRegistryProposalCooldown(bytes32 rune, uint48 availableAt);
    /// @notice The rule delay would be shorter than the unbonding period: stakers could not leave before a change.
    error RuneRegistryRuleDelayBelowUnbonding(uint48 ruleDelay, uint48 unbondingPeriod);
    /// @notice The caller may not change this agent (not its owner or an approved operator).
    error RuneRegistryNotAuthorized(uint256 agentId, address caller);
    /// @notice This metadata key is reserved (set through its own function).
    error RuneRegistryReservedMetadataKey(string metadataKey);
    /// @notice The new agent wallet did not sign (EIP-712 / ERC-1271) its agreement, or the deadline passed.
    error RuneRegistryInvalidWalletSignature(uint256 agentId, address wallet);

    // ---------------------------------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------------------------------

    /// @notice A new agent rune was minted to its developer.
    event AgentRegistered(
        bytes32 indexed rune,
        address indexed developer,
        address signer,
        string metadataURI,
        Split split,
        InfraShare[] infra
    );
    /// @notice ERC-8004: an agent identity was registered (`agentId` = uint256(rune)).
    event Registered(uint256 indexed agentId, string agentURI, address indexed owner);
    /// @notice ERC-8004: the agent URI changed (an ERC-4906 `MetadataUpdate` is emitted with it).
    event URIUpdated(uint256 indexed agentId, string newURI, address indexed updatedBy);
    /// @notice ERC-4906: the token's metadata (its agent registration file) changed.
    event MetadataUpdate(uint256 _tokenId);
    /// @notice ERC-8004: an on-chain metadata entry was set.
    event MetadataSet(
        uint256 indexed agentId, string indexed indexedMetadataKey, string metadataKey, bytes metadataValue
    );
    /// @notice A proposal's execution window closed before anyone executed it; it was replaced.
    event SplitChangeExpired(bytes32 indexed rune, uint64 indexed proposalId);
    /// @notice The rune's operating key changed; receipts signed by the previous key stop being valid. A transfer
    /// of the rune clears the key (`newSigner` is address(0)): no receipt is valid until the new owner sets one.
    event SignerRotated(bytes32 indexed rune, address indexed previousSigner, address indexed newSigner);
    /// @notice The rune owner retired the rune for good.
    event RuneRetired(bytes32 indexed rune);
    /// @notice Governance suspended the rune: no payments or new stakes until unsuspended.
    event RuneSuspended(bytes32 indexed rune);
    /// @notice Governance lifted a suspension.
    event RuneUnsuspended(bytes32 indexed rune);
    /// @notice The rune owner proposed a new split, executable from `executableAt` unless vetoed.
    event SplitChangeProposed(
        bytes32 indexed rune,
        uint64 indexed proposalId,
        Split split,
        InfraShare[] infra,
        uint48 executableAt
    );
    /// @notice The rune owner withdrew a pending proposal.
    event SplitChangeCancelled(bytes32 indexed rune, uint64 indexed proposalId);
    /// @notice A proposal took effect.
    event SplitChangeExecuted(bytes32 indexed rune, uint64 indexed proposalId, Split split, InfraShare[] infra);
    /// @notice A proposal failed because vetoing stake exceeded half of the quorum base.
    event SplitChangeRejected(bytes32 indexed rune, uint64 indexed proposalId, uint256 vetoStake, uint256 quorumBase);
    /// @notice Governance changed the delay before split proposals can execute.
    event RuleDelaySet(uint48 previousDelay, uint48 newDelay);
    /// @notice Governance changed the minimum stakers share for new splits.
    event MinStakersBpsSet(uint16 previousMinStakersBps, uint16 newMinStakersBps);
    /// @notice The contract holding stakes (and vetoes) was wired, once.
    event StakeLedgerSet(address indexed stakeLedger);

    // ---------------------------------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------------------------------

    /// @notice The fingerprint a registration by `developer` with `salt` gets on this chain and registry. Known
    /// before registering, so the registration file can name its own rune (ERC-8004 `registrations`).
    /// @param developer The registering account.
    /// @param salt Any value; lets one developer register several agents.
    /// @return rune keccak256(abi.encode(chainId, registry, developer, salt)); its ERC-8004 agent id is uint256(rune).
    function computeRune(address developer, bytes32 salt) external view returns (bytes32 rune);

    /// @notice Delay, in seconds, between proposing a split and being able to execute it.
    /// @return The rule delay.
    function ruleDelay() external view returns (uint48);

    /// @notice ERC-8004: an on-chain metadata entry of an agent.
    /// @param agentId uint256(rune).
    /// @param metadataKey The key.
    /// @return The value (empty when unset).
    function getMetadata(uint256 agentId, string calldata metadataKey) external view returns (bytes memory);

    /// @notice Status, signer, split and infra of a rune, in one read (used by every payment).
    /// @param rune The rune.
    /// @return terms The rune's payment terms; `status` is `Unregistered` for an unknown rune.
    function paymentTerms(bytes32 rune) external view returns (PaymentTerms memory terms);

    /// @notice Status of a rune (`Unregistered` if unknown).
    /// @param rune The rune.
    /// @return The status.
    function statusOf(bytes32 rune) external view returns (RuneStatus);

    /// @notice The full record of a rune.
    /// @param rune The rune (must be registered).
    /// @return info The record.
    function runeInfo(bytes32 rune) external view returns (RuneInfo memory info);

    /// @notice The pending split proposal of a rune (`id == 0` when none).
    /// @param rune The rune.
    /// @return proposal The proposal.
    function pendingSplitProposal(bytes32 rune) external view returns (SplitProposal memory proposal);

    /// @notice Number of runes ever registered.
    /// @return The count.
    function runeCount() external view returns (uint256);

    /// @notice The rune registered at `index` (registration order).
    /// @param index 0-based index, below `runeCount()`.
    /// @return The rune.
    function runeAt(uint256 index) external view returns (bytes32);

    // ---------------------------------------------------------------------------------------------
    // Mutative
    // ---------------------------------------------------------------------------------------------

    /// @notice Registers an agent and mints its rune to the caller.
    /// @param salt Any value; distinguishes several agents of one developer.
    /// @param signer The key that signs the agent's service receipts.
    /// @param metadataURI URI of an ERC-8004-shaped agent registration file.
    /// @param split Developer / infra / stakers shares in basis points.
    /// @param infraRecipients Up to 8 distinct infra recipients (empty iff `split.infraBps == 0`).
    /// @param infraWeights Their weights, summing to 10,000.
    /// @return rune The new rune.
    function registerAgent(
        bytes32 salt,
        address signer,
        string calldata metadataURI,
        Split calldata split,
        address[] calldata infraRecipients,
        uint16[] calldata infraWeights
    ) external returns (bytes32 rune);

    /// @notice ERC-8004 `setAgentURI`: points the agent to a new registration file. Emits `URIUpdated` and the
    /// ERC-4906 `MetadataUpdate`.
    /// @param agentId uint256(rune) (caller must own it or be approved for it; not retired).
    /// @param newURI The new URI (not empty).
    function setAgentURI(uint256 agentId, string calldata newURI) external;

    /// @notice ERC-8004 `setAgentWallet`: names the agent's wallet, proven by the wallet's own signature of
    /// `AgentWallet(agentId, newWallet, deadline)` (EIP-712, ERC-1271 for contract wallets). Cleared on transfer.
    /// @param agentId uint256(rune) (caller must own it or be approved for it; not retired).
    /// @param newWallet The wallet.
    /// @param deadline Last second the signature is valid.
    /// @param signature The wallet's signature.
    function setAgentWallet(uint256 agentId, address newWallet, uint256 deadline, bytes calldata signature) external;

    /// @notice ERC-8004 `getAgentWallet`: the agent's proven wallet (zero when none).
    /// @param agentId uint256(rune).
    /// @return The wallet.
    function getAgentWallet(uint256 agentId) external view returns (address);

    /// @notice ERC-8004 `setMetadata`: sets an on-chain metadata entry of an agent.
    /// @param agentId uint256(rune) (caller must own it or be approved for it; not retired).
    /// @param metadataKey The key (`agentWallet` is reserved).
    /// @param metadataValue The value.
    function setMetadata(uint256 agentId, string calldata metadataKey, bytes calldata metadataValue) external;

    /// @notice Replaces the rune's operating key (or sets one after a transfer cleared it). Receipts signed by the
    /// old key stop being accepted.
    /// @param rune The rune (caller must own it; not retired).
    /// @param newSigner The new key.
    function rotateSigner(bytes32 rune, address newSigner) external;

    /// @notice Retires the rune for good: no more payments or stakes; stakers may withdraw at once.
    /// @param rune The rune (caller must own it).
    function retire(bytes32 rune) external;

    /// @notice Proposes a new split, executable after the rule delay (and within the execution window) unless
    /// stakers veto it. The veto base is the rune's active stake now minus the caller's own.
    /// @dev Refused during the cooldown that follows a cancelled, rejected or expired proposal. An expired pending
    /// proposal is replaced.
    /// @param rune The rune (caller must own it; not retired; no live proposal pending).
    /// @param split The new split.
    /// @param infraRecipients The new infra recipients.
    /// @param infraWeights Their weights.
    /// @return proposalId The proposal's id.
    function proposeSplit(
        bytes32 rune,
        Split calldata split,
        address[] calldata infraRecipients,
        uint16[] calldata infraWeights
    ) external returns (uint64 proposalId);

    /// @notice Withdraws the pending proposal.
    /// @param rune The rune (caller must own it).
    function cancelSplitProposal(bytes32 rune) external;

    /// @notice Settles the pending proposal once its delay has passed and before its execution window closes: it
    /// takes effect unless vetoing stake exceeds half of the veto base, in which case it is rejected. Anyone may
    /// call; refused while the rune is suspended.
    /// @dev The veto base is the outside stake when proposed (`stakeAtProposal`, the owner's stake excluded). A veto
    /// weighs the stake its account held when the proposal was made and still holds, so stake added during the
    /// delay neither vetoes nor dilutes.
    /// @param rune The rune.
    /// @return executed True if the split changed, false if the proposal was rejected.
    function executeSplitProposal(bytes32 rune) external returns (bool executed);

    // ---------------------------------------------------------------------------------------------
    // Restricted (GOVERNOR_ROLE, held by a timelock in production)
    // ---------------------------------------------------------------------------------------------

    /// @notice Suspends an active rune (payments and new stakes stop; stakers may withdraw at once).
    /// @param rune The rune.
    function suspend(bytes32 rune) external;

    /// @notice Lifts a suspension.
    /// @param rune The rune.
    function unsuspend(bytes32 rune) external;

    /// @notice Sets the delay before a split proposal may execute (1 hour to 30 days, and never shorter than the
    /// ledger's unbonding period, so a staker who disagrees can always leave first).
    /// @param newDelay The delay in seconds.
    function setRuleDelay(uint48 newDelay) external;

    /// @notice Sets the minimum stakers share (0 to 5,000 bps) for new registrations and proposals. A pending
    /// proposal below a raised minimum cannot execute; its owner cancels it and proposes again.
    /// @param newMinStakersBps The minimum.
    function setMinStakersBps(uint16 newMinStakersBps) external;

    /// @notice Wires the contract that holds stakes and vetoes. Once only.
    /// @param stakeLedger The ledger (the RevenueDistributor).
    function setStakeLedger(address stakeLedger) external;
}

/// @title IStakeLedger
/// @notice What the registry needs to know about stakes to settle split proposals.
interface IStakeLedger {
    /// @notice Active (earning) stake on a rune.
    /// @param rune The rune.
    /// @return The active stake.
    function activeStakeOf(bytes32 rune) external view returns (uint256);

    /// @notice Stake vetoing a proposal, and the rune's active stake now.
    /// @param rune The rune.
    /// @param proposalId The proposal.
    /// @return vetoStake Stake vetoing `proposalId` (each vetoer's stake held since the proposal).
    /// @return activeStake Active stake of the rune.
    function vetoTally(bytes32 rune, uint64 proposalId) external view returns (uint256 vetoStake, uint256 activeStake);

    /// @notice Seconds between an unstake request and its withdrawal.
    /// @return The unbonding period.
    function unbondingPeriod() external view returns (uint48);

    /// @notice Registry only: a proposal opened (`proposalId != 0`) or closed (`proposalId == 0`) on a rune. While
    /// open, the ledger remembers each account's stake as of the proposal before it changes.
    /// @param rune The rune.
    /// @param proposalId The new proposal, or 0 when none is open any more.
    /// @param proposer The rune owner who proposed (address(0) when closing). The ledger records it: its stake is
    /// left out of the veto base and it cannot veto the proposal.
    /// @return vetoBase The rune's active stake minus the proposer's (0 when closing).
    function setOpenProposal(bytes32 rune, uint64 proposalId, address proposer) external returns (uint256 vetoBase);
}
