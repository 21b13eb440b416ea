// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {StdInvariant} from "forge-std/StdInvariant.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {AuroruneTest, IERC20Like} from "../utils/AuroruneTest.sol";
import {IRuneRegistry} from "../../src/interfaces/IRuneRegistry.sol";
import {IRevenueDistributor} from "../../src/interfaces/IRevenueDistributor.sol";
import {DistributorHandler, releasable, SUB} from "./DistributorHandler.sol";

/// @notice Invariants of the distributor under random payments (single and collaborative, down to 1 unit, with
/// and without permits), stakes (with and without permits), unstake requests, withdrawals, claims, time travel,
/// suspensions, reward window changes, and split proposals with vetoes, executions and cancels (see
/// DistributorHandler). For each token (ETH, AURUNES, tUSD), after every call:
/// (a) solvency: balance >= everything owed (+ all stake for AURUNES), and balance == received - claimed
///     (+ stake);
/// (b) conservation: received == claimed + unclaimed + dust, with 0 <= dust <= bound;
/// (c) nobody is paid more than owed: stakers against the handler's reference model (never above it,
///     short of it by at most the dust bound); developers and infra recipients exactly;
/// (d) stake bookkeeping: totalStaked, activeStakeOf, stakerCountOf and every position.
/// After each run everything is claimed and only the stakers' rounding dust may remain.
///
/// The checks share one invariant function, so one campaign (runs x depth calls) covers them all.
///
/// "Unclaimed" partitions what the distributor owes without counting anything twice: developers
/// (`pendingDeveloperBalance`, which includes what streamed while the rune had no stake) + infra credits +
/// stakers (`pendingRewards`, which includes their share of what streamed) + what each stream has not
/// streamed yet (`remaining - releasable`).
/// Dust is what the accumulator rounds away from stakers: under one wei per settlement and per accumulator
/// checkpoint (the handler counts them in `roundings`), plus one per (staker, rune) for `pendingRewards`' floor.
contract RevenueDistributorInvariantTest is AuroruneTest {
    uint256 internal constant RUNES = 3;
    uint256 internal constant TOKENS = 3;
    uint256 internal constant STAKERS = 4;
    uint256 internal constant INFRA = 4;
    uint256 internal constant AURUNES_INDEX = 1;

    DistributorHandler internal handler;
    address internal developer2 = makeAddr("developer2");
    address internal infraC = makeAddr("infraC");
    address internal infraD = makeAddr("infraD");

    // Fixed after setUp; cached to keep each invariant check cheap.
    bytes32[RUNES] internal runeIds;
    address[TOKENS] internal tokenList;
    address[STAKERS] internal stakerList;
    address[INFRA] internal infraList;

    /// @dev What the distributor owes in one token, by party (see the contract notice).
    struct Unclaimed {
        uint256 developers;
        uint256 infra;
        uint256 stakers;
        uint256 unstreamed;
        uint256[RUNES] perDeveloper;
        uint256[INFRA] perInfra;
        uint256[STAKERS] perStaker;
    }

    function setUp() public override {
        super.setUp();
        tokenList = [ETH, address(aurunes), address(usd)];
        infraList = [infraA, infraB, infraC, infraD];
        handler = new DistributorHandler(distributor, registry, governor, tokenList, infraList);

        // Rune 0: 50% developer / 20% infra (infraA 60%, infraB 40%) / 30% stakers.
        bytes32 rune0 = _registerDefault();
        handler.addRune(rune0, signerKey, developer, 5_000, 2_000, _indexes(0, 1), _list(6_000, 4_000));

        // Rune 1: 10% developer / no infra / 90% stakers; another owner and signer.
        uint256 key1 = 0xB0B1;
        bytes32 rune1 = _register(
            developer2, "rune1", vm.addr(key1), _split(1_000, 0, 9_000), new address[](0), new uint16[](0)
        );
        handler.addRune(rune1, key1, developer2, 1_000, 0, new uint8[](0), new uint16[](0));

        // Rune 2: 30% developer / 25% infra (infraC 50%, infraB 25%, infraD 25%) / 45% stakers.
        uint256 key2 = 0xC0C2;
        address[] memory recipients = new address[](3);
        (recipients[0], recipients[1], recipients[2]) = (infraC, infraB, infraD);
        uint16[] memory weights = _list(5_000, 2_500, 2_500);
        bytes32 rune2 =
            _register(developer, "rune2", vm.addr(key2), _split(3_000, 2_500, 4_500), recipients, weights);
        handler.addRune(rune2, key2, developer, 3_000, 2_500, _indexes(2, 1, 3), weights);

        runeIds = handler.runes();
        stakerList = handler.stakers();

        bytes4[] memory selectors = new bytes4[](15);
        selectors[0] = DistributorHandler.pay.selector;
        selectors[1] = DistributorHandler.payCollaborative.selector;
        selectors[2] = DistributorHandler.stake.selector;
        selectors[3] = DistributorHandler.requestUnstake.selector;
        selectors[4] = DistributorHandler.withdraw.selector;
        selectors[5] = DistributorHandler.claim.selector;
        selectors[6] = DistributorHandler.claimDeveloper.selector;
        selectors[7] = DistributorHandler.claimInfra.selector;
        selectors[8] = DistributorHandler.warp.selector;
        selectors[9] = DistributorHandler.governRune.selector;
        selectors[10] = DistributorHandler.propose.selector;
        selectors[11] = DistributorHandler.veto.selector;
        selectors[12] = DistributorHandler.execute.selector;
        selectors[13] = DistributorHandler.cancel.selector;
        selectors[14] = DistributorHandler.transferRune.selector;
        targetSelector(StdInvariant.FuzzSelector({addr: address(handler), selectors: selectors}));
        targetContract(address(handler));
    }

    // ---------------------------------------------------------------------------------------------
    // Invariants
    // ---------------------------------------------------------------------------------------------

    /// @dev (a) solvency, (b) conservation, (c) nobody overpaid, for each token; (d) stake bookkeeping.
    /// forge-config: ci.invariant.check_interval = 2
    function invariant_accounting() public {
        // The handler's time, so the views see what the model has attributed.
        vm.warp(handler.currentTime());
        for (uint256 t; t < TOKENS; ++t) {
            DistributorHandler.TokenLedger memory ledger = handler.ledger(t);
            Unclaimed memory owed = _unclaimed(t);
            _assertSolventAndConserved(t, ledger, owed);
            _assertNobodyOverpaid(ledger, owed);
        }
        _assertStakeBookkeeping(handler.book());
    }

    /// @dev After each run: past every window everyone claims everything. Nothing stays owed, every stream is
    /// empty, developers and infra recipients got exactly their shares, and the distributor keeps only the
    /// stakers' rounding dust (and the stake).
    function afterInvariant() public {
        emit log_named_uint("proposals executed", handler.executedProposals());
        emit log_named_uint("proposals rejected", handler.rejectedProposals());
        emit log_named_uint("live proposals cancelled by a rune transfer", handler.transferCancels());
        emit log_named_uint("propose calls", handler.calls("propose"));
        emit log_named_uint("propose noops", handler.noops("propose"));
        emit log_named_uint("execute calls", handler.calls("execute"));
        emit log_named_uint("execute noops", handler.noops("execute"));
        emit log_named_uint("veto calls", handler.calls("veto"));
        emit log_named_uint("veto noops", handler.noops("veto"));
        handler.claimEverything();
        for (uint256 t; t < TOKENS; ++t) {
            DistributorHandler.TokenLedger memory ledger = handler.ledger(t);
            Unclaimed memory owed = _unclaimed(t);
            _eq(owed.developers + owed.infra + owed.stakers + owed.unstreamed, 0, "left unclaimed");
            uint256 stakersClaimed;
            for (uint256 k; k < STAKERS; ++k) {
                stakersClaimed += ledger.stakerClaimed[k];
            }
            for (uint256 r; r < RUNES; ++r) {
                // Past every finish nothing is left to stream (claims read the accumulator without writing the
                // stream, so what stays stored there is releasable, and already counted as owed or paid).
                IRevenueDistributor.StreamState memory stream = distributor.streamOf(runeIds[r], tokenList[t]);
                _eq(stream.remainingScaled - releasable(stream), 0, "stream not drained");
            }
            _assertNobodyOverpaid(ledger, owed);
            uint256 dust = _balance(tokenList[t], address(distributor)) - _staked(t);
            // The stakers' rounding, plus at most a unit per rune carried in its stream. Stakers may also have
            // received more than what streamed to them: a developer's sub-unit rest carried to them (a unit per
            // carry, bounded in `_assertNobodyOverpaid`); then there is no rounding shortfall to cover.
            uint256 streamedToStakers = ledger.releasedToStakers / SUB;
            uint256 shortfall = streamedToStakers > stakersClaimed ? streamedToStakers - stakersClaimed : 0;
            _ge(dust + 1, shortfall, "dust below the stakers' rounding");
            _le(dust, _dustBound(ledger), "dust above bound");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Checks
    // ---------------------------------------------------------------------------------------------

    /// @dev (a) and (b) for token t.
    function _assertSolventAndConserved(
        uint256 t,
        DistributorHandler.TokenLedger memory ledger,
        Unclaimed memory owed
    ) internal view {
        uint256 unclaimed = owed.developers + owed.infra + owed.stakers + owed.unstreamed;
        uint256 staked = _staked(t);
        uint256 held = _balance(tokenList[t], address(distributor));
        _ge(held, unclaimed + staked, "insolvent");
        _eq(held, ledger.received - ledger.claimed + staked, "balance != received - claimed");
        uint256 dust = ledger.received - ledger.claimed - unclaimed;
        _le(dust, _dustBound(ledger), "dust above bound");
    }

    /// @dev (c) for one token. Stakers: claimed + pending <= the model's share rounded up, and >= the share
    /// rounded down minus a wei per settlement and per pending floor. All stakers together never get more
    /// than what streamed to stakers. Developers and infra recipients: claimed + credit == share, exactly.
    function _assertNobodyOverpaid(DistributorHandler.TokenLedger memory ledger, Unclaimed memory owed)
        internal
        pure
    {
        uint256 allStakers;
        for (uint256 k; k < STAKERS; ++k) {
            uint256 paid = ledger.stakerClaimed[k] + owed.perStaker[k];
            // A sub-unit rest carried from the developer path may reach stakers who join: a unit per carry.
            _le(paid, ledger.stakerOwedCeil[k] + ledger.carries, "staker paid more than owed");
            _ge(paid + ledger.stakerSettles[k] + RUNES + 1, ledger.stakerOwedFloor[k], "staker shortchanged");
            allStakers += paid;
        }
        _le(allStakers, ledger.releasedToStakers / SUB + ledger.carries, "stakers paid more than streamed to them");
        for (uint256 r; r < RUNES; ++r) {
            // Direct parts exactly; what streamed while nobody staked in whole units, never above the model, and
            // short of it by at most the sub-unit rest carried (one unit) plus one unit per carry to stakers.
            uint256 paid = ledger.developerClaimed[r] + owed.perDeveloper[r];
            uint256 owedFloor = ledger.developerOwed[r] + ledger.developerStreamedSub[r] / SUB;
            _le(paid, owedFloor, "developer paid more than owed");
            _ge(paid + 1 + ledger.carries, owedFloor, "developer shortchanged");
        }
        for (uint256 i; i < INFRA; ++i) {
            _eq(ledger.infraClaimed[i] + owed.perInfra[i], ledger.infraOwed[i], "infra share");
        }
    }

    /// @dev (d) totalStaked == sum of positions (active + unbonding); activeStakeOf(rune) == sum of actives;
    /// stakerCountOf(rune) == accounts with active stake; every position and status matches the records.
    function _assertStakeBookkeeping(DistributorHandler.StakeBook memory book) internal view {
        uint256 total;
        for (uint256 r; r < RUNES; ++r) {
            uint256 active;
            uint256 count;
            for (uint256 k; k < STAKERS; ++k) {
                IRevenueDistributor.Position memory position =
                    distributor.positionOf(runeIds[r], stakerList[k]);
                _eq(position.active, book.active[r][k], "position active");
                _eq(position.unbonding, book.unbonding[r][k], "position unbonding");
                if (position.unbonding != 0) {
                    _eq(position.unbondingEndsAt, book.unbondingEndsAt[r][k], "unbonding end");
                }
                active += position.active;
                total += position.active + position.unbonding;
                if (position.active != 0) ++count;
            }
            _eq(distributor.activeStakeOf(runeIds[r]), active, "rune active stake");
            _eq(active, book.runeActive[r], "rune active stake (model)");
            _eq(distributor.stakerCountOf(runeIds[r]), count, "staker count");
            IRuneRegistry.RuneStatus expected =
                book.suspended[r] ? IRuneRegistry.RuneStatus.Suspended : IRuneRegistry.RuneStatus.Active;
            _eq(uint8(registry.statusOf(runeIds[r])), uint8(expected), "rune status");
        }
        _eq(distributor.totalStaked(), total, "total staked");
        _eq(total, book.totalStaked, "total staked (model)");
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------

    /// @dev Assertions that only reach the (comparatively slow) assert cheatcode when they fail: the check
    /// runs after every call, so this keeps 100k-call campaigns fast, with the same failure messages.
    function _eq(uint256 left, uint256 right, string memory what) internal pure {
        if (left != right) assertEq(left, right, what);
    }

    function _le(uint256 left, uint256 right, string memory what) internal pure {
        if (left > right) assertLe(left, right, what);
    }

    function _ge(uint256 left, uint256 right, string memory what) internal pure {
        if (left < right) assertGe(left, right, what);
    }

    function _unclaimed(uint256 t) internal view returns (Unclaimed memory owed) {
        address token = tokenList[t];
        for (uint256 r; r < RUNES; ++r) {
            bytes32 rune = runeIds[r];
            owed.perDeveloper[r] = distributor.pendingDeveloperBalance(rune, token);
            owed.developers += owed.perDeveloper[r];
            IRevenueDistributor.StreamState memory stream = distributor.streamOf(rune, token);
            owed.unstreamed += Math.ceilDiv(stream.remainingScaled - releasable(stream), SUB);
            for (uint256 k; k < STAKERS; ++k) {
                owed.perStaker[k] += distributor.pendingRewards(rune, stakerList[k], token);
            }
        }
        for (uint256 k; k < STAKERS; ++k) {
            owed.stakers += owed.perStaker[k];
        }
        for (uint256 i; i < INFRA; ++i) {
            owed.perInfra[i] = distributor.infraBalanceOf(infraList[i], token);
            owed.infra += owed.perInfra[i];
        }
    }

    /// @dev A wei per rounding operation the handler counted, plus a wei per (staker, rune) pending floor.
    function _dustBound(DistributorHandler.TokenLedger memory ledger) internal pure returns (uint256) {
        return ledger.roundings + STAKERS * RUNES;
    }

    function _staked(uint256 t) internal view returns (uint256) {
        return t == AURUNES_INDEX ? distributor.totalStaked() : 0;
    }

    function _balance(address token, address account) internal view returns (uint256) {
        return token == ETH ? account.balance : IERC20Like(token).balanceOf(account);
    }

    function _list(uint16 a, uint16 b) internal pure returns (uint16[] memory list) {
        list = new uint16[](2);
        (list[0], list[1]) = (a, b);
    }

    function _list(uint16 a, uint16 b, uint16 c) internal pure returns (uint16[] memory list) {
        list = new uint16[](3);
        (list[0], list[1], list[2]) = (a, b, c);
    }

    function _indexes(uint8 a, uint8 b) internal pure returns (uint8[] memory list) {
        list = new uint8[](2);
        (list[0], list[1]) = (a, b);
    }

    function _indexes(uint8 a, uint8 b, uint8 c) internal pure returns (uint8[] memory list) {
        list = new uint8[](3);
        (list[0], list[1], list[2]) = (a, b, c);
    }
}
