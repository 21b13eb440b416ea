// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title Multicall3
/// @notice Batches read calls for local chains, where the canonical Multicall3 is not deployed. Implements the
/// `aggregate3` and `getCurrentBlockTimestamp` parts of the Multicall3 interface that viem uses.
contract Multicall3 {
    struct Call3 {
        address target;
        bool allowFailure;
        bytes callData;
    }

    struct Result {
        bool success;
        bytes returnData;
    }

    /// @notice A call that was not allowed to fail failed.
    error Multicall3CallFailed(uint256 index);

    /// @notice Runs calls in order and returns each result.
    /// @param calls The calls.
    /// @return results Success flag and return data per call.
    function aggregate3(Call3[] calldata calls) external payable returns (Result[] memory results) {
        results = new Result[](calls.length);
        for (uint256 i; i < calls.length; ++i) {
            // Arbitrary call by design: this contract holds no funds and no permissions.
            (bool success, bytes memory returnData) = calls[i].target.call(calls[i].callData);
            if (!success && !calls[i].allowFailure) revert Multicall3CallFailed(i);
            results[i] = Result(success, returnData);
        }
    }

    /// @notice The current block timestamp.
    /// @return timestamp block.timestamp.
    function getCurrentBlockTimestamp() external view returns (uint256 timestamp) {
        timestamp = block.timestamp;
    }
}
