// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IRuneRegistry} from "../interfaces/IRuneRegistry.sol";

/// @title SplitMath
/// @notice Exact division of an amount by basis points. Every function returns parts that sum to the
/// input: rounding remainders are placed explicitly, never lost.
library SplitMath {
    /// @notice Basis points in a whole.
    uint256 internal constant BPS = 10_000;

    /// @notice Splits `amount` into developer, infra and stakers parts.
    /// @dev dev and infra round down; stakers take the rest, so the sum is exact by construction.
    function split(uint256 amount, IRuneRegistry.Split memory terms)
        internal
        pure
        returns (uint256 developerPart, uint256 infraPart, uint256 stakersPart)
    {
        developerPart = amount * terms.developerBps / BPS;
        infraPart = amount * terms.infraBps / BPS;
        // developerBps + infraBps <= BPS (validated at registration), so the subtraction cannot underflow.
        stakersPart = amount - developerPart - infraPart;
    }

    /// @notice Divides `amount` by `weightsBps` (summing to BPS); the remainder goes to index 0.
    function byWeights(uint256 amount, uint16[] memory weightsBps) internal pure returns (uint256[] memory parts) {
        uint256 count = weightsBps.length;
        parts = new uint256[](count);
        uint256 assigned;
        for (uint256 i; i < count; ++i) {
            parts[i] = amount * weightsBps[i] / BPS;
            assigned += parts[i];
        }
        // Weights sum to BPS, so assigned <= amount.
        parts[0] += amount - assigned;
    }

    /// @notice Divides `amount` among infra recipients by weight; the remainder goes to the first one.
    function byInfraWeights(uint256 amount, IRuneRegistry.InfraShare[] memory infra)
        internal
        pure
        returns (uint256[] memory parts)
    {
        uint256 count = infra.length;
        parts = new uint256[](count);
        uint256 assigned;
        for (uint256 i; i < count; ++i) {
            parts[i] = amount * infra[i].weightBps / BPS;
            assigned += parts[i];
        }
        // Weights sum to BPS, so assigned <= amount.
        parts[0] += amount - assigned;
    }
}
