// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {AuroruneTest} from "./utils/AuroruneTest.sol";
import {HookedToken, ReentrancyAttacker} from "./utils/AttackMocks.sol";
import {IRuneRegistry} from "../src/interfaces/IRuneRegistry.sol";
import {IRevenueDistributor} from "../src/interfaces/IRevenueDistributor.sol";

/// @notice Independent review (contracts v2): the defences that held, each asserting the SAFE behaviour. The
/// findings it demonstrated (red before their fix) moved to `Attacks.t.sol` as `test_attack_...` tests; the two on
/// the rule delay now document the actual guarantee (a staker who leaves before a change applies earns nothing
/// under it).
contract ReviewAttacksTest is AuroruneTest {
    bytes32 internal rune;
    address internal carol = makeAddr("carol");
    address internal attacker = makeAddr("attacker");
    uint256 internal constant STAKERS_PART = 300e6; // 30% of a 1,000e6 payment

    function setUp() public override {
        super.setUp();
        rune = _registerDefault();
    }

    // =============================================================================================
    // Helpers
    // =============================================================================================

    function _infra() internal view returns (address[] memory recipients) {
        recipients = new address[](2);
        recipients[0] = infraA;
        recipients[1] = infraB;
    }

    function _infraWeights() internal pure returns (uint16[] memory weights) {
        weights = new uint16[](2);
        weights[0] = 6_000;
        weights[1] = 4_000;
    }

    function _propose() internal returns (uint64 id) {
        vm.prank(developer);
        id = registry.proposeSplit(rune, _split(6_000, 2_000, 2_000), _infra(), _infraWeights());
    }

    function _claimAll(address account, address token) internal returns (uint256 got) {
        uint256 before = IERC20(token).balanceOf(account);
        vm.prank(account);
        distributor.claim(_runes(rune), _tokens(token));
        got = IERC20(token).balanceOf(account) - before;
    }

    function _claimDev(address token) internal returns (uint256 got) {
        uint256 before = IERC20(token).balanceOf(developer);
        vm.prank(developer);
        distributor.claimDeveloper(rune, _tokens(token));
        got = IERC20(token).balanceOf(developer) - before;
    }

    /// @dev balance >= everything owed in `token` on `rune` to the listed stakers, the developer and infra.
    function _assertSolvent(address token, address[] memory stakers) internal view returns (uint256 owed) {
        for (uint256 i; i < stakers.length; ++i) {
            owed += distributor.pendingRewards(rune, stakers[i], token);
        }
        owed += distributor.pendingDeveloperBalance(rune, token);
        owed += distributor.infraBalanceOf(infraA, token) + distributor.infraBalanceOf(infraB, token);
        uint256 balance = IERC20(token).balanceOf(address(distributor));
        if (token == address(aurunes)) balance -= distributor.totalStaked();
        assertGe(balance, owed, "distributor holds at least what it owes");
    }

    // =============================================================================================
    // 1. Streaming rule
    // =============================================================================================

    /// Stream runs while active stake goes 1,000 -> 0 -> 1,000: alice earns days 0-2, the developer days 2-4, bob
    /// days 4-7. Each gets its exact time share within 1 unit per settlement, the rest is dust <= 3 units.
    function test_review_StreamStakeToZeroAndBack_ExactShares() public {
        _stake(alice, rune, 1_000 ether);
        uint256 t0 = block.timestamp;
        _pay(rune, "big", payer, address(usd), 1_000e6);
        vm.warp(t0 + 2 days);
        vm.prank(alice);
        distributor.requestUnstake(rune, 1_000 ether);
        vm.warp(t0 + 4 days);
        _stake(bob, rune, 1_000 ether);
        vm.warp(t0 + 9 days);

        uint256 aliceGot = _claimAll(alice, address(usd));
        uint256 bobGot = _claimAll(bob, address(usd));
        uint256 devExtra = _claimDev(address(usd)) - 500e6;
        uint256 share2d = STAKERS_PART * 2 / 7;
        emit log_named_uint("alice", aliceGot);
        emit log_named_uint("developer (stakers part)", devExtra);
        emit log_named_uint("bob", bobGot);
        assertApproxEqAbs(aliceGot, share2d, 2, "alice: 2/7");
        assertApproxEqAbs(devExtra, share2d, 2, "developer: 2/7");
        assertApproxEqAbs(bobGot, STAKERS_PART * 3 / 7, 2, "bob: 3/7");
        assertLe(aliceGot + bobGot + devExtra, STAKERS_PART, "nothing created");
        assertLe(STAKERS_PART - (aliceGot + bobGot + devExtra), 3, "dust <= 3 units");
        vm.prank(infraA);
        distributor.claimInfra(_tokens(address(usd)));
        vm.prank(infraB);
        distributor.claimInfra(_tokens(address(usd)));
        assertLe(usd.balanceOf(address(distributor)), 3, "only dust left");
    }

    /// 6-decimal token: 400 one-unit payments (each entirely stakers part: 50%/20% of 1 floor to 0) while a 1-ether
    /// staker claims after every payment to farm rounding against a 999-ether staker.
    function test_review_TinyPayments6Dec_ClaimFarming() public {
        _stake(alice, rune, 999 ether);
        _stake(attacker, rune, 1 ether);
        uint256 t0 = block.timestamp;
        _pay(rune, "big", payer, address(usd), 1_000e6);
        uint256 attackerGot;
        for (uint256 i = 1; i <= 400; ++i) {
            vm.warp(t0 + i * 15 minutes);
            _pay(rune, bytes32(i), attacker, address(usd), 1);
            attackerGot += _claimAll(attacker, address(usd));
        }
        vm.warp(block.timestamp + 30 days);
        attackerGot += _claimAll(attacker, address(usd));
        uint256 aliceGot = _claimAll(alice, address(usd));
        uint256 total = STAKERS_PART + 400;
        emit log_named_uint("attacker got", attackerGot);
        emit log_named_uint("attacker exact share", total / 1000);
        emit log_named_uint("alice got", aliceGot);
        assertLe(attackerGot, total / 1000 + 1, "attacker <= exact share + 1");
        assertGe(aliceGot + 1, total * 999 / 1000, "alice >= exact share - 1");
        assertLe(attackerGot + aliceGot, total, "nothing created");
    }

    /// 18-decimal token, payments of 2^128 - 1 with a 1-wei and a 1,000-ether staker: no overflow, solvent, exact.
    function test_review_HugeAmounts18Dec() public {
        HookedToken big = new HookedToken();
        vm.prank(governor);
        distributor.setTokenAllowed(address(big), true);
        _stake(alice, rune, 1);
        _stake(bob, rune, 1_000 ether);
        uint256 amount = type(uint128).max;
        big.mint(payer, amount * 2);
        vm.prank(payer);
        big.approve(address(distributor), type(uint256).max);
        for (uint256 i; i < 2; ++i) {
            IRevenueDistributor.ServiceReceipt memory r = _receipt(rune, bytes32(i + 1), payer, address(big), amount);
            bytes memory sig = _sign(signerKey, r);
            vm.prank(payer);
            distributor.pay(r, sig);
            vm.warp(block.timestamp + 3 days);
        }
        address[] memory stakers = new address[](2);
        stakers[0] = alice;
        stakers[1] = bob;
        _assertSolvent(address(big), stakers);
        vm.warp(block.timestamp + 30 days);
        uint256 stakersPart = 2 * (amount - amount * 5_000 / 10_000 - amount * 2_000 / 10_000);
        uint256 bobGot = _claimAll(bob, address(big));
        uint256 aliceGot = _claimAll(alice, address(big));
        assertLe(aliceGot + bobGot, stakersPart);
        assertApproxEqRel(bobGot, stakersPart, 1e6, "bob gets essentially all");
        _assertSolvent(address(big), stakers);
    }

    /// Dust payments from the developer every hour for the whole window: what the big payment owes stakers must
    /// still vest on time (>= 99.9% at window + 1 day).
    function test_review_HourlyDustCannotStall() public {
        _stake(alice, rune, 1_000 ether);
        uint256 t0 = block.timestamp;
        _pay(rune, "big", payer, address(usd), 1_000e6);
        for (uint256 h = 1; h <= 24 * 8; ++h) {
            vm.warp(t0 + h * 1 hours);
            _pay(rune, bytes32(h), developer, address(usd), 4); // stakers part 2 (dev 2, infra 0)
        }
        uint256 vested = distributor.pendingRewards(rune, alice, address(usd));
        emit log_named_uint("vested after window + 1 day", vested);
        assertGe(vested * 1_000, STAKERS_PART * 999, ">= 99.9%");
    }

    /// Random sequences of stake / unstake / pay / claim / time, three stakers, 6-decimal token: at the end
    /// everyone claims; what stays in the distributor is dust, at most one unit per settlement and per checkpoint.
    function testFuzz_review_RandomSequenceDustBounded(uint256 seed) public {
        address[3] memory who = [alice, bob, carol];
        uint256 settlements;
        uint256 paid;
        uint256 out;
        for (uint256 step; step < 24; ++step) {
            uint256 r = uint256(keccak256(abi.encode(seed, step)));
            uint256 action = r % 5;
            address a = who[(r >> 8) % 3];
            if (action == 0) {
                _stake(a, rune, 1 + (r >> 16) % 1_000 ether);
                settlements += 1;
            } else if (action == 1) {
                uint256 active = distributor.positionOf(rune, a).active;
                if (active != 0) {
                    vm.prank(a);
                    distributor.requestUnstake(rune, 1 + (r >> 16) % active);
                    settlements += 1;
                }
            } else if (action == 2) {
                uint256 amount = 1 + (r >> 16) % 10_000e6;
                _pay(rune, bytes32(step + 1), payer, address(usd), amount);
                paid += amount;
                settlements += 1; // the checkpoint in the payment
            } else if (action == 3) {
                out += _claimAll(a, address(usd));
                settlements += 1;
            } else {
                vm.warp(block.timestamp + 1 + (r >> 16) % 3 days);
            }
        }
        vm.warp(block.timestamp + 30 days);
        for (uint256 i; i < 3; ++i) {
            out += _claimAll(who[i], address(usd));
        }
        out += _claimDev(address(usd));
        vm.prank(infraA);
        distributor.claimInfra(_tokens(address(usd)));
        vm.prank(infraB);
        distributor.claimInfra(_tokens(address(usd)));
        uint256 left = usd.balanceOf(address(distributor));
        assertLe(left, settlements + 3, "dust <= 1 unit per settlement");
        assertEq(usd.balanceOf(address(distributor)) + out + usd.balanceOf(infraA) + usd.balanceOf(infraB), paid);
    }

    /// Disallowing a token with a live stream: rewards keep streaming and stay claimable.
    function test_review_DisallowTokenWithLiveStream() public {
        _stake(alice, rune, 1_000 ether);
        _pay(rune, "big", payer, address(usd), 1_000e6);
        vm.prank(governor);
        distributor.setTokenAllowed(address(usd), false);
        vm.warp(block.timestamp + 8 days);
        assertEq(_claimAll(alice, address(usd)), STAKERS_PART);
        assertEq(_claimDev(address(usd)), 500e6);
    }

    // =============================================================================================
    // 2. Vetoes
    // =============================================================================================

    /// Top-up / partial unstake / restake / veto / unstake after veto, checked against the lowest-stake rule.
    function test_review_VetoWeightSequences() public {
        _stake(alice, rune, 100 ether);
        _stake(bob, rune, 100 ether);
        _stake(carol, rune, 100 ether);
        uint64 id = _propose();
        // alice: +50, -80 (lowest since proposal: 70), +200 -> 70
        _stake(alice, rune, 50 ether);
        vm.prank(alice);
        distributor.requestUnstake(rune, 80 ether);
        _stake(alice, rune, 200 ether);
        (, uint256 w) = distributor.vetoWeightOf(rune, alice);
        assertEq(w, 70 ether);
        vm.prank(alice);
        distributor.vetoSplitProposal(rune);
        // bob: veto 100, then unstake 30 -> 70, restake 30 -> still 70
        vm.prank(bob);
        distributor.vetoSplitProposal(rune);
        vm.prank(bob);
        distributor.requestUnstake(rune, 30 ether);
        _stake(bob, rune, 30 ether);
        (uint256 vetoStake,) = distributor.vetoTally(rune, id);
        assertEq(vetoStake, 140 ether);
        // carol: leaves fully then comes back -> no weight
        vm.prank(carol);
        distributor.requestUnstake(rune, 100 ether);
        _stake(carol, rune, 100 ether);
        vm.prank(carol);
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorNoVetoWeight.selector, rune, id, carol)
        );
        distributor.vetoSplitProposal(rune);
        // 140 * 2 <= 300: executes.
        vm.warp(block.timestamp + RULE_DELAY);
        assertTrue(registry.executeSplitProposal(rune));
    }

    function test_review_SetOpenProposalOnlyRegistry() public {
        vm.prank(attacker);
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorNotRegistry.selector, attacker)
        );
        distributor.setOpenProposal(rune, 0, attacker);
    }

    /// Proposal ids are global: a veto on rune A never counts for rune B, and a stale id on a rune is ignored.
    function test_review_ProposalIdsAcrossRunes() public {
        bytes32 runeB = _register(developer, "b", signer, _split(5_000, 2_000, 3_000), _infra(), _infraWeights());
        _stake(alice, rune, 100 ether);
        _stake(alice, runeB, 100 ether);
        uint64 idA = _propose();
        vm.prank(developer);
        uint64 idB = registry.proposeSplit(runeB, _split(6_000, 2_000, 2_000), _infra(), _infraWeights());
        vm.prank(alice);
        distributor.vetoSplitProposal(rune);
        (uint256 onA,) = distributor.vetoTally(rune, idA);
        (uint256 onB,) = distributor.vetoTally(runeB, idB);
        (uint256 crossed,) = distributor.vetoTally(runeB, idA);
        assertEq(onA, 100 ether);
        assertEq(onB, 0);
        assertEq(crossed, 0);
        vm.warp(block.timestamp + RULE_DELAY);
        assertFalse(registry.executeSplitProposal(rune));
        assertTrue(registry.executeSplitProposal(runeB));
    }

    /// Cancel, cooldown, re-propose: old vetoes do not carry, stakers can veto the new one.
    function test_review_CancelReproposeExpiry() public {
        _stake(alice, rune, 100 ether);
        uint64 id1 = _propose();
        vm.prank(alice);
        distributor.vetoSplitProposal(rune);
        vm.prank(developer);
        registry.cancelSplitProposal(rune);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorNoPendingProposal.selector, rune));
        distributor.vetoSplitProposal(rune);
        vm.warp(block.timestamp + 3 days);
        uint64 id2 = _propose();
        assertGt(id2, id1);
        (uint256 t2,) = distributor.vetoTally(rune, id2);
        assertEq(t2, 0, "fresh tally");
        vm.prank(alice);
        distributor.vetoSplitProposal(rune);
        // Let it expire, then it cannot be executed.
        uint48 expiresAt = registry.pendingSplitProposal(rune).expiresAt;
        vm.warp(block.timestamp + RULE_DELAY + 7 days);
        vm.expectRevert(abi.encodeWithSelector(IRuneRegistry.RuneRegistryProposalExpired.selector, rune, expiresAt));
        registry.executeSplitProposal(rune);
    }

    /// Rule delay == unbonding period, and governance may raise both while a proposal is open: a staker who reacts
    /// to a proposal may still be unbonding when the change becomes executable, so its stake is not back in its
    /// wallet by then. What the rule guarantees is that it is no longer exposed: unbonding stake stops earning at
    /// once, so a staker who requests unstake before `executableAt` earns nothing under the new split. Default
    /// parameters, the staker reacting one hour after the proposal.
    function test_review_UnstakeBeforeExecutableAtEarnsNothingUnderNewSplit() public {
        _stake(alice, rune, 100 ether);
        _stake(bob, rune, 100 ether);
        _proposeStakersCut();
        vm.warp(block.timestamp + 1 hours);
        vm.prank(alice);
        distributor.requestUnstake(rune, 100 ether);
        _assertLeaverEarnsNothingUnderNewSplit();
    }

    /// Same guarantee after governance raises the rule delay and the unbonding period (legally ordered) while the
    /// proposal is open: the proposal keeps its executableAt, the leaver's unbonding ends a week after it, and the
    /// leaver still earns nothing under the new split.
    function test_review_RaisedUnbonding_UnstakeBeforeExecutableAtEarnsNothingUnderNewSplit() public {
        _stake(alice, rune, 100 ether);
        _stake(bob, rune, 100 ether);
        _proposeStakersCut();
        vm.startPrank(governor);
        registry.setRuleDelay(14 days);
        distributor.setUnbondingPeriod(14 days);
        vm.stopPrank();
        vm.prank(alice);
        distributor.requestUnstake(rune, 100 ether);
        _assertLeaverEarnsNothingUnderNewSplit();
    }

    /// @dev Proposes 80% developer / 10% infra / 10% stakers (down from 30%).
    function _proposeStakersCut() internal {
        vm.prank(developer);
        registry.proposeSplit(rune, _split(8_000, 1_000, 1_000), _infra(), _infraWeights());
    }

    /// @dev alice requested unstake of her whole stake before executableAt, bob stays: the change executes, a
    /// payment arrives under the new split and streams out in full; none of it reaches alice, who gets her stake
    /// back once unbonded.
    function _assertLeaverEarnsNothingUnderNewSplit() internal {
        uint48 executableAt = registry.pendingSplitProposal(rune).executableAt;
        uint64 endsAt = distributor.positionOf(rune, alice).unbondingEndsAt;
        assertGt(endsAt, executableAt, "still unbonding when the change applies");
        vm.warp(executableAt);
        assertTrue(registry.executeSplitProposal(rune));
        _pay(rune, "under the new split", payer, address(usd), 1_000e6);
        vm.warp(block.timestamp + REWARD_WINDOW);
        assertEq(distributor.pendingRewards(rune, alice, address(usd)), 0, "the leaver earns nothing");
        assertEq(_claimAll(alice, address(usd)), 0);
        assertEq(_claimAll(bob, address(usd)), 100e6, "the stayer takes the whole (new, 10%) stakers part");
        vm.warp(endsAt);
        vm.prank(alice);
        assertEq(distributor.withdraw(rune), 100 ether, "and the leaver's stake comes back whole");
    }

    // =============================================================================================
    // 3. Unbonding and governance ordering
    // =============================================================================================

    function test_review_RuleDelayUnbondingBothSetters() public {
        vm.startPrank(governor);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRevenueDistributor.RevenueDistributorUnbondingAboveRuleDelay.selector, uint48(8 days), uint48(7 days)
            )
        );
        distributor.setUnbondingPeriod(8 days);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRuneRegistry.RuneRegistryRuleDelayBelowUnbonding.selector, uint48(6 days), uint48(7 days)
            )
        );
        registry.setRuleDelay(6 days);
        // Legal order both ways.
        distributor.setUnbondingPeriod(2 days);
        registry.setRuleDelay(2 days);
        registry.setRuleDelay(10 days);
        distributor.setUnbondingPeriod(10 days);
        vm.stopPrank();
        assertGe(registry.ruleDelay(), distributor.unbondingPeriod());
    }

    function test_review_WithdrawSuspendedRetired() public {
        _stake(alice, rune, 100 ether);
        vm.prank(alice);
        distributor.requestUnstake(rune, 40 ether);
        vm.prank(governor);
        registry.suspend(rune);
        vm.prank(alice);
        assertEq(distributor.withdraw(rune), 40 ether);
        vm.prank(alice);
        distributor.requestUnstake(rune, 60 ether);
        vm.prank(developer);
        registry.retire(rune); // a suspended rune can be retired by its owner
        vm.prank(alice);
        assertEq(distributor.withdraw(rune), 60 ether);
        assertEq(aurunes.balanceOf(alice), 100 ether);
    }

    /// Governance shortens unbonding: an earlier request is not brought forward; matured stake is paid at once.
    function test_review_ShorterPeriodAndMatured() public {
        _stake(alice, rune, 100 ether);
        vm.prank(alice);
        distributor.requestUnstake(rune, 10 ether);
        uint64 firstEnds = distributor.positionOf(rune, alice).unbondingEndsAt;
        vm.prank(governor);
        distributor.setUnbondingPeriod(1 hours);
        vm.prank(alice);
        distributor.requestUnstake(rune, 10 ether);
        assertEq(distributor.positionOf(rune, alice).unbondingEndsAt, firstEnds);
        vm.warp(firstEnds);
        vm.prank(alice);
        distributor.requestUnstake(rune, 5 ether);
        assertEq(aurunes.balanceOf(alice), 20 ether, "matured 20 paid in the request");
        assertEq(distributor.positionOf(rune, alice).unbonding, 5 ether);
    }

    // =============================================================================================
    // 4. Infra push / claimTo, reentrancy
    // =============================================================================================

    /// ETH push to a reentrant recipient: the reentry (claimInfra, push again) is refused, nothing paid twice.
    function test_review_PushInfraReentrancy() public {
        ReentrancyAttacker evil = new ReentrancyAttacker();
        address[] memory recipients = new address[](1);
        recipients[0] = address(evil);
        uint16[] memory weights = new uint16[](1);
        weights[0] = 10_000;
        bytes32 evilRune = _register(developer, "evil", signer, _split(5_000, 2_000, 3_000), recipients, weights);
        _pay(evilRune, "eth", payer, ETH, 1 ether);
        _pay(evilRune, "eth2", payer, ETH, 1 ether);
        evil.arm(
            ReentrancyAttacker.Mode.Swallow,
            address(distributor),
            abi.encodeCall(distributor.pushInfra, (address(evil), _tokens(ETH)))
        );
        distributor.pushInfra(address(evil), _tokens(ETH));
        assertEq(address(evil).balance, 0.4 ether);
        assertEq(evil.reentrySuccesses(), 0);
        assertEq(distributor.infraBalanceOf(address(evil), ETH), 0);
    }

    // =============================================================================================
    // 5. ERC-8004 registry
    // =============================================================================================

    /// A front-runner copying a pending registerAgent (same salt) gets its own rune, never the developer's.
    function test_review_RuneSquatting() public {
        bytes32 salt = "planned";
        bytes32 planned = registry.computeRune(developer, salt);
        vm.prank(attacker);
        bytes32 squatted =
            registry.registerAgent(salt, signer, "ipfs://x", _split(5_000, 2_000, 3_000), _infra(), _infraWeights());
        assertTrue(squatted != planned);
        bytes32 real = _register(developer, salt, signer, _split(5_000, 2_000, 3_000), _infra(), _infraWeights());
        assertEq(real, planned);
        assertEq(registry.ownerOf(uint256(planned)), developer);
    }

    /// URI / metadata: only owner or approved; a previous owner's approval does not survive a transfer.
    function test_review_AgentUriAfterTransfer() public {
        address op = makeAddr("op");
        vm.prank(developer);
        registry.approve(op, uint256(rune));
        vm.prank(op);
        registry.setAgentURI(uint256(rune), "ipfs://op");
        address buyer = makeAddr("buyer");
        vm.prank(developer);
        registry.transferFrom(developer, buyer, uint256(rune));
        vm.prank(op);
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryNotAuthorized.selector, uint256(rune), op)
        );
        registry.setAgentURI(uint256(rune), "ipfs://evil");
        vm.prank(developer);
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryNotAuthorized.selector, uint256(rune), developer)
        );
        registry.setMetadata(uint256(rune), "k", "v");
        vm.prank(buyer);
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryReservedMetadataKey.selector, "agentWallet")
        );
        registry.setMetadata(uint256(rune), "agentWallet", abi.encode(buyer));
    }

    // =============================================================================================
    // 6. Pause, rune transfer with pending developer balance
    // =============================================================================================

    function test_review_PauseKeepsExitsOpen() public {
        _stake(alice, rune, 100 ether);
        _pay(rune, "p", payer, address(usd), 1_000e6);
        _propose();
        vm.prank(governor);
        distributor.pause();
        vm.warp(block.timestamp + 8 days);
        vm.startPrank(alice);
        distributor.vetoSplitProposal(rune);
        distributor.claim(_runes(rune), _tokens(address(usd)));
        distributor.requestUnstake(rune, 100 ether);
        vm.warp(block.timestamp + UNBONDING_PERIOD);
        distributor.withdraw(rune);
        vm.stopPrank();
        assertEq(_claimDev(address(usd)), 500e6);
        assertEq(usd.balanceOf(alice), STAKERS_PART);
    }

    /// The developer balance follows the rune NFT (by design): the buyer collects what accrued before the sale.
    function test_review_PendingDeveloperBalanceFollowsNft() public {
        _pay(rune, "p", payer, address(usd), 1_000e6); // no stakers: 800e6 to the developer
        address buyer = makeAddr("buyer");
        vm.prank(developer);
        registry.transferFrom(developer, buyer, uint256(rune));
        vm.prank(developer);
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorNotRuneOwner.selector, rune, developer)
        );
        distributor.claimDeveloper(rune, _tokens(address(usd)));
        vm.prank(buyer);
        distributor.claimDeveloper(rune, _tokens(address(usd)));
        assertEq(usd.balanceOf(buyer), 800e6);
    }
}
