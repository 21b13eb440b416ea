// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IRuneRegistry, IStakeLedger} from "./interfaces/IRuneRegistry.sol";
import {IRevenueDistributor} from "./interfaces/IRevenueDistributor.sol";
import {SplitMath} from "./libraries/SplitMath.sol";

/// @title RevenueDistributor
/// @notice Payments, staking, streamed rewards and claims for Aurorune agents.
/// @dev Accounting in one idea (Synthetix StakingRewards, streamed): each (rune, token) has a stream of stakers
/// money still to release (`remaining` until `finish`, kept at 1e-12 of a token unit so no checkpoint floors a
/// released amount and hands the remainder to later stakers) and a reward-per-share accumulator. A new stakers
/// part joins the stream with an amount-weighted finish, so a dust payment cannot push back what earlier
/// payments already owe. `_checkpoint` releases what vested since the last update into the accumulator (or,
/// while nobody stakes, to the developer), and
/// `_settle` moves an account's share of the accumulator growth (`_owed`) into its unclaimed balance; `claim` pays
/// that share out directly instead. Every function that changes a stake or pays out runs these two first, so a
/// payment costs the same with 1 staker or 100,000.
contract RevenueDistributor is IRevenueDistributor, AccessControl, ReentrancyGuardTransient, EIP712 {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    // ---------------------------------------------------------------------------------------------
    // State
    // ---------------------------------------------------------------------------------------------

    /// @notice Role allowed to pause and set protocol parameters (a TimelockController in production).
    bytes32 public constant GOVERNOR_ROLE = keccak256("GOVERNOR_ROLE");
    /// @notice Most payment tokens the allow-list can ever hold (each rune tracks them in a 16-bit mask).
    uint256 public constant MAX_TOKENS = 16;
    /// @notice Most runes in one collaborative receipt.
    uint256 public constant MAX_COLLABORATORS = 8;
    /// @notice Reward window bounds.
    uint48 public constant MIN_REWARD_WINDOW = 1 days;
    uint48 public constant MAX_REWARD_WINDOW = 90 days;
    /// @notice Unbonding period bounds.
    uint48 public constant MIN_UNBONDING_PERIOD = 1 hours;
    uint48 public constant MAX_UNBONDING_PERIOD = 60 days;
    /// @dev Accumulator scale: 1 unit of a 6-decimal token over 1e9 staked AURUNES (1e27 wei) still counts.
    uint256 private constant SCALE = 1e36;
    /// @dev Sub-units per token unit held in a stream: releases are exact to 1e-12 of a unit, so the flooring of
    /// a release never moves a whole unit from today's stakers to tomorrow's (issue 7, item 4).
    uint256 private constant STREAM_PRECISION = 1e12;
    /// @dev Accumulator growth per sub-unit released per staked wei.
    uint256 private constant SUB_UNIT_SCALE = SCALE / STREAM_PRECISION;
    /// @dev Top bit of `Accrual.rewardPerSharePaid`: set exactly when `unclaimed` is non-zero, so a claim reads
    /// the second slot only when it holds something. The accumulator stays below this bit (`_checkpoint`).
    uint256 private constant UNCLAIMED_FLAG = 1 << 255;

    bytes32 private constant SERVICE_RECEIPT_TYPEHASH = keccak256(
        "ServiceReceipt(bytes32 rune,bytes32 serviceId,address payer,address token,uint256 amount,uint64 deadline)"
    );
    bytes32 private constant COLLABORATIVE_RECEIPT_TYPEHASH = keccak256(
        "CollaborativeReceipt(bytes32 serviceId,bytes32[] runes,uint16[] weightsBps,address payer,address token,uint256 amount,uint64 deadline)"
    );

    struct TokenConfig {
        uint8 index; // 1-based position in _tokenList; 0 = never allowed
        bool allowed;
    }

    /// @dev `remaining` is in sub-units (1 / STREAM_PRECISION of a token unit); 176 bits hold 2^136 units.
    /// Timestamps fit 40 bits until the year 36812.
    struct Stream {
        uint256 rewardPerShare;
        uint176 remaining;
        uint40 lastUpdate;
        uint40 finish;
    }

    struct RuneStake {
        uint128 active;
        uint32 stakerCount;
        uint16 tokenMask; // tokens that ever streamed to this rune's stakers
        uint64 openProposalId; // the split proposal whose veto weights are being tracked; 0 = none
    }

    struct StakeSlot {
        uint128 active;
        uint64 vetoedProposalId;
        bool listed;
    }

    /// @dev The stake an account held when `proposalId` was made and has held since (its lowest active stake
    /// since then). Written lazily, before the first change to the account's stake after the proposal (the
    /// copy-on-write snapshot of OpenZeppelin 4's ERC20Snapshot): with no entry for the open proposal, the stake
    /// is unchanged since it was made. Costs nothing while no proposal is open.
    struct HeldStake {
        uint64 proposalId;
        uint128 amount;
    }

    struct Unbonding {
        uint128 amount;
        uint64 endsAt;
    }

    /// @dev `rewardPerSharePaid` carries UNCLAIMED_FLAG in its top bit (see there).
    struct Accrual {
        uint256 rewardPerSharePaid;
        uint256 unclaimed;
    }

    struct VetoTally {
        uint64 proposalId;
        uint192 stake;
    }

    /// @dev What a rune holds in one token, in one slot so a payment writes both with one SSTORE. 128 bits hold
    /// any single payment (`_checkAmount`). `developerBalance` is real money: it is credited with checked maths
    /// in `pay` (a payment that would overflow it reverts until the owner claims) and never beyond 128 bits in
    /// `_checkpoint` (see there), so no overflow can block a claim. `revenue` is an all-time statistic that, unlike
    /// a balance, only grows: it saturates at 2^128 - 1 rather than ever make `pay` revert for the rune.
    struct RuneLedger {
        uint128 developerBalance;
        uint128 revenue;
    }

    /// @notice The rune registry.
    IRuneRegistry public immutable registry;
    /// @notice AURUNES, the staking token.
    IERC20 public immutable stakingToken;

    /// @notice Seconds over which each stakers part is streamed.
    uint48 public rewardWindow;
    /// @notice Seconds between an unstake request and its withdrawal.
    uint48 public unbondingPeriod;
    /// @dev Whether payments and stakes are stopped. Kept here, next to `rewardWindow`, rather than inherited from
    /// OZ Pausable (whose flag takes a slot of its own): a payment reads both with one cold SLOAD.
    bool private _paused;
    /// @notice AURUNES held as stake (active and unbonding) across all runes.
    uint256 public totalStaked;

    address[] private _tokenList;
    mapping(address token => TokenConfig) private _tokenConfigs;
    mapping(bytes32 rune => mapping(address token => Stream)) private _streams;
    mapping(bytes32 rune => RuneStake) private _runeStakes;
    mapping(bytes32 rune => mapping(address account => StakeSlot)) private _stakes;
    mapping(bytes32 rune => mapping(address account => Unbonding)) private _unbondings;
    mapping(bytes32 rune => mapping(address account => mapping(address token => Accrual))) private _accruals;
    mapping(address account => bytes32[]) private _stakedRunes;
    mapping(bytes32 rune => VetoTally) private _vetoTallies;
    mapping(bytes32 rune => mapping(address account => HeldStake)) private _heldStakes;
    mapping(bytes32 rune => mapping(address token => RuneLedger)) private _ledgers;
    mapping(address account => mapping(address token => uint256)) private _infraBalances;
    mapping(bytes32 rune => mapping(bytes32 serviceId => bool)) private _usedServiceIds;
    /// @dev Who made the rune's open proposal (recorded by `setOpenProposal`): it cannot veto it.
    mapping(bytes32 rune => address) private _proposers;
    /// @dev Infra recipients that refused `pushInfra` (`setInfraPushAllowed(false)`); the default allows it.
    mapping(address account => bool) private _infraPushRefused;

    // ---------------------------------------------------------------------------------------------
    // Modifiers
    // ---------------------------------------------------------------------------------------------

    /// @dev Guards new money in (payments and stakes) only; claims, unstaking and withdrawals never check it.
    modifier whenNotPaused() {
        if (_paused) revert EnforcedPause();
        _;
    }

    // ---------------------------------------------------------------------------------------------
    // Constructor
    // ---------------------------------------------------------------------------------------------

    /// @param registry_ The rune registry.
    /// @param stakingToken_ AURUNES.
    /// @param admin Receives DEFAULT_ADMIN_ROLE and GOVERNOR_ROLE (hand both to a timelock in production).
    /// @param initialRewardWindow Initial reward window in seconds.
    /// @param initialUnbondingPeriod Initial unbonding period in seconds. Not checked against the registry's rule
    /// delay here (the registry may be deployed in the same batch); `RuneRegistry.setStakeLedger` refuses to wire a
    /// ledger whose unbonding period outlasts the rule delay, and no proposal exists before that wiring.
    constructor(
        IRuneRegistry registry_,
        IERC20 stakingToken_,
        address admin,
        uint48 initialRewardWindow,
        uint48 initialUnbondingPeriod
    ) EIP712("Aurorune", "1") {
        registry = registry_;
        stakingToken = stakingToken_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(GOVERNOR_ROLE, admin);
        _setRewardWindow(initialRewardWindow);
        _setUnbondingPeriod(initialUnbondingPeriod, false);
    }

    // ---------------------------------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------------------------------

    /// @inheritdoc IRevenueDistributor
    function pendingRewards(bytes32 rune, address account, address token) external view returns (uint256) {
        uint256 rewardPerShare = _rewardPerShareNow(rune, token, _runeStakes[rune].active);
        Accrual storage accrual = _accruals[rune][account][token];
        uint256 paid = accrual.rewardPerSharePaid & ~UNCLAIMED_FLAG;
        return accrual.unclaimed + Math.mulDiv(_stakes[rune][account].active, rewardPerShare - paid, SCALE);
    }

    /// @inheritdoc IRevenueDistributor
    function positionOf(bytes32 rune, address account) external view returns (Position memory) {
        StakeSlot storage slot = _stakes[rune][account];
        Unbonding storage unbonding = _unbondings[rune][account];
        return Position({
            active: slot.active,
            unbonding: unbonding.amount,
            unbondingEndsAt: unbonding.endsAt,
            vetoedProposalId: slot.vetoedProposalId
        });
    }

    /// @inheritdoc IRevenueDistributor
    function stakedRunesOf(address account) external view returns (bytes32[] memory) {
        return _stakedRunes[account];
    }

    /// @inheritdoc IRevenueDistributor
    function stakerCountOf(bytes32 rune) external view returns (uint256) {
        return _runeStakes[rune].stakerCount;
    }

    /// @notice Active (earning) stake on a rune.
    /// @param rune The rune.
    /// @return The active stake.
    function activeStakeOf(bytes32 rune) external view returns (uint256) {
        return _runeStakes[rune].active;
    }

    /// @notice Stake vetoing a proposal, and the rune's active stake now.
    /// @param rune The rune.
    /// @param proposalId The proposal.
    /// @return vetoStake Stake vetoing `proposalId` (each vetoer's stake held since the proposal).
    /// @return activeStake Active stake of the rune.
    function vetoTally(bytes32 rune, uint64 proposalId) external view returns (uint256 vetoStake, uint256 activeStake) {
        VetoTally storage tally = _vetoTallies[rune];
        vetoStake = tally.proposalId == proposalId ? tally.stake : 0;
        activeStake = _runeStakes[rune].active;
    }

    /// @notice The stake an account can veto the rune's open proposal with: what it held when the proposal was
    /// made and has held since (its stake when the proposal opened, lowered by every unstake since).
    /// @dev The proposer's figure is shown too, but the proposer cannot veto.
    /// @param rune The rune.
    /// @param account The staker.
    /// @return proposalId The open proposal (0 when none; then `weight` is 0).
    /// @return weight The veto weight.
    function vetoWeightOf(bytes32 rune, address account) external view returns (uint64 proposalId, uint256 weight) {
        proposalId = _runeStakes[rune].openProposalId;
        if (proposalId == 0) return (0, 0);
        HeldStake storage held = _heldStakes[rune][account];
        weight = held.proposalId == proposalId ? held.amount : _stakes[rune][account].active;
    }

    /// @inheritdoc IRevenueDistributor
    function paused() external view returns (bool) {
        return _paused;
    }

    /// @inheritdoc IRevenueDistributor
    function revenueOf(bytes32 rune, address token) external view returns (uint256) {
        return _ledgers[rune][token].revenue;
    }

    /// @inheritdoc IRevenueDistributor
    function developerBalanceOf(bytes32 rune, address token) external view returns (uint256) {
        return _ledgers[rune][token].developerBalance;
    }

    /// @inheritdoc IRevenueDistributor
    function pendingDeveloperBalance(bytes32 rune, address token) external view returns (uint256) {
        uint256 balance = _ledgers[rune][token].developerBalance;
        Stream storage stream = _streams[rune][token];
        uint256 released = _releasable(stream);
        // Capped as `_checkpoint` caps the credit.
        if (_grown(released, _runeStakes[rune].active, stream.rewardPerShare) == UNCLAIMED_FLAG) {
            balance = Math.min(balance + released / STREAM_PRECISION, type(uint128).max);
        }
        return balance;
    }

    /// @inheritdoc IRevenueDistributor
    function infraBalanceOf(address account, address token) external view returns (uint256) {
        return _infraBalances[account][token];
    }

    /// @inheritdoc IRevenueDistributor
    function isInfraPushAllowed(address account) external view returns (bool) {
        return !_infraPushRefused[account];
    }

    /// @inheritdoc IRevenueDistributor
    function streamOf(bytes32 rune, address token) external view returns (StreamState memory) {
        Stream storage stream = _streams[rune][token];
        uint256 remainingScaled = stream.remaining;
        return StreamState({
            rewardPerShare: stream.rewardPerShare,
            remaining: Math.ceilDiv(remainingScaled, STREAM_PRECISION),
            remainingScaled: remainingScaled,
            lastUpdate: stream.lastUpdate,
            finish: stream.finish
        });
    }

    /// @inheritdoc IRevenueDistributor
    function tokens() external view returns (address[] memory list, bool[] memory allowed) {
        list = _tokenList;
        allowed = new bool[](list.length);
        for (uint256 i; i < list.length; ++i) {
            allowed[i] = _tokenConfigs[list[i]].allowed;
        }
    }

    /// @inheritdoc IRevenueDistributor
    function isTokenAllowed(address token) external view returns (bool) {
        return _tokenConfigs[token].allowed;
    }

    /// @inheritdoc IRevenueDistributor
    function isServiceUsed(bytes32 rune, bytes32 serviceId) external view returns (bool) {
        return _usedServiceIds[rune][serviceId];
    }

    /// @inheritdoc IRevenueDistributor
    function hashServiceReceipt(ServiceReceipt calldata receipt) public view returns (bytes32) {
        return _hashTypedDataV4(
            keccak256(
                abi.encode(
                    SERVICE_RECEIPT_TYPEHASH,
                    receipt.rune,
                    receipt.serviceId,
                    receipt.payer,
                    receipt.token,
                    receipt.amount,
                    receipt.deadline
                )
            )
        );
    }

    /// @inheritdoc IRevenueDistributor
    function hashCollaborativeReceipt(CollaborativeReceipt calldata receipt) public view returns (bytes32) {
        return _hashTypedDataV4(
            keccak256(
                abi.encode(
                    COLLABORATIVE_RECEIPT_TYPEHASH,
                    receipt.serviceId,
                    keccak256(abi.encodePacked(receipt.runes)),
                    keccak256(abi.encodePacked(receipt.weightsBps)),
                    receipt.payer,
                    receipt.token,
                    receipt.amount,
                    receipt.deadline
                )
            )
        );
    }

    // ---------------------------------------------------------------------------------------------
    // Mutative: payments
    // ---------------------------------------------------------------------------------------------

    /// @inheritdoc IRevenueDistributor
    function pay(ServiceReceipt calldata receipt, bytes calldata signature)
        external
        payable
        whenNotPaused
        nonReentrant
    {
        _pay(receipt, signature);
    }

    /// @inheritdoc IRevenueDistributor
    function payWithPermit(
        ServiceReceipt calldata receipt,
        bytes calldata signature,
        uint256 permitDeadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external whenNotPaused nonReentrant {
        // Only an allow-listed token is ever called; ETH receipts have nothing to permit.
        if (receipt.token != address(0) && _tokenConfigs[receipt.token].allowed) {
            _tryPermit(receipt.token, receipt.amount, permitDeadline, v, r, s);
        }
        _pay(receipt, signature);
    }

    /// @inheritdoc IRevenueDistributor
    function payCollaborative(CollaborativeReceipt calldata receipt, bytes[] calldata signatures)
        external
        payable
        whenNotPaused
        nonReentrant
    {
        uint256 count = receipt.runes.length;
        if (count < 2 || count > MAX_COLLABORATORS) revert RevenueDistributorInvalidRuneCount(count);
        if (receipt.weightsBps.length != count || signatures.length != count) {
            revert RevenueDistributorLengthMismatch(count, receipt.weightsBps.length, signatures.length);
        }
        _checkCollaborators(receipt.runes, receipt.weightsBps);
        uint8 tokenIndex = _requireAllowedToken(receipt.token);
        _checkAmount(receipt.amount);

        IRuneRegistry.PaymentTerms[] memory terms = new IRuneRegistry.PaymentTerms[](count);
        for (uint256 i; i < count; ++i) {
            terms[i] = _activeTerms(receipt.runes[i]);
        }
        bytes32 digest = hashCollaborativeReceipt(receipt);
        for (uint256 i; i < count; ++i) {
            _checkSignature(receipt.runes[i], terms[i].signer, digest, signatures[i]);
        }
        for (uint256 i; i < count; ++i) {
            _spendServiceId(receipt.runes[i], receipt.serviceId);
        }
        _checkDeadlineAndPayer(receipt.deadline, receipt.payer);
        _collect(receipt.token, receipt.amount);

        uint256[] memory parts = SplitMath.byWeights(receipt.amount, receipt.weightsBps);
        for (uint256 i; i < count; ++i) {
            _distribute(receipt.runes[i], receipt.serviceId, receipt.token, tokenIndex, parts[i], terms[i]);
        }
        emit CollaborativeServicePaid(
            receipt.serviceId,
            msg.sender,
            receipt.token,
            receipt.amount,
            receipt.runes,
            receipt.weightsBps,
            uint64(block.timestamp)
        );
    }

    // ---------------------------------------------------------------------------------------------
    // Mutative: staking
    // ---------------------------------------------------------------------------------------------

    /// @inheritdoc IRevenueDistributor
    function stake(bytes32 rune, uint256 amount) external whenNotPaused nonReentrant {
        _stake(rune, amount);
    }

    /// @inheritdoc IRevenueDistributor
    function stakeWithPermit(bytes32 rune, uint256 amount, uint256 permitDeadline, uint8 v, bytes32 r, bytes32 s)
        external
        whenNotPaused
        nonReentrant
    {
        _tryPermit(address(stakingToken), amount, permitDeadline, v, r, s);
        _stake(rune, amount);
    }

    /// @inheritdoc IRevenueDistributor
    function requestUnstake(bytes32 rune, uint256 amount) external nonReentrant {
        if (amount == 0) revert RevenueDistributorZeroAmount();
        StakeSlot storage position = _stakes[rune][msg.sender];
        uint256 accountActive = position.active;
        if (amount > accountActive) revert RevenueDistributorInsufficientStake(accountActive, amount);
        RuneStake storage runeStake = _runeStakes[rune];
        _updateRewards(rune, msg.sender, runeStake.active, accountActive, runeStake.tokenMask);

        uint256 remainingActive = accountActive - amount;
        // Both casts are safe: amount <= accountActive <= runeStake.active, all stored as uint128.
        // forge-lint: disable-next-line(unsafe-typecast)
        position.active = uint128(remainingActive);
        // forge-lint: disable-next-line(unsafe-typecast)
        runeStake.active -= uint128(amount);
        if (remainingActive == 0) runeStake.stakerCount -= 1;
        _lowerHeldStake(rune, runeStake.openProposalId, position.vetoedProposalId, accountActive, remainingActive);

        Unbonding storage unbonding = _unbondings[rune][msg.sender];
        uint256 unbondingAmount = unbonding.amount;
        uint256 matured;
        if (unbondingAmount != 0 && block.timestamp >= unbonding.endsAt) {
            // What finished unbonding is paid out now rather than held back by the new request's period.
            matured = unbondingAmount;
            unbondingAmount = 0;
            totalStaked -= matured;
        }
        // Stake still unbonding joins this request; a shorter period set by governance since the earlier request
        // never brings that earlier stake forward.
        // Safe: a timestamp plus at most 60 days.
        // forge-lint: disable-next-line(unsafe-typecast)
        uint64 endsAt = uint64(Math.max(matured != 0 ? 0 : unbonding.endsAt, block.timestamp + unbondingPeriod));
        // Safe: both terms are uint128 stakes and their sum is at most the account's total stake (< 2^128).
        // forge-lint: disable-next-line(unsafe-typecast)
        unbonding.amount = uint128(unbondingAmount + amount);
        unbonding.endsAt = endsAt;
        if (matured != 0) emit Withdrawn(rune, msg.sender, matured, uint64(block.timestamp));
        emit UnstakeRequested(rune, msg.sender, amount, endsAt, uint64(block.timestamp));
        // AURUNES is the protocol's own plain ERC-20: no hooks; state is already final.
        if (matured != 0) stakingToken.safeTransfer(msg.sender, matured);
    }

    /// @inheritdoc IRevenueDistributor
    function withdraw(bytes32 rune) external nonReentrant returns (uint256 amount) {
        Unbonding memory unbonding = _unbondings[rune][msg.sender];
        amount = unbonding.amount;
        if (amount == 0) revert RevenueDistributorNothingToWithdraw(rune);
        if (block.timestamp < unbonding.endsAt && registry.statusOf(rune) == IRuneRegistry.RuneStatus.Active) {
            revert RevenueDistributorStillUnbonding(unbonding.endsAt);
        }
        delete _unbondings[rune][msg.sender];
        totalStaked -= amount;
        emit Withdrawn(rune, msg.sender, amount, uint64(block.timestamp));
        // AURUNES is the protocol's own plain ERC-20: no hooks; state is already final.
        stakingToken.safeTransfer(msg.sender, amount);
    }

    /// @inheritdoc IRevenueDistributor
    function vetoSplitProposal(bytes32 rune) external nonReentrant {
        // The registry opens and closes proposals here (`setOpenProposal`), so the open id is the pending one.
        uint64 proposalId = _runeStakes[rune].openProposalId;
        if (proposalId == 0) revert RevenueDistributorNoPendingProposal(rune);
        // The proposer's stake is left out of the veto base, and it cannot veto its own proposal either. The
        // proposer recorded at `setOpenProposal`, not the rune's owner now: the two are the same while a proposal
        // is open (a rune transfer cancels it), and a veto base never counts a stake it could not hold.
        if (_proposers[rune] == msg.sender) revert RevenueDistributorProposerCannotVeto(rune, msg.sender);
        StakeSlot storage position = _stakes[rune][msg.sender];
        if (position.vetoedProposalId == proposalId) revert RevenueDistributorAlreadyVetoed(rune, proposalId);
        HeldStake storage held = _heldStakes[rune][msg.sender];
        uint256 weight;
        if (held.proposalId == proposalId) {
            weight = held.amount;
        } else {
            // No change since the proposal was made: the stake now is the stake then. Recorded, so a later unstake
            // lowers the veto from here.
            weight = position.active;
            held.proposalId = proposalId;
            // Safe: an active stake is a uint128.
            // forge-lint: disable-next-line(unsafe-typecast)
            held.amount = uint128(weight);
        }
        if (weight == 0) revert RevenueDistributorNoVetoWeight(rune, proposalId, msg.sender);
        VetoTally storage tally = _vetoTallies[rune];
        if (tally.proposalId != proposalId) {
            tally.proposalId = proposalId;
            tally.stake = 0;
        }
        // Safe: weight is a uint128 stake.
        // forge-lint: disable-next-line(unsafe-typecast)
        tally.stake += uint192(weight);
        position.vetoedProposalId = proposalId;
        emit SplitProposalVetoed(rune, proposalId, msg.sender, weight);
    }

    /// @inheritdoc IStakeLedger
    function setOpenProposal(bytes32 rune, uint64 proposalId, address proposer) external returns (uint256 vetoBase) {
        if (msg.sender != address(registry)) revert RevenueDistributorNotRegistry(msg.sender);
        RuneStake storage runeStake = _runeStakes[rune];
        runeStake.openProposalId = proposalId;
        _proposers[rune] = proposer; // address(0) when closing
        if (proposalId != 0) vetoBase = runeStake.active - _stakes[rune][proposer].active;
    }

    // ---------------------------------------------------------------------------------------------
    // Mutative: claims (never paused)
    // ---------------------------------------------------------------------------------------------

    /// @inheritdoc IRevenueDistributor
    function claim(bytes32[] calldata runes, address[] calldata tokenList) external nonReentrant {
        uint256 tokenCount = tokenList.length;
        uint256[] memory totals = new uint256[](tokenCount);
        for (uint256 i; i < runes.length; ++i) {
            bytes32 rune = runes[i];
            uint256 accountActive = _stakes[rune][msg.sender].active;
            uint256 runeActive = _runeStakes[rune].active;
            for (uint256 t; t < tokenCount; ++t) {
                address token = tokenList[t];
                Accrual storage accrual = _accruals[rune][msg.sender][token];
                // `_settle` without the detour: what was earned goes straight into the payout, and `unclaimed`
                // is read and cleared only when its flag says it holds something. The stream is not written:
                // neither it nor the rune's stake changes here, so the accumulator's value now is read, not
                // stored (a later checkpoint reaches the same value from the same stored base, or more).
                uint256 rewardPerShare = _rewardPerShareNow(rune, token, runeActive);
                uint256 word = accrual.rewardPerSharePaid;
                uint256 amount = _owed(accountActive, word, rewardPerShare);
                if (word & UNCLAIMED_FLAG != 0) {
                    amount += accrual.unclaimed;
                    accrual.unclaimed = 0;
                }
                if (word != rewardPerShare) accrual.rewardPerSharePaid = rewardPerShare; // flag cleared
                if (amount != 0) {
                    totals[t] += amount;
                    emit Claimed(rune, msg.sender, token, amount, uint64(block.timestamp));
                }
            }
        }
        for (uint256 t; t < tokenCount; ++t) {
            // Nothing can be owed in a token that was never allowed (no payment, so no stream, ever existed for
            // it): only a token with nothing owed needs the look-up, and the refusal is the same as checking all.
            if (totals[t] == 0) _requireKnownToken(tokenList[t]);
        }
        for (uint256 t; t < tokenCount; ++t) {
            if (totals[t] != 0) _transferOut(tokenList[t], msg.sender, totals[t]);
        }
    }

    /// @inheritdoc IRevenueDistributor
    function claimDeveloper(bytes32 rune, address[] calldata tokenList) external nonReentrant {
        if (registry.statusOf(rune) == IRuneRegistry.RuneStatus.Unregistered) {
            revert RevenueDistributorUnknownRune(rune);
        }
        // The developer part accrues to the rune: whoever owns the rune token now collects it.
        if (IERC721(address(registry)).ownerOf(uint256(rune)) != msg.sender) {
            revert RevenueDistributorNotRuneOwner(rune, msg.sender);
        }
        uint256 runeActive = _runeStakes[rune].active;
        for (uint256 t; t < tokenList.length; ++t) {
            address token = tokenList[t];
            _requireKnownToken(token);
            // With no active stake, what streamed meanwhile is released to the developer here.
            _checkpoint(rune, token, runeActive);
            RuneLedger storage ledger = _ledgers[rune][token];
            uint256 amount = ledger.developerBalance;
            if (amount == 0) continue;
            ledger.developerBalance = 0;
            emit DeveloperClaimed(rune, msg.sender, token, amount, uint64(block.timestamp));
            _transferOut(token, msg.sender, amount);
        }
    }

    /// @inheritdoc IRevenueDistributor
    function claimInfra(address[] calldata tokenList) external nonReentrant {
        _payInfra(msg.sender, tokenList, msg.sender);
    }

    /// @inheritdoc IRevenueDistributor
    function claimInfraTo(address[] calldata tokenList, address to) external nonReentrant {
        if (to == address(0)) revert RevenueDistributorZeroRecipient();
        _payInfra(msg.sender, tokenList, to);
    }

    /// @inheritdoc IRevenueDistributor
    function pushInfra(address recipient, address[] calldata tokenList) external nonReentrant {
        // A recipient that collects with `claimInfraTo` (e.g. a forwarder holding no transfer logic) opts out:
        // a push would strand the tokens in it.
        if (_infraPushRefused[recipient]) revert RevenueDistributorInfraPushRefused(recipient);
        _payInfra(recipient, tokenList, recipient);
    }

    /// @inheritdoc IRevenueDistributor
    function setInfraPushAllowed(bool allowed) external {
        _infraPushRefused[msg.sender] = !allowed;
        emit InfraPushAllowanceSet(msg.sender, allowed);
    }

    // ---------------------------------------------------------------------------------------------
    // Restricted
    // ---------------------------------------------------------------------------------------------

    /// @inheritdoc IRevenueDistributor
    function setTokenAllowed(address token, bool allowed) external onlyRole(GOVERNOR_ROLE) {
        TokenConfig storage config = _tokenConfigs[token];
        if (config.index == 0) {
            if (!allowed) revert RevenueDistributorUnknownToken(token);
            if (token != address(0) && token.code.length == 0) revert RevenueDistributorTokenHasNoCode(token);
            if (_tokenList.length == MAX_TOKENS) revert RevenueDistributorTooManyTokens(MAX_TOKENS);
            _tokenList.push(token);
            config.index = uint8(_tokenList.length);
        }
        config.allowed = allowed;
        emit TokenAllowanceSet(token, allowed);
    }

    /// @inheritdoc IRevenueDistributor
    function setRewardWindow(uint48 newWindow) external onlyRole(GOVERNOR_ROLE) {
        _setRewardWindow(newWindow);
    }

    /// @inheritdoc IRevenueDistributor
    function setUnbondingPeriod(uint48 newPeriod) external onlyRole(GOVERNOR_ROLE) {
        _setUnbondingPeriod(newPeriod, true);
    }

    /// @inheritdoc IRevenueDistributor
    function pause() external onlyRole(GOVERNOR_ROLE) {
        if (_paused) revert EnforcedPause();
        _paused = true;
        emit Paused(msg.sender);
    }

    /// @inheritdoc IRevenueDistributor
    function unpause() external onlyRole(GOVERNOR_ROLE) {
        if (!_paused) revert ExpectedPause();
        _paused = false;
        emit Unpaused(msg.sender);
    }

    // ---------------------------------------------------------------------------------------------
    // Internal: the accounting checkpoint
    // ---------------------------------------------------------------------------------------------

    /// @dev Releases what vested in the (rune, token) stream since its last update: into the reward-per-share
    /// accumulator when someone stakes, to the developer otherwise (and when the accumulator cannot take it, see
    /// `_grown`). Callers pass the rune's active stake as it was over the whole elapsed interval (every stake
    /// change checkpoints first). Never reverts: claims, unstake requests and withdrawals run it.
    function _checkpoint(bytes32 rune, address token, uint256 runeActive) private returns (uint256 rewardPerShare) {
        Stream storage stream = _streams[rune][token];
        rewardPerShare = stream.rewardPerShare;
        uint256 released = _releasable(stream); // sub-units
        if (released == 0) return rewardPerShare;
        uint256 grown = _grown(released, runeActive, rewardPerShare);
        if (grown == UNCLAIMED_FLAG) {
            // The developer is credited whole units; the sub-unit rest stays in the stream (less than one unit is
            // ever carried there, and it goes to whoever the stream pays next: nothing is lost or created).
            RuneLedger storage ledger = _ledgers[rune][token];
            uint256 balance = ledger.developerBalance;
            uint256 units = released / STREAM_PRECISION;
            // Claims run this, so it must never revert: what the 128-bit balance cannot take stays in the stream,
            // released by a later checkpoint (to the developer once it has claimed, or to stakers who join first).
            // Only a token of more than 2^128 units can get here.
            units = Math.min(units, type(uint128).max - balance);
            if (units == 0) return rewardPerShare;
            released = units * STREAM_PRECISION;
            // Safe: capped just above.
            // forge-lint: disable-next-line(unsafe-typecast)
            ledger.developerBalance = uint128(balance + units);
        } else {
            rewardPerShare = grown;
            stream.rewardPerShare = grown;
        }
        // Safe: released <= remaining, which is a uint176.
        // forge-lint: disable-next-line(unsafe-typecast)
        stream.remaining -= uint176(released);
        // Safe: a timestamp fits 40 bits until the year 36812.
        // forge-lint: disable-next-line(unsafe-typecast)
        stream.lastUpdate = uint40(block.timestamp);
    }

    /// @dev The accumulator as `_checkpoint` would leave it now, without writing. With no active stake, what
    /// streams is the developer's and the accumulator does not move.
    function _rewardPerShareNow(bytes32 rune, address token, uint256 runeActive)
        private
        view
        returns (uint256 rewardPerShare)
    {
        Stream storage stream = _streams[rune][token];
        rewardPerShare = stream.rewardPerShare;
        if (runeActive == 0) return rewardPerShare;
        uint256 released = _releasable(stream);
        if (released == 0) return rewardPerShare;
        // What the accumulator cannot take goes to the developer (`_checkpoint`): the accumulator stays.
        uint256 grown = _grown(released, runeActive, rewardPerShare);
        if (grown != UNCLAIMED_FLAG) rewardPerShare = grown;
    }

    /// @dev The accumulator once `released` sub-units go to stakers, or UNCLAIMED_FLAG when they go to the
    /// developer instead: nobody stakes, or the accumulator would reach the flag bit. That takes more than 5.7e40
    /// units released per wei staked (only a pumped huge-supply token gets there); such a release is credited to
    /// the developer, as when nobody stakes, rather than make every checkpoint revert and freeze the rune's
    /// stakers: their exits and claims always work.
    function _grown(uint256 released, uint256 runeActive, uint256 rewardPerShare) private pure returns (uint256) {
        if (runeActive == 0) return UNCLAIMED_FLAG;
        // No overflow: released < 2^176 and SUB_UNIT_SCALE < 2^80.
        uint256 growth = Math.mulDiv(released, SUB_UNIT_SCALE, runeActive);
        // Safe: rewardPerShare < UNCLAIMED_FLAG always, so the difference does not underflow, and the sum, taken
        // only when growth is below the difference, stays below UNCLAIMED_FLAG.
        unchecked {
            return growth < UNCLAIMED_FLAG - rewardPerShare ? rewardPerShare + growth : UNCLAIMED_FLAG;
        }
    }

    /// @dev Moves an account's share of the accumulator growth into its unclaimed balance (and flags it).
    function _settle(Accrual storage accrual, uint256 accountActive, uint256 rewardPerShare) private {
        uint256 word = accrual.rewardPerSharePaid;
        if (word & ~UNCLAIMED_FLAG == rewardPerShare) return;
        uint256 earned = _owed(accountActive, word, rewardPerShare);
        if (earned != 0) accrual.unclaimed += earned;
        accrual.rewardPerSharePaid = rewardPerShare | (earned != 0 ? UNCLAIMED_FLAG : word & UNCLAIMED_FLAG);
    }

    /// @dev An account's share of the accumulator growth since `word` (its flagged paid mark).
    function _owed(uint256 accountActive, uint256 word, uint256 rewardPerShare) private pure returns (uint256) {
        uint256 paid = word & ~UNCLAIMED_FLAG;
        if (paid == rewardPerShare || accountActive == 0) return 0;
        return Math.mulDiv(accountActive, rewardPerShare - paid, SCALE);
    }

    /// @dev The linear part of the stream vested since its last update (all of it once past `finish`).
    function _releasable(Stream storage stream) private view returns (uint256) {
        uint256 remaining = stream.remaining;
        if (remaining == 0) return 0;
        uint256 finish = stream.finish;
        if (block.timestamp >= finish) return remaining;
        uint256 last = stream.lastUpdate;
        // last <= now < finish here; remaining < 2^176 and the elapsed time < 2^40, so no overflow. The floor is
        // below one sub-unit (1e-12 of a token unit) and stays in the stream.
        return remaining * (block.timestamp - last) / (finish - last);
    }

    /// @dev Checkpoints and settles every token that ever streamed to the rune, before its stake changes.
    function _updateRewards(bytes32 rune, address account, uint256 runeActive, uint256 accountActive, uint16 mask)
        private
    {
        for (uint256 index; mask != 0; ++index) {
            if (mask & 1 != 0) {
                address token = _tokenList[index];
                _settle(_accruals[rune][account][token], accountActive, _checkpoint(rune, token, runeActive));
            }
            mask >>= 1;
        }
    }

    /// @dev Adds a stakers part to the stream. The new finish is the amount-weighted average of the old finish
    /// (for what is still unstreamed) and now + window (for the new part): a later payment delays what earlier
    /// payments owe stakers by no more than its own weight, so dust payments cannot stall the stream.
    function _addToStream(bytes32 rune, address token, uint256 amount, uint256 runeActive) private {
        _checkpoint(rune, token, runeActive);
        Stream storage stream = _streams[rune][token];
        uint256 remaining = stream.remaining;
        uint256 added = amount * STREAM_PRECISION; // amount < 2^128 (`_checkAmount`), so no overflow
        uint256 newFinish = block.timestamp + rewardWindow;
        if (remaining != 0) {
            // Past its finish, the leftover (a sub-unit carried by the developer path) is due now.
            uint256 oldFinish = Math.max(stream.finish, block.timestamp);
            // Both products are below 2^216 (amounts < 2^176, timestamps < 2^40). The result lies between now + 1
            // and now + window, since both finishes do.
            newFinish = (remaining * oldFinish + added * newFinish) / (remaining + added);
        }
        stream.remaining = (remaining + added).toUint176();
        // Safe: timestamps fit 40 bits until the year 36812.
        // forge-lint: disable-next-line(unsafe-typecast)
        stream.lastUpdate = uint40(block.timestamp);
        // forge-lint: disable-next-line(unsafe-typecast)
        stream.finish = uint40(newFinish);
    }

    // ---------------------------------------------------------------------------------------------
    // Internal: payments
    // ---------------------------------------------------------------------------------------------

    function _pay(ServiceReceipt calldata receipt, bytes calldata signature) private {
        uint8 tokenIndex = _requireAllowedToken(receipt.token);
        _checkAmount(receipt.amount);
        IRuneRegistry.PaymentTerms memory terms = _activeTerms(receipt.rune);
        _checkSignature(receipt.rune, terms.signer, hashServiceReceipt(receipt), signature);
        _spendServiceId(receipt.rune, receipt.serviceId);
        _checkDeadlineAndPayer(receipt.deadline, receipt.payer);
        _collect(receipt.token, receipt.amount);
        _distribute(receipt.rune, receipt.serviceId, receipt.token, tokenIndex, receipt.amount, terms);
    }

    /// @dev Splits a received amount and credits every party; the stakers part is streamed.
    function _distribute(
        bytes32 rune,
        bytes32 serviceId,
        address token,
        uint8 tokenIndex,
        uint256 amount,
        IRuneRegistry.PaymentTerms memory terms
    ) private {
        (uint256 developerPart, uint256 infraPart, uint256 stakersPart) = SplitMath.split(amount, terms.split);
        // Distribution accuracy: nothing created, nothing lost.
        assert(developerPart + infraPart + stakersPart == amount);

        if (infraPart != 0) {
            uint256[] memory infraParts = SplitMath.byInfraWeights(infraPart, terms.infra);
            for (uint256 i; i < infraParts.length; ++i) {
                _infraBalances[terms.infra[i].recipient][token] += infraParts[i];
            }
        }

        RuneStake storage runeStake = _runeStakes[rune];
        uint256 runeActive = runeStake.active;
        if (runeActive == 0) {
            // Nobody to stream to: the stakers part goes to the developer rather than sit unowned.
            developerPart += stakersPart;
            stakersPart = 0;
        } else if (stakersPart != 0) {
            // tokenIndex is 1..MAX_TOKENS (16), so the bit fits in the 16-bit mask.
            // forge-lint: disable-next-line(incorrect-shift)
            uint16 bit = uint16(1 << (tokenIndex - 1));
            uint16 mask = runeStake.tokenMask;
            if (mask & bit == 0) runeStake.tokenMask = mask | bit;
            _addToStream(rune, token, stakersPart, runeActive);
        }
        RuneLedger storage ledger = _ledgers[rune][token];
        // Checked: past 2^128 - 1 unclaimed, payments to this rune in this token revert until the owner claims.
        ledger.developerBalance = (ledger.developerBalance + developerPart).toUint128();
        // Saturating: both terms are below 2^128, so the uint256 sum cannot overflow before the cap.
        // forge-lint: disable-next-line(unsafe-typecast)
        ledger.revenue = uint128(Math.min(uint256(ledger.revenue) + amount, type(uint128).max));
        emit ServicePaid(
            rune,
            serviceId,
            msg.sender,
            token,
            amount,
            developerPart,
            infraPart,
            stakersPart,
            uint64(block.timestamp)
        );
    }

    function _activeTerms(bytes32 rune) private view returns (IRuneRegistry.PaymentTerms memory terms) {
        // Read-only call to the immutable registry.
        terms = registry.paymentTerms(rune);
        _requireActive(rune, terms.status);
    }

    function _checkSignature(bytes32 rune, address signer, bytes32 digest, bytes calldata signature) private view {
        // EOA signers via ECDSA (malleable signatures refused), contract signers via ERC-1271.
        if (!SignatureChecker.isValidSignatureNowCalldata(signer, digest, signature)) {
            revert RevenueDistributorInvalidSignature(rune);
        }
    }

    function _spendServiceId(bytes32 rune, bytes32 serviceId) private {
        if (_usedServiceIds[rune][serviceId]) revert RevenueDistributorServiceAlreadyPaid(rune, serviceId);
        _usedServiceIds[rune][serviceId] = true;
    }

    function _checkDeadlineAndPayer(uint64 deadline, address payer) private view {
        if (block.timestamp > deadline) revert RevenueDistributorReceiptExpired(deadline);
        if (msg.sender != payer) revert RevenueDistributorPayerMismatch(payer, msg.sender);
    }

    function _checkAmount(uint256 amount) private pure {
        if (amount == 0) revert RevenueDistributorZeroAmount();
        if (amount > type(uint128).max) revert RevenueDistributorAmountTooLarge(amount);
    }

    function _checkCollaborators(bytes32[] calldata runes, uint16[] calldata weightsBps) private pure {
        uint256 weightSum;
        for (uint256 i; i < runes.length; ++i) {
            if (weightsBps[i] == 0) revert RevenueDistributorZeroWeight(i);
            weightSum += weightsBps[i];
            for (uint256 j; j < i; ++j) {
                if (runes[j] == runes[i]) revert RevenueDistributorDuplicateRune(runes[i]);
            }
        }
        if (weightSum != SplitMath.BPS) revert RevenueDistributorWeightsNotExact(weightSum);
    }

    /// @dev Takes exactly `amount` from the caller; anything else (wrong value, transfer fees) reverts.
    function _collect(address token, uint256 amount) private {
        if (token == address(0)) {
            if (msg.value != amount) revert RevenueDistributorValueMismatch(amount, msg.value);
            return;
        }
        if (msg.value != 0) revert RevenueDistributorValueMismatch(0, msg.value);
        uint256 balanceBefore = IERC20(token).balanceOf(address(this));
        // Allow-listed token; reentrancy is shut by nonReentrant and the serviceId is already spent.
        IERC20(token).safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = IERC20(token).balanceOf(address(this)) - balanceBefore;
        if (received != amount) revert RevenueDistributorAmountNotReceived(amount, received);
    }

    function _tryPermit(address token, uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s) private {
        // A permit can be front-run (its signature is public in the mempool); if it was already used, the
        // allowance it granted is in place and the transfer below still succeeds. Otherwise the transfer fails.
        try IERC20Permit(token).permit(msg.sender, address(this), amount, deadline, v, r, s) {} catch {}
    }

    // ---------------------------------------------------------------------------------------------
    // Internal: staking and guards
    // ---------------------------------------------------------------------------------------------

    function _stake(bytes32 rune, uint256 amount) private {
        if (amount == 0) revert RevenueDistributorZeroAmount();
        _requireActive(rune, registry.statusOf(rune));
        RuneStake storage runeStake = _runeStakes[rune];
        StakeSlot storage position = _stakes[rune][msg.sender];
        uint256 accountActive = position.active;
        uint256 runeActive = runeStake.active;
        _updateRewards(rune, msg.sender, runeActive, accountActive, runeStake.tokenMask);

        uint64 openProposalId = runeStake.openProposalId;
        if (openProposalId != 0) _recordHeldStake(rune, openProposalId, accountActive);

        if (accountActive == 0) runeStake.stakerCount += 1;
        runeStake.active = (runeActive + amount).toUint128();
        position.active = (accountActive + amount).toUint128();
        if (!position.listed) {
            position.listed = true;
            _stakedRunes[msg.sender].push(rune);
        }
        totalStaked += amount;
        emit Staked(rune, msg.sender, amount, uint64(block.timestamp));
        // AURUNES is the protocol's own plain ERC-20: no hooks, no fee; state is already final.
        stakingToken.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @dev Before a stake grows during an open proposal: remembers the stake held when it was made (once).
    function _recordHeldStake(bytes32 rune, uint64 openProposalId, uint256 accountActive) private {
        HeldStake storage held = _heldStakes[rune][msg.sender];
        if (held.proposalId == openProposalId) return; // already recorded; growing never raises it
        held.proposalId = openProposalId;
        // Safe: an active stake is a uint128.
        // forge-lint: disable-next-line(unsafe-typecast)
        held.amount = uint128(accountActive);
    }

    /// @dev Unstaking during an open proposal lowers the stake held since it was made to what is left active,
    /// and a veto already cast with it by the same amount; adding stake never raises either.
    function _lowerHeldStake(
        bytes32 rune,
        uint64 openProposalId,
        uint64 vetoedProposalId,
        uint256 accountActive,
        uint256 remainingActive
    ) private {
        if (openProposalId == 0) return;
        HeldStake storage held = _heldStakes[rune][msg.sender];
        uint256 weight = held.proposalId == openProposalId ? held.amount : accountActive;
        if (held.proposalId == openProposalId && remainingActive >= weight) return;
        uint256 lowered = Math.min(weight, remainingActive);
        held.proposalId = openProposalId;
        // Safe: at most an active stake, a uint128.
        // forge-lint: disable-next-line(unsafe-typecast)
        held.amount = uint128(lowered);
        if (vetoedProposalId != openProposalId || lowered == weight) return;
        // Safe: weight was added to the tally when vetoing (the tally is this proposal's: the account vetoed it)
        // and only ever lowered since, so the subtraction cannot underflow; the difference is a uint128.
        // forge-lint: disable-next-line(unsafe-typecast)
        _vetoTallies[rune].stake -= uint192(weight - lowered);
        emit VetoWeightLowered(rune, openProposalId, msg.sender, lowered);
    }

    function _requireActive(bytes32 rune, IRuneRegistry.RuneStatus status) private pure {
        if (status == IRuneRegistry.RuneStatus.Unregistered) revert RevenueDistributorUnknownRune(rune);
        if (status != IRuneRegistry.RuneStatus.Active) revert RevenueDistributorRuneNotActive(rune, status);
    }

    function _requireAllowedToken(address token) private view returns (uint8 index) {
        TokenConfig memory config = _tokenConfigs[token];
        if (!config.allowed) revert RevenueDistributorTokenNotAllowed(token);
        return config.index;
    }

    function _requireKnownToken(address token) private view {
        if (_tokenConfigs[token].index == 0) revert RevenueDistributorUnknownToken(token);
    }

    /// @dev Pays `account`'s infra balances in `tokenList` to `to`.
    function _payInfra(address account, address[] calldata tokenList, address to) private {
        for (uint256 t; t < tokenList.length; ++t) {
            address token = tokenList[t];
            _requireKnownToken(token);
            uint256 amount = _infraBalances[account][token];
            if (amount == 0) continue;
            _infraBalances[account][token] = 0;
            emit InfraClaimed(account, token, amount, uint64(block.timestamp));
            if (to != account) emit InfraClaimedTo(account, token, to, amount);
            _transferOut(token, to, amount);
        }
    }

    function _transferOut(address token, address to, uint256 amount) private {
        // Callers zeroed the balance first and hold the reentrancy lock.
        if (token == address(0)) Address.sendValue(payable(to), amount);
        else IERC20(token).safeTransfer(to, amount);
    }

    function _setRewardWindow(uint48 newWindow) private {
        if (newWindow < MIN_REWARD_WINDOW || newWindow > MAX_REWARD_WINDOW) {
            revert RevenueDistributorParameterOutOfBounds(newWindow, MIN_REWARD_WINDOW, MAX_REWARD_WINDOW);
        }
        uint48 previousWindow = rewardWindow;
        rewardWindow = newWindow;
        emit RewardWindowSet(previousWindow, newWindow);
    }

    function _setUnbondingPeriod(uint48 newPeriod, bool checkRuleDelay) private {
        if (newPeriod < MIN_UNBONDING_PERIOD || newPeriod > MAX_UNBONDING_PERIOD) {
            revert RevenueDistributorParameterOutOfBounds(newPeriod, MIN_UNBONDING_PERIOD, MAX_UNBONDING_PERIOD);
        }
        if (checkRuleDelay) {
            // A staker who dislikes a split change must be able to leave before it applies.
            // Read-only call to the immutable registry.
            uint48 ruleDelay = registry.ruleDelay();
            if (newPeriod > ruleDelay) revert RevenueDistributorUnbondingAboveRuleDelay(newPeriod, ruleDelay);
        }
        uint48 previousPeriod = unbondingPeriod;
        unbondingPeriod = newPeriod;
        emit UnbondingPeriodSet(previousPeriod, newPeriod);
    }
}
