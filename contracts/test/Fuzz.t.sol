// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AuroruneTest, IERC20Like} from "./utils/AuroruneTest.sol";
import {IRuneRegistry} from "../src/interfaces/IRuneRegistry.sol";
import {IRevenueDistributor} from "../src/interfaces/IRevenueDistributor.sol";
import {SplitMath} from "../src/libraries/SplitMath.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @notice Exposes SplitMath's internal functions so the fuzzer can call them directly.
contract SplitMathHarness {
    function split(uint256 amount, IRuneRegistry.Split memory terms)
        external
        pure
        returns (uint256 developerPart, uint256 infraPart, uint256 stakersPart)
    {
        return SplitMath.split(amount, terms);
    }

    function byWeights(uint256 amount, uint16[] memory weightsBps) external pure returns (uint256[] memory) {
        return SplitMath.byWeights(amount, weightsBps);
    }

    function byInfraWeights(uint256 amount, IRuneRegistry.InfraShare[] memory infra)
        external
        pure
        returns (uint256[] memory)
    {
        return SplitMath.byInfraWeights(amount, infra);
    }
}

/// @notice Fuzz tests of the split maths and of the stakers stream against a reference model.
contract FuzzTest is AuroruneTest {
    uint256 private constant BPS = 10_000;
    /// @dev Fixed-point scale of the reference stream model: 1e-18 wei granularity, far below the contract's.
    uint256 private constant REF = 1e18;
    /// @dev Steps (time jumps + actions) in one stream scenario.
    uint256 private constant STEPS = 6;

    SplitMathHarness private harness;

    // ----- reference stream model (storage: each fuzz run starts from a fresh setUp) -----

    /// @dev Unstreamed stakers money, in wei * REF.
    uint256 private refRemaining;
    uint256 private refLastUpdate;
    uint256 private refFinish;
    /// @dev Money the linear stream released to each staker so far, in wei * REF.
    mapping(address staker => uint256) private refReleased;
    mapping(address staker => uint256) private refStake;
    mapping(address staker => uint256) private claimedSoFar;
    uint256 private refTotalStake;
    uint256 private totalStakersParts;
    /// @dev Contract checkpoints of the stream (payments, claims, stake changes): each may round by < 1 wei.
    uint256 private checkpoints;

    function setUp() public override {
        super.setUp();
        harness = new SplitMathHarness();
    }

    // ---------------------------------------------------------------------------------------------
    // Split maths
    // ---------------------------------------------------------------------------------------------

    /// @dev The library alone: any amount below 2^128, any split, any 1..8 weights.
    function testFuzz_split_SumsExactly(
        uint256 amount,
        uint256 developerBps,
        uint256 infraBps,
        uint256 count,
        uint256 weightSeed
    ) public view {
        amount = bound(amount, 0, type(uint128).max);
        developerBps = bound(developerBps, 0, BPS);
        infraBps = bound(infraBps, 0, BPS - developerBps);
        IRuneRegistry.Split memory terms = _exactSplit(developerBps, infraBps);

        (uint256 developerPart, uint256 infraPart, uint256 stakersPart) = harness.split(amount, terms);
        assertEq(developerPart + infraPart + stakersPart, amount, "parts sum");
        assertEq(developerPart, amount * developerBps / BPS, "developer part");
        assertEq(infraPart, amount * infraBps / BPS, "infra part");

        count = bound(count, 1, 8);
        uint16[] memory weights = _randomWeights(weightSeed, count);
        IRuneRegistry.InfraShare[] memory infra = new IRuneRegistry.InfraShare[](count);
        for (uint256 i; i < count; ++i) {
            infra[i] = IRuneRegistry.InfraShare({recipient: vm.addr(0x1000 + i), weightBps: weights[i]});
        }
        _assertWeighted(infraPart, weights, harness.byInfraWeights(infraPart, infra));
        // Collaborative weights use the same rule on the whole amount.
        _assertWeighted(amount, weights, harness.byWeights(amount, weights));
    }

    /// @dev One fuzzed payment through `pay`, for the credit checks below.
    struct PayCase {
        bytes32 rune;
        address token;
        uint256 amount;
        uint256 developerBps;
        uint256 infraBps;
        address[] recipients;
        uint16[] weights;
        bool staked;
    }

    /// @dev The same through `pay` on the deployed contracts: credits land exactly where the split says.
    function testFuzz_pay_CreditsSplitExactly(
        uint256 amount,
        uint256 developerBps,
        uint256 infraBps,
        uint256 count,
        uint256 weightSeed,
        bool staked,
        bool inUsd
    ) public {
        PayCase memory c;
        c.amount = bound(amount, 1, type(uint128).max);
        // The registry requires stakersBps >= minStakersBps (1,000) and infra recipients iff infraBps > 0.
        c.developerBps = bound(developerBps, 0, BPS - 1_000);
        c.infraBps = bound(infraBps, 0, BPS - 1_000 - c.developerBps);
        count = c.infraBps == 0 ? 0 : bound(count, 1, 8);
        c.weights = count == 0 ? new uint16[](0) : _randomWeights(weightSeed, count);
        c.recipients = new address[](count);
        for (uint256 i; i < count; ++i) {
            c.recipients[i] = vm.addr(0xBEEF0000 + i);
        }
        c.rune = _register(
            developer,
            bytes32(weightSeed),
            signer,
            _exactSplit(c.developerBps, c.infraBps),
            c.recipients,
            c.weights
        );
        c.staked = staked;
        if (staked) _stake(alice, c.rune, 1 ether);
        c.token = inUsd ? address(usd) : ETH;
        _payAndCheckCredits(c);
    }

    function _payAndCheckCredits(PayCase memory c) private {
        uint256 developerPart = c.amount * c.developerBps / BPS;
        uint256 infraPart = c.amount * c.infraBps / BPS;
        uint256 stakersPart = c.amount - developerPart - infraPart;
        if (!c.staked) {
            developerPart += stakersPart;
            stakersPart = 0;
        }
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(c.rune, "svc", payer, c.token, c.amount);
        bytes memory signature = _sign(signerKey, receipt);
        _fund(payer, c.token, c.amount);
        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.ServicePaid(
            c.rune,
            "svc",
            payer,
            c.token,
            c.amount,
            developerPart,
            infraPart,
            stakersPart,
            uint64(block.timestamp)
        );
        vm.prank(payer);
        distributor.pay{value: c.token == ETH ? c.amount : 0}(receipt, signature);

        assertEq(distributor.developerBalanceOf(c.rune, c.token), developerPart, "developer credit");
        assertEq(distributor.streamOf(c.rune, c.token).remaining, stakersPart, "streamed stakers part");
        assertEq(distributor.revenueOf(c.rune, c.token), c.amount, "revenue");
        uint256 credited = developerPart + stakersPart;
        uint256 remainder = infraPart - _sumWeighted(infraPart, c.weights);
        for (uint256 i; i < c.recipients.length; ++i) {
            uint256 expected = infraPart * c.weights[i] / BPS + (i == 0 ? remainder : 0);
            assertEq(distributor.infraBalanceOf(c.recipients[i], c.token), expected, "infra credit");
            credited += expected;
        }
        assertEq(credited, c.amount, "all credited");
        assertEq(_balanceOf(c.token, address(distributor)), c.amount, "all received");
    }

    /// @dev 2..8 runes, weights summing to 10,000: each rune gets its weighted part (the remainder to the
    /// first), then that part is split by the rune's own terms.
    function testFuzz_payCollaborative_SplitsByWeight(
        uint256 amount,
        uint256 count,
        uint256 weightSeed,
        bool inUsd
    ) public {
        amount = bound(amount, 1, type(uint128).max);
        count = bound(count, 2, 8);
        uint16[] memory weights = _randomWeights(weightSeed, count);
        bytes32[] memory runes = new bytes32[](count);
        address[] memory recipients = new address[](count);
        for (uint256 i; i < count; ++i) {
            recipients[i] = vm.addr(0xC0FFEE00 + i);
            runes[i] = _registerVaried(i, recipients[i]);
        }
        // Rune 1 has a staker: its stakers part is streamed instead of going to the developer.
        _stake(alice, runes[1], 5 ether);
        address token = inUsd ? address(usd) : ETH;
        _payCollaborative(runes, weights, token, amount);

        uint256 total;
        uint256 remainder = amount - _sumWeighted(amount, weights);
        for (uint256 i; i < count; ++i) {
            uint256 part = amount * weights[i] / BPS + (i == 0 ? remainder : 0);
            _checkCollaboratorPart(i, runes[i], recipients[i], token, part);
            total += part;
        }
        assertEq(total, amount, "parts sum");
        assertEq(_balanceOf(token, address(distributor)), amount, "all received");
    }

    /// @dev Every rune of the collaboration uses `signer`, so one signature serves them all.
    function _payCollaborative(bytes32[] memory runes, uint16[] memory weights, address token, uint256 amount)
        private
    {
        IRevenueDistributor.CollaborativeReceipt memory receipt = IRevenueDistributor.CollaborativeReceipt({
            serviceId: "collab",
            runes: runes,
            weightsBps: weights,
            payer: payer,
            token: token,
            amount: amount,
            deadline: uint64(block.timestamp + 1 hours)
        });
        bytes[] memory signatures = new bytes[](runes.length);
        bytes memory signature = _signCollaborative(signerKey, receipt);
        for (uint256 i; i < runes.length; ++i) {
            signatures[i] = signature;
        }
        _fund(payer, token, amount);
        vm.prank(payer);
        distributor.payCollaborative{value: token == ETH ? amount : 0}(receipt, signatures);
    }

    /// @dev Rune i got `part` and split it by its own terms (only rune 1 has stakers).
    function _checkCollaboratorPart(uint256 i, bytes32 rune, address recipient, address token, uint256 part)
        private
        view
    {
        assertEq(distributor.revenueOf(rune, token), part, "rune part");
        (uint256 developerBps, uint256 infraBps) = _variedSplit(i);
        uint256 developerPart = part * developerBps / BPS;
        uint256 infraPart = part * infraBps / BPS;
        uint256 stakersPart = part - developerPart - infraPart;
        if (i == 1) {
            assertEq(distributor.streamOf(rune, token).remaining, stakersPart, "streamed part");
        } else {
            developerPart += stakersPart;
        }
        assertEq(distributor.developerBalanceOf(rune, token), developerPart, "developer part");
        assertEq(distributor.infraBalanceOf(recipient, token), infraPart, "infra part");
        assertTrue(distributor.isServiceUsed(rune, "collab"), "service spent");
    }

    // ---------------------------------------------------------------------------------------------
    // Stream against a reference model
    // ---------------------------------------------------------------------------------------------

    /// @dev One staker; payments and claims at fuzzed times.
    function testFuzz_stream_MatchesReference(
        uint256 stakeA,
        uint64[STEPS] calldata gaps,
        uint128[STEPS] calldata amounts,
        uint8[STEPS] calldata ops,
        bool inUsd
    ) public {
        _runStream(stakeA, 0, STEPS, STEPS, gaps, amounts, ops, inUsd);
    }

    /// @dev Two stakers: bob joins at a fuzzed step and may leave (request unstake of everything) later.
    function testFuzz_stream_MatchesReference_TwoStakers(
        uint256 stakeA,
        uint256 stakeB,
        uint256 joinStep,
        uint256 leaveStep,
        uint64[STEPS] calldata gaps,
        uint128[STEPS] calldata amounts,
        uint8[STEPS] calldata ops,
        bool inUsd
    ) public {
        joinStep = bound(joinStep, 0, STEPS - 1);
        leaveStep = bound(leaveStep, joinStep + 1, STEPS); // STEPS: bob never leaves
        _runStream(stakeA, bound(stakeB, 1, 1e26), joinStep, leaveStep, gaps, amounts, ops, inUsd);
    }

    /// @dev Reference: each payment's stakers part streams linearly; at each payment the unstreamed rest and the
    /// new part stream together until the amount-weighted average of the old finish and now + REWARD_WINDOW; what streams is shared pro rata to the stakes of the moment.
    /// The model runs in 1e-18 wei fixed point. Contract vs model, per staker, after every step:
    /// |claimed + pending - reference| <= 2 * checkpoints + 2, where each checkpoint (payment, claim, stake
    /// change) may floor once in the stream (the floored wei stay in `remaining` and stream later) and once in
    /// a staker's settlement. The contract never releases more than the model in total.
    function _runStream(
        uint256 stakeA,
        uint256 stakeB,
        uint256 joinStep,
        uint256 leaveStep,
        uint64[STEPS] calldata gaps,
        uint128[STEPS] calldata amounts,
        uint8[STEPS] calldata ops,
        bool inUsd
    ) private {
        bytes32 rune = _registerDefault();
        address token = inUsd ? address(usd) : ETH;
        stakeA = bound(stakeA, 1, 1e26);
        _stake(alice, rune, stakeA);
        refStake[alice] = stakeA;
        refTotalStake = stakeA;

        for (uint256 i; i < STEPS; ++i) {
            skip(bound(gaps[i], 0, 10 days));
            _refAdvance();
            if (i == joinStep) {
                _stake(bob, rune, stakeB);
                _refSetStake(bob, stakeB);
            }
            if (i == leaveStep) {
                vm.prank(bob);
                distributor.requestUnstake(rune, stakeB);
                _refSetStake(bob, 0);
            }
            if (ops[i] & 1 != 0 || ops[i] == 0) {
                _streamPay(rune, i, token, bound(amounts[i], 1, inUsd ? 1e18 : 1e30));
            }
            if (ops[i] & 2 != 0) _streamClaim(alice, rune, token);
            if (ops[i] & 4 != 0 && stakeB != 0) _streamClaim(bob, rune, token);
            _assertMatchesReference(rune, token, stakeB != 0);
        }

        // Past the end of the last window everything has streamed: claim it all.
        skip(REWARD_WINDOW + 1);
        _refAdvance();
        assertEq(refRemaining, 0, "reference fully streamed");
        _streamClaim(alice, rune, token);
        if (stakeB != 0) _streamClaim(bob, rune, token);
        _assertMatchesReference(rune, token, stakeB != 0);
        assertLe(distributor.streamOf(rune, token).finish, block.timestamp, "contract fully streamed");
        uint256 claimed = claimedSoFar[alice] + claimedSoFar[bob];
        assertLe(claimed, totalStakersParts, "never more than the stakers parts");
        assertLe(totalStakersParts - claimed, 2 * checkpoints + 2, "dust bound");
    }

    function _streamPay(bytes32 rune, uint256 step, address token, uint256 amount) private {
        _pay(rune, bytes32(step + 1), payer, token, amount);
        // Default split: 50% developer, 20% infra, the rest (30% + rounding) to stakers.
        uint256 stakersPart = amount - amount * 5_000 / BPS - amount * 2_000 / BPS;
        totalStakersParts += stakersPart;
        // Streaming rule: the new finish is the amount-weighted average of the old finish (for what is still
        // unstreamed) and now + window (for the new part).
        uint256 fresh = block.timestamp + REWARD_WINDOW;
        uint256 expectedFinish = refRemaining == 0
            ? fresh
            : (refRemaining * _max(refFinish, block.timestamp) + stakersPart * REF * fresh)
                / (refRemaining + stakersPart * REF);
        refRemaining += stakersPart * REF;
        refLastUpdate = block.timestamp;
        // The contract weighs at 1e-12 of a unit, the model at 1e-18: the floored second may differ by one. The
        // model then follows the contract's finish, so both release along the same line.
        uint256 finish = distributor.streamOf(rune, token).finish;
        assertApproxEqAbs(finish, expectedFinish, 1, "weighted finish");
        refFinish = finish;
        ++checkpoints;
    }

    function _streamClaim(address account, bytes32 rune, address token) private {
        uint256 balanceBefore = _balanceOf(token, account);
        vm.prank(account);
        distributor.claim(_runes(rune), _tokens(token));
        claimedSoFar[account] += _balanceOf(token, account) - balanceBefore;
        ++checkpoints;
    }

    /// @dev Releases the reference stream linearly up to now, pro rata to the current stakes.
    function _refAdvance() private {
        if (refRemaining == 0 || block.timestamp <= refLastUpdate) return;
        uint256 released = block.timestamp >= refFinish
            ? refRemaining
            : refRemaining * (block.timestamp - refLastUpdate) / (refFinish - refLastUpdate);
        refRemaining -= released;
        refLastUpdate = block.timestamp;
        // alice stakes throughout, so the total is never zero here.
        refReleased[alice] += released * refStake[alice] / refTotalStake;
        refReleased[bob] += released * refStake[bob] / refTotalStake;
    }

    function _refSetStake(address account, uint256 amount) private {
        refTotalStake = refTotalStake - refStake[account] + amount;
        refStake[account] = amount;
        ++checkpoints;
    }

    function _assertMatchesReference(bytes32 rune, address token, bool twoStakers) private view {
        uint256 tolerance = 2 * checkpoints + 2;
        uint256 actualA = claimedSoFar[alice] + distributor.pendingRewards(rune, alice, token);
        assertApproxEqAbs(actualA, refReleased[alice] / REF, tolerance, "alice vs reference");
        uint256 actualB;
        if (twoStakers) {
            actualB = claimedSoFar[bob] + distributor.pendingRewards(rune, bob, token);
            assertApproxEqAbs(actualB, refReleased[bob] / REF, tolerance, "bob vs reference");
        }
        // The contract's stream lags the ideal line by its floors; it never runs ahead of it.
        assertLe(actualA + actualB, (refReleased[alice] + refReleased[bob]) / REF + 2, "released too much");
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------

    /// @dev `count` non-zero weights summing to BPS.
    function _randomWeights(uint256 seed, uint256 count) private pure returns (uint16[] memory weights) {
        weights = new uint16[](count);
        uint256 left = BPS;
        for (uint256 i; i + 1 < count; ++i) {
            uint256 weight = _bound(uint256(keccak256(abi.encode(seed, i))), 1, left - (count - 1 - i));
            weights[i] = SafeCast.toUint16(weight);
            left -= weight;
        }
        weights[count - 1] = SafeCast.toUint16(left);
    }

    function _sumWeighted(uint256 amount, uint16[] memory weights) private pure returns (uint256 sum) {
        for (uint256 i; i < weights.length; ++i) {
            sum += amount * weights[i] / BPS;
        }
    }

    /// @dev A split with the given developer and infra shares and the rest to stakers (inputs sum <= BPS).
    function _exactSplit(uint256 developerBps, uint256 infraBps)
        private
        pure
        returns (IRuneRegistry.Split memory)
    {
        return _split(
            SafeCast.toUint16(developerBps),
            SafeCast.toUint16(infraBps),
            SafeCast.toUint16(BPS - developerBps - infraBps)
        );
    }

    /// @dev Every part is its floored weighted share; the first also takes the remainder; they sum exactly.
    function _assertWeighted(uint256 amount, uint16[] memory weights, uint256[] memory parts) private pure {
        assertEq(parts.length, weights.length, "length");
        uint256 sum;
        for (uint256 i; i < parts.length; ++i) {
            sum += parts[i];
            if (i != 0) assertEq(parts[i], amount * weights[i] / BPS, "weighted part");
        }
        assertEq(sum, amount, "weighted parts sum");
        uint256 remainder = amount - _sumWeighted(amount, weights);
        assertEq(parts[0], amount * weights[0] / BPS + remainder, "remainder on the first");
        assertLt(remainder, weights.length, "remainder below one wei per part");
    }

    /// @dev Rune i of a collaboration: its own split, one infra recipient.
    function _variedSplit(uint256 i) private pure returns (uint256 developerBps, uint256 infraBps) {
        developerBps = 1_000 + 700 * i;
        infraBps = 500 + 300 * i;
    }

    function _registerVaried(uint256 i, address recipient) private returns (bytes32) {
        (uint256 developerBps, uint256 infraBps) = _variedSplit(i);
        address[] memory recipients = new address[](1);
        recipients[0] = recipient;
        uint16[] memory weights = new uint16[](1);
        weights[0] = SafeCast.toUint16(BPS);
        IRuneRegistry.Split memory terms = _exactSplit(developerBps, infraBps);
        return _register(developer, bytes32(i + 1), signer, terms, recipients, weights);
    }

    function _max(uint256 a, uint256 b) private pure returns (uint256) {
        return a > b ? a : b;
    }

    function _balanceOf(address token, address account) private view returns (uint256) {
        return token == ETH ? account.balance : IERC20Like(token).balanceOf(account);
    }
}
