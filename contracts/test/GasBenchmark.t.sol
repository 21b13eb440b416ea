// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {console} from "forge-std/console.sol";
import {Vm} from "forge-std/Vm.sol";
import {AuroruneTest} from "./utils/AuroruneTest.sol";
import {IRevenueDistributor} from "../src/interfaces/IRevenueDistributor.sol";
import {IRuneRegistry} from "../src/interfaces/IRuneRegistry.sol";

/// @notice Gas of the hot paths, measured as a user's transaction pays it: time passes between actions (so the
/// stream releases and the accumulator is written), every contract and slot is cold again at the start of the
/// measured call (`vm.cool`: a new transaction), and each test measures one call, so `forge snapshot
/// --match-contract GasBenchmark` gives one line per action and `npm test` guards them (+2% at most).
/// "Warm" means the storage the action writes already holds non-zero values (the account or rune did this
/// before); "cold"/"first" means it writes fresh slots (zero to non-zero).
/// The contract runs isolated (forge-config below): each call is its own transaction, so the figure is the
/// transaction gas a wallet shows (checked against anvil: pay 136,365 here, 136,336 for the same call on a seeded
/// anvil chain); the goals below are set in it.
/// forge-config: default.isolate = true
/// forge-config: ci.isolate = true
contract GasBenchmark is AuroruneTest {
    /// @notice Goals of issue 7 (transaction gas).
    uint256 internal constant PAY_GOAL = 130_000; // missed: reported in the log only
    uint256 internal constant STAKE_1_TOKEN_GOAL = 120_000;
    uint256 internal constant STAKE_3_TOKENS_GOAL = 200_000;
    uint256 internal constant CLAIM_GOAL = 60_000;
    uint256 internal constant CLAIM_ALL_GOAL = 400_000;
    /// @dev Reported only.
    uint256 internal constant NO_GOAL = type(uint256).max;

    bytes32 internal rune;
    bytes32[] internal runeSet;

    function setUp() public override {
        super.setUp();
        rune = _registerDefault(); // 50 / 20 (2 infra recipients) / 30
    }

    // =============================================================================================
    // pay
    // =============================================================================================

    /// @notice The common case: pay in tUSD, 2 infra recipients, 1 staker, an hour after the previous payment
    /// (the stream releases into the accumulator), every slot written before.
    function test_gas_pay_Usd2Infra_1Staker_Streaming() public {
        vm.pauseGasMetering();
        this.prepareStakers(rune, 1);
        this.preparePayments(rune, address(usd), 2);
        // Goal 130,000: missed (about 136,400; see the README's gas table for why), so reported, not asserted.
        _measurePay(rune, address(usd), "pay tUSD, 2 infra, 1 staker, stream releasing");
    }

    /// @notice The same with 1,000 stakers: the accumulator makes it cost the same.
    function test_gas_pay_Usd2Infra_1000Stakers_Streaming() public {
        vm.pauseGasMetering();
        this.prepareStakers(rune, 1_000);
        this.preparePayments(rune, address(usd), 2);
        _measurePay(rune, address(usd), "pay tUSD, 2 infra, 1000 stakers, stream releasing");
    }

    /// @notice One rune, measured with 1 staker, then again after 999 more stakers joined: equal gas.
    function test_gas_pay_SameGasWith1And1000Stakers() public {
        vm.pauseGasMetering();
        this.prepareStakers(rune, 1);
        this.preparePayments(rune, address(usd), 2);
        (uint256 oneStaker,) = _measurePay(rune, address(usd), "pay, same rune, 1 staker"); // execution gas

        vm.pauseGasMetering();
        this.prepareStakers(rune, 1_000); // 999 more
        assertEq(distributor.stakerCountOf(rune), 1_000);
        this.preparePayments(rune, address(usd), 1);
        (uint256 thousandStakers,) = _measurePay(rune, address(usd), "pay, same rune, 1000 stakers");

        assertEq(thousandStakers, oneStaker, "pay gas must not depend on the number of stakers");
    }

    /// @notice Pay in ETH, 2 infra recipients, 1 staker, stream releasing.
    function test_gas_pay_Eth2Infra_1Staker_Streaming() public {
        vm.pauseGasMetering();
        this.prepareStakers(rune, 1);
        this.preparePayments(rune, ETH, 2);
        _measurePay(rune, ETH, "pay ETH, 2 infra, 1 staker, stream releasing");
    }

    /// @notice Cold: the rune's first payment in tUSD (developer, infra and stream slots go from zero).
    function test_gas_pay_Usd2Infra_1Staker_FirstPayment() public {
        vm.pauseGasMetering();
        this.prepareStakers(rune, 1);
        vm.warp(block.timestamp + 1 hours);
        _measurePay(rune, address(usd), "pay tUSD, 2 infra, 1 staker, first payment (cold)");
    }

    /// @notice A rune nobody stakes on (stakers part to the developer, no stream).
    function test_gas_pay_Usd2Infra_NoStakers() public {
        vm.pauseGasMetering();
        this.preparePayments(rune, address(usd), 2);
        _measurePay(rune, address(usd), "pay tUSD, 2 infra, no stakers");
    }

    /// @notice A collaborative payment to 8 runes (2 infra each), 1 staker each, streams releasing.
    function test_gas_payCollaborative_8Runes_Streaming() public {
        vm.pauseGasMetering();
        this.prepareRuneSet(8, 1);
        for (uint256 i; i < 8; ++i) {
            this.preparePayments(runeSet[i], address(usd), 1);
        }
        _measureCollaborative("payCollaborative tUSD, 8 runes, stream releasing");
    }

    // =============================================================================================
    // stake
    // =============================================================================================

    /// @notice Add to an existing position with 1 token streaming, a day after the staker's last action (the
    /// stream released meanwhile; the position holds unclaimed rewards).
    function test_gas_stake_AddToPosition_1TokenStreaming() public {
        vm.pauseGasMetering();
        this.prepareStakers(rune, 1);
        this.preparePayments(rune, address(usd), 2);
        _topUp(_staker(0));
        this.preparePayments(rune, address(usd), 1);
        vm.warp(block.timestamp + 1 days);
        (, uint256 txGas) = _measureStake(_staker(0), "stake, add to position, 1 token streaming");
        assertLe(txGas, STAKE_1_TOKEN_GOAL, "stake goal (1 token)");
    }

    /// @notice The same on a rune with 3 payment tokens streaming (ETH, AURUNES, tUSD).
    function test_gas_stake_AddToPosition_3TokensStreaming() public {
        vm.pauseGasMetering();
        this.prepareStakers(rune, 1);
        this.preparePayments(rune, ETH, 2);
        this.preparePayments(rune, address(aurunes), 2);
        this.preparePayments(rune, address(usd), 2);
        _topUp(_staker(0));
        this.preparePayments(rune, address(usd), 1);
        vm.warp(block.timestamp + 1 days);
        (, uint256 txGas) = _measureStake(_staker(0), "stake, add to position, 3 tokens streaming");
        assertLe(txGas, STAKE_3_TOKENS_GOAL, "stake goal (3 tokens)");
    }

    /// @notice Cold: the position's first top-up since the 3 tokens began streaming (each token's accrual slots go
    /// from zero), as a second stake days after the first one is.
    function test_gas_stake_AddToPosition_3TokensStreaming_NeverSettled() public {
        vm.pauseGasMetering();
        this.prepareStakers(rune, 1);
        this.preparePayments(rune, ETH, 2);
        this.preparePayments(rune, address(aurunes), 2);
        this.preparePayments(rune, address(usd), 2);
        vm.warp(block.timestamp + 1 days);
        _measureStake(_staker(0), "stake, add to position never settled (cold), 3 tokens streaming");
    }

    /// @notice Cold: a newcomer's first stake on a rune with 1 token streaming (new position, new list entry,
    /// accrual slots from zero).
    function test_gas_stake_FirstOnRune_1TokenStreaming() public {
        vm.pauseGasMetering();
        this.prepareStakers(rune, 1);
        this.preparePayments(rune, address(usd), 2);
        address newcomer = makeAddr("newcomer");
        _giveAurunes(newcomer, 1_000 ether);
        _measureStake(newcomer, "stake, first on rune (cold), 1 token streaming");
    }

    // =============================================================================================
    // claim
    // =============================================================================================

    /// @notice Warm: claim one rune, one token (tUSD), a day after the staker's previous claim.
    function test_gas_claim_OneRuneOneToken_Warm() public {
        vm.pauseGasMetering();
        this.prepareStakers(rune, 1);
        this.preparePayments(rune, address(usd), 2);
        address account = _staker(0);
        vm.prank(account);
        distributor.claim(_runes(rune), _tokens(address(usd))); // an earlier claim: balances non-zero
        vm.warp(block.timestamp + 1 days);
        (, uint256 txGas) = _measureClaim(account, _runes(rune), _tokens(address(usd)), "claim 1 rune x 1 token, warm");
        assertLe(txGas, CLAIM_GOAL, "claim goal");
    }

    /// @notice Cold: the staker's first claim (its token balance goes from zero).
    function test_gas_claim_OneRuneOneToken_First() public {
        vm.pauseGasMetering();
        this.prepareStakers(rune, 1);
        this.preparePayments(rune, address(usd), 2);
        vm.warp(block.timestamp + 1 days);
        _measureClaim(_staker(0), _runes(rune), _tokens(address(usd)), "claim 1 rune x 1 token, first (cold)");
    }

    /// @notice Claim-all: 5 runes x 3 tokens, all streaming, a day after the previous claim-all.
    function test_gas_claimAll_5Runes3Tokens_Warm() public {
        vm.pauseGasMetering();
        this.prepareRuneSet(5, 1);
        address[] memory tokenList = new address[](3);
        (tokenList[0], tokenList[1], tokenList[2]) = (ETH, address(aurunes), address(usd));
        for (uint256 i; i < 5; ++i) {
            for (uint256 t; t < 3; ++t) {
                this.preparePayments(runeSet[i], tokenList[t], 1);
            }
        }
        vm.prank(_staker(0));
        distributor.claim(runeSet, tokenList);
        for (uint256 i; i < 5; ++i) {
            this.preparePayments(runeSet[i], address(usd), 1);
        }
        vm.warp(block.timestamp + 1 days);
        (, uint256 txGas) = _measureClaim(_staker(0), runeSet, tokenList, "claim-all 5 runes x 3 tokens, warm");
        assertLe(txGas, CLAIM_ALL_GOAL, "claim-all goal");
    }

    // =============================================================================================
    // Helpers (all run with gas metering paused)
    // =============================================================================================

    /// @notice Preparation entry points, called as `this.prepare...` so the memory they allocate is freed on return
    /// and does not inflate the measuring frame's memory cost (which would skew `forge snapshot` lines).
    function prepareStakers(bytes32 target, uint256 count) external {
        _stakers(target, count);
    }

    /// @notice See `prepareStakers`.
    function preparePayments(bytes32 target, address token, uint256 count) external {
        _warmPayments(target, token, count);
    }

    /// @notice `count` runes (default split, own salts, the default signer) with `stakers` stakers each (staker 0
    /// on all of them).
    function prepareRuneSet(uint256 count, uint256 stakers) external {
        address[] memory recipients = new address[](2);
        (recipients[0], recipients[1]) = (infraA, infraB);
        uint16[] memory weights = new uint16[](2);
        (weights[0], weights[1]) = (6_000, 4_000);
        for (uint256 i; i < count; ++i) {
            bytes32 target =
                _register(developer, bytes32(i + 1), signer, _split(5_000, 2_000, 3_000), recipients, weights);
            runeSet.push(target);
            _stakers(target, stakers);
        }
    }

    function _staker(uint256 i) internal pure returns (address) {
        // Safe: i < 1,000, far below 2^160.
        // forge-lint: disable-next-line(unsafe-typecast)
        return address(uint160(0x5747_0000 + i));
    }

    function _giveAurunes(address account, uint256 amount) internal {
        deal(address(aurunes), account, amount);
        vm.prank(account);
        aurunes.approve(address(distributor), type(uint256).max);
    }

    /// @dev Brings the rune to `count` stakers of 1,000 AURUNES each (staker i is `_staker(i)`).
    function _stakers(bytes32 target, uint256 count) internal {
        for (uint256 i = distributor.stakerCountOf(target); i < count; ++i) {
            address account = _staker(i);
            _giveAurunes(account, 10_000 ether);
            vm.prank(account);
            distributor.stake(target, 1_000 ether);
        }
    }

    /// @dev A small top-up: settles the position in every streaming token.
    function _topUp(address account) internal {
        vm.prank(account);
        distributor.stake(rune, 1 ether);
    }

    /// @dev `count` payments one hour apart, then one more hour: every slot a payment writes is non-zero.
    function _warmPayments(bytes32 target, address token, uint256 count) internal {
        uint256 amount = token == address(usd) ? 1_000e6 : 1 ether;
        for (uint256 i; i < count; ++i) {
            _pay(target, keccak256(abi.encode("warm", token, block.timestamp, i)), payer, token, amount);
            vm.warp(block.timestamp + 1 hours);
        }
    }

    function _measurePay(bytes32 target, address token, string memory label)
        internal
        returns (uint256 execution, uint256 txGas)
    {
        uint256 amount = token == address(usd) ? 1_000e6 : 1 ether;
        IRevenueDistributor.ServiceReceipt memory receipt =
            _receipt(target, keccak256(abi.encode("measured", block.timestamp)), payer, token, amount);
        bytes memory signature = _sign(signerKey, receipt);
        _fund(payer, token, amount * 2); // the payer keeps a non-zero balance
        bytes memory data = abi.encodeCall(distributor.pay, (receipt, signature));
        uint256 value = token == ETH ? amount : 0;
        _coolAll();
        vm.prank(payer, payer);
        vm.resumeGasMetering();
        distributor.pay{value: value}(receipt, signature);
        vm.pauseGasMetering();
        return _report(label, data, token == address(usd) ? PAY_GOAL : NO_GOAL);
    }

    function _measureCollaborative(string memory label) internal returns (uint256 execution, uint256 txGas) {
        uint256 count = runeSet.length;
        uint16[] memory weights = new uint16[](count);
        for (uint256 i; i < count; ++i) {
            weights[i] = uint16(10_000 / count);
        }
        weights[0] += uint16(10_000 - (10_000 / count) * count);
        IRevenueDistributor.CollaborativeReceipt memory receipt = IRevenueDistributor.CollaborativeReceipt({
            serviceId: "collab-measured",
            runes: runeSet,
            weightsBps: weights,
            payer: payer,
            token: address(usd),
            amount: 1_000e6,
            deadline: uint64(block.timestamp + 1 hours)
        });
        bytes memory signature = _signCollaborative(signerKey, receipt);
        bytes[] memory signatures = new bytes[](count);
        for (uint256 i; i < count; ++i) {
            signatures[i] = signature;
        }
        _fund(payer, address(usd), 2_000e6);
        bytes memory data = abi.encodeCall(distributor.payCollaborative, (receipt, signatures));
        _coolAll();
        vm.prank(payer, payer);
        vm.resumeGasMetering();
        distributor.payCollaborative(receipt, signatures);
        vm.pauseGasMetering();
        return _report(label, data, NO_GOAL);
    }

    function _measureStake(address account, string memory label)
        internal
        returns (uint256 execution, uint256 txGas)
    {
        bytes memory data = abi.encodeCall(distributor.stake, (rune, 100 ether));
        _coolAll();
        vm.prank(account, account);
        vm.resumeGasMetering();
        distributor.stake(rune, 100 ether);
        vm.pauseGasMetering();
        (execution, txGas) = _report(label, data, NO_GOAL);
    }

    function _measureClaim(
        address account,
        bytes32[] memory runeList,
        address[] memory tokenList,
        string memory label
    ) internal returns (uint256 execution, uint256 txGas) {
        bytes memory data = abi.encodeCall(distributor.claim, (runeList, tokenList));
        _coolAll();
        vm.prank(account, account);
        vm.resumeGasMetering();
        distributor.claim(runeList, tokenList);
        vm.pauseGasMetering();
        (execution, txGas) = _report(label, data, runeList.length == 1 ? CLAIM_GOAL : CLAIM_ALL_GOAL);
    }

    /// @dev A new transaction: no address or slot is warm.
    function _coolAll() internal {
        vm.cool(address(distributor));
        vm.cool(address(registry));
        vm.cool(address(usd));
        vm.cool(address(aurunes));
    }

    /// @dev The benchmark runs isolated (see the contract's forge-config): every external call of the test is its
    /// own transaction, so `lastCallGas` is what the measured transaction used (21,000 + calldata + execution,
    /// refunds applied), with original storage values as a real transaction sees them (without isolation, slots
    /// the test's own set-up wrote would look "dirty" and SSTOREs would be priced several thousand gas too low).
    function _report(string memory label, bytes memory data, uint256 goal)
        internal
        view
        returns (uint256 execution, uint256 txGas)
    {
        Vm.Gas memory gas = vm.lastCallGas();
        txGas = gas.gasTotalUsed;
        uint256 calldataGas = _calldataGas(data);
        execution = txGas - 21_000 - calldataGas;
        console.log(label);
        console.log("  tx gas:     ", txGas);
        console.log("  calldata:   ", calldataGas);
        console.log("  execution:  ", execution);
        if (goal != NO_GOAL) console.log(txGas <= goal ? "  goal (tx gas) met:" : "  goal (tx gas) MISSED:", goal);
    }

    function _calldataGas(bytes memory data) internal pure returns (uint256 total) {
        for (uint256 i; i < data.length; ++i) {
            total += data[i] == 0 ? 4 : 16;
        }
    }
}
