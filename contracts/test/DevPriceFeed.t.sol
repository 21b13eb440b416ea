// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {DevPriceFeed} from "../src/dev/DevPriceFeed.sol";
import {AggregatorV3Interface} from "../src/interfaces/AggregatorV3Interface.sol";

/// @notice Unit tests of DevPriceFeed: the AggregatorV3Interface reads, owner-written rounds stamped with the block
/// time, and its refusals.
contract DevPriceFeedTest is Test {
    event AnswerUpdated(int256 indexed current, uint256 indexed roundId, uint256 updatedAt);

    address internal owner = makeAddr("owner");
    address internal stranger = makeAddr("stranger");
    DevPriceFeed internal feed;

    function setUp() public {
        vm.warp(1_700_000_000);
        feed = new DevPriceFeed(owner, 8, "ETH / USD");
    }

    function test_metadata() public view {
        assertEq(feed.decimals(), 8);
        assertEq(feed.description(), "ETH / USD");
        assertEq(feed.version(), 4);
    }

    function test_setAnswer_OpensConsecutiveRoundsStampedWithBlockTime() public {
        vm.prank(owner);
        assertEq(feed.setAnswer(3_200e8), 1);
        vm.warp(1_700_003_600);
        vm.prank(owner);
        assertEq(feed.setAnswer(3_150e8), 2);

        (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound) =
            feed.latestRoundData();
        assertEq(roundId, 2);
        assertEq(answer, 3_150e8);
        assertEq(startedAt, 1_700_003_600);
        assertEq(updatedAt, 1_700_003_600);
        assertEq(answeredInRound, 2);

        (roundId, answer,, updatedAt, answeredInRound) = feed.getRoundData(1);
        assertEq(roundId, 1);
        assertEq(answer, 3_200e8);
        assertEq(updatedAt, 1_700_000_000);
        assertEq(answeredInRound, 1);
    }

    function test_setAnswer_EmitsAnswerUpdated() public {
        vm.expectEmit(address(feed));
        emit AnswerUpdated(85e6, 1, block.timestamp);
        vm.prank(owner);
        feed.setAnswer(85e6);
    }

    /// Readers must be able to meet answers a real feed would never give, to test their own checks.
    function test_setAnswer_AcceptsZeroAndNegative() public {
        vm.startPrank(owner);
        feed.setAnswer(0);
        (, int256 answer,,,) = feed.latestRoundData();
        assertEq(answer, 0);
        feed.setAnswer(-1);
        (, answer,,,) = feed.latestRoundData();
        assertEq(answer, -1);
        vm.stopPrank();
    }

    function test_setAnswer_RevertWhen_NotOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        feed.setAnswer(1e8);
    }

    function test_latestRoundData_RevertWhen_NoAnswerYet() public {
        vm.expectRevert(DevPriceFeed.DevPriceFeedNoData.selector);
        feed.latestRoundData();
    }

    function test_getRoundData_RevertWhen_RoundNotWritten() public {
        vm.expectRevert(abi.encodeWithSelector(DevPriceFeed.DevPriceFeedRoundNotFound.selector, uint80(0)));
        feed.getRoundData(0);
        vm.prank(owner);
        feed.setAnswer(1e8);
        vm.expectRevert(abi.encodeWithSelector(DevPriceFeed.DevPriceFeedRoundNotFound.selector, uint80(2)));
        feed.getRoundData(2);
    }

    function test_constructor_RevertWhen_DecimalsTooLarge() public {
        vm.expectRevert(abi.encodeWithSelector(DevPriceFeed.DevPriceFeedDecimalsTooLarge.selector, uint8(19)));
        new DevPriceFeed(owner, 19, "too precise");
    }

    function testFuzz_setAnswer_LatestIsLastWritten(int256[] calldata answers) public {
        vm.assume(answers.length > 0 && answers.length < 50);
        vm.startPrank(owner);
        for (uint256 i = 0; i < answers.length; i++) {
            vm.warp(block.timestamp + 1);
            feed.setAnswer(answers[i]);
        }
        vm.stopPrank();
        (uint80 roundId, int256 answer,, uint256 updatedAt,) = feed.latestRoundData();
        assertEq(roundId, answers.length);
        assertEq(answer, answers[answers.length - 1]);
        assertEq(updatedAt, block.timestamp);
        (, int256 first,,,) = feed.getRoundData(1);
        assertEq(first, answers[0]);
    }

    /// The feed answers through the interface the app's ABI is generated from.
    function test_readThroughInterface() public {
        vm.prank(owner);
        feed.setAnswer(1e8);
        (, int256 answer,,,) = AggregatorV3Interface(address(feed)).latestRoundData();
        assertEq(answer, 1e8);
    }
}
