// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CommonBase} from "forge-std/Base.sol";
import {StdUtils} from "forge-std/StdUtils.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {RevenueDistributor} from "../../src/RevenueDistributor.sol";
import {RuneRegistry} from "../../src/RuneRegistry.sol";
import {IRevenueDistributor} from "../../src/interfaces/IRevenueDistributor.sol";
import {IRuneRegistry} from "../../src/interfaces/IRuneRegistry.sol";

/// @dev Sub-units per token unit in a stream (the distributor's STREAM_PRECISION).
uint256 constant SUB = 1e12;

/// @dev The linear part of a stream vested by now, in sub-units: the distributor's `_releasable`, recomputed from
/// its view.
function releasable(IRevenueDistributor.StreamState memory stream) view returns (uint256) {
    uint256 remaining = stream.remainingScaled;
    if (remaining == 0) return 0;
    if (block.timestamp >= stream.finish) return remaining;
    return remaining * (block.timestamp - stream.lastUpdate) / (stream.finish - stream.lastUpdate);
}

interface IHandlerPermit {
    function nonces(address) external view returns (uint256);
    function DOMAIN_SEPARATOR() external view returns (bytes32);
}

interface IHandlerToken {
    function balanceOf(address) external view returns (uint256);
    function approve(address, uint256) external returns (bool);
    function transfer(address, uint256) external returns (bool);
    function mint(address, uint256) external;
}

