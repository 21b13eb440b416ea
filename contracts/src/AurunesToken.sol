// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

/// @title AurunesToken
/// @notice AURUNES: the staking token of Aurorune, also accepted as payment. Fixed supply minted once.
contract AurunesToken is ERC20, ERC20Permit {
    /// @param initialHolder Receives the whole supply.
    /// @param supply Total supply in wei (18 decimals).
    constructor(address initialHolder, uint256 supply) ERC20("Aurunes", "AURUNES") ERC20Permit("Aurunes") {
        _mint(initialHolder, supply);
    }
}
