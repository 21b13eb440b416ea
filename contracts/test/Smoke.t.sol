// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AuroruneTest} from "./utils/AuroruneTest.sol";

contract SmokeTest is AuroruneTest {
    function test_payStakeClaim_EndToEnd() public {
        bytes32 rune = _registerDefault();
        _stake(alice, rune, 100 ether);
        _pay(rune, "s1", payer, address(usd), 1_000e6);
        assertEq(distributor.developerBalanceOf(rune, address(usd)), 500e6);
        assertEq(distributor.infraBalanceOf(infraA, address(usd)), 120e6);
        assertEq(distributor.infraBalanceOf(infraB, address(usd)), 80e6);
        skip(7 days);
        assertEq(distributor.pendingRewards(rune, alice, address(usd)), 300e6);
        vm.prank(alice);
        distributor.claim(_runes(rune), _tokens(address(usd)));
        assertEq(usd.balanceOf(alice), 300e6);
    }
}
