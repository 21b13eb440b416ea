// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";
import {AurunesToken} from "../../src/AurunesToken.sol";
import {RuneRegistry} from "../../src/RuneRegistry.sol";
import {RevenueDistributor} from "../../src/RevenueDistributor.sol";
import {TestStablecoin} from "../../src/dev/TestStablecoin.sol";
import {IRuneRegistry} from "../../src/interfaces/IRuneRegistry.sol";
import {IRevenueDistributor} from "../../src/interfaces/IRevenueDistributor.sol";

/// @notice Shared deployment and helpers for every contract test: one governor, AURUNES, a 6-decimal
/// stablecoin, the registry and the distributor wired together, ETH + AURUNES + tUSD allowed.
abstract contract AuroruneTest is Test {
    address internal constant ETH = address(0);
    uint48 internal constant RULE_DELAY = 7 days;
    uint48 internal constant REWARD_WINDOW = 7 days;
    uint48 internal constant UNBONDING_PERIOD = 7 days;
    uint256 internal constant AURUNES_SUPPLY = 1_000_000_000 ether;

    address internal governor = makeAddr("governor");
    address internal developer = makeAddr("developer");
    address internal infraA = makeAddr("infraA");
    address internal infraB = makeAddr("infraB");
    address internal payer = makeAddr("payer");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    uint256 internal signerKey = 0xA11CE5;
    address internal signer = vm.addr(0xA11CE5);

    AurunesToken internal aurunes;
    TestStablecoin internal usd;
    RuneRegistry internal registry;
    RevenueDistributor internal distributor;

    function setUp() public virtual {
        vm.warp(1_750_000_000);
        aurunes = new AurunesToken(governor, AURUNES_SUPPLY);
        usd = new TestStablecoin(governor);
        registry = new RuneRegistry(governor, RULE_DELAY, 1_000);
        distributor = new RevenueDistributor(registry, aurunes, governor, REWARD_WINDOW, UNBONDING_PERIOD);
        vm.startPrank(governor);
        registry.setStakeLedger(address(distributor));
        distributor.setTokenAllowed(ETH, true);
        distributor.setTokenAllowed(address(aurunes), true);
        distributor.setTokenAllowed(address(usd), true);
        vm.stopPrank();
    }

    // ----- registration -----

    function _split(uint16 developerBps, uint16 infraBps, uint16 stakersBps)
        internal
        pure
        returns (IRuneRegistry.Split memory)
    {
        return IRuneRegistry.Split({developerBps: developerBps, infraBps: infraBps, stakersBps: stakersBps});
    }

    /// @dev 50% developer / 20% infra (infraA 60%, infraB 40%) / 30% stakers, signed by `signerKey`.
    function _registerDefault() internal returns (bytes32 rune) {
        address[] memory recipients = new address[](2);
        recipients[0] = infraA;
        recipients[1] = infraB;
        uint16[] memory weights = new uint16[](2);
        weights[0] = 6_000;
        weights[1] = 4_000;
        return _register(developer, bytes32("default"), signer, _split(5_000, 2_000, 3_000), recipients, weights);
    }

    function _register(
        address owner,
        bytes32 salt,
        address runeSigner,
        IRuneRegistry.Split memory split,
        address[] memory recipients,
        uint16[] memory weights
    ) internal returns (bytes32 rune) {
        vm.prank(owner);
        rune = registry.registerAgent(salt, runeSigner, "ipfs://agent.json", split, recipients, weights);
    }

    // ----- receipts -----

    function _receipt(bytes32 rune, bytes32 serviceId, address receiptPayer, address token, uint256 amount)
        internal
        view
        returns (IRevenueDistributor.ServiceReceipt memory)
    {
        return IRevenueDistributor.ServiceReceipt({
            rune: rune,
            serviceId: serviceId,
            payer: receiptPayer,
            token: token,
            amount: amount,
            deadline: uint64(block.timestamp + 1 hours)
        });
    }

    function _sign(uint256 key, IRevenueDistributor.ServiceReceipt memory receipt)
        internal
        view
        returns (bytes memory)
    {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, distributor.hashServiceReceipt(receipt));
        return abi.encodePacked(r, s, v);
    }

    function _signCollaborative(uint256 key, IRevenueDistributor.CollaborativeReceipt memory receipt)
        internal
        view
        returns (bytes memory)
    {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, distributor.hashCollaborativeReceipt(receipt));
        return abi.encodePacked(r, s, v);
    }

    /// @dev Funds `from`, approves and pays a receipt signed by `signerKey`.
    function _pay(bytes32 rune, bytes32 serviceId, address from, address token, uint256 amount) internal {
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, serviceId, from, token, amount);
        bytes memory signature = _sign(signerKey, receipt);
        _fund(from, token, amount);
        vm.prank(from);
        distributor.pay{value: token == ETH ? amount : 0}(receipt, signature);
    }

    function _fund(address account, address token, uint256 amount) internal {
        if (token == ETH) {
            vm.deal(account, account.balance + amount);
        } else {
            deal(token, account, IERC20Like(token).balanceOf(account) + amount);
            vm.prank(account);
            IERC20Like(token).approve(address(distributor), type(uint256).max);
        }
    }

    // ----- staking -----

    function _stake(address account, bytes32 rune, uint256 amount) internal {
        vm.prank(governor);
        aurunes.transfer(account, amount);
        vm.startPrank(account);
        aurunes.approve(address(distributor), amount);
        distributor.stake(rune, amount);
        vm.stopPrank();
    }

    function _tokens(address a) internal pure returns (address[] memory list) {
        list = new address[](1);
        list[0] = a;
    }

    function _runes(bytes32 a) internal pure returns (bytes32[] memory list) {
        list = new bytes32[](1);
        list[0] = a;
    }
}

interface IERC20Like {
    function balanceOf(address) external view returns (uint256);
    function approve(address, uint256) external returns (bool);
}
