// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {AggregatorV3Interface} from "../interfaces/AggregatorV3Interface.sol";

/// @title DevPriceFeed
/// @notice A Chainlink-shaped price feed for the local chain and tests: the owner writes each answer, which opens
/// a new round stamped with the block's time. Not for production: one key decides the price.
/// @dev Any answer is accepted, zero and negative included, so that readers' own checks can be exercised against
/// it; a real aggregator would never publish those.
contract DevPriceFeed is AggregatorV3Interface, Ownable {
    /// @notice One written answer.
    struct Round {
        int256 answer;
        uint64 updatedAt;
    }

    /// @notice Most decimals a feed may declare (Chainlink's pairs use 8 or 18).
    uint8 public constant MAX_DECIMALS = 18;

    /// @notice Emitted for every answer written, with the same arguments as Chainlink's `AnswerUpdated`.
    /// @param current The new answer.
    /// @param roundId The round it opened.
    /// @param updatedAt The block time it was written at.
    event AnswerUpdated(int256 indexed current, uint256 indexed roundId, uint256 updatedAt);

    /// @notice `decimals_` is above {MAX_DECIMALS}.
    /// @param decimals The refused value.
    error DevPriceFeedDecimalsTooLarge(uint8 decimals);

    /// @notice No answer has been written yet, so there is no latest round.
    error DevPriceFeedNoData();

    /// @notice The requested round was never written (0, or beyond the latest).
    /// @param roundId The round asked for.
    error DevPriceFeedRoundNotFound(uint80 roundId);

    // =============================================================================================
    // State
    // =============================================================================================

    uint8 private immutable _decimals;
    string private _description;
    uint80 private _latestRoundId;
    mapping(uint80 roundId => Round) private _rounds;

    // =============================================================================================
    // Constructor
    // =============================================================================================

    /// @param owner_ May write answers.
    /// @param decimals_ Decimals of every answer (at most {MAX_DECIMALS}).
    /// @param description_ What is priced, e.g. "ETH / USD".
    constructor(address owner_, uint8 decimals_, string memory description_) Ownable(owner_) {
        if (decimals_ > MAX_DECIMALS) revert DevPriceFeedDecimalsTooLarge(decimals_);
        _decimals = decimals_;
        _description = description_;
    }

    // =============================================================================================
    // Views
    // =============================================================================================

    /// @inheritdoc AggregatorV3Interface
    function decimals() external view returns (uint8) {
        return _decimals;
    }

    /// @inheritdoc AggregatorV3Interface
    function description() external view returns (string memory) {
        return _description;
    }

    /// @inheritdoc AggregatorV3Interface
    /// @dev 4, the version of Chainlink's current (OCR) aggregators, whose reads this contract mirrors.
    function version() external pure returns (uint256) {
        return 4;
    }

    /// @inheritdoc AggregatorV3Interface
    /// @dev Reverts with {DevPriceFeedRoundNotFound} for a round never written.
    function getRoundData(uint80 requestedRoundId)
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
    {
        if (requestedRoundId == 0 || requestedRoundId > _latestRoundId) {
            revert DevPriceFeedRoundNotFound(requestedRoundId);
        }
        return _roundData(requestedRoundId);
    }

    /// @inheritdoc AggregatorV3Interface
    /// @dev Reverts with {DevPriceFeedNoData} before the first answer.
    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
    {
        if (_latestRoundId == 0) revert DevPriceFeedNoData();
        return _roundData(_latestRoundId);
    }

    // =============================================================================================
    // Restricted
    // =============================================================================================

    /// @notice Writes a new answer in a new round, stamped with this block's time.
    /// @param answer The price, with {decimals} decimals.
    /// @return roundId The round opened (1 for the first answer, then consecutive).
    function setAnswer(int256 answer) external onlyOwner returns (uint80 roundId) {
        roundId = _latestRoundId + 1;
        _latestRoundId = roundId;
        // uint64 holds block times for billions of years.
        _rounds[roundId] = Round({answer: answer, updatedAt: uint64(block.timestamp)});
        emit AnswerUpdated(answer, roundId, block.timestamp);
    }

    // =============================================================================================
    // Internal
    // =============================================================================================

    /// @dev One round in the interface's layout: a written answer starts and completes in the same block.
    function _roundData(uint80 roundId) private view returns (uint80, int256, uint256, uint256, uint80) {
        Round storage round = _rounds[roundId];
        return (roundId, round.answer, round.updatedAt, round.updatedAt, roundId);
    }
}
