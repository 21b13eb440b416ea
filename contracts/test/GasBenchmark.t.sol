// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {console} from "forge-std/console.sol";
import {Vm} from "forge-std/Vm.sol";
import {AuroruneTest} from "./utils/AuroruneTest.sol";
import {IRevenueDistributor} from "../src/interfaces/IRevenueDistributor.sol";

/// @notice Gas of the hot paths, measured as a user's transaction would pay it.
/// @dev Each test prepares its state with gas metering paused, marks every contract cold again (`vm.cool`: a new
/// transaction starts with no warm addresses or slots) and measures one call, so `forge snapshot --match-contract
/// GasBenchmark` gives one readable line per action. "Warm" below means the storage the action writes is already
/// non-zero (a previous payment in the same token happened), not EIP-2929 warmth.
/// The in-call figure is `vm.lastCallGas()` (callee side: no 21,000 base, no calldata, no cold access of the
/// distributor address, which a real transaction gets for free as its `to`). The transaction estimate adds the
/// base cost and EIP-2028 calldata cost and subtracts the capped refund (EIP-3529: at most a fifth).
contract GasBenchmark is AuroruneTest {
    /// @notice Goals (transaction gas, the figure a wallet shows).
    uint256 internal constant PAY_GOAL = 130_000;
    uint256 internal constant STAKE_GOAL = 100_000;
    uint256 internal constant CLAIM_GOAL = 60_000;

    bytes32 internal rune;

    function setUp() public override {
        super.setUp();
        rune = _registerDefault(); // 50 / 20 (2 infra recipients) / 30
    }

    // =============================================================================================
    // pay
    // =============================================================================================

    /// @notice (b) pay in tUSD, 2 infra recipients, 1 staker, stream running: the common case.
    function test_gas_pay_Usd2Infra_Warm() public {
        vm.pauseGasMetering();
        this.prepareStakers(rune, 1);
        this.preparePayments(rune, address(usd), 2);
        _measurePay(rune, address(usd), "pay tUSD, 2 infra, 1 staker, warm");
    }

    /// @notice (a) the same with 1,000 stakers: the accumulator makes it cost the same.
    function test_gas_pay_Usd2Infra_1000Stakers_Warm() public {
        vm.pauseGasMetering();
        this.prepareStakers(rune, 1_000);
        this.preparePayments(rune, address(usd), 2);
        _measurePay(rune, address(usd), "pay tUSD, 2 infra, 1000 stakers, warm");
    }

    /// @notice (a) one rune, measured with 1 staker, then again after 999 more stakers joined: equal gas.
    function test_gas_pay_SameGasWith1And1000Stakers() public {
        vm.pauseGasMetering();
        this.prepareStakers(rune, 1);
        this.preparePayments(rune, address(usd), 2);
        (uint256 oneStaker,) = _measurePay(rune, address(usd), "pay, same rune, 1 staker");

        vm.pauseGasMetering();
        this.prepareStakers(rune, 1_000); // 999 more
        assertEq(distributor.stakerCountOf(rune), 1_000);
        this.preparePayments(rune, address(usd), 1);
        (uint256 thousandStakers,) = _measurePay(rune, address(usd), "pay, same rune, 1000 stakers");

        assertEq(thousandStakers, oneStaker, "pay gas must not depend on the number of stakers");
    }

    /// @notice For reference: pay in ETH, 2 infra recipients, 1 staker, warm.
    function test_gas_pay_Eth2Infra_Warm() public {
        vm.pauseGasMetering();
        this.prepareStakers(rune, 1);
        this.preparePayments(rune, ETH, 2);
        _measurePay(rune, ETH, "pay ETH, 2 infra, 1 staker, warm");
    }

    /// @notice For reference: pay in tUSD to a rune nobody stakes on (stakers part to the developer, no stream).
    function test_gas_pay_Usd2Infra_NoStakers_Warm() public {
        vm.pauseGasMetering();
        this.preparePayments(rune, address(usd), 2);
        _measurePay(rune, address(usd), "pay tUSD, 2 infra, no stakers, warm");
    }

    // =============================================================================================
    // stake
    // =============================================================================================

    /// @notice (c) add to an existing position on a rune with 1 payment token streaming. Steady state: the
    /// position was already settled since the stream began and holds unclaimed rewards (both accrual slots
    /// non-zero).
    function test_gas_stake_AddToPosition_1TokenStreaming() public {
        vm.pauseGasMetering();
        this.prepareStakers(rune, 1);
        this.preparePayments(rune, address(usd), 2);
        _topUp(_staker(0));
        this.preparePayments(rune, address(usd), 1);
        (, uint256 txGas) = _measureStake(_staker(0), "stake, add to position, 1 token streaming");
        assertLe(txGas, STAKE_GOAL, "stake goal");
    }

    /// @notice (c) the same on a rune with 3 payment tokens streaming (ETH, AURUNES, tUSD).
    function test_gas_stake_AddToPosition_3TokensStreaming() public {
        vm.pauseGasMetering();
        this.prepareStakers(rune, 1);
        this.preparePayments(rune, ETH, 2);
        this.preparePayments(rune, address(aurunes), 2);
        this.preparePayments(rune, address(usd), 2);
        _topUp(_staker(0));
        this.preparePayments(rune, address(usd), 1);
        _measureStake(_staker(0), "stake, add to position, 3 tokens streaming");
    }

    /// @notice (c) variant: the staker claimed everything before adding (its unclaimed slot goes 0 -> x).
    function test_gas_stake_AddToPosition_1TokenStreaming_AfterClaim() public {
        vm.pauseGasMetering();
        this.prepareStakers(rune, 1);
        this.preparePayments(rune, address(usd), 2);
        vm.prank(_staker(0));
        distributor.claim(_runes(rune), _tokens(address(usd)));
        this.preparePayments(rune, address(usd), 1);
        _measureStake(_staker(0), "stake, add to position after a claim, 1 token streaming");
    }

    /// @notice (c) variant: first top-up since the token began streaming (both accrual slots go 0 -> x).
    function test_gas_stake_AddToPosition_1TokenStreaming_NeverSettled() public {
        vm.pauseGasMetering();
        this.prepareStakers(rune, 1);
        this.preparePayments(rune, address(usd), 2);
        _measureStake(_staker(0), "stake, add to position never settled, 1 token streaming");
    }

    /// @notice (c) an account's first-ever stake (new position, new list entry), 1 token streaming.
    function test_gas_stake_FirstEver_1TokenStreaming() public {
        vm.pauseGasMetering();
        this.prepareStakers(rune, 1);
        this.preparePayments(rune, address(usd), 2);
        address newcomer = makeAddr("newcomer");
        _giveAurunes(newcomer, 1_000 ether);
        _measureStake(newcomer, "stake, first ever, 1 token streaming");
    }

    // =============================================================================================
    // claim
    // =============================================================================================

    /// @notice (d) claim one rune, one token (tUSD), by a staker who claimed before.
    function test_gas_claim_OneRuneOneToken() public {
        vm.pauseGasMetering();
        this.prepareStakers(rune, 1);
        this.preparePayments(rune, address(usd), 2);
        address account = _staker(0);
        vm.prank(account);
        distributor.claim(_runes(rune), _tokens(address(usd))); // an earlier claim: balances non-zero
        vm.warp(block.timestamp + 1 days);
        _measureClaim(account, "claim, 1 rune, 1 token (tUSD), claimed before");
    }

    /// @notice (d) the same, first claim ever (the unclaimed slot goes 0 -> x -> 0 within the call).
    function test_gas_claim_OneRuneOneToken_First() public {
        vm.pauseGasMetering();
        this.prepareStakers(rune, 1);
        this.preparePayments(rune, address(usd), 2);
        vm.warp(block.timestamp + 1 days);
        _measureClaim(_staker(0), "claim, 1 rune, 1 token (tUSD), first claim");
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
        returns (uint256 inCall, uint256 txGas)
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
        return _report(label, data, PAY_GOAL);
    }

    function _measureStake(address account, string memory label)
        internal
        returns (uint256 inCall, uint256 txGas)
    {
        bytes memory data = abi.encodeCall(distributor.stake, (rune, 100 ether));
        _coolAll();
        vm.prank(account, account);
        vm.resumeGasMetering();
        distributor.stake(rune, 100 ether);
        vm.pauseGasMetering();
        (inCall, txGas) = _report(label, data, STAKE_GOAL);
    }

    function _measureClaim(address account, string memory label)
        internal
        returns (uint256 inCall, uint256 txGas)
    {
        bytes32[] memory runeList = _runes(rune);
        address[] memory tokenList = _tokens(address(usd));
        bytes memory data = abi.encodeCall(distributor.claim, (runeList, tokenList));
        _coolAll();
        vm.prank(account, account);
        vm.resumeGasMetering();
        distributor.claim(runeList, tokenList);
        vm.pauseGasMetering();
        (inCall, txGas) = _report(label, data, CLAIM_GOAL);
    }

    /// @dev A new transaction: no address or slot is warm.
    function _coolAll() internal {
        vm.cool(address(distributor));
        vm.cool(address(registry));
        vm.cool(address(usd));
        vm.cool(address(aurunes));
    }

    function _report(string memory label, bytes memory data, uint256 goal)
        internal
        view
        returns (uint256 inCall, uint256 txGas)
    {
        Vm.Gas memory gas = vm.lastCallGas();
        inCall = gas.gasTotalUsed;
        uint256 calldataGas = _calldataGas(data);
        uint256 gross = 21_000 + calldataGas + inCall;
        uint256 refund = gas.gasRefunded > 0 ? uint256(int256(gas.gasRefunded)) : 0;
        uint256 cap = gross / 5;
        txGas = gross - (refund < cap ? refund : cap);
        console.log(label);
        console.log("  in-call gas:", inCall);
        console.log("  refund:     ", refund);
        console.log("  calldata:   ", calldataGas);
        console.log("  est. tx gas:", txGas);
        console.log(txGas <= goal ? "  goal (tx gas) met:" : "  goal (tx gas) MISSED:", goal);
    }

    function _calldataGas(bytes memory data) internal pure returns (uint256 total) {
        for (uint256 i; i < data.length; ++i) {
            total += data[i] == 0 ? 4 : 16;
        }
    }
}
