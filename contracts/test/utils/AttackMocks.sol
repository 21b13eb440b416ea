// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IRevenueDistributor} from "../../src/interfaces/IRevenueDistributor.sol";

/// @notice Callback an ERC-777-style token makes to a registered account on every transfer it is part of.
interface ITransferHook {
    function onTokenTransfer(address from, address to, uint256 amount) external;
}

/// @notice An ERC-20 with transfer hooks (the ERC-777 hazard): every transfer from or to a registered account
/// calls that account back in the middle of the transfer, after balances moved. Used as an allow-listed payment
/// token and as a staking token to attack the distributor's reentrancy guard.
contract HookedToken is ERC20 {
    mapping(address account => bool) public hooked;

    constructor() ERC20("Hooked Token", "HOOK") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function setHooked(address account, bool on) external {
        hooked[account] = on;
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        // Test token: the callee is the attacker under test; its revert data bubbles up unchanged.
        if (from != address(0) && hooked[from]) ITransferHook(from).onTokenTransfer(from, to, value);
        if (to != address(0) && hooked[to]) ITransferHook(to).onTokenTransfer(from, to, value);
    }
}

/// @notice An ERC-20 that burns 1% of every transfer between accounts (fee-on-transfer).
contract FeeOnTransferToken is ERC20 {
    uint256 public constant FEE_BPS = 100;

    constructor() ERC20("Fee Token", "FEE") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function _update(address from, address to, uint256 value) internal override {
        if (from == address(0) || to == address(0)) return super._update(from, to, value);
        uint256 fee = value * FEE_BPS / 10_000;
        super._update(from, address(0), fee);
        super._update(from, to, value - fee);
    }
}

/// @notice An attacker contract: stakes, pays and claims like any account, and when a token hook or an ETH
/// transfer reaches it, re-enters `target` with `reentryData`.
/// @dev `Bubble` re-raises the reentrant call's revert (so the outer call fails with the guard's error);
/// `Swallow` records it and lets the outer call finish (so the test can check nothing was paid twice).
contract ReentrancyAttacker is ITransferHook {
    enum Mode {
        Off,
        Bubble,
        Swallow
    }

    address public target;
    bytes public reentryData;
    Mode public mode;
    bool private _inAttack;
    uint256 public attempts;
    uint256 public reentrySuccesses;
    bytes public lastRevertData;

    /// @notice Arms (or disarms, with `Mode.Off`) the attack.
    function arm(Mode mode_, address target_, bytes calldata reentryData_) external {
        mode = mode_;
        target = target_;
        reentryData = reentryData_;
        delete lastRevertData;
        attempts = 0;
        reentrySuccesses = 0;
    }

    function onTokenTransfer(address, address, uint256) external {
        _attack();
    }

    receive() external payable {
        _attack();
    }

    function _attack() private {
        if (mode == Mode.Off || _inAttack) return;
        _inAttack = true;
        attempts += 1;
        // The reentrant call under test: it must be refused by the target's reentrancy guard.
        (bool ok, bytes memory returndata) = target.call(reentryData);
        _inAttack = false;
        if (ok) {
            reentrySuccesses += 1;
            return;
        }
        if (mode == Mode.Bubble) {
            assembly ("memory-safe") {
                revert(add(returndata, 0x20), mload(returndata))
            }
        }
        lastRevertData = returndata;
    }
}

/// @notice An ERC-1271 rune signer whose admin can revoke it: after `revoke`, no signature is accepted, even one
/// its key produced before.
contract RevocableSigner is IERC1271 {
    address public immutable key;
    address public immutable admin;
    bool public revoked;

    error RevocableSignerNotAdmin(address caller);

    constructor(address key_, address admin_) {
        key = key_;
        admin = admin_;
    }

    function revoke() external {
        if (msg.sender != admin) revert RevocableSignerNotAdmin(msg.sender);
        revoked = true;
    }

    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        if (revoked) return 0xffffffff;
        (address recovered, ECDSA.RecoverError err,) = ECDSA.tryRecover(hash, signature);
        if (err == ECDSA.RecoverError.NoError && recovered == key) return IERC1271.isValidSignature.selector;
        return 0xffffffff;
    }
}

/// @notice An infra recipient contract that can neither receive ETH nor make arbitrary calls (a bare vault).
contract EthRejectingRecipient {}

/// @notice An infra recipient contract that forwards its balance with `claimInfraTo` to a fixed beneficiary (a
/// typical claim-and-forward helper) and has no function that moves tokens it holds. It opts out of `pushInfra` when
/// deployed, since a push would strand tokens in it (contracts v2 review).
contract InfraForwarder {
    address public immutable beneficiary;

    constructor(IRevenueDistributor distributor, address beneficiary_) {
        beneficiary = beneficiary_;
        distributor.setInfraPushAllowed(false);
    }

    function forward(IRevenueDistributor distributor, address[] calldata tokens) external {
        distributor.claimInfraTo(tokens, beneficiary);
    }
}

/// @notice A pooled-staking vault: it stakes for its depositors and can veto, nothing else (no arbitrary calls, so it
/// cannot cancel a proposal or rotate a signer if a rune NFT is pushed onto it).
contract StakingVault {
    function stake(IRevenueDistributor distributor, IERC20 token, bytes32 rune, uint256 amount) external {
        token.approve(address(distributor), amount);
        distributor.stake(rune, amount);
    }

    function veto(IRevenueDistributor distributor, bytes32 rune) external {
        distributor.vetoSplitProposal(rune);
    }
}