/// @notice Drives the distributor for the invariant tests: 3 runes, 3 tokens (ETH, AURUNES, tUSD), 4 stakers,
/// 2 payers, the rune owners, 4 infra recipients and the governor. Every action is bounded so that it cannot
/// revert (the suite runs with fail_on_revert); an action with nothing to do returns early (counted in `noops`).
///
/// Besides ghost totals, the handler keeps a reference model of who is owed what:
/// - developer and infra parts are computed here from each rune's terms (exact integers);
/// - streams only release as time passes, so right after every warp the handler reads each (rune, token)
///   stream and attributes what it released since the previous warp (`added - remaining + releasable`) by
///   its own stake records, which are exactly the stakes held over that interval (stakes change only between
///   warps, at a fixed time). Streams are read at 1e-12 of a unit (`remainingScaled`), so the model attributes
///   sub-units. Each staker's share is rounded up (`stakerOwedCeil`) and down (`stakerOwedFloor`). While a rune
///   has no active stake, what streams is owed to the rune's developer (`developerStreamedSub`), who is credited
///   whole units: the sub-unit rest stays in the stream and may reach stakers who join later (`carries` counts
///   those moments: at most one unit each).
/// - split proposals: the handler keeps each open proposal's veto base and every staker's stake held since it
///   was made, vetoes by that weight, and checks the distributor's tally and the registry's verdict against it.
contract DistributorHandler is CommonBase, StdUtils {
    uint256 internal constant BPS = 10_000;
    uint256 public constant RUNES = 3;
    uint256 public constant TOKENS = 3;
    uint256 public constant STAKERS = 4;
    uint256 public constant PAYERS = 2;
    uint256 public constant INFRA = 4;
    uint256 public constant BUYERS = 2;
    /// @dev Token indexes.
    uint256 public constant ETH_INDEX = 0;
    uint256 public constant AURUNES_INDEX = 1;
    uint256 public constant USD_INDEX = 2;
    /// @dev Largest payment / stake: 1e24 wei of an 18-decimal token, 1e13 units (10M) of tUSD.
    uint256 internal constant MAX_EXPONENT = 24;
    uint256 internal constant MAX_USD_EXPONENT = 13;

    /// @dev The model cannot explain what the contract did.
    error HandlerModelMismatch(string what, uint256 expected, uint256 actual);

    struct RuneTerms {
        bytes32 rune;
        uint256 signerKey;
        address owner;
        uint16 developerBps;
        uint16 infraBps;
        uint8[] infraIndexes; // into `infraRecipients`
        uint16[] infraWeights;
    }

    /// @notice The handler's own record of every stake, kept independently of the distributor's.
    struct StakeBook {
        uint256[STAKERS][RUNES] active;
        uint256[STAKERS][RUNES] unbonding;
        uint256[STAKERS][RUNES] unbondingEndsAt;
        uint256[RUNES] runeActive;
        uint256 totalStaked;
        bool[RUNES] suspended;
    }

    /// @notice Ghost totals and the reference model for one token.
    struct TokenLedger {
        uint256 received;
        uint256 claimed;
        // What the streams released into the stakers accumulators (not to developers), in sub-units.
        uint256 releasedToStakers;
        // Times a rune went from no stake to some stake: each may hand a carried sub-unit rest to stakers.
        uint256 carries;
        // Operations that may floor a wei away from stakers: settlements and accumulator checkpoints.
        uint256 roundings;
        uint256[STAKERS] stakerOwedCeil;
        uint256[STAKERS] stakerOwedFloor;
        uint256[STAKERS] stakerClaimed;
        uint256[STAKERS] stakerSettles;
        uint256[RUNES] developerOwed; // direct parts, whole units
        uint256[RUNES] developerStreamedSub; // released while nobody staked, sub-units
        uint256[RUNES] developerClaimed;
        uint256[INFRA] infraOwed;
        uint256[INFRA] infraClaimed;
        uint256[RUNES] streamAdded; // sub-units
        uint256[RUNES] streamSeen; // sub-units
    }

    /// @notice The handler's record of a rune's open split proposal.
    struct ProposalBook {
        uint64 id;
        uint256 base;
        uint256[STAKERS] held;
        bool[STAKERS] vetoed;
        uint16 developerBps;
        uint16 infraBps;
        uint8[] infraIndexes;
        uint16[] infraWeights;
    }

    RevenueDistributor public immutable distributor;
    RuneRegistry public immutable registry;
    address public immutable governor;

    address[TOKENS] internal _tokens;
    address[STAKERS] internal _stakers;
    address[PAYERS] internal _payers;
    address[INFRA] internal _infraRecipients;
    /// @dev Who runes are sold to: never stakers, payers or infra recipients (owners never stake here).
    address[BUYERS] internal _buyers;
    RuneTerms[] internal _terms;

    /// @notice The time every action runs at (only `warp` moves it, forward).
    uint256 public currentTime;
    uint256 internal _serviceNonce;

    StakeBook internal _book;
    TokenLedger[TOKENS] internal _ledgers;
    ProposalBook[RUNES] internal _proposals;
    mapping(address account => uint256) internal _keys;
    /// @notice Proposals executed and rejected (the registry's verdict matched the model's each time).
    uint256 public executedProposals;
    uint256 public rejectedProposals;
    /// @notice Live proposals cancelled by a rune transfer.
    uint256 public transferCancels;

    /// @notice Calls per action, and calls that found nothing to do.
    mapping(bytes32 action => uint256) public calls;
    mapping(bytes32 action => uint256) public noops;

    constructor(
        RevenueDistributor distributor_,
        RuneRegistry registry_,
        address governor_,
        address[TOKENS] memory tokens_,
        address[INFRA] memory infraRecipients_
    ) {
        distributor = distributor_;
        registry = registry_;
        governor = governor_;
        _tokens = tokens_;
        _infraRecipients = infraRecipients_;
        for (uint256 k; k < STAKERS; ++k) {
            _stakers[k] = _newAccount(string.concat("staker", vm.toString(k)));
        }
        for (uint256 p; p < PAYERS; ++p) {
            _payers[p] = _newAccount(string.concat("payer", vm.toString(p)));
        }
        for (uint256 b; b < BUYERS; ++b) {
            _buyers[b] = _newAccount(string.concat("buyer", vm.toString(b)));
        }
        currentTime = block.timestamp;
    }

    /// @notice Setup only: records a registered rune's terms (as the test registered them).
    function addRune(
        bytes32 runeId,
        uint256 signerKey,
        address owner,
        uint16 developerBps,
        uint16 infraBps,
        uint8[] calldata infraIndexes,
        uint16[] calldata infraWeights
    ) external {
        _terms.push(RuneTerms(runeId, signerKey, owner, developerBps, infraBps, infraIndexes, infraWeights));
    }

    // ---------------------------------------------------------------------------------------------
    // Views for the invariants
    // ---------------------------------------------------------------------------------------------

    function runes() external view returns (bytes32[RUNES] memory list) {
        for (uint256 r; r < RUNES; ++r) {
            list[r] = _terms[r].rune;
        }
    }

    function tokens() external view returns (address[TOKENS] memory) {
        return _tokens;
    }

    function stakers() external view returns (address[STAKERS] memory) {
        return _stakers;
    }

    function infraRecipients() external view returns (address[INFRA] memory) {
        return _infraRecipients;
    }

    function book() external view returns (StakeBook memory) {
        return _book;
    }

    function ledger(uint256 t) external view returns (TokenLedger memory) {
        return _ledgers[t];
    }

    // ---------------------------------------------------------------------------------------------
    // Actions
    // ---------------------------------------------------------------------------------------------

    /// @notice A payer pays an active rune (from 1-3 units of dust up to 1e24 wei / 1e13 tUSD units).
    function pay(uint256 payerSeed, uint256 runeSeed, uint256 tokenSeed, uint256 amountSeed) external {
        _begin("pay");
        (bool found, uint256 r) = _pickActive(runeSeed);
        if (!found) return _noop("pay");
        uint256 t = tokenSeed % TOKENS;
        uint256 amount = _amount(t, amountSeed);
        address from = _payers[payerSeed % PAYERS];

        IRevenueDistributor.ServiceReceipt memory receipt = IRevenueDistributor.ServiceReceipt({
            rune: _terms[r].rune,
            serviceId: bytes32(++_serviceNonce),
            payer: from,
            token: _tokens[t],
            amount: amount,
            deadline: uint64(block.timestamp + 1 hours)
        });
        (uint8 v, bytes32 rs, bytes32 s) =
            vm.sign(_terms[r].signerKey, distributor.hashServiceReceipt(receipt));
        _fund(from, t, amount);
        if (t != ETH_INDEX && amountSeed % 4 == 1) {
            // The permit path: a fresh permit for the amount, or (a third of the time) a stale one that fails
            // inside the try, as a front-run permit would: the standing allowance still pays.
            bool stale = (amountSeed >> 8) % 3 == 0;
            (uint8 pv, bytes32 pr, bytes32 ps) = stale ? (27, bytes32(0), bytes32(0)) : _permit(from, _tokens[t], amount);
            vm.prank(from);
            distributor.payWithPermit(receipt, abi.encodePacked(rs, s, v), block.timestamp, pv, pr, ps);
            if (!stale) _reapprove(from, t);
        } else {
            vm.prank(from);
            distributor.pay{value: t == ETH_INDEX ? amount : 0}(receipt, abi.encodePacked(rs, s, v));
        }

        _ledgers[t].received += amount;
        _credit(r, t, amount);
    }

    /// @notice A payer pays 2 or 3 active runes together, with random weights.
    function payCollaborative(uint256 payerSeed, uint256 runeSeed, uint256 tokenSeed, uint256 amountSeed)
        external
    {
        _begin("payCollaborative");
        uint256[] memory picked = _pickActiveSet(runeSeed);
        if (picked.length < 2) return _noop("payCollaborative");
        uint256 t = tokenSeed % TOKENS;
        uint256 amount = _amount(t, amountSeed);
        address from = _payers[payerSeed % PAYERS];

        IRevenueDistributor.CollaborativeReceipt memory receipt = IRevenueDistributor.CollaborativeReceipt({
            serviceId: bytes32(++_serviceNonce),
            runes: new bytes32[](picked.length),
            weightsBps: _weights(amountSeed ^ runeSeed, picked.length),
            payer: from,
            token: _tokens[t],
            amount: amount,
            deadline: uint64(block.timestamp + 1 hours)
        });
        for (uint256 i; i < picked.length; ++i) {
            receipt.runes[i] = _terms[picked[i]].rune;
        }
        bytes[] memory signatures = _signAll(picked, distributor.hashCollaborativeReceipt(receipt));
        _fund(from, t, amount);
        vm.prank(from);
        distributor.payCollaborative{value: t == ETH_INDEX ? amount : 0}(receipt, signatures);

        _ledgers[t].received += amount;
        uint256 assigned;
        for (uint256 i; i < picked.length; ++i) {
            assigned += amount * receipt.weightsBps[i] / BPS;
        }
        for (uint256 i; i < picked.length; ++i) {
            uint256 part = amount * receipt.weightsBps[i] / BPS;
            if (i == 0) part += amount - assigned;
            _credit(picked[i], t, part);
        }
    }

    /// @notice A staker stakes on an active rune (1 wei up to 1e24).
    function stake(uint256 stakerSeed, uint256 runeSeed, uint256 amountSeed) external {
        _begin("stake");
        (bool found, uint256 r) = _pickActive(runeSeed);
        if (!found) return _noop("stake");
        uint256 k = stakerSeed % STAKERS;
        uint256 amount = _bound(amountSeed, 1, 10 ** ((amountSeed >> 128) % (MAX_EXPONENT + 1)));
        _fund(_stakers[k], AURUNES_INDEX, amount);
        if (amountSeed % 4 == 0) {
            // The permit path: a signed AURUNES permit instead of the standing approval (re-approved after).
            (uint8 v, bytes32 rs, bytes32 s) = _permit(_stakers[k], _tokens[AURUNES_INDEX], amount);
            vm.prank(_stakers[k]);
            distributor.stakeWithPermit(_terms[r].rune, amount, block.timestamp, v, rs, s);
            _reapprove(_stakers[k], AURUNES_INDEX);
        } else {
            vm.prank(_stakers[k]);
            distributor.stake(_terms[r].rune, amount);
        }

        if (_book.runeActive[r] == 0) {
            for (uint256 t; t < TOKENS; ++t) {
                _observe(r, t); // the stake's checkpoint ran the developer path
                ++_ledgers[t].carries;
            }
        }
        _book.active[r][k] += amount;
        _book.runeActive[r] += amount;
        _book.totalStaked += amount;
        _countSettle(k, 1);
    }

    /// @notice A staker asks to unstake part (or, a third of the time, all) of an active stake.
    function requestUnstake(uint256 stakerSeed, uint256 runeSeed, uint256 amountSeed) external {
        _begin("requestUnstake");
        uint256 k = stakerSeed % STAKERS;
        (bool found, uint256 r) = _pickStaked(k, runeSeed);
        if (!found) return _noop("requestUnstake");
        uint256 active = _book.active[r][k];
        uint256 amount = amountSeed % 3 == 0 ? active : _bound(amountSeed, 1, active);
        // Stake that finished unbonding is paid out by the request itself; the rest joins it.
        uint256 matured = block.timestamp >= _book.unbondingEndsAt[r][k] ? _book.unbonding[r][k] : 0;
        IHandlerToken aurunes = IHandlerToken(_tokens[AURUNES_INDEX]);
        uint256 balanceBefore = aurunes.balanceOf(_stakers[k]);
        vm.prank(_stakers[k]);
        distributor.requestUnstake(_terms[r].rune, amount);
        uint256 got = aurunes.balanceOf(_stakers[k]) - balanceBefore;
        if (got != matured) revert HandlerModelMismatch("matured stake paid with the request", matured, got);

        _book.active[r][k] -= amount;
        _book.runeActive[r] -= amount;
        uint256 endsAt = block.timestamp + distributor.unbondingPeriod();
        if (matured != 0) {
            _book.unbonding[r][k] = 0;
            _book.totalStaked -= matured;
        } else if (_book.unbondingEndsAt[r][k] > endsAt) {
            endsAt = _book.unbondingEndsAt[r][k];
        }
        _book.unbonding[r][k] += amount;
        _book.unbondingEndsAt[r][k] = endsAt;
        // A staker's held stake for an open proposal only ever goes down.
        ProposalBook storage proposal = _proposals[r];
        if (proposal.id != 0 && proposal.held[k] > _book.active[r][k]) proposal.held[k] = _book.active[r][k];
        _countSettle(k, 1);
    }

    /// @notice A staker withdraws an unbonded stake (at once when the rune is suspended).
    function withdraw(uint256 stakerSeed, uint256 runeSeed) external {
        _begin("withdraw");
        uint256 k = stakerSeed % STAKERS;
        address account = _stakers[k];
        for (uint256 j; j < RUNES; ++j) {
            uint256 r = (runeSeed % RUNES + j) % RUNES;
            uint256 amount = _book.unbonding[r][k];
            if (amount == 0 || (block.timestamp < _book.unbondingEndsAt[r][k] && !_book.suspended[r])) {
                continue;
            }
            IHandlerToken aurunes = IHandlerToken(_tokens[AURUNES_INDEX]);
            uint256 balanceBefore = aurunes.balanceOf(account);
            vm.prank(account);
            distributor.withdraw(_terms[r].rune);
            uint256 got = aurunes.balanceOf(account) - balanceBefore;
            if (got != amount) revert HandlerModelMismatch("withdrawn", amount, got);
            _book.unbonding[r][k] = 0;
            _book.totalStaked -= amount;
            return;
        }
        _noop("withdraw");
    }

    /// @notice A staker claims a random non-empty set of runes and tokens.
    function claim(uint256 stakerSeed, uint256 runeMask, uint256 tokenMask) external {
        _begin("claim");
        _claimAsStaker(stakerSeed % STAKERS, _runeList(runeMask), _tokenList(tokenMask));
    }

    /// @notice A rune's owner claims its developer balance.
    function claimDeveloper(uint256 runeSeed, uint256 tokenMask) external {
        _begin("claimDeveloper");
        _claimAsDeveloper(runeSeed % RUNES, _tokenList(tokenMask));
    }

    /// @notice An infra recipient claims its balances.
    function claimInfra(uint256 recipientSeed, uint256 tokenMask) external {
        _begin("claimInfra");
        _claimAsInfra(recipientSeed % INFRA, _tokenList(tokenMask));
    }

    /// @notice Time passes: mostly up to a day, a quarter of the time up to 15 days.
    function warp(uint256 seconds_) external {
        _begin("warp");
        uint256 step =
            seconds_ % 4 == 0 ? _bound(seconds_ >> 2, 1, 15 days) : _bound(seconds_ >> 2, 1, 1 days);
        currentTime += step;
        vm.warp(currentTime);
        _sync();
    }

    /// @notice Governance: unsuspends a suspended rune; otherwise suspends it (a third of the time) or sets
    /// the reward window (which shapes only future windows).
    function governRune(uint256 runeSeed, uint256 choice) external {
        _begin("governRune");
        uint256 r = runeSeed % RUNES;
        vm.prank(governor);
        if (_book.suspended[r]) {
            registry.unsuspend(_terms[r].rune);
            _book.suspended[r] = false;
        } else if (choice % 3 == 0) {
            registry.suspend(_terms[r].rune);
            _book.suspended[r] = true;
        } else {
            distributor.setRewardWindow(uint48(_bound(choice, 1 days, 14 days)));
        }
    }

    /// @notice The owner of a rune proposes a new split (when no live proposal is pending and no cooldown runs).
    function propose(uint256 runeSeed, uint256 splitSeed) external {
        _begin("propose");
        (bool found, uint256 r) = _pickProposable(runeSeed);
        if (!found) return _noop("propose");
        bytes32 rune = _terms[r].rune;

        ProposalBook storage proposal = _proposals[r];
        uint16 stakersBps = uint16(_bound(splitSeed, 1_000, 9_000)); // the fixture's minimum is 1,000
        uint16 infraBps = splitSeed % 3 == 0 ? 0 : uint16(_bound(splitSeed >> 16, 1, BPS - stakersBps));
        proposal.developerBps = uint16(BPS) - stakersBps - infraBps;
        proposal.infraBps = infraBps;
        delete proposal.infraIndexes;
        delete proposal.infraWeights;
        address[] memory recipients;
        uint16[] memory weights;
        if (infraBps != 0) {
            uint256 count = 1 + (splitSeed >> 32) % 2;
            weights = _weights(splitSeed >> 40, count);
            recipients = new address[](count);
            uint256 first = (splitSeed >> 48) % INFRA;
            for (uint256 i; i < count; ++i) {
                uint8 index = uint8((first + i) % INFRA);
                recipients[i] = _infraRecipients[index];
                proposal.infraIndexes.push(index);
                proposal.infraWeights.push(weights[i]);
            }
        }
        IRuneRegistry.Split memory split = IRuneRegistry.Split(proposal.developerBps, infraBps, stakersBps);
        vm.prank(_terms[r].owner);
        proposal.id = registry.proposeSplit(rune, split, recipients, weights);
        // Owners never stake here, so the veto base is the whole active stake.
        proposal.base = _book.runeActive[r];
        uint256 base = registry.pendingSplitProposal(rune).stakeAtProposal;
        if (base != proposal.base) revert HandlerModelMismatch("veto base", proposal.base, base);
        for (uint256 k; k < STAKERS; ++k) {
            proposal.held[k] = _book.active[r][k];
            proposal.vetoed[k] = false;
        }
    }

    /// @notice A staker vetoes a rune's open proposal with the stake it held when it was made and still holds.
    function veto(uint256 stakerSeed, uint256 runeSeed) external {
        _begin("veto");
        (bool found, uint256 r, uint256 k) = _pickVeto(runeSeed, stakerSeed);
        if (!found) return _noop("veto");
        ProposalBook storage proposal = _proposals[r];
        (uint64 openId, uint256 weight) = distributor.vetoWeightOf(_terms[r].rune, _stakers[k]);
        if (openId != proposal.id) revert HandlerModelMismatch("open proposal", proposal.id, openId);
        if (weight != proposal.held[k]) revert HandlerModelMismatch("veto weight", proposal.held[k], weight);
        vm.prank(_stakers[k]);
        distributor.vetoSplitProposal(_terms[r].rune);
        proposal.vetoed[k] = true;
        _checkTally(r);
    }

    /// @notice Anyone settles a rune's proposal (waiting until it is executable; not once expired, nor on a
    /// suspended rune); the verdict must be the model's.
    function execute(uint256 runeSeed) external {
        _begin("execute");
        uint256 r = runeSeed % RUNES;
        for (uint256 j; j < RUNES && (_proposals[r].id == 0 || _book.suspended[r]); ++j) {
            r = (r + 1) % RUNES;
        }
        ProposalBook storage proposal = _proposals[r];
        if (proposal.id == 0 || _book.suspended[r]) return _noop("execute");
        IRuneRegistry.SplitProposal memory pending = registry.pendingSplitProposal(_terms[r].rune);
        if (block.timestamp >= pending.expiresAt) return _noop("execute");
        if (block.timestamp < pending.executableAt) {
            // Time passes until it is executable (as `warp` does: the model attributes what streamed meanwhile).
            currentTime = pending.executableAt;
            vm.warp(currentTime);
            _sync();
        }
        uint256 vetoStake = _checkTally(r);
        bool expected = vetoStake * 2 <= proposal.base;
        bool executed = registry.executeSplitProposal(_terms[r].rune);
        if (executed != expected) revert HandlerModelMismatch("proposal verdict", expected ? 1 : 0, executed ? 1 : 0);
        if (executed) {
            ++executedProposals;
            RuneTerms storage terms = _terms[r];
            terms.developerBps = proposal.developerBps;
            terms.infraBps = proposal.infraBps;
            terms.infraIndexes = proposal.infraIndexes;
            terms.infraWeights = proposal.infraWeights;
        } else {
            ++rejectedProposals;
        }
        proposal.id = 0;
    }

    /// @notice A rune changes hands: the registry must cancel its live proposal (closing it on the ledger) and
    /// clear its signer; the buyer then names the key the model signs with, and owns every owner right since.
    function transferRune(uint256 runeSeed, uint256 buyerSeed) external {
        _begin("transferRune");
        uint256 r = runeSeed % RUNES;
        RuneTerms storage terms = _terms[r];
        address seller = terms.owner;
        address buyer = _buyers[buyerSeed % BUYERS];
        if (buyer == seller) buyer = _buyers[(buyerSeed % BUYERS + 1) % BUYERS];
        IRuneRegistry.SplitProposal memory pending = registry.pendingSplitProposal(terms.rune);
        bool live = pending.id != 0 && block.timestamp < pending.expiresAt;
        vm.prank(seller);
        registry.transferFrom(seller, buyer, uint256(terms.rune));
        terms.owner = buyer;
        address signer = registry.paymentTerms(terms.rune).signer;
        if (signer != address(0)) revert HandlerModelMismatch("signer after transfer", 0, uint160(signer));
        if (live) {
            uint64 left = registry.pendingSplitProposal(terms.rune).id;
            if (left != 0) revert HandlerModelMismatch("proposal after transfer", 0, left);
            (uint64 openId,) = distributor.vetoWeightOf(terms.rune, _stakers[0]);
            if (openId != 0) revert HandlerModelMismatch("open on the ledger after transfer", 0, openId);
            _proposals[r].id = 0;
            ++transferCancels;
        }
        vm.prank(buyer);
        registry.rotateSigner(terms.rune, vm.addr(terms.signerKey));
    }

    /// @notice The owner withdraws a rune's pending proposal.
    function cancel(uint256 runeSeed) external {
        _begin("cancel");
        uint256 r = runeSeed % RUNES;
        if (registry.pendingSplitProposal(_terms[r].rune).id == 0) return _noop("cancel");
        vm.prank(_terms[r].owner);
        registry.cancelSplitProposal(_terms[r].rune);
        _proposals[r].id = 0;
    }

    /// @dev A rune whose owner may propose now (no live proposal, no cooldown), starting from a random one.
    function _pickProposable(uint256 seed) internal view returns (bool, uint256) {
        for (uint256 j; j < RUNES; ++j) {
            uint256 r = (seed % RUNES + j) % RUNES;
            bytes32 rune = _terms[r].rune;
            IRuneRegistry.SplitProposal memory pending = registry.pendingSplitProposal(rune);
            if (pending.id != 0 && block.timestamp < pending.expiresAt) continue;
            if (block.timestamp < registry.nextProposalAt(rune)) continue;
            return (true, r);
        }
        return (false, 0);
    }

    /// @dev A (rune, staker) that can veto: an open proposal, held stake, no veto yet.
    function _pickVeto(uint256 runeSeed, uint256 stakerSeed) internal view returns (bool, uint256, uint256) {
        for (uint256 j; j < RUNES; ++j) {
            uint256 r = (runeSeed % RUNES + j) % RUNES;
            ProposalBook storage proposal = _proposals[r];
            if (proposal.id == 0) continue;
            for (uint256 i; i < STAKERS; ++i) {
                uint256 k = (stakerSeed % STAKERS + i) % STAKERS;
                if (!proposal.vetoed[k] && proposal.held[k] != 0) return (true, r, k);
            }
        }
        return (false, 0, 0);
    }

    /// @dev The distributor's tally of the open proposal equals the sum of the vetoers' held stake.
    function _checkTally(uint256 r) internal view returns (uint256 expected) {
        ProposalBook storage proposal = _proposals[r];
        for (uint256 k; k < STAKERS; ++k) {
            if (proposal.vetoed[k]) expected += proposal.held[k];
        }
        (uint256 vetoStake,) = distributor.vetoTally(_terms[r].rune, proposal.id);
        if (vetoStake != expected) revert HandlerModelMismatch("veto tally", expected, vetoStake);
    }

    /// @notice After a run: time passes beyond every window and every party claims everything.
    /// @dev Not a fuzz target; `afterInvariant` calls it.
    function claimEverything() external {
        currentTime += 91 days; // longer than any reward window
        vm.warp(currentTime);
        _sync();
        address[] memory tokenList = _tokenList(7);
        for (uint256 k; k < STAKERS; ++k) {
            _claimAsStaker(k, _runeList(7), tokenList);
        }
        for (uint256 r; r < RUNES; ++r) {
            _claimAsDeveloper(r, tokenList);
        }
        for (uint256 i; i < INFRA; ++i) {
            _claimAsInfra(i, tokenList);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Claims, measured by balance changes
    // ---------------------------------------------------------------------------------------------

    function _claimAsStaker(uint256 k, bytes32[] memory runeList, address[] memory tokenList) internal {
        uint256[TOKENS] memory before = _balances(_stakers[k]);
        vm.prank(_stakers[k]);
        distributor.claim(runeList, tokenList);
        uint256[TOKENS] memory gained = _gained(_stakers[k], before);
        for (uint256 t; t < TOKENS; ++t) {
            _ledgers[t].stakerClaimed[k] += gained[t];
        }
        _countSettle(k, runeList.length);
    }

    function _claimAsDeveloper(uint256 r, address[] memory tokenList) internal {
        address owner = _terms[r].owner;
        uint256[TOKENS] memory before = _balances(owner);
        vm.prank(owner);
        distributor.claimDeveloper(_terms[r].rune, tokenList);
        uint256[TOKENS] memory gained = _gained(owner, before);
        for (uint256 t; t < TOKENS; ++t) {
            _ledgers[t].developerClaimed[r] += gained[t];
            _ledgers[t].roundings += 1; // its checkpoint may floor the accumulator
        }
    }

    function _claimAsInfra(uint256 i, address[] memory tokenList) internal {
        address recipient = _infraRecipients[i];
        uint256[TOKENS] memory before = _balances(recipient);
        vm.prank(recipient);
        distributor.claimInfra(tokenList);
        uint256[TOKENS] memory gained = _gained(recipient, before);
        for (uint256 t; t < TOKENS; ++t) {
            _ledgers[t].infraClaimed[i] += gained[t];
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Model
    // ---------------------------------------------------------------------------------------------

    /// @dev Every action runs at the handler's time.
    function _begin(bytes32 action) internal {
        ++calls[action];
        vm.warp(currentTime);
    }

    function _noop(bytes32 action) internal {
        ++noops[action];
    }

    /// @dev Attributes what every stream released since the last sync. Streams release only as time passes
    /// (a checkpoint moves `releasable` out of `remaining`; a payment adds the same to both sides), so this
    /// runs after each warp.
    function _sync() internal {
        for (uint256 t; t < TOKENS; ++t) {
            TokenLedger storage book_ = _ledgers[t];
            for (uint256 r; r < RUNES; ++r) {
                uint256 released = _observe(r, t);
                uint256 seen = book_.streamSeen[r];
                if (released == seen) continue;
                book_.streamSeen[r] = released;
                _attribute(r, t, released - seen);
            }
        }
    }

    /// @dev What the stream released so far, after taking back a developer's carried rest: while a rune has no
    /// stake, a checkpoint credits the developer whole units and leaves the sub-unit rest streaming again, so the
    /// stream may step back by less than a unit; that rest is no longer the developer's.
    function _observe(uint256 r, uint256 t) internal returns (uint256 released) {
        released = _streamed(r, t);
        TokenLedger storage book_ = _ledgers[t];
        uint256 seen = book_.streamSeen[r];
        if (released >= seen) return released;
        uint256 back = seen - released;
        if (_book.runeActive[r] != 0 || back >= SUB) revert HandlerModelMismatch("stream went backwards", seen, released);
        book_.developerStreamedSub[r] -= back;
        book_.streamSeen[r] = released;
    }

    /// @dev Everything the (rune, token) stream released so far, counting what is releasable now.
    function _streamed(uint256 r, uint256 t) internal view returns (uint256) {
        IRevenueDistributor.StreamState memory stream = distributor.streamOf(_terms[r].rune, _tokens[t]);
        uint256 added = _ledgers[t].streamAdded[r];
        if (stream.remainingScaled > added) {
            revert HandlerModelMismatch("stream holds more than added", added, stream.remainingScaled);
        }
        return added - stream.remainingScaled + releasable(stream);
    }

    /// @dev Shares a release by the stakes held while it streamed (the handler's records).
    function _attribute(uint256 r, uint256 t, uint256 amount) internal {
        TokenLedger storage book_ = _ledgers[t];
        uint256 total = _book.runeActive[r];
        if (total == 0) {
            book_.developerStreamedSub[r] += amount;
            return;
        }
        book_.releasedToStakers += amount;
        for (uint256 k; k < STAKERS; ++k) {
            uint256 active = _book.active[r][k];
            if (active == 0) continue;
            book_.stakerOwedFloor[k] += amount * active / (total * SUB);
            book_.stakerOwedCeil[k] += (amount * active + total * SUB - 1) / (total * SUB);
        }
    }

    /// @dev Credits one rune's share of a payment by its terms, as the design says it must be credited, and
    /// checks that the stream took exactly the stakers part.
    function _credit(uint256 r, uint256 t, uint256 amount) internal {
        TokenLedger storage book_ = _ledgers[t];
        RuneTerms storage terms = _terms[r];
        uint256 developerPart = amount * terms.developerBps / BPS;
        uint256 infraPart = amount * terms.infraBps / BPS;
        uint256 stakersPart = amount - developerPart - infraPart;
        uint256 assigned;
        for (uint256 i; i < terms.infraWeights.length; ++i) {
            assigned += infraPart * terms.infraWeights[i] / BPS;
        }
        for (uint256 i; i < terms.infraWeights.length; ++i) {
            uint256 share = infraPart * terms.infraWeights[i] / BPS;
            if (i == 0) share += infraPart - assigned;
            book_.infraOwed[terms.infraIndexes[i]] += share;
        }
        if (_book.runeActive[r] == 0) {
            // Nobody to stream to: the stakers part is the developer's.
            book_.developerOwed[r] += developerPart + stakersPart;
        } else {
            book_.developerOwed[r] += developerPart;
            book_.streamAdded[r] += stakersPart * SUB;
        }
        book_.roundings += 1; // the payment's checkpoint may floor the accumulator
        uint256 released = _observe(r, t);
        if (released != book_.streamSeen[r]) {
            revert HandlerModelMismatch("stakers part", book_.streamSeen[r], released);
        }
    }

    /// @dev A stake change settles each token once; a claim settles each listed (rune, token).
    function _countSettle(uint256 k, uint256 perToken) internal {
        for (uint256 t; t < TOKENS; ++t) {
            _ledgers[t].stakerSettles[k] += perToken;
            _ledgers[t].roundings += 2 * perToken; // one settlement floor, one accumulator floor
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------

    /// @dev Signs an ERC-2612 permit of `amount` for the distributor, valid until now.
    function _permit(address owner, address token, uint256 amount) internal view returns (uint8, bytes32, bytes32) {
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
                owner,
                address(distributor),
                amount,
                IHandlerPermit(token).nonces(owner),
                block.timestamp
            )
        );
        bytes32 digest =
            keccak256(abi.encodePacked("\x19\x01", IHandlerPermit(token).DOMAIN_SEPARATOR(), structHash));
        return vm.sign(_keys[owner], digest);
    }

    /// @dev A permit replaced the standing approval (and the payment used it up): restore it.
    function _reapprove(address account, uint256 t) internal {
        vm.prank(account);
        IHandlerToken(_tokens[t]).approve(address(distributor), type(uint256).max);
    }

    function _newAccount(string memory name) internal returns (address account) {
        uint256 key = uint256(keccak256(bytes(name)));
        account = vm.addr(key);
        _keys[account] = key;
        vm.label(account, name);
        for (uint256 t = 1; t < TOKENS; ++t) {
            vm.prank(account);
            IHandlerToken(_tokens[t]).approve(address(distributor), type(uint256).max);
        }
    }

    /// @dev Tops an account up to `amount`: ETH by deal, AURUNES from the governor (who holds the supply),
    /// tUSD minted by the governor (its owner). Cheaper than stdstore's `deal` for ERC-20s.
    function _fund(address account, uint256 t, uint256 amount) internal {
        if (t == ETH_INDEX) {
            vm.deal(account, amount);
            return;
        }
        IHandlerToken token = IHandlerToken(_tokens[t]);
        uint256 balance = token.balanceOf(account);
        if (balance >= amount) return;
        vm.prank(governor);
        if (t == USD_INDEX) {
            token.mint(account, amount - balance);
        } else if (!token.transfer(account, amount - balance)) {
            revert HandlerModelMismatch("funding transfer", 1, 0);
        }
    }

    function _pickActive(uint256 seed) internal view returns (bool, uint256) {
        for (uint256 j; j < RUNES; ++j) {
            uint256 r = (seed % RUNES + j) % RUNES;
            if (!_book.suspended[r]) return (true, r);
        }
        return (false, 0);
    }

    /// @dev 2 or 3 distinct active runes, starting from a random one.
    function _pickActiveSet(uint256 seed) internal view returns (uint256[] memory picked) {
        uint256 wanted = seed % 2 == 0 ? 2 : 3;
        picked = new uint256[](wanted);
        uint256 count;
        for (uint256 j; j < RUNES && count < wanted; ++j) {
            uint256 r = ((seed >> 1) % RUNES + j) % RUNES;
            if (!_book.suspended[r]) picked[count++] = r;
        }
        // Shrink to the runes found (count <= wanted).
        assembly ("memory-safe") {
            mstore(picked, count)
        }
    }

    function _pickStaked(uint256 k, uint256 seed) internal view returns (bool, uint256) {
        for (uint256 j; j < RUNES; ++j) {
            uint256 r = (seed % RUNES + j) % RUNES;
            if (_book.active[r][k] != 0) return (true, r);
        }
        return (false, 0);
    }

    /// @dev An eighth of payments are 1-3 units of dust; the rest spread over every order of magnitude.
    function _amount(uint256 t, uint256 seed) internal pure returns (uint256) {
        if (seed % 8 == 0) return 1 + (seed >> 3) % 3;
        uint256 exponent = (seed >> 3) % ((t == USD_INDEX ? MAX_USD_EXPONENT : MAX_EXPONENT) + 1);
        return _bound(seed >> 16, 1, 10 ** exponent);
    }

    /// @dev `count` non-zero weights summing to BPS.
    function _weights(uint256 seed, uint256 count) internal pure returns (uint16[] memory weights) {
        weights = new uint16[](count);
        uint256 left = BPS;
        for (uint256 i; i + 1 < count; ++i) {
            uint256 weight = _bound(uint256(keccak256(abi.encode(seed, i))), 1, left - (count - 1 - i));
            weights[i] = SafeCast.toUint16(weight);
            left -= weight;
        }
        weights[count - 1] = SafeCast.toUint16(left);
    }

    function _signAll(uint256[] memory picked, bytes32 digest)
        internal
        view
        returns (bytes[] memory signatures)
    {
        signatures = new bytes[](picked.length);
        for (uint256 i; i < picked.length; ++i) {
            (uint8 v, bytes32 r, bytes32 s) = vm.sign(_terms[picked[i]].signerKey, digest);
            signatures[i] = abi.encodePacked(r, s, v);
        }
    }

    /// @dev Bits 0..2 of the mask pick runes; an empty mask means all.
    function _runeList(uint256 mask) internal view returns (bytes32[] memory list) {
        mask %= 8;
        if (mask == 0) mask = 7;
        list = new bytes32[](RUNES);
        uint256 count;
        for (uint256 r; r < RUNES; ++r) {
            if ((mask >> r) & 1 != 0) list[count++] = _terms[r].rune;
        }
        assembly ("memory-safe") {
            mstore(list, count)
        }
    }

    /// @dev Bits 0..2 of the mask pick tokens; an empty mask means all.
    function _tokenList(uint256 mask) internal view returns (address[] memory list) {
        mask %= 8;
        if (mask == 0) mask = 7;
        list = new address[](TOKENS);
        uint256 count;
        for (uint256 t; t < TOKENS; ++t) {
            if ((mask >> t) & 1 != 0) list[count++] = _tokens[t];
        }
        assembly ("memory-safe") {
            mstore(list, count)
        }
    }

    function _balances(address account) internal view returns (uint256[TOKENS] memory balances) {
        balances[ETH_INDEX] = account.balance;
        for (uint256 t = 1; t < TOKENS; ++t) {
            balances[t] = IHandlerToken(_tokens[t]).balanceOf(account);
        }
    }

    /// @dev What `account` received since `before`, also added to the per-token claimed totals.
    function _gained(address account, uint256[TOKENS] memory before)
        internal
        returns (uint256[TOKENS] memory gained)
    {
        uint256[TOKENS] memory afterwards = _balances(account);
        for (uint256 t; t < TOKENS; ++t) {
            gained[t] = afterwards[t] - before[t];
            _ledgers[t].claimed += gained[t];
        }
    }
}
