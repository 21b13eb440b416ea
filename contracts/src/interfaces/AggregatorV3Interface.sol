// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title AggregatorV3Interface
/// @notice The read interface of a Chainlink-style price feed, as the app reads it on every network: the real
/// feeds on public chains, {DevPriceFeed} on the local chain. Written from the published function list (same
/// selectors and return layout), not copied.
/// @dev A reader must check what it gets back: `answer > 0`, `updatedAt` set and not in the future, not older
/// than the feed's heartbeat allows, and `answeredInRound >= roundId` on feeds that still fill it in.
interface AggregatorV3Interface {
    /// @notice Number of decimals of `answer` (8 for the USD pairs of Chainlink).
    /// @return The decimals of every answer of this feed.
    function decimals() external view returns (uint8);

    /// @notice What the feed prices, e.g. "ETH / USD".
    /// @return A human-readable description of the pair.
    function description() external view returns (string memory);

    /// @notice Version of the aggregator behind the feed.
    /// @return The aggregator version number.
    function version() external view returns (uint256);

    /// @notice The data of one round.
    /// @param requestedRoundId The round to read.
    /// @return roundId The round read.
    /// @return answer The price, with {decimals} decimals.
    /// @return startedAt When the round started (seconds).
    /// @return updatedAt When the answer was last written (seconds); 0 if the round is not complete.
    /// @return answeredInRound The round in which the answer was computed (deprecated upstream; equals roundId).
    function getRoundData(uint80 requestedRoundId)
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound);

    /// @notice The data of the latest round.
    /// @return roundId The latest round.
    /// @return answer The price, with {decimals} decimals.
    /// @return startedAt When the round started (seconds).
    /// @return updatedAt When the answer was last written (seconds).
    /// @return answeredInRound The round in which the answer was computed (deprecated upstream; equals roundId).
    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound);
}
