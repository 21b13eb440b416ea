// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {IRuneRegistry, IStakeLedger} from "./interfaces/IRuneRegistry.sol";
import {SplitMath} from "./libraries/SplitMath.sol";

/// @title RuneRegistry
/// @notice ERC-721 registry of agent runes, and an ERC-8004 ("Trustless Agents") identity registry. A rune is the
/// keccak fingerprint of (chain id, registry, developer, salt), known before registering, and doubles as the
/// token id and ERC-8004 agent id (`uint256(rune)`); the token's owner is the agent's developer. `tokenURI` is the
/// agent's ERC-8004 registration file, which can name its own rune. Split changes go through a delay during which
/// the rune's stakers can veto them, and must then be executed within a window.
contract RuneRegistry is IRuneRegistry, ERC721, AccessControl, EIP712 {
    // ---------------------------------------------------------------------------------------------
    // State
    // ---------------------------------------------------------------------------------------------

    /// @notice Role allowed to suspend runes and set protocol parameters (a TimelockController in production).
    bytes32 public constant GOVERNOR_ROLE = keccak256("GOVERNOR_ROLE");
    /// @notice Most infra recipients a rune may have.
    uint256 public constant MAX_INFRA_RECIPIENTS = 8;
    /// @notice Bounds of the rule delay.
    uint48 public constant MIN_RULE_DELAY = 1 hours;
    uint48 public constant MAX_RULE_DELAY = 30 days;
    /// @notice Highest value governance may set as the minimum stakers share.
    uint16 public constant MAX_MIN_STAKERS_BPS = 5_000;
    /// @notice How long an approved proposal stays executable once its delay has passed.
    uint48 public constant EXECUTION_WINDOW = 7 days;
    /// @notice Wait after a proposal is cancelled, rejected or expires before the rune's next proposal: cancelling
    /// and proposing again cannot wipe every veto at once.
    uint48 public constant PROPOSAL_COOLDOWN = 3 days;
    /// @notice ERC-8004's reserved metadata key for the agent's wallet, set only through `setAgentWallet`.
    string public constant AGENT_WALLET_KEY = "agentWallet";
    /// @dev EIP-712 type the new agent wallet signs to prove it agrees to be named.
    bytes32 private constant AGENT_WALLET_TYPEHASH =
        keccak256("AgentWallet(uint256 agentId,address newWallet,uint256 deadline)");
    /// @dev ERC-4906 interface id.
    bytes4 private constant ERC4906_INTERFACE_ID = 0x49064906;

    /// @dev Everything `pay` reads about a rune besides its infra entries, packed into one storage slot (one cold
    /// SLOAD): 160 + 8 + 40 + 16 + 16 + 8 = 248 bits. `stakersBps` is not stored: every split is validated to sum
    /// to exactly BPS, so it is always `BPS - developerBps - infraBps` (`_splitOf` derives it).
    struct RuneCore {
        address signer;
        RuneStatus status;
        uint40 registeredAt; // a timestamp; 40 bits last until the year 36812
        uint16 developerBps;
        uint16 infraBps;
        uint8 infraCount; // entries 0..infraCount-1 of `_infra[rune]` are live; at most MAX_INFRA_RECIPIENTS
    }

    mapping(bytes32 rune => RuneCore) private _cores;
    /// @dev A mapping, not a dynamic array: the count lives in `RuneCore`, so a payment reads no separate length
    /// slot. Reads never go past `infraCount`.
    mapping(bytes32 rune => mapping(uint256 index => InfraShare)) private _infra;
    mapping(bytes32 rune => string) private _metadataURIs;
    mapping(bytes32 rune => SplitProposal) private _proposals;
    /// @dev Earliest time of a rune's next proposal after one was cancelled or rejected.
    mapping(bytes32 rune => uint48) private _nextProposalAt;
    mapping(bytes32 rune => mapping(string key => bytes value)) private _metadata;
    bytes32[] private _allRunes;

    /// @notice Delay, in seconds, between proposing a split and being able to execute it.
    uint48 public ruleDelay;
    /// @notice Minimum stakers share (bps) for new registrations and proposals.
    uint16 public minStakersBps;
    /// @notice Last proposal id handed out (ids are unique across runes).
    uint64 public lastProposalId;
    /// @notice The contract that holds stakes and vetoes.
    IStakeLedger public stakeLedger;

    // ---------------------------------------------------------------------------------------------
    // Constructor
    // ---------------------------------------------------------------------------------------------

    /// @param admin Receives DEFAULT_ADMIN_ROLE and GOVERNOR_ROLE (hand both to a timelock in production).
    /// @param initialRuleDelay Initial rule delay in seconds.
    /// @param initialMinStakersBps Initial minimum stakers share.
    constructor(address admin, uint48 initialRuleDelay, uint16 initialMinStakersBps)
        ERC721("Aurorune Rune", "RUNE")
        EIP712("Aurorune Rune", "1")
    {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(GOVERNOR_ROLE, admin);
        _setRuleDelay(initialRuleDelay);
        _setMinStakersBps(initialMinStakersBps);
    }

    // ---------------------------------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------------------------------

    /// @inheritdoc IRuneRegistry
    function computeRune(address developer, bytes32 salt) public view returns (bytes32) {
        return keccak256(abi.encode(block.chainid, address(this), developer, salt));
    }

    /// @inheritdoc IRuneRegistry
    function getMetadata(uint256 agentId, string calldata metadataKey) external view returns (bytes memory) {
        return _metadata[bytes32(agentId)][metadataKey];
    }

    /// @inheritdoc IRuneRegistry
    function getAgentWallet(uint256 agentId) external view returns (address) {
        bytes memory value = _metadata[bytes32(agentId)][AGENT_WALLET_KEY];
        return value.length == 20 ? address(bytes20(value)) : address(0);
    }

    /// @notice The EIP-712 digest a new agent wallet signs for `setAgentWallet`.
    /// @param agentId uint256(rune).
    /// @param newWallet The wallet.
    /// @param deadline Last second the signature is valid.
    /// @return The digest.
    function agentWalletDigest(uint256 agentId, address newWallet, uint256 deadline) public view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(AGENT_WALLET_TYPEHASH, agentId, newWallet, deadline)));
    }

    /// @notice When the rune's next split proposal may be made (0 when no cooldown runs).
    /// @param rune The rune.
    /// @return The earliest time, counting the cooldown after a cancel, a rejection or an expired proposal.
    function nextProposalAt(bytes32 rune) public view returns (uint48) {
        uint48 next = _nextProposalAt[rune];
        uint48 expiresAt = _proposals[rune].expiresAt;
        if (expiresAt != 0 && expiresAt + PROPOSAL_COOLDOWN > next) next = expiresAt + PROPOSAL_COOLDOWN;
        return next;
    }

    /// @inheritdoc IRuneRegistry
    function paymentTerms(bytes32 rune) external view returns (PaymentTerms memory terms) {
        RuneCore memory core = _cores[rune];
        terms = PaymentTerms({
            status: core.status,
            signer: core.signer,
            split: _splitOf(core),
            infra: _infraOf(rune, core.infraCount)
        });
    }

    /// @inheritdoc IRuneRegistry
    function statusOf(bytes32 rune) external view returns (RuneStatus) {
        return _cores[rune].status;
    }

    /// @inheritdoc IRuneRegistry
    function runeInfo(bytes32 rune) external view returns (RuneInfo memory info) {
        RuneCore memory core = _requireRegistered(rune);
        info = RuneInfo({
            rune: rune,
            owner: _ownerOf(uint256(rune)),
            signer: core.signer,
            status: core.status,
            registeredAt: core.registeredAt, // widened to the interface's uint48
            metadataURI: _metadataURIs[rune],
            split: _splitOf(core),
            infra: _infraOf(rune, core.infraCount)
        });
    }

    /// @inheritdoc IRuneRegistry
    function pendingSplitProposal(bytes32 rune) external view returns (SplitProposal memory) {
        return _proposals[rune];
    }

    /// @inheritdoc IRuneRegistry
    function runeCount() external view returns (uint256) {
        return _allRunes.length;
    }

    /// @inheritdoc IRuneRegistry
    function runeAt(uint256 index) external view returns (bytes32) {
        return _allRunes[index];
    }

    /// @notice The agent registration file (ERC-8004 shape) of a rune.
    /// @param tokenId uint256(rune).
    /// @return The metadata URI given at registration.
    function tokenURI(uint256 tokenId) public view override returns (string memory) {
        _requireOwned(tokenId);
        return _metadataURIs[bytes32(tokenId)];
    }

    /// @inheritdoc ERC721
    function supportsInterface(bytes4 interfaceId) public view override(ERC721, AccessControl) returns (bool) {
        return interfaceId == ERC4906_INTERFACE_ID || super.supportsInterface(interfaceId);
    }

    // ---------------------------------------------------------------------------------------------
    // Mutative
    // ---------------------------------------------------------------------------------------------

    /// @inheritdoc IRuneRegistry
    function registerAgent(
        bytes32 salt,
        address signer,
        string calldata metadataURI,
        Split calldata split,
        address[] calldata infraRecipients,
        uint16[] calldata infraWeights
    ) external returns (bytes32 rune) {
        if (signer == address(0)) revert RuneRegistryZeroSigner();
        if (bytes(metadataURI).length == 0) revert RuneRegistryEmptyMetadataURI();
        _validateSplit(split, infraRecipients, infraWeights);

        rune = computeRune(msg.sender, salt);
        if (_cores[rune].status != RuneStatus.Unregistered) revert RuneRegistryRuneExists(rune);

        _cores[rune] = RuneCore({
            signer: signer,
            status: RuneStatus.Active,
            // Safe: a timestamp fits 40 bits until the year 36812.
            // forge-lint: disable-next-line(unsafe-typecast)
            registeredAt: uint40(block.timestamp),
            developerBps: split.developerBps,
            infraBps: split.infraBps,
            // Safe: _validateSplit capped the count at MAX_INFRA_RECIPIENTS (8).
            // forge-lint: disable-next-line(unsafe-typecast)
            infraCount: uint8(infraRecipients.length)
        });
        _writeInfra(rune, infraRecipients, infraWeights);
        _metadataURIs[rune] = metadataURI;
        _allRunes.push(rune);
        _mint(msg.sender, uint256(rune));
        emit AgentRegistered(
            rune, msg.sender, signer, metadataURI, split, _infraOf(rune, infraRecipients.length)
        );
        emit Registered(uint256(rune), metadataURI, msg.sender);
    }

    /// @inheritdoc IRuneRegistry
    function setAgentURI(uint256 agentId, string calldata newURI) external {
        bytes32 rune = bytes32(agentId);
        _requireAuthorizedOnLiveRune(rune);
        if (bytes(newURI).length == 0) revert RuneRegistryEmptyMetadataURI();
        _metadataURIs[rune] = newURI;
        emit URIUpdated(agentId, newURI, msg.sender);
        emit MetadataUpdate(agentId);
    }

    /// @inheritdoc IRuneRegistry
    function setAgentWallet(uint256 agentId, address newWallet, uint256 deadline, bytes calldata signature) external {
        bytes32 rune = bytes32(agentId);
        _requireAuthorizedOnLiveRune(rune);
        // EOA wallets by ECDSA, contract wallets by ERC-1271 (a view call into the wallet being named).
        if (
            block.timestamp > deadline
                || !SignatureChecker.isValidSignatureNow(newWallet, agentWalletDigest(agentId, newWallet, deadline), signature)
        ) revert RuneRegistryInvalidWalletSignature(agentId, newWallet);
        bytes memory value = abi.encodePacked(newWallet);
        _metadata[rune][AGENT_WALLET_KEY] = value;
        emit MetadataSet(agentId, AGENT_WALLET_KEY, AGENT_WALLET_KEY, value);
    }

    /// @inheritdoc IRuneRegistry
    function setMetadata(uint256 agentId, string calldata metadataKey, bytes calldata metadataValue) external {
        bytes32 rune = bytes32(agentId);
        _requireAuthorizedOnLiveRune(rune);
        if (keccak256(bytes(metadataKey)) == keccak256(bytes(AGENT_WALLET_KEY))) {
            revert RuneRegistryReservedMetadataKey(metadataKey);
        }
        _metadata[rune][metadataKey] = metadataValue;
        emit MetadataSet(agentId, metadataKey, metadataKey, metadataValue);
    }

    /// @inheritdoc IRuneRegistry
    function rotateSigner(bytes32 rune, address newSigner) external {
        RuneCore storage core = _requireOwnerOfLiveRune(rune);
        if (newSigner == address(0)) revert RuneRegistryZeroSigner();
        address previousSigner = core.signer;
        if (newSigner == previousSigner) revert RuneRegistrySameSigner(rune, newSigner);
        core.signer = newSigner;
        emit SignerRotated(rune, previousSigner, newSigner);
    }

    /// @inheritdoc IRuneRegistry
    function retire(bytes32 rune) external {
        RuneCore storage core = _requireOwnerOfLiveRune(rune);
        core.status = RuneStatus.Retired;
        uint64 proposalId = _proposals[rune].id;
        if (proposalId != 0) {
            delete _proposals[rune];
            emit SplitChangeCancelled(rune, proposalId);
            _closeProposal(rune);
        }
        emit RuneRetired(rune);
    }

    /// @inheritdoc IRuneRegistry
    function proposeSplit(
        bytes32 rune,
        Split calldata split,
        address[] calldata infraRecipients,
        uint16[] calldata infraWeights
    ) external returns (uint64 proposalId) {
        _requireOwnerOfLiveRune(rune);
        SplitProposal storage proposal = _proposals[rune];
        uint64 pendingId = proposal.id;
        if (pendingId != 0) {
            if (block.timestamp < proposal.expiresAt) revert RuneRegistryProposalPending(rune, pendingId);
            // Expired unexecuted: replaced (its cooldown is checked below).
        }
        uint48 availableAt = nextProposalAt(rune);
        if (block.timestamp < availableAt) revert RuneRegistryProposalCooldown(rune, availableAt);
        _validateSplit(split, infraRecipients, infraWeights);
        IStakeLedger ledger = _requireStakeLedger();
        if (pendingId != 0) {
            delete _proposals[rune];
            emit SplitChangeExpired(rune, pendingId);
        }

        proposalId = ++lastProposalId;
        uint48 executableAt = uint48(block.timestamp) + ruleDelay;
        proposal.id = proposalId;
        proposal.proposedAt = uint48(block.timestamp);
        proposal.executableAt = executableAt;
        proposal.expiresAt = executableAt + EXECUTION_WINDOW;
        // The trusted ledger wired by governance starts tracking veto weights for this proposal and returns the
        // veto base: the rune's active stake minus the proposer's own. It calls nothing back.
        proposal.stakeAtProposal = ledger.setOpenProposal(rune, proposalId, msg.sender);
        proposal.split = split;
        for (uint256 i; i < infraRecipients.length; ++i) {
            proposal.infra.push(InfraShare({recipient: infraRecipients[i], weightBps: infraWeights[i]}));
        }
        emit SplitChangeProposed(rune, proposalId, split, proposal.infra, executableAt);
    }

    /// @inheritdoc IRuneRegistry
    function cancelSplitProposal(bytes32 rune) external {
        _requireOwner(rune);
        SplitProposal storage proposal = _proposals[rune];
        uint64 proposalId = proposal.id;
        if (proposalId == 0) revert RuneRegistryNoPendingProposal(rune);
        _nextProposalAt[rune] = uint48(block.timestamp) + PROPOSAL_COOLDOWN;
        delete _proposals[rune];
        emit SplitChangeCancelled(rune, proposalId);
        _closeProposal(rune);
    }

    /// @inheritdoc IRuneRegistry
    function executeSplitProposal(bytes32 rune) external returns (bool executed) {
        SplitProposal memory proposal = _proposals[rune];
        if (proposal.id == 0) revert RuneRegistryNoPendingProposal(rune);
        if (block.timestamp < proposal.executableAt) {
            revert RuneRegistryProposalNotReady(rune, proposal.executableAt);
        }
        if (block.timestamp >= proposal.expiresAt) revert RuneRegistryProposalExpired(rune, proposal.expiresAt);
        RuneStatus status = _cores[rune].status;
        if (status != RuneStatus.Active) revert RuneRegistryUnexpectedStatus(rune, status);
        // Read-only call to the trusted ledger wired by governance.
        (uint256 vetoStake,) = stakeLedger.vetoTally(rune, proposal.id);
        uint256 vetoBase = proposal.stakeAtProposal;
        delete _proposals[rune];
        _closeProposal(rune);

        if (vetoStake * 2 > vetoBase) {
            _nextProposalAt[rune] = uint48(block.timestamp) + PROPOSAL_COOLDOWN;
            emit SplitChangeRejected(rune, proposal.id, vetoStake, vetoBase);
            return false;
        }
        // Bounds may have tightened during the delay: the proposal must still be valid.
        _checkStakersShare(proposal.split);
        RuneCore storage core = _cores[rune];
        uint256 previousCount = core.infraCount;
        uint256 count = proposal.infra.length;
        core.developerBps = proposal.split.developerBps;
        core.infraBps = proposal.split.infraBps;
        // Safe: _validateSplit capped the count at MAX_INFRA_RECIPIENTS (8) when the proposal was made.
        // forge-lint: disable-next-line(unsafe-typecast)
        core.infraCount = uint8(count);
        mapping(uint256 => InfraShare) storage infra = _infra[rune];
        for (uint256 i; i < count; ++i) {
            infra[i] = proposal.infra[i];
        }
        // Entries past the new count are never read; cleared anyway so storage holds only the live list.
        for (uint256 i = count; i < previousCount; ++i) {
            delete infra[i];
        }
        emit SplitChangeExecuted(rune, proposal.id, proposal.split, proposal.infra);
        return true;
    }

    // ---------------------------------------------------------------------------------------------
    // Restricted
    // ---------------------------------------------------------------------------------------------

    /// @inheritdoc IRuneRegistry
    function suspend(bytes32 rune) external onlyRole(GOVERNOR_ROLE) {
        RuneCore storage core = _cores[rune];
        if (core.status != RuneStatus.Active) revert RuneRegistryUnexpectedStatus(rune, core.status);
        core.status = RuneStatus.Suspended;
        emit RuneSuspended(rune);
    }

    /// @inheritdoc IRuneRegistry
    function unsuspend(bytes32 rune) external onlyRole(GOVERNOR_ROLE) {
        RuneCore storage core = _cores[rune];
        if (core.status != RuneStatus.Suspended) revert RuneRegistryUnexpectedStatus(rune, core.status);
        core.status = RuneStatus.Active;
        emit RuneUnsuspended(rune);
    }

    /// @inheritdoc IRuneRegistry
    function setRuleDelay(uint48 newDelay) external onlyRole(GOVERNOR_ROLE) {
        _setRuleDelay(newDelay);
    }

    /// @inheritdoc IRuneRegistry
    function setMinStakersBps(uint16 newMinStakersBps) external onlyRole(GOVERNOR_ROLE) {
        _setMinStakersBps(newMinStakersBps);
    }

    /// @inheritdoc IRuneRegistry
    function setStakeLedger(address newStakeLedger) external onlyRole(GOVERNOR_ROLE) {
        if (address(stakeLedger) != address(0)) revert RuneRegistryStakeLedgerAlreadySet(address(stakeLedger));
        if (newStakeLedger.code.length == 0) revert RuneRegistryInvalidStakeLedger(newStakeLedger);
        // Read-only call to the ledger being wired.
        _requireDelayCoversUnbonding(ruleDelay, IStakeLedger(newStakeLedger).unbondingPeriod());
        stakeLedger = IStakeLedger(newStakeLedger);
        emit StakeLedgerSet(newStakeLedger);
    }

    // ---------------------------------------------------------------------------------------------
    // Internal
    // ---------------------------------------------------------------------------------------------

    /// @dev When a rune changes hands (not on mint), the new owner inherits none of the previous owner's agent
    /// keys or intentions: the agent wallet is cleared (ERC-8004: it must be proven again), the signer is cleared
    /// (the seller's key must not sign receipts that pay the buyer's rune; until the new owner calls
    /// `rotateSigner`, every payment is refused with an invalid signature), and an open split proposal is
    /// cancelled (see `_cancelOnTransfer`).
    function _update(address to, uint256 tokenId, address auth) internal override returns (address from) {
        from = super._update(to, tokenId, auth);
        if (from == address(0) || from == to) return from;
        bytes32 rune = bytes32(tokenId);
        mapping(string => bytes) storage entries = _metadata[rune];
        if (entries[AGENT_WALLET_KEY].length != 0) {
            delete entries[AGENT_WALLET_KEY];
            emit MetadataSet(tokenId, AGENT_WALLET_KEY, AGENT_WALLET_KEY, "");
        }
        RuneCore storage core = _cores[rune];
        address previousSigner = core.signer;
        if (previousSigner != address(0)) {
            core.signer = address(0);
            emit SignerRotated(rune, previousSigner, address(0));
        }
        _cancelOnTransfer(rune);
    }

    /// @dev Cancels the rune's open (unexecuted, unexpired) split proposal when the rune changes hands. The veto
    /// rule needs the proposer to be the owner throughout: its stake is left out of the veto base and it cannot
    /// veto, so a proposal that outlived a sale could be vetoed by its proposer, or its owner-to-be silenced (a
    /// rune pushed onto the largest staker). Cooldown: the cancel wipes the proposal with its vetoes, so vetoes
    /// lose nothing, and a buyer is not locked out by the seller's proposal; but when stakers had vetoed, the
    /// cooldown that an owner's own cancel starts applies too, so a transfer (to a second address of the owner)
    /// cannot replace a contested proposal at once any more than `cancelSplitProposal` can. An expired proposal
    /// is left alone: it is closed already and keeps the cooldown its expiry starts.
    function _cancelOnTransfer(bytes32 rune) private {
        SplitProposal storage proposal = _proposals[rune];
        uint64 proposalId = proposal.id;
        if (proposalId == 0 || block.timestamp >= proposal.expiresAt) return;
        IStakeLedger ledger = stakeLedger; // set: a proposal exists only once the ledger is wired
        // Read-only call to the trusted ledger wired by governance.
        (uint256 vetoStake,) = ledger.vetoTally(rune, proposalId);
        if (vetoStake != 0) _nextProposalAt[rune] = uint48(block.timestamp) + PROPOSAL_COOLDOWN;
        delete _proposals[rune];
        emit SplitChangeCancelled(rune, proposalId);
        _closeProposal(rune);
    }

    function _setRuleDelay(uint48 newDelay) private {
        if (newDelay < MIN_RULE_DELAY || newDelay > MAX_RULE_DELAY) {
            revert RuneRegistryParameterOutOfBounds(newDelay, MIN_RULE_DELAY, MAX_RULE_DELAY);
        }
        IStakeLedger ledger = stakeLedger;
        // Read-only call to the trusted ledger wired by governance: stakers must be able to leave before a change.
        if (address(ledger) != address(0)) _requireDelayCoversUnbonding(newDelay, ledger.unbondingPeriod());
        uint48 previousDelay = ruleDelay;
        ruleDelay = newDelay;
        emit RuleDelaySet(previousDelay, newDelay);
    }

    function _setMinStakersBps(uint16 newMinStakersBps) private {
        if (newMinStakersBps > MAX_MIN_STAKERS_BPS) {
            revert RuneRegistryParameterOutOfBounds(newMinStakersBps, 0, MAX_MIN_STAKERS_BPS);
        }
        uint16 previousMinStakersBps = minStakersBps;
        minStakersBps = newMinStakersBps;
        emit MinStakersBpsSet(previousMinStakersBps, newMinStakersBps);
    }

    function _requireDelayCoversUnbonding(uint48 delay, uint48 unbondingPeriod) private pure {
        if (delay < unbondingPeriod) revert RuneRegistryRuleDelayBelowUnbonding(delay, unbondingPeriod);
    }

    /// @dev Tells the ledger no proposal is open on the rune any more (it stops tracking veto weights).
    function _closeProposal(bytes32 rune) private {
        IStakeLedger ledger = stakeLedger;
        // The trusted ledger wired by governance; it only clears a field and calls nothing back.
        if (address(ledger) != address(0)) ledger.setOpenProposal(rune, 0, address(0));
    }

    /// @dev The caller owns the rune or is approved for it (ERC-721 operator rules), and the rune is not retired.
    function _requireAuthorizedOnLiveRune(bytes32 rune) private view {
        RuneCore storage core = _requireRegistered(rune);
        address owner = _ownerOf(uint256(rune));
        if (!_isAuthorized(owner, msg.sender, uint256(rune))) {
            revert RuneRegistryNotAuthorized(uint256(rune), msg.sender);
        }
        if (core.status == RuneStatus.Retired) revert RuneRegistryRuneRetired(rune);
    }

    function _requireStakeLedger() private view returns (IStakeLedger ledger) {
        ledger = stakeLedger;
        if (address(ledger) == address(0)) revert RuneRegistryStakeLedgerNotSet();
    }

    function _requireRegistered(bytes32 rune) private view returns (RuneCore storage core) {
        core = _cores[rune];
        if (core.status == RuneStatus.Unregistered) revert RuneRegistryUnknownRune(rune);
    }

    function _requireOwner(bytes32 rune) private view returns (RuneCore storage core) {
        core = _requireRegistered(rune);
        if (_ownerOf(uint256(rune)) != msg.sender) revert RuneRegistryNotRuneOwner(rune, msg.sender);
    }

    function _requireOwnerOfLiveRune(bytes32 rune) private view returns (RuneCore storage core) {
        core = _requireOwner(rune);
        if (core.status == RuneStatus.Retired) revert RuneRegistryRuneRetired(rune);
    }

    /// @dev All split validation in one place: exact sum, protocol minimum, infra list shape.
    function _validateSplit(Split calldata split, address[] calldata recipients, uint16[] calldata weights)
        private
        view
    {
        if (uint256(split.developerBps) + split.infraBps + split.stakersBps != SplitMath.BPS) {
            revert RuneRegistrySplitNotExact(split.developerBps, split.infraBps, split.stakersBps);
        }
        _checkStakersShare(split);
        uint256 count = recipients.length;
        if (count != weights.length) revert RuneRegistryInfraLengthMismatch(count, weights.length);
        if ((split.infraBps == 0) != (count == 0)) revert RuneRegistryInfraMismatch(split.infraBps, count);
        if (count > MAX_INFRA_RECIPIENTS) revert RuneRegistryTooManyInfraRecipients(count, MAX_INFRA_RECIPIENTS);
        uint256 weightSum;
        for (uint256 i; i < count; ++i) {
            address recipient = recipients[i];
            if (recipient == address(0)) revert RuneRegistryInvalidInfraRecipient(recipient);
            for (uint256 j; j < i; ++j) {
                if (recipients[j] == recipient) revert RuneRegistryInvalidInfraRecipient(recipient);
            }
            if (weights[i] == 0) revert RuneRegistryZeroInfraWeight(recipient);
            weightSum += weights[i];
        }
        if (count != 0 && weightSum != SplitMath.BPS) revert RuneRegistryInfraWeightsNotExact(weightSum);
    }

    /// @dev The rune's split with `stakersBps` derived. An unknown rune reports 0/0/0 (deriving would give it a
    /// stakers share of 10,000).
    function _splitOf(RuneCore memory core) private pure returns (Split memory split) {
        if (core.status == RuneStatus.Unregistered) return split;
        split.developerBps = core.developerBps;
        split.infraBps = core.infraBps;
        // Safe: developerBps + infraBps <= BPS (validated with the exact sum), so the result is 0..10,000.
        // forge-lint: disable-next-line(unsafe-typecast)
        split.stakersBps = uint16(SplitMath.BPS - core.developerBps - core.infraBps);
    }

    /// @dev The first `count` infra entries of a rune (its live list when `count` is its `infraCount`).
    function _infraOf(bytes32 rune, uint256 count) private view returns (InfraShare[] memory list) {
        mapping(uint256 => InfraShare) storage infra = _infra[rune];
        list = new InfraShare[](count);
        for (uint256 i; i < count; ++i) {
            list[i] = infra[i];
        }
    }

    function _checkStakersShare(Split memory split) private view {
        if (split.stakersBps < minStakersBps) revert RuneRegistryStakersShareTooLow(split.stakersBps, minStakersBps);
    }

    function _writeInfra(bytes32 rune, address[] calldata recipients, uint16[] calldata weights) private {
        mapping(uint256 => InfraShare) storage infra = _infra[rune];
        for (uint256 i; i < recipients.length; ++i) {
            infra[i] = InfraShare({recipient: recipients[i], weightBps: weights[i]});
        }
    }
}
