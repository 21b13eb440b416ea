// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {AuroruneTest} from "./utils/AuroruneTest.sol";
import {RevenueDistributor} from "../src/RevenueDistributor.sol";
import {IRuneRegistry} from "../src/interfaces/IRuneRegistry.sol";
import {IRevenueDistributor} from "../src/interfaces/IRevenueDistributor.sol";

/// @notice A smart-contract rune signer (ERC-1271): accepts what its owner key signed, unless told to refuse.
contract DistributorTestContractSigner is IERC1271 {
    address public immutable owner;
    bool public refuse;

    constructor(address owner_) {
        owner = owner_;
    }

    function setRefuse(bool refuse_) external {
        refuse = refuse_;
    }

    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        (address recovered, ECDSA.RecoverError err,) = ECDSA.tryRecover(hash, signature);
        if (!refuse && err == ECDSA.RecoverError.NoError && recovered == owner) {
            return IERC1271.isValidSignature.selector;
        }
        return 0xffffffff;
    }
}

/// @notice An ERC-20 that burns 1% of every transfer (the distributor must refuse it).
contract DistributorTestFeeToken is ERC20 {
    constructor() ERC20("Fee Token", "FEE") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function _update(address from, address to, uint256 value) internal override {
        if (from == address(0) || to == address(0)) return super._update(from, to, value);
        uint256 fee = value / 100;
        super._update(from, address(0), fee);
        super._update(from, to, value - fee);
    }
}

/// @notice Unit tests of RevenueDistributor: every external function, every reachable custom error, every event.
/// The default rune (fixture) splits 50% developer / 20% infra (infraA 60%, infraB 40%) / 30% stakers.
contract RevenueDistributorTest is AuroruneTest {
    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
    uint256 internal constant SIGNER2_KEY = 0xB0B5;
    uint256 internal constant SIGNER3_KEY = 0xC0C0A;
    uint256 internal constant CONTRACT_SIGNER_OWNER_KEY = 0xD00D;
    uint256 internal constant WRONG_KEY = 0xBAD;
    bytes32 internal constant SID = "service-1";

    address internal developer2 = makeAddr("developer2");
    address internal developer3 = makeAddr("developer3");
    address internal frontRunner = makeAddr("frontRunner");
    address internal holder;
    uint256 internal holderKey;
    bytes32 internal rune;
    bytes32 internal governorRole;

    function setUp() public override {
        super.setUp();
        (holder, holderKey) = makeAddrAndKey("holder");
        rune = _registerDefault();
        governorRole = distributor.GOVERNOR_ROLE();
    }

    // =============================================================================================
    // Local helpers
    // =============================================================================================

    /// @dev 60% developer / no infra / 40% stakers, signed by SIGNER2_KEY, owned by developer2.
    function _secondRune() internal returns (bytes32) {
        return _register(
            developer2, "second", vm.addr(SIGNER2_KEY), _split(6_000, 0, 4_000), new address[](0), new uint16[](0)
        );
    }

    /// @dev 30% developer / 10% infra (all to infraB) / 60% stakers, signed by SIGNER3_KEY, owned by developer3.
    function _thirdRune() internal returns (bytes32) {
        address[] memory recipients = new address[](1);
        recipients[0] = infraB;
        uint16[] memory weights = new uint16[](1);
        weights[0] = 10_000;
        return _register(developer3, "third", vm.addr(SIGNER3_KEY), _split(3_000, 1_000, 6_000), recipients, weights);
    }

    /// @dev A rune (default split and infra) whose signer is an ERC-1271 contract.
    function _contractSignedRune() internal returns (bytes32 contractRune, DistributorTestContractSigner wallet) {
        wallet = new DistributorTestContractSigner(vm.addr(CONTRACT_SIGNER_OWNER_KEY));
        address[] memory recipients = new address[](2);
        recipients[0] = infraA;
        recipients[1] = infraB;
        uint16[] memory weights = new uint16[](2);
        weights[0] = 6_000;
        weights[1] = 4_000;
        contractRune =
            _register(developer2, "contract", address(wallet), _split(5_000, 2_000, 3_000), recipients, weights);
    }

    /// @dev Pays `amount` of `token` from `payer` for `target`, signed with `key`.
    function _payWith(uint256 key, bytes32 target, bytes32 serviceId, address token, uint256 amount) internal {
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(target, serviceId, payer, token, amount);
        bytes memory signature = _sign(key, receipt);
        _fund(payer, token, amount);
        vm.prank(payer);
        distributor.pay{value: token == ETH ? amount : 0}(receipt, signature);
    }

    /// @dev Funds `caller` and expects `pay` (with the matching value) to revert with `err`.
    function _expectPayRevert(
        IRevenueDistributor.ServiceReceipt memory receipt,
        bytes memory signature,
        address caller,
        bytes memory err
    ) internal {
        _fund(caller, receipt.token, receipt.amount);
        vm.expectRevert(err);
        vm.prank(caller);
        distributor.pay{value: receipt.token == ETH ? receipt.amount : 0}(receipt, signature);
    }

    function _collab(bytes32 serviceId, bytes32[] memory runes, uint16[] memory weights, address token, uint256 amount)
        internal
        view
        returns (IRevenueDistributor.CollaborativeReceipt memory)
    {
        return IRevenueDistributor.CollaborativeReceipt({
            serviceId: serviceId,
            runes: runes,
            weightsBps: weights,
            payer: payer,
            token: token,
            amount: amount,
            deadline: uint64(block.timestamp + 1 hours)
        });
    }

    function _signAll(IRevenueDistributor.CollaborativeReceipt memory receipt, uint256[] memory keys)
        internal
        view
        returns (bytes[] memory signatures)
    {
        signatures = new bytes[](keys.length);
        for (uint256 i; i < keys.length; ++i) {
            signatures[i] = _signCollaborative(keys[i], receipt);
        }
    }

    function _submitCollab(IRevenueDistributor.CollaborativeReceipt memory receipt, bytes[] memory signatures)
        internal
    {
        _fund(receipt.payer, receipt.token, receipt.amount);
        vm.prank(receipt.payer);
        distributor.payCollaborative{value: receipt.token == ETH ? receipt.amount : 0}(receipt, signatures);
    }

    function _expectCollabRevert(
        IRevenueDistributor.CollaborativeReceipt memory receipt,
        bytes[] memory signatures,
        address caller,
        bytes memory err
    ) internal {
        _fund(caller, receipt.token, receipt.amount);
        vm.expectRevert(err);
        vm.prank(caller);
        distributor.payCollaborative{value: receipt.token == ETH ? receipt.amount : 0}(receipt, signatures);
    }

    function _pair(bytes32 a, bytes32 b) internal pure returns (bytes32[] memory list) {
        list = new bytes32[](2);
        list[0] = a;
        list[1] = b;
    }

    function _triple(bytes32 a, bytes32 b, bytes32 c) internal pure returns (bytes32[] memory list) {
        list = new bytes32[](3);
        list[0] = a;
        list[1] = b;
        list[2] = c;
    }

    function _weights(uint16 a, uint16 b) internal pure returns (uint16[] memory list) {
        list = new uint16[](2);
        list[0] = a;
        list[1] = b;
    }

    function _weights3(uint16 a, uint16 b, uint16 c) internal pure returns (uint16[] memory list) {
        list = new uint16[](3);
        list[0] = a;
        list[1] = b;
        list[2] = c;
    }

    function _keys(uint256 a, uint256 b) internal pure returns (uint256[] memory list) {
        list = new uint256[](2);
        list[0] = a;
        list[1] = b;
    }

    function _keys3(uint256 a, uint256 b, uint256 c) internal pure returns (uint256[] memory list) {
        list = new uint256[](3);
        list[0] = a;
        list[1] = b;
        list[2] = c;
    }

    function _tokens2(address a, address b) internal pure returns (address[] memory list) {
        list = new address[](2);
        list[0] = a;
        list[1] = b;
    }

    function _tokens3(address a, address b, address c) internal pure returns (address[] memory list) {
        list = new address[](3);
        list[0] = a;
        list[1] = b;
        list[2] = c;
    }

    /// @dev An ERC-2612 permit from `holder` to the distributor, signed with `holderKey`.
    function _signPermit(address token, uint256 value, uint256 deadline)
        internal
        view
        returns (uint8 v, bytes32 r, bytes32 s)
    {
        bytes32 structHash = keccak256(
            abi.encode(
                PERMIT_TYPEHASH, holder, address(distributor), value, IERC20Permit(token).nonces(holder), deadline
            )
        );
        return
            vm.sign(holderKey, keccak256(abi.encodePacked("\x19\x01", IERC20Permit(token).DOMAIN_SEPARATOR(), structHash)));
    }

    /// @dev The owner of the default rune proposes a 40/20/40 split with infraA alone.
    function _propose() internal returns (uint64 proposalId) {
        address[] memory recipients = new address[](1);
        recipients[0] = infraA;
        uint16[] memory weights = new uint16[](1);
        weights[0] = 10_000;
        vm.prank(developer);
        proposalId = registry.proposeSplit(rune, _split(4_000, 2_000, 4_000), recipients, weights);
    }

    function _requestUnstake(address account, bytes32 target, uint256 amount) internal {
        vm.prank(account);
        distributor.requestUnstake(target, amount);
    }

    function _claim(address account, bytes32[] memory runes, address[] memory tokenList) internal {
        vm.prank(account);
        distributor.claim(runes, tokenList);
    }

    function _suspend(bytes32 target) internal {
        vm.prank(governor);
        registry.suspend(target);
    }

    function _pause() internal {
        vm.prank(governor);
        distributor.pause();
    }

    function _domainSeparator() internal view returns (bytes32) {
        return keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("Aurorune"),
                keccak256("1"),
                block.chainid,
                address(distributor)
            )
        );
    }

    // =============================================================================================
    // constructor, roles, EIP-712 domain
    // =============================================================================================

    function test_constructor_SetsParametersAndRoles() public view {
        assertEq(address(distributor.registry()), address(registry));
        assertEq(address(distributor.stakingToken()), address(aurunes));
        assertEq(distributor.rewardWindow(), REWARD_WINDOW);
        assertEq(distributor.unbondingPeriod(), UNBONDING_PERIOD);
        assertEq(distributor.totalStaked(), 0);
        assertEq(governorRole, keccak256("GOVERNOR_ROLE"));
        assertTrue(distributor.hasRole(distributor.DEFAULT_ADMIN_ROLE(), governor));
        assertTrue(distributor.hasRole(governorRole, governor));
        assertFalse(distributor.hasRole(governorRole, alice));
        assertFalse(distributor.paused());
        assertEq(distributor.MAX_TOKENS(), 16);
        assertEq(distributor.MAX_COLLABORATORS(), 8);
        assertEq(distributor.MIN_REWARD_WINDOW(), 1 days);
        assertEq(distributor.MAX_REWARD_WINDOW(), 90 days);
        assertEq(distributor.MIN_UNBONDING_PERIOD(), 1 hours);
        assertEq(distributor.MAX_UNBONDING_PERIOD(), 60 days);
    }

    function test_constructor_EmitsParameterEvents() public {
        address predicted = vm.computeCreateAddress(address(this), vm.getNonce(address(this)));
        vm.expectEmit(predicted);
        emit IRevenueDistributor.RewardWindowSet(0, 2 days);
        vm.expectEmit(predicted);
        emit IRevenueDistributor.UnbondingPeriodSet(0, 3 hours);
        RevenueDistributor fresh = new RevenueDistributor(registry, aurunes, governor, 2 days, 3 hours);
        assertEq(address(fresh), predicted);
    }

    function test_constructor_RevertWhen_RewardWindowOutOfBounds() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IRevenueDistributor.RevenueDistributorParameterOutOfBounds.selector, 1 days - 1, 1 days, 90 days
            )
        );
        new RevenueDistributor(registry, aurunes, governor, 1 days - 1, UNBONDING_PERIOD);
    }

    function test_constructor_RevertWhen_UnbondingPeriodOutOfBounds() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IRevenueDistributor.RevenueDistributorParameterOutOfBounds.selector, 60 days + 1, 1 hours, 60 days
            )
        );
        new RevenueDistributor(registry, aurunes, governor, REWARD_WINDOW, 60 days + 1);
    }

    function test_eip712Domain_IsAuroruneVersion1() public view {
        (, string memory name, string memory version, uint256 chainId, address verifyingContract,,) =
            distributor.eip712Domain();
        assertEq(name, "Aurorune");
        assertEq(version, "1");
        assertEq(chainId, block.chainid);
        assertEq(verifyingContract, address(distributor));
    }

    function test_supportsInterface_AccessControl() public view {
        assertTrue(distributor.supportsInterface(type(IAccessControl).interfaceId));
        assertFalse(distributor.supportsInterface(0xdeadbeef));
    }

    function test_grantRole_NewGovernorCanPause() public {
        vm.prank(governor);
        distributor.grantRole(governorRole, alice);
        vm.prank(alice);
        distributor.pause();
        assertTrue(distributor.paused());
    }

    function test_grantRole_RevertWhen_CallerNotAdmin() public {
        bytes32 adminRole = distributor.DEFAULT_ADMIN_ROLE();
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, adminRole)
        );
        vm.prank(alice);
        distributor.grantRole(governorRole, alice);
    }

    function test_getRoleAdmin_GovernorRoleAdminIsDefaultAdmin() public view {
        assertEq(distributor.getRoleAdmin(governorRole), distributor.DEFAULT_ADMIN_ROLE());
    }

    function test_revokeRole_FormerGovernorCannotPause() public {
        vm.startPrank(governor);
        distributor.grantRole(governorRole, alice);
        distributor.revokeRole(governorRole, alice);
        vm.stopPrank();
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, governorRole)
        );
        vm.prank(alice);
        distributor.pause();
    }

    function test_renounceRole_GovernorCannotPauseAfterwards() public {
        vm.prank(governor);
        distributor.renounceRole(governorRole, governor);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, governor, governorRole)
        );
        vm.prank(governor);
        distributor.pause();
    }

    // =============================================================================================
    // pay
    // =============================================================================================

    function test_pay_EthSplitsExactly() public {
        _stake(alice, rune, 100 ether);
        uint256 amount = 1 ether + 9;
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, ETH, amount);
        bytes memory signature = _sign(signerKey, receipt);
        vm.deal(payer, amount);

        // dev = floor(50%) = 0.5e18 + 4; infra = floor(20%) = 0.2e18 + 1; stakers take the rest: 0.3e18 + 4.
        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.ServicePaid(
            rune, SID, payer, ETH, amount, 0.5 ether + 4, 0.2 ether + 1, 0.3 ether + 4, uint64(block.timestamp)
        );
        vm.prank(payer);
        distributor.pay{value: amount}(receipt, signature);

        assertEq(payer.balance, 0);
        assertEq(address(distributor).balance, amount);
        assertEq(distributor.developerBalanceOf(rune, ETH), 0.5 ether + 4);
        // infra 0.2e18 + 1: 60% = 0.12e18 (+0.6 dropped), 40% = 0.08e18 (+0.4 dropped); the lost wei goes to infraA.
        assertEq(distributor.infraBalanceOf(infraA, ETH), 0.12 ether + 1);
        assertEq(distributor.infraBalanceOf(infraB, ETH), 0.08 ether);
        assertEq(distributor.streamOf(rune, ETH).remaining, 0.3 ether + 4);
        assertEq(distributor.revenueOf(rune, ETH), amount);
        assertTrue(distributor.isServiceUsed(rune, SID));
    }

    function test_pay_AurunesSplitsExactly() public {
        _stake(alice, rune, 100 ether);
        uint256 amount = 1_234 ether + 7;
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, address(aurunes), amount);
        bytes memory signature = _sign(signerKey, receipt);
        _fund(payer, address(aurunes), amount);

        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.ServicePaid(
            rune,
            SID,
            payer,
            address(aurunes),
            amount,
            617 ether + 3,
            246.8 ether + 1,
            370.2 ether + 3,
            uint64(block.timestamp)
        );
        vm.prank(payer);
        distributor.pay(receipt, signature);

        assertEq(aurunes.balanceOf(payer), 0);
        assertEq(aurunes.balanceOf(address(distributor)), 100 ether + amount);
        assertEq(distributor.developerBalanceOf(rune, address(aurunes)), 617 ether + 3);
        assertEq(distributor.infraBalanceOf(infraA, address(aurunes)), 148.08 ether + 1);
        assertEq(distributor.infraBalanceOf(infraB, address(aurunes)), 98.72 ether);
        assertEq(distributor.streamOf(rune, address(aurunes)).remaining, 370.2 ether + 3);
        // Stake is not revenue: totalStaked is unchanged by an AURUNES payment.
        assertEq(distributor.totalStaked(), 100 ether);
    }

    function test_pay_UsdSplitsExactly() public {
        _stake(alice, rune, 100 ether);
        uint256 amount = 12_345_671; // 12.345671 tUSD
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, address(usd), amount);
        bytes memory signature = _sign(signerKey, receipt);
        _fund(payer, address(usd), amount);

        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.ServicePaid(
            rune, SID, payer, address(usd), amount, 6_172_835, 2_469_134, 3_703_702, uint64(block.timestamp)
        );
        vm.prank(payer);
        distributor.pay(receipt, signature);

        assertEq(usd.balanceOf(address(distributor)), amount);
        assertEq(distributor.developerBalanceOf(rune, address(usd)), 6_172_835);
        // 2,469,134 * 60% = 1,481,480.4 and * 40% = 987,653.6: the lost unit goes to infraA.
        assertEq(distributor.infraBalanceOf(infraA, address(usd)), 1_481_481);
        assertEq(distributor.infraBalanceOf(infraB, address(usd)), 987_653);
        assertEq(distributor.streamOf(rune, address(usd)).remaining, 3_703_702);
    }

    function test_pay_NoStakeSendsStakersPartToDeveloper() public {
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, address(usd), 1_000e6);
        bytes memory signature = _sign(signerKey, receipt);
        _fund(payer, address(usd), 1_000e6);

        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.ServicePaid(
            rune, SID, payer, address(usd), 1_000e6, 800e6, 200e6, 0, uint64(block.timestamp)
        );
        vm.prank(payer);
        distributor.pay(receipt, signature);

        assertEq(distributor.developerBalanceOf(rune, address(usd)), 800e6);
        assertEq(distributor.pendingDeveloperBalance(rune, address(usd)), 800e6);
        IRevenueDistributor.StreamState memory stream = distributor.streamOf(rune, address(usd));
        assertEq(stream.remaining, 0);
        assertEq(stream.finish, 0);
    }

    function test_pay_AcceptsDeadlineEqualToNow() public {
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, ETH, 1 ether);
        receipt.deadline = uint64(block.timestamp);
        bytes memory signature = _sign(signerKey, receipt);
        vm.deal(payer, 1 ether);
        vm.prank(payer);
        distributor.pay{value: 1 ether}(receipt, signature);
        assertTrue(distributor.isServiceUsed(rune, SID));
    }

    function test_pay_AcceptsRotatedSigner() public {
        address newSigner = vm.addr(SIGNER2_KEY);
        vm.prank(developer);
        registry.rotateSigner(rune, newSigner);
        _payWith(SIGNER2_KEY, rune, SID, ETH, 1 ether);
        assertEq(distributor.revenueOf(rune, ETH), 1 ether);
    }

    function test_pay_AcceptsErc1271Signer() public {
        (bytes32 contractRune,) = _contractSignedRune();
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(contractRune, SID, payer, address(usd), 100e6);
        bytes memory signature = _sign(CONTRACT_SIGNER_OWNER_KEY, receipt);
        _fund(payer, address(usd), 100e6);

        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.ServicePaid(
            contractRune, SID, payer, address(usd), 100e6, 80e6, 20e6, 0, uint64(block.timestamp)
        );
        vm.prank(payer);
        distributor.pay(receipt, signature);
        assertEq(distributor.developerBalanceOf(contractRune, address(usd)), 80e6);
    }

    function test_pay_SameServiceIdOnAnotherRune() public {
        bytes32 second = _secondRune();
        _payWith(signerKey, rune, SID, ETH, 1 ether);
        _payWith(SIGNER2_KEY, second, SID, ETH, 1 ether);
        assertTrue(distributor.isServiceUsed(second, SID));
    }

    function test_pay_RevertWhen_ZeroAmount() public {
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, ETH, 0);
        _expectPayRevert(
            receipt,
            _sign(signerKey, receipt),
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorZeroAmount.selector)
        );
    }

    function test_pay_RevertWhen_AmountTooLarge() public {
        uint256 amount = uint256(type(uint128).max) + 1;
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, address(usd), amount);
        _expectPayRevert(
            receipt,
            _sign(signerKey, receipt),
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorAmountTooLarge.selector, amount)
        );
    }

    /// @dev The developer balance is 128 bits: a payment that would overflow it is refused, not trapped, and goes
    /// through once the owner has claimed.
    function test_pay_RevertWhen_DeveloperBalanceWouldExceed128Bits_UntilOwnerClaims() public {
        uint256 max = type(uint128).max;
        _pay(rune, "first", payer, address(usd), max);
        uint256 balance = distributor.developerBalanceOf(rune, address(usd));
        assertEq(balance, max - max * 2_000 / 10_000); // no stake: the stakers part went to the developer too

        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, "second", payer, address(usd), max);
        bytes memory signature = _sign(signerKey, receipt);
        _expectPayRevert(
            receipt,
            signature,
            payer,
            abi.encodeWithSelector(SafeCast.SafeCastOverflowedUintDowncast.selector, 128, 2 * balance)
        );

        vm.prank(developer);
        distributor.claimDeveloper(rune, _tokens(address(usd)));
        assertEq(usd.balanceOf(developer), balance);
        vm.prank(payer);
        distributor.pay(receipt, signature);
        assertEq(distributor.developerBalanceOf(rune, address(usd)), balance);
    }

    function test_pay_RevertWhen_TokenNeverAllowed() public {
        DistributorTestFeeToken other = new DistributorTestFeeToken();
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, address(other), 1e18);
        bytes memory signature = _sign(signerKey, receipt);
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorTokenNotAllowed.selector, address(other))
        );
        vm.prank(payer);
        distributor.pay(receipt, signature);
    }

    function test_pay_RevertWhen_TokenDisallowed() public {
        vm.prank(governor);
        distributor.setTokenAllowed(address(usd), false);
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, address(usd), 1e6);
        _expectPayRevert(
            receipt,
            _sign(signerKey, receipt),
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorTokenNotAllowed.selector, address(usd))
        );
    }

    function test_pay_RevertWhen_RuneUnknown() public {
        bytes32 unknown = keccak256("unknown rune");
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(unknown, SID, payer, ETH, 1 ether);
        _expectPayRevert(
            receipt,
            _sign(signerKey, receipt),
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorUnknownRune.selector, unknown)
        );
    }

    function test_pay_RevertWhen_RuneSuspended() public {
        _suspend(rune);
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, ETH, 1 ether);
        _expectPayRevert(
            receipt,
            _sign(signerKey, receipt),
            payer,
            abi.encodeWithSelector(
                IRevenueDistributor.RevenueDistributorRuneNotActive.selector, rune, IRuneRegistry.RuneStatus.Suspended
            )
        );
    }

    function test_pay_RevertWhen_RuneRetired() public {
        vm.prank(developer);
        registry.retire(rune);
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, ETH, 1 ether);
        _expectPayRevert(
            receipt,
            _sign(signerKey, receipt),
            payer,
            abi.encodeWithSelector(
                IRevenueDistributor.RevenueDistributorRuneNotActive.selector, rune, IRuneRegistry.RuneStatus.Retired
            )
        );
    }

    function test_pay_RevertWhen_SignedByWrongKey() public {
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, ETH, 1 ether);
        _expectPayRevert(
            receipt,
            _sign(WRONG_KEY, receipt),
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorInvalidSignature.selector, rune)
        );
    }

    /// @dev A transfer clears the rune's signer: no signature, not even the former key's, pays until the new owner
    /// names one (an ECDSA recovery never yields address(0), and address(0) holds no ERC-1271 code).
    function test_pay_RevertWhen_SignerCleared() public {
        vm.prank(developer);
        registry.transferFrom(developer, bob, uint256(rune));
        assertEq(registry.paymentTerms(rune).signer, address(0));
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, ETH, 1 ether);
        bytes memory err = abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorInvalidSignature.selector, rune);
        _expectPayRevert(receipt, _sign(signerKey, receipt), payer, err);
        _expectPayRevert(receipt, "", payer, err);
        _expectPayRevert(receipt, new bytes(65), payer, err);
        assertFalse(distributor.isServiceUsed(rune, SID));
    }

    function test_pay_RevertWhen_ReceiptTampered() public {
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, ETH, 1 ether);
        bytes memory signature = _sign(signerKey, receipt);
        receipt.amount = 1 wei;
        _expectPayRevert(
            receipt,
            signature,
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorInvalidSignature.selector, rune)
        );
    }

    function test_pay_RevertWhen_SignedByRotatedOutSigner() public {
        vm.prank(developer);
        registry.rotateSigner(rune, vm.addr(SIGNER2_KEY));
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, ETH, 1 ether);
        _expectPayRevert(
            receipt,
            _sign(signerKey, receipt),
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorInvalidSignature.selector, rune)
        );
    }

    function test_pay_RevertWhen_SignatureMalleable() public {
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, ETH, 1 ether);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(signerKey, distributor.hashServiceReceipt(receipt));
        uint256 n = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;
        bytes memory malleable = abi.encodePacked(r, bytes32(n - uint256(s)), v == 27 ? uint8(28) : uint8(27));
        _expectPayRevert(
            receipt,
            malleable,
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorInvalidSignature.selector, rune)
        );
    }

    function test_pay_RevertWhen_SignatureMalformed() public {
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, ETH, 1 ether);
        _expectPayRevert(
            receipt,
            hex"1234",
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorInvalidSignature.selector, rune)
        );
    }

    function test_pay_RevertWhen_Erc1271SignerRefuses() public {
        (bytes32 contractRune, DistributorTestContractSigner wallet) = _contractSignedRune();
        wallet.setRefuse(true);
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(contractRune, SID, payer, ETH, 1 ether);
        _expectPayRevert(
            receipt,
            _sign(CONTRACT_SIGNER_OWNER_KEY, receipt),
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorInvalidSignature.selector, contractRune)
        );
    }

    function test_pay_RevertWhen_ServiceAlreadyPaid() public {
        _payWith(signerKey, rune, SID, ETH, 1 ether);
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, ETH, 2 ether);
        _expectPayRevert(
            receipt,
            _sign(signerKey, receipt),
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorServiceAlreadyPaid.selector, rune, SID)
        );
    }

    function test_pay_RevertWhen_ReceiptExpired() public {
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, ETH, 1 ether);
        bytes memory signature = _sign(signerKey, receipt);
        vm.warp(receipt.deadline + 1);
        _expectPayRevert(
            receipt,
            signature,
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorReceiptExpired.selector, receipt.deadline)
        );
    }

    function test_pay_RevertWhen_CallerIsNotPayer() public {
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, ETH, 1 ether);
        _expectPayRevert(
            receipt,
            _sign(signerKey, receipt),
            alice,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorPayerMismatch.selector, payer, alice)
        );
    }

    function test_pay_RevertWhen_EthValueTooLow() public {
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, ETH, 1 ether);
        bytes memory signature = _sign(signerKey, receipt);
        vm.deal(payer, 1 ether);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRevenueDistributor.RevenueDistributorValueMismatch.selector, 1 ether, 1 ether - 1
            )
        );
        vm.prank(payer);
        distributor.pay{value: 1 ether - 1}(receipt, signature);
    }

    function test_pay_RevertWhen_EthSentWithTokenPayment() public {
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, address(usd), 1e6);
        bytes memory signature = _sign(signerKey, receipt);
        _fund(payer, address(usd), 1e6);
        vm.deal(payer, 1);
        vm.expectRevert(abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorValueMismatch.selector, 0, 1));
        vm.prank(payer);
        distributor.pay{value: 1}(receipt, signature);
    }

    function test_pay_RevertWhen_FeeOnTransferToken() public {
        DistributorTestFeeToken feeToken = new DistributorTestFeeToken();
        vm.prank(governor);
        distributor.setTokenAllowed(address(feeToken), true);
        feeToken.mint(payer, 1_000);
        vm.prank(payer);
        feeToken.approve(address(distributor), 1_000);
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, address(feeToken), 1_000);
        bytes memory signature = _sign(signerKey, receipt);
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorAmountNotReceived.selector, 1_000, 990)
        );
        vm.prank(payer);
        distributor.pay(receipt, signature);
    }

    function test_pay_RevertWhen_AllowanceMissing() public {
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, address(usd), 5e6);
        bytes memory signature = _sign(signerKey, receipt);
        deal(address(usd), payer, 5e6);
        vm.expectRevert(
            abi.encodeWithSelector(
                IERC20Errors.ERC20InsufficientAllowance.selector, address(distributor), 0, 5e6
            )
        );
        vm.prank(payer);
        distributor.pay(receipt, signature);
    }

    function test_pay_RevertWhen_Paused() public {
        _pause();
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, ETH, 1 ether);
        _expectPayRevert(
            receipt, _sign(signerKey, receipt), payer, abi.encodeWithSelector(Pausable.EnforcedPause.selector)
        );
    }

    // ----- order of the checks (DESIGN section 3) -----

    /// @dev Token allowed is checked before the rune.
    function test_pay_RevertWhen_TokenDisallowedAndRuneUnknown() public {
        vm.prank(governor);
        distributor.setTokenAllowed(address(usd), false);
        IRevenueDistributor.ServiceReceipt memory receipt =
            _receipt(keccak256("unknown rune"), SID, payer, address(usd), 1e6);
        _expectPayRevert(
            receipt,
            hex"",
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorTokenNotAllowed.selector, address(usd))
        );
    }

    /// @dev The rune status is checked before the signature.
    function test_pay_RevertWhen_RuneSuspendedAndSignatureInvalid() public {
        _suspend(rune);
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, ETH, 1 ether);
        _expectPayRevert(
            receipt,
            _sign(WRONG_KEY, receipt),
            payer,
            abi.encodeWithSelector(
                IRevenueDistributor.RevenueDistributorRuneNotActive.selector, rune, IRuneRegistry.RuneStatus.Suspended
            )
        );
    }

    /// @dev The signature is checked before the serviceId.
    function test_pay_RevertWhen_SignatureInvalidAndServiceUsed() public {
        _payWith(signerKey, rune, SID, ETH, 1 ether);
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, ETH, 1 ether);
        _expectPayRevert(
            receipt,
            _sign(WRONG_KEY, receipt),
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorInvalidSignature.selector, rune)
        );
    }

    /// @dev A receipt both expired and already paid reports ServiceAlreadyPaid (serviceId before deadline).
    function test_pay_RevertWhen_ServiceUsedAndExpired() public {
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, ETH, 1 ether);
        bytes memory signature = _sign(signerKey, receipt);
        vm.deal(payer, 1 ether);
        vm.prank(payer);
        distributor.pay{value: 1 ether}(receipt, signature);
        vm.warp(receipt.deadline + 1);
        _expectPayRevert(
            receipt,
            signature,
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorServiceAlreadyPaid.selector, rune, SID)
        );
    }

    /// @dev The deadline is checked before the caller.
    function test_pay_RevertWhen_ExpiredAndCallerIsNotPayer() public {
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, ETH, 1 ether);
        bytes memory signature = _sign(signerKey, receipt);
        vm.warp(receipt.deadline + 1);
        _expectPayRevert(
            receipt,
            signature,
            alice,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorReceiptExpired.selector, receipt.deadline)
        );
    }

    /// @dev The caller is checked before the money.
    function test_pay_RevertWhen_CallerIsNotPayerAndValueWrong() public {
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, ETH, 1 ether);
        bytes memory signature = _sign(signerKey, receipt);
        vm.deal(alice, 1);
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorPayerMismatch.selector, payer, alice)
        );
        vm.prank(alice);
        distributor.pay{value: 1}(receipt, signature);
    }

    // =============================================================================================
    // payWithPermit
    // =============================================================================================

    function test_payWithPermit_UsdPermit() public {
        uint256 amount = 250e6;
        deal(address(usd), holder, amount);
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, holder, address(usd), amount);
        bytes memory signature = _sign(signerKey, receipt);
        uint256 permitDeadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(address(usd), amount, permitDeadline);

        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.ServicePaid(
            rune, SID, holder, address(usd), amount, 200e6, 50e6, 0, uint64(block.timestamp)
        );
        vm.prank(holder);
        distributor.payWithPermit(receipt, signature, permitDeadline, v, r, s);

        assertEq(usd.balanceOf(holder), 0);
        assertEq(usd.balanceOf(address(distributor)), amount);
        assertEq(usd.nonces(holder), 1);
        assertEq(usd.allowance(holder, address(distributor)), 0);
        assertEq(distributor.infraBalanceOf(infraA, address(usd)), 30e6);
    }

    function test_payWithPermit_AurunesPermit() public {
        _stake(alice, rune, 100 ether);
        uint256 amount = 100 ether;
        deal(address(aurunes), holder, amount);
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, holder, address(aurunes), amount);
        bytes memory signature = _sign(signerKey, receipt);
        uint256 permitDeadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(address(aurunes), amount, permitDeadline);

        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.ServicePaid(
            rune, SID, holder, address(aurunes), amount, 50 ether, 20 ether, 30 ether, uint64(block.timestamp)
        );
        vm.prank(holder);
        distributor.payWithPermit(receipt, signature, permitDeadline, v, r, s);

        assertEq(aurunes.balanceOf(holder), 0);
        assertEq(aurunes.nonces(holder), 1);
        assertEq(aurunes.balanceOf(address(distributor)), 200 ether);
        assertEq(distributor.streamOf(rune, address(aurunes)).remaining, 30 ether);
    }

    function test_payWithPermit_SucceedsWhenPermitFrontRun() public {
        uint256 amount = 40e6;
        deal(address(usd), holder, amount);
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, holder, address(usd), amount);
        bytes memory signature = _sign(signerKey, receipt);
        uint256 permitDeadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(address(usd), amount, permitDeadline);

        // Someone copies the permit from the mempool and submits it first.
        vm.prank(frontRunner);
        usd.permit(holder, address(distributor), amount, permitDeadline, v, r, s);
        assertEq(usd.allowance(holder, address(distributor)), amount);

        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.ServicePaid(
            rune, SID, holder, address(usd), amount, 32e6, 8e6, 0, uint64(block.timestamp)
        );
        vm.prank(holder);
        distributor.payWithPermit(receipt, signature, permitDeadline, v, r, s);
        assertEq(usd.balanceOf(address(distributor)), amount);
        assertEq(usd.nonces(holder), 1);
    }

    function test_payWithPermit_RevertWhen_PermitInvalidAndNoAllowance() public {
        uint256 amount = 40e6;
        deal(address(usd), holder, amount);
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, holder, address(usd), amount);
        bytes memory signature = _sign(signerKey, receipt);
        uint256 permitDeadline = block.timestamp + 1 hours;
        // Signed for a smaller value than the receipt: the permit fails, no allowance exists.
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(address(usd), amount - 1, permitDeadline);
        vm.expectRevert(
            abi.encodeWithSelector(
                IERC20Errors.ERC20InsufficientAllowance.selector, address(distributor), 0, amount
            )
        );
        vm.prank(holder);
        distributor.payWithPermit(receipt, signature, permitDeadline, v, r, s);
    }

    function test_payWithPermit_RevertWhen_ReceiptSignatureInvalid() public {
        deal(address(usd), holder, 1e6);
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, holder, address(usd), 1e6);
        uint256 permitDeadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(address(usd), 1e6, permitDeadline);
        bytes memory signature = _sign(WRONG_KEY, receipt);
        vm.expectRevert(abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorInvalidSignature.selector, rune));
        vm.prank(holder);
        distributor.payWithPermit(receipt, signature, permitDeadline, v, r, s);
    }

    function test_payWithPermit_RevertWhen_EthReceipt() public {
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, holder, ETH, 1 ether);
        bytes memory signature = _sign(signerKey, receipt);
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorValueMismatch.selector, 1 ether, 0)
        );
        vm.prank(holder);
        distributor.payWithPermit(receipt, signature, 0, 0, bytes32(0), bytes32(0));
    }

    /// @dev BUG (kept failing on purpose): `payWithPermit` calls `permit` on `receipt.token` before checking the
    /// allow-list. For an address without code the try/catch cannot catch the failed extcodesize check, so the
    /// call reverts with empty data instead of RevenueDistributorTokenNotAllowed (DESIGN: token allowed first).
    function test_payWithPermit_RevertWhen_TokenNotAllowedAndHasNoCode() public {
        address notAToken = makeAddr("notAToken");
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, holder, notAToken, 1e6);
        bytes memory signature = _sign(signerKey, receipt);
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorTokenNotAllowed.selector, notAToken)
        );
        vm.prank(holder);
        distributor.payWithPermit(receipt, signature, block.timestamp, 27, bytes32(0), bytes32(0));
    }

    /// @dev For a disallowed token with code, the refusal is the allow-list error.
    function test_payWithPermit_RevertWhen_TokenDisallowed() public {
        vm.prank(governor);
        distributor.setTokenAllowed(address(usd), false);
        deal(address(usd), holder, 1e6);
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, holder, address(usd), 1e6);
        bytes memory signature = _sign(signerKey, receipt);
        uint256 permitDeadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(address(usd), 1e6, permitDeadline);
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorTokenNotAllowed.selector, address(usd))
        );
        vm.prank(holder);
        distributor.payWithPermit(receipt, signature, permitDeadline, v, r, s);
    }

    function test_payWithPermit_RevertWhen_Paused() public {
        _pause();
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, holder, address(usd), 1e6);
        uint256 permitDeadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(address(usd), 1e6, permitDeadline);
        bytes memory signature = _sign(signerKey, receipt);
        vm.expectRevert(abi.encodeWithSelector(Pausable.EnforcedPause.selector));
        vm.prank(holder);
        distributor.payWithPermit(receipt, signature, permitDeadline, v, r, s);
    }

    // =============================================================================================
    // payCollaborative
    // =============================================================================================

    function test_payCollaborative_SplitsByWeightThenBySplit() public {
        bytes32 second = _secondRune();
        bytes32 third = _thirdRune();
        _stake(alice, rune, 100 ether);
        uint256 amount = 1_000_000_001;
        IRevenueDistributor.CollaborativeReceipt memory receipt =
            _collab(SID, _triple(rune, second, third), _weights3(3_334, 3_333, 3_333), address(usd), amount);
        bytes[] memory signatures = _signAll(receipt, _keys3(signerKey, SIGNER2_KEY, SIGNER3_KEY));
        _fund(payer, address(usd), amount);
        uint64 nowTs = uint64(block.timestamp);

        // By weight: 333,400,000 + 333,300,000 + 333,300,000 = 1,000,000,000; the lost unit goes to the first rune.
        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.ServicePaid(
            rune, SID, payer, address(usd), 333_400_001, 166_700_000, 66_680_000, 100_020_001, nowTs
        );
        // No stake on the second and third runes: their stakers parts go to their developers.
        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.ServicePaid(second, SID, payer, address(usd), 333_300_000, 333_300_000, 0, 0, nowTs);
        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.ServicePaid(
            third, SID, payer, address(usd), 333_300_000, 299_970_000, 33_330_000, 0, nowTs
        );
        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.CollaborativeServicePaid(
            SID, payer, address(usd), amount, receipt.runes, receipt.weightsBps, nowTs
        );
        vm.prank(payer);
        distributor.payCollaborative(receipt, signatures);

        assertEq(usd.balanceOf(address(distributor)), amount);
        assertEq(distributor.developerBalanceOf(rune, address(usd)), 166_700_000);
        assertEq(distributor.developerBalanceOf(second, address(usd)), 333_300_000);
        assertEq(distributor.developerBalanceOf(third, address(usd)), 299_970_000);
        assertEq(distributor.infraBalanceOf(infraA, address(usd)), 40_008_000);
        assertEq(distributor.infraBalanceOf(infraB, address(usd)), 26_672_000 + 33_330_000);
        assertEq(distributor.streamOf(rune, address(usd)).remaining, 100_020_001);
        assertEq(distributor.revenueOf(rune, address(usd)), 333_400_001);
        assertEq(distributor.revenueOf(second, address(usd)), 333_300_000);
        assertEq(distributor.revenueOf(third, address(usd)), 333_300_000);
    }

    function test_payCollaborative_InEth() public {
        bytes32 second = _secondRune();
        uint256 amount = 1 ether + 1;
        IRevenueDistributor.CollaborativeReceipt memory receipt =
            _collab(SID, _pair(rune, second), _weights(5_000, 5_000), ETH, amount);
        bytes[] memory signatures = _signAll(receipt, _keys(signerKey, SIGNER2_KEY));
        _submitCollab(receipt, signatures);

        assertEq(address(distributor).balance, amount);
        assertEq(distributor.revenueOf(rune, ETH), 0.5 ether + 1);
        assertEq(distributor.revenueOf(second, ETH), 0.5 ether);
        // 0.5e18 + 1 with no stake: developer 80% + 1 rounding unit, infra 20%.
        assertEq(distributor.developerBalanceOf(rune, ETH), 0.4 ether + 1);
        assertEq(distributor.infraBalanceOf(infraA, ETH), 0.06 ether);
        assertEq(distributor.developerBalanceOf(second, ETH), 0.5 ether);
    }

    function test_payCollaborative_SpendsServiceIdForEveryRune() public {
        bytes32 second = _secondRune();
        IRevenueDistributor.CollaborativeReceipt memory receipt =
            _collab(SID, _pair(rune, second), _weights(4_000, 6_000), address(usd), 10e6);
        _submitCollab(receipt, _signAll(receipt, _keys(signerKey, SIGNER2_KEY)));

        assertTrue(distributor.isServiceUsed(rune, SID));
        assertTrue(distributor.isServiceUsed(second, SID));
        IRevenueDistributor.ServiceReceipt memory single = _receipt(second, SID, payer, address(usd), 1e6);
        _expectPayRevert(
            single,
            _sign(SIGNER2_KEY, single),
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorServiceAlreadyPaid.selector, second, SID)
        );
    }

    function test_payCollaborative_AcceptsErc1271Signer() public {
        (bytes32 contractRune,) = _contractSignedRune();
        IRevenueDistributor.CollaborativeReceipt memory receipt =
            _collab(SID, _pair(rune, contractRune), _weights(5_000, 5_000), address(usd), 10e6);
        _submitCollab(receipt, _signAll(receipt, _keys(signerKey, CONTRACT_SIGNER_OWNER_KEY)));
        assertEq(distributor.revenueOf(contractRune, address(usd)), 5e6);
    }

    function test_payCollaborative_RevertWhen_SingleRune() public {
        IRevenueDistributor.CollaborativeReceipt memory receipt =
            _collab(SID, _runes(rune), new uint16[](1), address(usd), 1e6);
        receipt.weightsBps[0] = 10_000;
        _expectCollabRevert(
            receipt,
            _signAll(receipt, new uint256[](0)),
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorInvalidRuneCount.selector, 1)
        );
    }

    function test_payCollaborative_RevertWhen_NineRunes() public {
        bytes32[] memory runes = new bytes32[](9);
        uint16[] memory weights = new uint16[](9);
        for (uint256 i; i < 9; ++i) {
            runes[i] = bytes32(i + 1);
            weights[i] = 1_000;
        }
        weights[0] = 2_000;
        IRevenueDistributor.CollaborativeReceipt memory receipt = _collab(SID, runes, weights, address(usd), 1e6);
        _expectCollabRevert(
            receipt,
            new bytes[](9),
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorInvalidRuneCount.selector, 9)
        );
    }

    function test_payCollaborative_RevertWhen_WeightsLengthMismatch() public {
        bytes32 second = _secondRune();
        IRevenueDistributor.CollaborativeReceipt memory receipt =
            _collab(SID, _pair(rune, second), _weights3(5_000, 4_000, 1_000), address(usd), 1e6);
        _expectCollabRevert(
            receipt,
            new bytes[](2),
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorLengthMismatch.selector, 2, 3, 2)
        );
    }

    function test_payCollaborative_RevertWhen_SignaturesLengthMismatch() public {
        bytes32 second = _secondRune();
        IRevenueDistributor.CollaborativeReceipt memory receipt =
            _collab(SID, _pair(rune, second), _weights(5_000, 5_000), address(usd), 1e6);
        _expectCollabRevert(
            receipt,
            _signAll(receipt, _keys3(signerKey, SIGNER2_KEY, SIGNER2_KEY)),
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorLengthMismatch.selector, 2, 2, 3)
        );
    }

    function test_payCollaborative_RevertWhen_DuplicateRune() public {
        bytes32 second = _secondRune();
        IRevenueDistributor.CollaborativeReceipt memory receipt =
            _collab(SID, _triple(rune, second, rune), _weights3(4_000, 4_000, 2_000), address(usd), 1e6);
        _expectCollabRevert(
            receipt,
            _signAll(receipt, _keys3(signerKey, SIGNER2_KEY, signerKey)),
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorDuplicateRune.selector, rune)
        );
    }

    function test_payCollaborative_RevertWhen_ZeroWeight() public {
        bytes32 second = _secondRune();
        IRevenueDistributor.CollaborativeReceipt memory receipt =
            _collab(SID, _pair(rune, second), _weights(10_000, 0), address(usd), 1e6);
        _expectCollabRevert(
            receipt,
            _signAll(receipt, _keys(signerKey, SIGNER2_KEY)),
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorZeroWeight.selector, 1)
        );
    }

    function test_payCollaborative_RevertWhen_WeightsDoNotSumToWhole() public {
        bytes32 second = _secondRune();
        IRevenueDistributor.CollaborativeReceipt memory receipt =
            _collab(SID, _pair(rune, second), _weights(5_000, 4_999), address(usd), 1e6);
        _expectCollabRevert(
            receipt,
            _signAll(receipt, _keys(signerKey, SIGNER2_KEY)),
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorWeightsNotExact.selector, 9_999)
        );
    }

    function test_payCollaborative_RevertWhen_ZeroAmount() public {
        bytes32 second = _secondRune();
        IRevenueDistributor.CollaborativeReceipt memory receipt =
            _collab(SID, _pair(rune, second), _weights(5_000, 5_000), address(usd), 0);
        _expectCollabRevert(
            receipt,
            _signAll(receipt, _keys(signerKey, SIGNER2_KEY)),
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorZeroAmount.selector)
        );
    }

    function test_payCollaborative_RevertWhen_AmountTooLarge() public {
        bytes32 second = _secondRune();
        uint256 amount = uint256(type(uint128).max) + 1;
        IRevenueDistributor.CollaborativeReceipt memory receipt =
            _collab(SID, _pair(rune, second), _weights(5_000, 5_000), address(usd), amount);
        _expectCollabRevert(
            receipt,
            _signAll(receipt, _keys(signerKey, SIGNER2_KEY)),
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorAmountTooLarge.selector, amount)
        );
    }

    function test_payCollaborative_RevertWhen_TokenNotAllowed() public {
        bytes32 second = _secondRune();
        vm.prank(governor);
        distributor.setTokenAllowed(address(usd), false);
        IRevenueDistributor.CollaborativeReceipt memory receipt =
            _collab(SID, _pair(rune, second), _weights(5_000, 5_000), address(usd), 1e6);
        _expectCollabRevert(
            receipt,
            _signAll(receipt, _keys(signerKey, SIGNER2_KEY)),
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorTokenNotAllowed.selector, address(usd))
        );
    }

    function test_payCollaborative_RevertWhen_RuneUnknown() public {
        bytes32 unknown = keccak256("unknown rune");
        IRevenueDistributor.CollaborativeReceipt memory receipt =
            _collab(SID, _pair(rune, unknown), _weights(5_000, 5_000), address(usd), 1e6);
        _expectCollabRevert(
            receipt,
            _signAll(receipt, _keys(signerKey, SIGNER2_KEY)),
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorUnknownRune.selector, unknown)
        );
    }

    function test_payCollaborative_RevertWhen_RuneSuspended() public {
        bytes32 second = _secondRune();
        _suspend(second);
        IRevenueDistributor.CollaborativeReceipt memory receipt =
            _collab(SID, _pair(rune, second), _weights(5_000, 5_000), address(usd), 1e6);
        _expectCollabRevert(
            receipt,
            _signAll(receipt, _keys(signerKey, SIGNER2_KEY)),
            payer,
            abi.encodeWithSelector(
                IRevenueDistributor.RevenueDistributorRuneNotActive.selector,
                second,
                IRuneRegistry.RuneStatus.Suspended
            )
        );
    }

    function test_payCollaborative_RevertWhen_SignaturesOutOfOrder() public {
        bytes32 second = _secondRune();
        IRevenueDistributor.CollaborativeReceipt memory receipt =
            _collab(SID, _pair(rune, second), _weights(5_000, 5_000), address(usd), 1e6);
        _expectCollabRevert(
            receipt,
            _signAll(receipt, _keys(SIGNER2_KEY, signerKey)),
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorInvalidSignature.selector, rune)
        );
    }

    function test_payCollaborative_RevertWhen_SecondSignatureInvalid() public {
        bytes32 second = _secondRune();
        IRevenueDistributor.CollaborativeReceipt memory receipt =
            _collab(SID, _pair(rune, second), _weights(5_000, 5_000), address(usd), 1e6);
        _expectCollabRevert(
            receipt,
            _signAll(receipt, _keys(signerKey, WRONG_KEY)),
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorInvalidSignature.selector, second)
        );
    }

    function test_payCollaborative_RevertWhen_ServiceIdUsedByOneRune() public {
        bytes32 second = _secondRune();
        _payWith(SIGNER2_KEY, second, SID, ETH, 1 ether);
        IRevenueDistributor.CollaborativeReceipt memory receipt =
            _collab(SID, _pair(rune, second), _weights(5_000, 5_000), address(usd), 1e6);
        _expectCollabRevert(
            receipt,
            _signAll(receipt, _keys(signerKey, SIGNER2_KEY)),
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorServiceAlreadyPaid.selector, second, SID)
        );
        // Nothing was spent for the first rune either.
        assertFalse(distributor.isServiceUsed(rune, SID));
    }

    function test_payCollaborative_RevertWhen_ReceiptExpired() public {
        bytes32 second = _secondRune();
        IRevenueDistributor.CollaborativeReceipt memory receipt =
            _collab(SID, _pair(rune, second), _weights(5_000, 5_000), address(usd), 1e6);
        bytes[] memory signatures = _signAll(receipt, _keys(signerKey, SIGNER2_KEY));
        vm.warp(receipt.deadline + 1);
        _expectCollabRevert(
            receipt,
            signatures,
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorReceiptExpired.selector, receipt.deadline)
        );
    }

    function test_payCollaborative_RevertWhen_CallerIsNotPayer() public {
        bytes32 second = _secondRune();
        IRevenueDistributor.CollaborativeReceipt memory receipt =
            _collab(SID, _pair(rune, second), _weights(5_000, 5_000), address(usd), 1e6);
        _expectCollabRevert(
            receipt,
            _signAll(receipt, _keys(signerKey, SIGNER2_KEY)),
            alice,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorPayerMismatch.selector, payer, alice)
        );
    }

    function test_payCollaborative_RevertWhen_EthValueWrong() public {
        bytes32 second = _secondRune();
        IRevenueDistributor.CollaborativeReceipt memory receipt =
            _collab(SID, _pair(rune, second), _weights(5_000, 5_000), ETH, 1 ether);
        bytes[] memory signatures = _signAll(receipt, _keys(signerKey, SIGNER2_KEY));
        vm.deal(payer, 2 ether);
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorValueMismatch.selector, 1 ether, 2 ether)
        );
        vm.prank(payer);
        distributor.payCollaborative{value: 2 ether}(receipt, signatures);
    }

    function test_payCollaborative_RevertWhen_Paused() public {
        bytes32 second = _secondRune();
        _pause();
        IRevenueDistributor.CollaborativeReceipt memory receipt =
            _collab(SID, _pair(rune, second), _weights(5_000, 5_000), address(usd), 1e6);
        _expectCollabRevert(
            receipt,
            _signAll(receipt, _keys(signerKey, SIGNER2_KEY)),
            payer,
            abi.encodeWithSelector(Pausable.EnforcedPause.selector)
        );
    }

    // =============================================================================================
    // stake
    // =============================================================================================

    function test_stake_RecordsPositionAndEmits() public {
        vm.prank(governor);
        aurunes.transfer(alice, 100 ether);
        vm.prank(alice);
        aurunes.approve(address(distributor), 100 ether);

        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.Staked(rune, alice, 100 ether, uint64(block.timestamp));
        vm.prank(alice);
        distributor.stake(rune, 100 ether);

        IRevenueDistributor.Position memory position = distributor.positionOf(rune, alice);
        assertEq(position.active, 100 ether);
        assertEq(position.unbonding, 0);
        assertEq(aurunes.balanceOf(alice), 0);
        assertEq(aurunes.balanceOf(address(distributor)), 100 ether);
        assertEq(distributor.totalStaked(), 100 ether);
        assertEq(distributor.activeStakeOf(rune), 100 ether);
        assertEq(distributor.stakerCountOf(rune), 1);
        assertEq(distributor.stakedRunesOf(alice).length, 1);
        assertEq(distributor.stakedRunesOf(alice)[0], rune);
    }

    function test_stake_AddingStakeCountsAccountOnce() public {
        _stake(alice, rune, 100 ether);
        _stake(alice, rune, 50 ether);
        _stake(bob, rune, 10 ether);
        assertEq(distributor.positionOf(rune, alice).active, 150 ether);
        assertEq(distributor.stakerCountOf(rune), 2);
        assertEq(distributor.activeStakeOf(rune), 160 ether);
        assertEq(distributor.stakedRunesOf(alice).length, 1);
        assertEq(distributor.totalStaked(), 160 ether);
    }

    function test_stake_KeepsRewardsEarnedBeforeAddingStake() public {
        _stake(alice, rune, 100 ether);
        _pay(rune, SID, payer, address(usd), 1_000e6);
        skip(REWARD_WINDOW / 2);
        assertEq(distributor.pendingRewards(rune, alice, address(usd)), 150e6);
        _stake(alice, rune, 100 ether);
        assertEq(distributor.pendingRewards(rune, alice, address(usd)), 150e6);
        skip(REWARD_WINDOW / 2);
        assertEq(distributor.pendingRewards(rune, alice, address(usd)), 300e6);
    }

    /// @dev A late staker only earns what streams after it joined (no flash-stake on a lump sum).
    function test_stake_LateStakerEarnsOnlyLaterStream() public {
        _stake(alice, rune, 100 ether);
        _pay(rune, SID, payer, address(usd), 1_000e6);
        skip(REWARD_WINDOW / 2);
        _stake(bob, rune, 100 ether);
        skip(REWARD_WINDOW / 2);
        assertEq(distributor.pendingRewards(rune, alice, address(usd)), 225e6);
        assertEq(distributor.pendingRewards(rune, bob, address(usd)), 75e6);
    }

    /// @dev What streams while nobody stakes goes to the developer; a returning staker gets only the rest.
    function test_stake_AfterEveryoneLeftGapStreamGoesToDeveloper() public {
        _stake(alice, rune, 100 ether);
        _pay(rune, SID, payer, address(usd), 1_000e6); // developer 500e6, stakers 300e6 streamed
        skip(REWARD_WINDOW / 2);
        _requestUnstake(alice, rune, 100 ether); // alice earned 150e6
        skip(REWARD_WINDOW / 4); // 75e6 streams to nobody
        _stake(bob, rune, 100 ether);
        assertEq(distributor.developerBalanceOf(rune, address(usd)), 575e6);
        skip(REWARD_WINDOW / 4);
        assertEq(distributor.pendingRewards(rune, alice, address(usd)), 150e6);
        assertEq(distributor.pendingRewards(rune, bob, address(usd)), 75e6);
        assertEq(distributor.pendingDeveloperBalance(rune, address(usd)), 575e6);
    }

    function test_stake_RevertWhen_ZeroAmount() public {
        vm.expectRevert(abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorZeroAmount.selector));
        vm.prank(alice);
        distributor.stake(rune, 0);
    }

    function test_stake_RevertWhen_RuneUnknown() public {
        bytes32 unknown = keccak256("unknown rune");
        vm.expectRevert(abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorUnknownRune.selector, unknown));
        vm.prank(alice);
        distributor.stake(unknown, 1 ether);
    }

    function test_stake_RevertWhen_RuneSuspended() public {
        _suspend(rune);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRevenueDistributor.RevenueDistributorRuneNotActive.selector, rune, IRuneRegistry.RuneStatus.Suspended
            )
        );
        vm.prank(alice);
        distributor.stake(rune, 1 ether);
    }

    function test_stake_RevertWhen_RuneRetired() public {
        vm.prank(developer);
        registry.retire(rune);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRevenueDistributor.RevenueDistributorRuneNotActive.selector, rune, IRuneRegistry.RuneStatus.Retired
            )
        );
        vm.prank(alice);
        distributor.stake(rune, 1 ether);
    }

    function test_stake_RevertWhen_AllowanceMissing() public {
        vm.prank(governor);
        aurunes.transfer(alice, 1 ether);
        vm.expectRevert(
            abi.encodeWithSelector(
                IERC20Errors.ERC20InsufficientAllowance.selector, address(distributor), 0, 1 ether
            )
        );
        vm.prank(alice);
        distributor.stake(rune, 1 ether);
    }

    function test_stake_RevertWhen_Paused() public {
        vm.prank(governor);
        aurunes.transfer(alice, 1 ether);
        vm.prank(alice);
        aurunes.approve(address(distributor), 1 ether);
        _pause();
        vm.expectRevert(abi.encodeWithSelector(Pausable.EnforcedPause.selector));
        vm.prank(alice);
        distributor.stake(rune, 1 ether);
    }

    // =============================================================================================
    // stakeWithPermit
    // =============================================================================================

    function test_stakeWithPermit_StakesWithoutApproval() public {
        vm.prank(governor);
        aurunes.transfer(holder, 20 ether);
        uint256 permitDeadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(address(aurunes), 20 ether, permitDeadline);

        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.Staked(rune, holder, 20 ether, uint64(block.timestamp));
        vm.prank(holder);
        distributor.stakeWithPermit(rune, 20 ether, permitDeadline, v, r, s);

        assertEq(distributor.positionOf(rune, holder).active, 20 ether);
        assertEq(aurunes.balanceOf(holder), 0);
        assertEq(aurunes.nonces(holder), 1);
        assertEq(aurunes.allowance(holder, address(distributor)), 0);
    }

    function test_stakeWithPermit_SucceedsWhenPermitFrontRun() public {
        vm.prank(governor);
        aurunes.transfer(holder, 20 ether);
        uint256 permitDeadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(address(aurunes), 20 ether, permitDeadline);
        vm.prank(frontRunner);
        aurunes.permit(holder, address(distributor), 20 ether, permitDeadline, v, r, s);

        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.Staked(rune, holder, 20 ether, uint64(block.timestamp));
        vm.prank(holder);
        distributor.stakeWithPermit(rune, 20 ether, permitDeadline, v, r, s);
        assertEq(distributor.activeStakeOf(rune), 20 ether);
    }

    function test_stakeWithPermit_RevertWhen_PermitInvalidAndNoAllowance() public {
        vm.prank(governor);
        aurunes.transfer(holder, 20 ether);
        uint256 permitDeadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(address(aurunes), 20 ether, permitDeadline);
        skip(2 hours); // the permit has expired
        vm.expectRevert(
            abi.encodeWithSelector(
                IERC20Errors.ERC20InsufficientAllowance.selector, address(distributor), 0, 20 ether
            )
        );
        vm.prank(holder);
        distributor.stakeWithPermit(rune, 20 ether, permitDeadline, v, r, s);
    }

    function test_stakeWithPermit_RevertWhen_RuneSuspended() public {
        _suspend(rune);
        uint256 permitDeadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(address(aurunes), 1 ether, permitDeadline);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRevenueDistributor.RevenueDistributorRuneNotActive.selector, rune, IRuneRegistry.RuneStatus.Suspended
            )
        );
        vm.prank(holder);
        distributor.stakeWithPermit(rune, 1 ether, permitDeadline, v, r, s);
    }

    function test_stakeWithPermit_RevertWhen_Paused() public {
        _pause();
        uint256 permitDeadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(address(aurunes), 1 ether, permitDeadline);
        vm.expectRevert(abi.encodeWithSelector(Pausable.EnforcedPause.selector));
        vm.prank(holder);
        distributor.stakeWithPermit(rune, 1 ether, permitDeadline, v, r, s);
    }

    // =============================================================================================
    // requestUnstake
    // =============================================================================================

    function test_requestUnstake_StopsEarningAtOnce() public {
        _stake(alice, rune, 100 ether);
        _stake(bob, rune, 100 ether);
        _pay(rune, SID, payer, address(usd), 1_000e6); // 300e6 to stakers over the window
        skip(REWARD_WINDOW / 2);
        assertEq(distributor.pendingRewards(rune, alice, address(usd)), 75e6);

        uint64 endsAt = uint64(block.timestamp) + UNBONDING_PERIOD;
        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.UnstakeRequested(rune, alice, 100 ether, endsAt, uint64(block.timestamp));
        _requestUnstake(alice, rune, 100 ether);

        skip(REWARD_WINDOW / 2);
        assertEq(distributor.pendingRewards(rune, alice, address(usd)), 75e6);
        assertEq(distributor.pendingRewards(rune, bob, address(usd)), 225e6);

        IRevenueDistributor.Position memory position = distributor.positionOf(rune, alice);
        assertEq(position.active, 0);
        assertEq(position.unbonding, 100 ether);
        assertEq(position.unbondingEndsAt, endsAt);
        assertEq(distributor.stakerCountOf(rune), 1);
        assertEq(distributor.activeStakeOf(rune), 100 ether);
        // Unbonding stake is still held.
        assertEq(distributor.totalStaked(), 200 ether);
    }

    function test_requestUnstake_PartialKeepsStakerCounted() public {
        _stake(alice, rune, 100 ether);
        _requestUnstake(alice, rune, 40 ether);
        assertEq(distributor.stakerCountOf(rune), 1);
        assertEq(distributor.positionOf(rune, alice).active, 60 ether);
        assertEq(distributor.positionOf(rune, alice).unbonding, 40 ether);
        assertEq(distributor.activeStakeOf(rune), 60 ether);
    }

    function test_requestUnstake_SecondRequestAddsAndRestartsPeriod() public {
        _stake(alice, rune, 100 ether);
        _requestUnstake(alice, rune, 30 ether);
        uint64 firstEnd = uint64(block.timestamp) + UNBONDING_PERIOD;
        assertEq(distributor.positionOf(rune, alice).unbondingEndsAt, firstEnd);

        skip(2 days);
        uint64 secondEnd = uint64(block.timestamp) + UNBONDING_PERIOD;
        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.UnstakeRequested(rune, alice, 20 ether, secondEnd, uint64(block.timestamp));
        _requestUnstake(alice, rune, 20 ether);

        IRevenueDistributor.Position memory position = distributor.positionOf(rune, alice);
        assertEq(position.unbonding, 50 ether);
        assertEq(position.unbondingEndsAt, secondEnd);

        vm.warp(firstEnd);
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorStillUnbonding.selector, secondEnd)
        );
        vm.prank(alice);
        distributor.withdraw(rune);

        vm.warp(secondEnd);
        vm.prank(alice);
        assertEq(distributor.withdraw(rune), 50 ether);
    }

    function test_requestUnstake_ShorterPeriodNeverBringsEarlierRequestForward() public {
        _stake(alice, rune, 100 ether);
        _requestUnstake(alice, rune, 30 ether);
        uint64 firstEnd = uint64(block.timestamp) + UNBONDING_PERIOD;

        vm.prank(governor);
        distributor.setUnbondingPeriod(1 hours);
        skip(1 days);
        _requestUnstake(alice, rune, 20 ether);

        IRevenueDistributor.Position memory position = distributor.positionOf(rune, alice);
        assertEq(position.unbonding, 50 ether);
        assertEq(position.unbondingEndsAt, firstEnd);
        vm.warp(firstEnd - 1);
        vm.expectRevert(abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorStillUnbonding.selector, firstEnd));
        vm.prank(alice);
        distributor.withdraw(rune);
    }

    function test_requestUnstake_LowersVetoWeight() public {
        _stake(alice, rune, 100 ether);
        skip(1);
        uint64 proposalId = _propose();
        vm.prank(alice);
        distributor.vetoSplitProposal(rune);

        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.VetoWeightLowered(rune, proposalId, alice, 40 ether);
        _requestUnstake(alice, rune, 60 ether);
        (uint256 vetoStake, uint256 activeStake) = distributor.vetoTally(rune, proposalId);
        assertEq(vetoStake, 40 ether);
        assertEq(activeStake, 40 ether);

        // Adding stake afterwards does not raise the veto again.
        _stake(alice, rune, 60 ether);
        (vetoStake, activeStake) = distributor.vetoTally(rune, proposalId);
        assertEq(vetoStake, 40 ether);
        assertEq(activeStake, 100 ether);
    }

    function test_requestUnstake_RevertWhen_ZeroAmount() public {
        _stake(alice, rune, 100 ether);
        vm.expectRevert(abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorZeroAmount.selector));
        _requestUnstake(alice, rune, 0);
    }

    function test_requestUnstake_RevertWhen_MoreThanActive() public {
        _stake(alice, rune, 100 ether);
        _requestUnstake(alice, rune, 30 ether);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRevenueDistributor.RevenueDistributorInsufficientStake.selector, 70 ether, 70 ether + 1
            )
        );
        _requestUnstake(alice, rune, 70 ether + 1);
    }

    function test_requestUnstake_RevertWhen_NoStake() public {
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorInsufficientStake.selector, 0, 1)
        );
        _requestUnstake(bob, rune, 1);
    }

    // =============================================================================================
    // withdraw
    // =============================================================================================

    function test_withdraw_AfterUnbondingPeriod() public {
        _stake(alice, rune, 100 ether);
        _requestUnstake(alice, rune, 100 ether);
        skip(UNBONDING_PERIOD);

        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.Withdrawn(rune, alice, 100 ether, uint64(block.timestamp));
        vm.prank(alice);
        uint256 amount = distributor.withdraw(rune);

        assertEq(amount, 100 ether);
        assertEq(aurunes.balanceOf(alice), 100 ether);
        assertEq(aurunes.balanceOf(address(distributor)), 0);
        assertEq(distributor.totalStaked(), 0);
        IRevenueDistributor.Position memory position = distributor.positionOf(rune, alice);
        assertEq(position.unbonding, 0);
        assertEq(position.unbondingEndsAt, 0);
    }

    function test_withdraw_InstantWhenRuneSuspended() public {
        _stake(alice, rune, 100 ether);
        _suspend(rune);
        _requestUnstake(alice, rune, 100 ether);

        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.Withdrawn(rune, alice, 100 ether, uint64(block.timestamp));
        vm.prank(alice);
        assertEq(distributor.withdraw(rune), 100 ether);
        assertEq(aurunes.balanceOf(alice), 100 ether);
    }

    function test_withdraw_InstantWhenRuneRetired() public {
        _stake(alice, rune, 100 ether);
        _requestUnstake(alice, rune, 100 ether);
        vm.prank(developer);
        registry.retire(rune);

        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.Withdrawn(rune, alice, 100 ether, uint64(block.timestamp));
        vm.prank(alice);
        assertEq(distributor.withdraw(rune), 100 ether);
    }

    function test_withdraw_LeavesActiveStakeEarning() public {
        _stake(alice, rune, 100 ether);
        _requestUnstake(alice, rune, 40 ether);
        skip(UNBONDING_PERIOD);
        vm.prank(alice);
        distributor.withdraw(rune);
        assertEq(distributor.positionOf(rune, alice).active, 60 ether);
        assertEq(distributor.totalStaked(), 60 ether);
        assertEq(distributor.activeStakeOf(rune), 60 ether);
    }

    function test_withdraw_RevertWhen_StillUnbonding() public {
        _stake(alice, rune, 100 ether);
        _requestUnstake(alice, rune, 100 ether);
        uint64 endsAt = uint64(block.timestamp) + UNBONDING_PERIOD;
        skip(UNBONDING_PERIOD - 1);
        vm.expectRevert(abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorStillUnbonding.selector, endsAt));
        vm.prank(alice);
        distributor.withdraw(rune);
    }

    function test_withdraw_RevertWhen_NothingUnbonding() public {
        _stake(alice, rune, 100 ether);
        vm.expectRevert(abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorNothingToWithdraw.selector, rune));
        vm.prank(alice);
        distributor.withdraw(rune);
    }

    function test_withdraw_RevertWhen_AlreadyWithdrawn() public {
        _stake(alice, rune, 100 ether);
        _requestUnstake(alice, rune, 100 ether);
        skip(UNBONDING_PERIOD);
        vm.startPrank(alice);
        distributor.withdraw(rune);
        vm.expectRevert(abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorNothingToWithdraw.selector, rune));
        distributor.withdraw(rune);
        vm.stopPrank();
    }

    // =============================================================================================
    // claim
    // =============================================================================================

    function test_claim_SeveralRunesAndTokens() public {
        bytes32 second = _secondRune();
        _stake(alice, rune, 100 ether);
        _stake(alice, second, 50 ether);
        _payWith(signerKey, rune, "a", ETH, 1 ether); // 0.3 ether to stakers
        _payWith(signerKey, rune, "b", address(usd), 1_000e6); // 300e6
        _payWith(SIGNER2_KEY, second, "c", address(aurunes), 10 ether); // 4 ether
        _payWith(SIGNER2_KEY, second, "d", address(usd), 500e6); // 200e6
        skip(REWARD_WINDOW);

        uint64 nowTs = uint64(block.timestamp);
        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.Claimed(rune, alice, ETH, 0.3 ether, nowTs);
        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.Claimed(rune, alice, address(usd), 300e6, nowTs);
        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.Claimed(second, alice, address(aurunes), 4 ether, nowTs);
        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.Claimed(second, alice, address(usd), 200e6, nowTs);
        _claim(alice, _pair(rune, second), _tokens3(ETH, address(aurunes), address(usd)));

        assertEq(alice.balance, 0.3 ether);
        assertEq(aurunes.balanceOf(alice), 4 ether);
        assertEq(usd.balanceOf(alice), 500e6);
        assertEq(distributor.pendingRewards(rune, alice, ETH), 0);
        assertEq(distributor.pendingRewards(rune, alice, address(usd)), 0);
        assertEq(distributor.pendingRewards(second, alice, address(aurunes)), 0);
        assertEq(distributor.pendingRewards(second, alice, address(usd)), 0);
        // The stake itself is untouched.
        assertEq(aurunes.balanceOf(address(distributor)), 150 ether + 6 ether);
    }

    function test_claim_StreamsLinearlyOverRewardWindow() public {
        _stake(alice, rune, 100 ether);
        _pay(rune, SID, payer, address(usd), 999_999_999);
        uint256 stakersPart = 999_999_999 - 499_999_999 - 199_999_999; // 300,000,001

        skip(REWARD_WINDOW / 4);
        assertApproxEqAbs(distributor.pendingRewards(rune, alice, address(usd)), stakersPart / 4, 1);

        skip(REWARD_WINDOW / 4);
        assertApproxEqAbs(distributor.pendingRewards(rune, alice, address(usd)), stakersPart / 2, 1);
        _claim(alice, _runes(rune), _tokens(address(usd)));
        uint256 firstHalf = usd.balanceOf(alice);
        assertApproxEqAbs(firstHalf, stakersPart / 2, 1);

        // A claim reads the accumulator's value now without writing the stream (nothing about it changed).
        IRevenueDistributor.StreamState memory stream = distributor.streamOf(rune, address(usd));
        assertEq(stream.remaining, stakersPart);
        assertEq(stream.lastUpdate, block.timestamp - REWARD_WINDOW / 2);

        skip(REWARD_WINDOW); // well past the end: nothing more than the stakers part
        _claim(alice, _runes(rune), _tokens(address(usd)));
        assertApproxEqAbs(usd.balanceOf(alice), stakersPart, 1);
        assertLe(usd.balanceOf(alice), stakersPart);
        assertEq(distributor.pendingRewards(rune, alice, address(usd)), 0);
        assertLe(distributor.streamOf(rune, address(usd)).finish, block.timestamp, "fully streamed");
    }

    /// @dev Streaming rule: the unstreamed 150 (due at the old finish, W/2 away) and the new 300 (due at now + W)
    /// stream together until their amount-weighted average: now + (150 * W/2 + 300 * W) / 450 = now + 5W/6.
    function test_pay_NewPartJoinsStreamWithWeightedFinish() public {
        _stake(alice, rune, 100 ether);
        _pay(rune, "first", payer, address(usd), 1_000e6);
        skip(REWARD_WINDOW / 2);
        _pay(rune, "second", payer, address(usd), 1_000e6);

        IRevenueDistributor.StreamState memory stream = distributor.streamOf(rune, address(usd));
        assertEq(stream.remaining, 150e6 + 300e6);
        assertEq(stream.remainingScaled, (150e6 + 300e6) * 1e12);
        assertEq(stream.lastUpdate, block.timestamp);
        assertEq(stream.finish, block.timestamp + REWARD_WINDOW * 5 / 6);
        assertEq(distributor.pendingRewards(rune, alice, address(usd)), 150e6);

        skip(REWARD_WINDOW / 2);
        assertEq(distributor.pendingRewards(rune, alice, address(usd)), 150e6 + 270e6);
        skip(REWARD_WINDOW / 3);
        _claim(alice, _runes(rune), _tokens(address(usd)));
        assertEq(usd.balanceOf(alice), 600e6);
    }

    /// @dev A 1-unit payment barely moves the finish of a large stream (issue 7, item 1).
    function test_pay_DustBarelyMovesFinish() public {
        _stake(alice, rune, 100 ether);
        _pay(rune, "big", payer, address(usd), 1_000e6);
        uint256 finish = block.timestamp + REWARD_WINDOW;
        skip(1 days);
        _pay(rune, "dust", payer, address(usd), 1);
        // (300e6 - released) units due at `finish`, 1 unit at now + W: the average moves by well under a second.
        assertEq(distributor.streamOf(rune, address(usd)).finish, finish);
    }

    function test_claim_SharesProRataBetweenStakers() public {
        _stake(alice, rune, 300 ether);
        _stake(bob, rune, 100 ether);
        _pay(rune, SID, payer, ETH, 1 ether);
        skip(REWARD_WINDOW);
        _claim(alice, _runes(rune), _tokens(ETH));
        _claim(bob, _runes(rune), _tokens(ETH));
        assertEq(alice.balance, 0.225 ether);
        assertEq(bob.balance, 0.075 ether);
    }

    function test_claim_SmallUsdPaymentDoesNotRoundToZero() public {
        _stake(alice, rune, 100_000_000 ether);
        _pay(rune, SID, payer, address(usd), 10); // 3 units to stakers
        skip(REWARD_WINDOW);
        assertEq(distributor.pendingRewards(rune, alice, address(usd)), 3);
        _claim(alice, _runes(rune), _tokens(address(usd)));
        assertEq(usd.balanceOf(alice), 3);
    }

    function test_claim_KeepsRewardsAfterUnstakeAndWithdraw() public {
        _stake(alice, rune, 100 ether);
        _pay(rune, SID, payer, address(usd), 1_000e6);
        skip(REWARD_WINDOW / 2);
        _requestUnstake(alice, rune, 100 ether);
        skip(UNBONDING_PERIOD);
        vm.prank(alice);
        distributor.withdraw(rune);

        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.Claimed(rune, alice, address(usd), 150e6, uint64(block.timestamp));
        _claim(alice, _runes(rune), _tokens(address(usd)));
        assertEq(usd.balanceOf(alice), 150e6);
    }

    function test_claim_NothingOwedEmitsNothing() public {
        _stake(alice, rune, 100 ether);
        vm.recordLogs();
        _claim(alice, _runes(rune), _tokens3(ETH, address(aurunes), address(usd)));
        assertEq(vm.getRecordedLogs().length, 0);
        assertEq(alice.balance, 0);
    }

    function test_claim_RevertWhen_TokenUnknown() public {
        address unknown = makeAddr("unknownToken");
        vm.expectRevert(abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorUnknownToken.selector, unknown));
        _claim(alice, _runes(rune), _tokens2(address(usd), unknown));
    }

    function test_claim_RevertWhen_TokenUnknownBesideOwedToken() public {
        _stake(alice, rune, 100 ether);
        _pay(rune, SID, payer, address(usd), 1_000e6);
        skip(REWARD_WINDOW);
        address unknown = makeAddr("unknownToken");
        vm.expectRevert(abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorUnknownToken.selector, unknown));
        _claim(alice, _runes(rune), _tokens2(address(usd), unknown));
        assertEq(usd.balanceOf(alice), 0);
        assertEq(distributor.pendingRewards(rune, alice, address(usd)), 300e6);
    }

    // =============================================================================================
    // claimDeveloper
    // =============================================================================================

    function test_claimDeveloper_PaysRuneOwner() public {
        _pay(rune, "a", payer, ETH, 1 ether);
        _pay(rune, "b", payer, address(usd), 1_000e6);
        uint64 nowTs = uint64(block.timestamp);

        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.DeveloperClaimed(rune, developer, ETH, 0.8 ether, nowTs);
        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.DeveloperClaimed(rune, developer, address(usd), 800e6, nowTs);
        vm.prank(developer);
        distributor.claimDeveloper(rune, _tokens3(ETH, address(aurunes), address(usd)));

        assertEq(developer.balance, 0.8 ether);
        assertEq(usd.balanceOf(developer), 800e6);
        assertEq(distributor.developerBalanceOf(rune, ETH), 0);
        assertEq(distributor.developerBalanceOf(rune, address(usd)), 0);
        assertEq(distributor.pendingDeveloperBalance(rune, address(usd)), 0);
    }

    function test_claimDeveloper_FollowsRuneTransfer() public {
        _pay(rune, SID, payer, address(usd), 1_000e6);
        vm.prank(developer);
        registry.transferFrom(developer, bob, uint256(rune));

        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorNotRuneOwner.selector, rune, developer)
        );
        vm.prank(developer);
        distributor.claimDeveloper(rune, _tokens(address(usd)));

        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.DeveloperClaimed(rune, bob, address(usd), 800e6, uint64(block.timestamp));
        vm.prank(bob);
        distributor.claimDeveloper(rune, _tokens(address(usd)));
        assertEq(usd.balanceOf(bob), 800e6);
        assertEq(usd.balanceOf(developer), 0);
    }

    function test_claimDeveloper_IncludesStreamWhileNobodyStaked() public {
        _stake(alice, rune, 100 ether);
        _pay(rune, SID, payer, address(usd), 1_000e6); // developer 500e6, stakers 300e6 streamed
        skip(REWARD_WINDOW / 2);
        _requestUnstake(alice, rune, 100 ether); // alice keeps 150e6; the rest streams to nobody
        skip(REWARD_WINDOW / 2);

        assertEq(distributor.developerBalanceOf(rune, address(usd)), 500e6);
        assertEq(distributor.pendingDeveloperBalance(rune, address(usd)), 650e6);

        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.DeveloperClaimed(rune, developer, address(usd), 650e6, uint64(block.timestamp));
        vm.prank(developer);
        distributor.claimDeveloper(rune, _tokens(address(usd)));
        assertEq(usd.balanceOf(developer), 650e6);
        assertEq(distributor.pendingRewards(rune, alice, address(usd)), 150e6);
        assertEq(distributor.streamOf(rune, address(usd)).remaining, 0);
    }

    function test_claimDeveloper_WorksOnRetiredRune() public {
        _pay(rune, SID, payer, address(usd), 1_000e6);
        vm.prank(developer);
        registry.retire(rune);
        vm.prank(developer);
        distributor.claimDeveloper(rune, _tokens(address(usd)));
        assertEq(usd.balanceOf(developer), 800e6);
    }

    /// @dev A developer balance at 2^128 - 1 takes no more: what streams to it meanwhile waits in the stream, no
    /// claim reverts, and nothing is lost.
    function test_claimDeveloper_StreamBeyond128BitRoomIsReleasedLater() public {
        bytes32 solo = _register(
            developer2, "solo", vm.addr(SIGNER2_KEY), _split(9_000, 0, 1_000), new address[](0), new uint16[](0)
        );
        uint256 max = type(uint128).max;
        _stake(alice, solo, 100 ether);
        _payWith(SIGNER2_KEY, solo, "first", address(usd), max);
        uint256 streamed = max - max * 9_000 / 10_000;
        assertEq(distributor.streamOf(solo, address(usd)).remaining, streamed);
        // Same second: alice earned nothing, and the whole stream now releases to the developer.
        _requestUnstake(alice, solo, 100 ether);
        uint256 room = max - distributor.developerBalanceOf(solo, address(usd));
        _payWith(SIGNER2_KEY, solo, "second", address(usd), room); // no stake: all of it to the developer
        assertEq(distributor.developerBalanceOf(solo, address(usd)), max);
        skip(REWARD_WINDOW);
        assertEq(distributor.pendingDeveloperBalance(solo, address(usd)), max);

        // A staker's claim runs the same checkpoint.
        _claim(alice, _runes(solo), _tokens(address(usd)));
        assertEq(usd.balanceOf(alice), 0);
        vm.startPrank(developer2);
        distributor.claimDeveloper(solo, _tokens(address(usd)));
        assertEq(usd.balanceOf(developer2), max);
        assertEq(distributor.streamOf(solo, address(usd)).remaining, streamed);
        distributor.claimDeveloper(solo, _tokens(address(usd)));
        vm.stopPrank();
        assertEq(usd.balanceOf(developer2), max + room);
        assertEq(distributor.streamOf(solo, address(usd)).remaining, 0);
        assertEq(usd.balanceOf(address(distributor)), 0);
    }

    function test_claimDeveloper_RevertWhen_CallerNotRuneOwner() public {
        _pay(rune, SID, payer, address(usd), 1_000e6);
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorNotRuneOwner.selector, rune, alice)
        );
        vm.prank(alice);
        distributor.claimDeveloper(rune, _tokens(address(usd)));
    }

    function test_claimDeveloper_RevertWhen_RuneUnknown() public {
        bytes32 unknown = keccak256("unknown rune");
        vm.expectRevert(abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorUnknownRune.selector, unknown));
        vm.prank(developer);
        distributor.claimDeveloper(unknown, _tokens(address(usd)));
    }

    function test_claimDeveloper_RevertWhen_TokenUnknown() public {
        address unknown = makeAddr("unknownToken");
        vm.expectRevert(abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorUnknownToken.selector, unknown));
        vm.prank(developer);
        distributor.claimDeveloper(rune, _tokens(unknown));
    }

    // =============================================================================================
    // claimInfra
    // =============================================================================================

    function test_claimInfra_PaysRecipient() public {
        _pay(rune, "a", payer, ETH, 1 ether + 9);
        _pay(rune, "b", payer, address(usd), 12_345_671);
        uint64 nowTs = uint64(block.timestamp);

        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.InfraClaimed(infraA, ETH, 0.12 ether + 1, nowTs);
        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.InfraClaimed(infraA, address(usd), 1_481_481, nowTs);
        vm.prank(infraA);
        distributor.claimInfra(_tokens3(ETH, address(aurunes), address(usd)));

        assertEq(infraA.balance, 0.12 ether + 1);
        assertEq(usd.balanceOf(infraA), 1_481_481);
        assertEq(distributor.infraBalanceOf(infraA, ETH), 0);
        assertEq(distributor.infraBalanceOf(infraA, address(usd)), 0);
        // infraB's balance is untouched.
        assertEq(distributor.infraBalanceOf(infraB, address(usd)), 987_653);
    }

    function test_claimInfra_NothingOwedEmitsNothing() public {
        vm.recordLogs();
        vm.prank(infraA);
        distributor.claimInfra(_tokens(ETH));
        assertEq(vm.getRecordedLogs().length, 0);
    }

    function test_claimInfra_RevertWhen_TokenUnknown() public {
        address unknown = makeAddr("unknownToken");
        vm.expectRevert(abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorUnknownToken.selector, unknown));
        vm.prank(infraA);
        distributor.claimInfra(_tokens(unknown));
    }

    // =============================================================================================
    // pushInfra, setInfraPushAllowed
    // =============================================================================================

    function test_pushInfra_PaysRecipientByDefault() public {
        _pay(rune, SID, payer, address(usd), 1_000e6);
        assertTrue(distributor.isInfraPushAllowed(infraA));
        vm.prank(frontRunner);
        distributor.pushInfra(infraA, _tokens(address(usd)));
        assertEq(usd.balanceOf(infraA), 120e6);
        assertEq(usd.balanceOf(frontRunner), 0);
    }

    function test_setInfraPushAllowed_OptOutRefusesPushesNotClaims() public {
        _pay(rune, SID, payer, address(usd), 1_000e6);
        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.InfraPushAllowanceSet(infraA, false);
        vm.prank(infraA);
        distributor.setInfraPushAllowed(false);
        assertFalse(distributor.isInfraPushAllowed(infraA));
        assertTrue(distributor.isInfraPushAllowed(infraB), "per recipient");

        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorInfraPushRefused.selector, infraA)
        );
        vm.prank(frontRunner);
        distributor.pushInfra(infraA, _tokens(address(usd)));
        distributor.pushInfra(infraB, _tokens(address(usd)));
        assertEq(usd.balanceOf(infraB), 80e6);

        // The recipient still collects itself, to itself or elsewhere.
        address treasury = makeAddr("treasury");
        vm.prank(infraA);
        distributor.claimInfraTo(_tokens(address(usd)), treasury);
        assertEq(usd.balanceOf(treasury), 120e6);
    }

    function test_setInfraPushAllowed_OptBackIn() public {
        vm.startPrank(infraA);
        distributor.setInfraPushAllowed(false);
        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.InfraPushAllowanceSet(infraA, true);
        distributor.setInfraPushAllowed(true);
        vm.stopPrank();
        assertTrue(distributor.isInfraPushAllowed(infraA));
        _pay(rune, SID, payer, address(usd), 1_000e6);
        distributor.pushInfra(infraA, _tokens(address(usd)));
        assertEq(usd.balanceOf(infraA), 120e6);
    }

    // =============================================================================================
    // vetoSplitProposal
    // =============================================================================================

    function test_vetoSplitProposal_CountsActiveStake() public {
        _stake(alice, rune, 70 ether);
        _stake(bob, rune, 30 ether);
        skip(1);
        uint64 proposalId = _propose();

        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.SplitProposalVetoed(rune, proposalId, alice, 70 ether);
        vm.prank(alice);
        distributor.vetoSplitProposal(rune);

        (uint256 vetoStake, uint256 activeStake) = distributor.vetoTally(rune, proposalId);
        assertEq(vetoStake, 70 ether);
        assertEq(activeStake, 100 ether);
        assertEq(distributor.positionOf(rune, alice).vetoedProposalId, proposalId);
        assertEq(distributor.positionOf(rune, bob).vetoedProposalId, 0);

        vm.prank(bob);
        distributor.vetoSplitProposal(rune);
        (vetoStake,) = distributor.vetoTally(rune, proposalId);
        assertEq(vetoStake, 100 ether);
    }

    function test_vetoSplitProposal_MajorityRejectsProposal() public {
        _stake(alice, rune, 60 ether);
        _stake(bob, rune, 40 ether);
        skip(1);
        _propose();
        vm.prank(alice);
        distributor.vetoSplitProposal(rune);
        skip(RULE_DELAY);
        assertFalse(registry.executeSplitProposal(rune));
        assertEq(registry.runeInfo(rune).split.developerBps, 5_000);
    }

    function test_vetoSplitProposal_NewProposalStartsFreshTally() public {
        _stake(alice, rune, 60 ether);
        skip(1);
        uint64 first = _propose();
        vm.prank(alice);
        distributor.vetoSplitProposal(rune);
        vm.prank(developer);
        registry.cancelSplitProposal(rune);

        skip(registry.PROPOSAL_COOLDOWN());
        uint64 second = _propose();
        (uint256 vetoStake,) = distributor.vetoTally(rune, second);
        assertEq(vetoStake, 0);
        vm.prank(alice);
        distributor.vetoSplitProposal(rune);
        (vetoStake,) = distributor.vetoTally(rune, second);
        assertEq(vetoStake, 60 ether);
        (vetoStake,) = distributor.vetoTally(rune, first);
        assertEq(vetoStake, 0);
    }

    function test_vetoSplitProposal_RevertWhen_AlreadyVetoed() public {
        _stake(alice, rune, 60 ether);
        skip(1);
        uint64 proposalId = _propose();
        vm.startPrank(alice);
        distributor.vetoSplitProposal(rune);
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorAlreadyVetoed.selector, rune, proposalId)
        );
        distributor.vetoSplitProposal(rune);
        vm.stopPrank();
    }

    function test_vetoSplitProposal_RevertWhen_StakedAfterProposal() public {
        uint64 id = _propose();
        skip(1 hours);
        _stake(alice, rune, 60 ether);
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorNoVetoWeight.selector, rune, id, alice)
        );
        vm.prank(alice);
        distributor.vetoSplitProposal(rune);
    }

    /// @dev Stake held before the proposal transaction counts, even in the same block: the ledger learns of the
    /// proposal in that transaction, so there is no same-second ambiguity.
    function test_vetoSplitProposal_CountsStakeFromTheProposalBlock() public {
        _stake(alice, rune, 60 ether);
        uint64 id = _propose();
        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.SplitProposalVetoed(rune, id, alice, 60 ether);
        vm.prank(alice);
        distributor.vetoSplitProposal(rune);
    }

    function test_vetoSplitProposal_TopUpAfterProposalKeepsHeldStake() public {
        _stake(alice, rune, 60 ether);
        skip(1);
        uint64 id = _propose();
        skip(1);
        _stake(alice, rune, 1 ether);
        assertEq(_vetoWeight(alice), 60 ether);
        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.SplitProposalVetoed(rune, id, alice, 60 ether);
        vm.prank(alice);
        distributor.vetoSplitProposal(rune);
        (uint256 vetoStake,) = distributor.vetoTally(rune, id);
        assertEq(vetoStake, 60 ether);
    }

    function test_vetoSplitProposal_UnstakeThenRestakeKeepsTheLowest() public {
        _stake(alice, rune, 60 ether);
        uint64 id = _propose();
        _requestUnstake(alice, rune, 50 ether);
        _stake(alice, rune, 100 ether);
        assertEq(_vetoWeight(alice), 10 ether, "held since the proposal: the lowest stake since");
        vm.prank(alice);
        distributor.vetoSplitProposal(rune);
        (uint256 vetoStake,) = distributor.vetoTally(rune, id);
        assertEq(vetoStake, 10 ether);
    }

    function test_vetoSplitProposal_RevertWhen_Owner() public {
        _stake(developer, rune, 60 ether);
        _propose();
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorProposerCannotVeto.selector, rune, developer)
        );
        vm.prank(developer);
        distributor.vetoSplitProposal(rune);
    }

    /// @dev The ledger refuses the proposer it recorded at `setOpenProposal`, not whoever owns the rune now.
    function test_vetoSplitProposal_RevertWhen_RecordedProposer() public {
        _stake(alice, rune, 60 ether);
        _stake(developer, rune, 40 ether);
        vm.prank(address(registry));
        uint256 base = distributor.setOpenProposal(rune, 77, alice);
        assertEq(base, 40 ether, "the recorded proposer's stake is left out");
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorProposerCannotVeto.selector, rune, alice)
        );
        vm.prank(alice);
        distributor.vetoSplitProposal(rune);
        // The rune's owner did not make this proposal: it may veto it.
        vm.prank(developer);
        distributor.vetoSplitProposal(rune);
        (uint256 vetoStake,) = distributor.vetoTally(rune, 77);
        assertEq(vetoStake, 40 ether);
        // Closing forgets the proposer.
        vm.prank(address(registry));
        distributor.setOpenProposal(rune, 0, address(0));
        vm.prank(address(registry));
        distributor.setOpenProposal(rune, 78, developer);
        vm.prank(alice);
        distributor.vetoSplitProposal(rune);
        (vetoStake,) = distributor.vetoTally(rune, 78);
        assertEq(vetoStake, 60 ether);
    }

    function test_vetoSplitProposal_RevertWhen_NoStake() public {
        uint64 id = _propose();
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorNoVetoWeight.selector, rune, id, bob)
        );
        vm.prank(bob);
        distributor.vetoSplitProposal(rune);
    }

    function test_vetoSplitProposal_RevertWhen_StakeFullyUnbonding() public {
        _stake(alice, rune, 60 ether);
        skip(1);
        uint64 id = _propose();
        _requestUnstake(alice, rune, 60 ether);
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorNoVetoWeight.selector, rune, id, alice)
        );
        vm.prank(alice);
        distributor.vetoSplitProposal(rune);
    }

    function test_setOpenProposal_RevertWhen_NotRegistry() public {
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorNotRegistry.selector, alice)
        );
        vm.prank(alice);
        distributor.setOpenProposal(rune, 1, alice);
    }

    function _vetoWeight(address account) internal view returns (uint256 weight) {
        (, weight) = distributor.vetoWeightOf(rune, account);
    }

    function test_vetoSplitProposal_RevertWhen_NoProposal() public {
        _stake(alice, rune, 60 ether);
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorNoPendingProposal.selector, rune)
        );
        vm.prank(alice);
        distributor.vetoSplitProposal(rune);
    }

    // =============================================================================================
    // views
    // =============================================================================================

    function test_pendingRewards_MatchesWhatClaimPays() public {
        _stake(alice, rune, 100 ether);
        _stake(bob, rune, 33 ether);
        _pay(rune, SID, payer, address(aurunes), 7 ether + 3);
        skip(REWARD_WINDOW / 3);
        uint256 pending = distributor.pendingRewards(rune, alice, address(aurunes));
        assertGt(pending, 0);
        _claim(alice, _runes(rune), _tokens(address(aurunes)));
        assertEq(aurunes.balanceOf(alice), pending);
        assertEq(distributor.pendingRewards(rune, alice, address(aurunes)), 0);
    }

    function test_pendingRewards_ZeroForNonStakerAndOtherToken() public {
        _stake(alice, rune, 100 ether);
        _pay(rune, SID, payer, address(usd), 1_000e6);
        skip(REWARD_WINDOW);
        assertEq(distributor.pendingRewards(rune, bob, address(usd)), 0);
        assertEq(distributor.pendingRewards(rune, alice, ETH), 0);
    }

    function test_positionOf_EmptyByDefault() public view {
        IRevenueDistributor.Position memory position = distributor.positionOf(rune, alice);
        assertEq(position.active, 0);
        assertEq(position.unbonding, 0);
        assertEq(position.unbondingEndsAt, 0);
        assertEq(position.vetoedProposalId, 0);
    }

    function test_stakedRunesOf_ListsEveryRuneOnceAndKeepsEmptyPositions() public {
        bytes32 second = _secondRune();
        _stake(alice, rune, 10 ether);
        _stake(alice, second, 10 ether);
        _stake(alice, rune, 10 ether);
        _requestUnstake(alice, rune, 20 ether);
        skip(UNBONDING_PERIOD);
        vm.prank(alice);
        distributor.withdraw(rune);

        bytes32[] memory runes = distributor.stakedRunesOf(alice);
        assertEq(runes.length, 2);
        assertEq(runes[0], rune);
        assertEq(runes[1], second);
        assertEq(distributor.stakedRunesOf(bob).length, 0);
    }

    function test_stakerCountOf_CountsAccountsWithActiveStake() public {
        assertEq(distributor.stakerCountOf(rune), 0);
        _stake(alice, rune, 10 ether);
        _stake(bob, rune, 10 ether);
        assertEq(distributor.stakerCountOf(rune), 2);
        _requestUnstake(bob, rune, 10 ether);
        assertEq(distributor.stakerCountOf(rune), 1);
        _stake(bob, rune, 1 ether);
        assertEq(distributor.stakerCountOf(rune), 2);
    }

    function test_activeStakeOf_ExcludesUnbonding() public {
        _stake(alice, rune, 10 ether);
        _stake(bob, rune, 5 ether);
        _requestUnstake(bob, rune, 2 ether);
        assertEq(distributor.activeStakeOf(rune), 13 ether);
        assertEq(distributor.totalStaked(), 15 ether);
    }

    function test_vetoTally_ZeroWithoutVeto() public {
        _stake(alice, rune, 10 ether);
        (uint256 vetoStake, uint256 activeStake) = distributor.vetoTally(rune, 42);
        assertEq(vetoStake, 0);
        assertEq(activeStake, 10 ether);
    }

    function test_revenueOf_SumsPaymentsPerToken() public {
        _pay(rune, "a", payer, address(usd), 10e6);
        _pay(rune, "b", payer, address(usd), 5e6);
        _pay(rune, "c", payer, ETH, 1 ether);
        assertEq(distributor.revenueOf(rune, address(usd)), 15e6);
        assertEq(distributor.revenueOf(rune, ETH), 1 ether);
        assertEq(distributor.revenueOf(rune, address(aurunes)), 0);
    }

    /// @dev An all-time statistic must never make `pay` revert for a rune: it stops at 2^128 - 1.
    function test_revenueOf_SaturatesInsteadOfBlockingPay() public {
        uint256 max = type(uint128).max;
        uint256 infraPart = max * 2_000 / 10_000;
        _pay(rune, "a", payer, address(usd), max);
        vm.prank(developer);
        distributor.claimDeveloper(rune, _tokens(address(usd))); // room for the next developer part
        _pay(rune, "b", payer, address(usd), max);
        assertEq(distributor.revenueOf(rune, address(usd)), max);
        // The money itself is still counted exactly.
        assertEq(distributor.developerBalanceOf(rune, address(usd)), max - infraPart);
        assertEq(
            distributor.infraBalanceOf(infraA, address(usd)) + distributor.infraBalanceOf(infraB, address(usd)),
            2 * infraPart
        );
    }

    function test_developerBalanceOf_ExcludesStreamNotYetCheckpointed() public {
        _stake(alice, rune, 10 ether);
        _pay(rune, SID, payer, address(usd), 100e6);
        _requestUnstake(alice, rune, 10 ether); // nobody stakes from now on
        skip(REWARD_WINDOW);
        assertEq(distributor.developerBalanceOf(rune, address(usd)), 50e6);
        assertEq(distributor.pendingDeveloperBalance(rune, address(usd)), 80e6);
    }

    function test_pendingDeveloperBalance_ExcludesStreamWhileStaked() public {
        _stake(alice, rune, 10 ether);
        _pay(rune, SID, payer, address(usd), 100e6);
        skip(REWARD_WINDOW);
        assertEq(distributor.pendingDeveloperBalance(rune, address(usd)), 50e6);
    }

    function test_infraBalanceOf_AccumulatesAcrossRunes() public {
        bytes32 third = _thirdRune();
        _payWith(signerKey, rune, "a", address(usd), 100e6); // infraB 8e6
        _payWith(SIGNER3_KEY, third, "b", address(usd), 100e6); // infraB 10e6
        assertEq(distributor.infraBalanceOf(infraB, address(usd)), 18e6);
        assertEq(distributor.infraBalanceOf(infraA, address(usd)), 12e6);
        assertEq(distributor.infraBalanceOf(alice, address(usd)), 0);
    }

    function test_streamOf_AfterPayment() public {
        _stake(alice, rune, 10 ether);
        _pay(rune, SID, payer, ETH, 1 ether);
        IRevenueDistributor.StreamState memory stream = distributor.streamOf(rune, ETH);
        assertEq(stream.rewardPerShare, 0);
        assertEq(stream.remaining, 0.3 ether);
        assertEq(stream.lastUpdate, block.timestamp);
        assertEq(stream.finish, block.timestamp + REWARD_WINDOW);

        skip(REWARD_WINDOW / 2);
        // A claim does not write the stream; a stake change checkpoints it.
        _claim(alice, _runes(rune), _tokens(ETH));
        assertEq(distributor.streamOf(rune, ETH).remaining, 0.3 ether);
        _stake(bob, rune, 1 ether);
        stream = distributor.streamOf(rune, ETH);
        assertEq(stream.remaining, 0.15 ether);
        assertEq(stream.remainingScaled, 0.15 ether * 1e12);
        // 0.15 ether spread over 10 ether of stake, scaled by 1e36.
        assertEq(stream.rewardPerShare, 0.15 ether * 1e36 / 10 ether);
    }

    function test_tokens_ListsInAllowOrderWithFlags() public {
        vm.prank(governor);
        distributor.setTokenAllowed(address(aurunes), false);
        (address[] memory list, bool[] memory allowed) = distributor.tokens();
        assertEq(list.length, 3);
        assertEq(list[0], ETH);
        assertEq(list[1], address(aurunes));
        assertEq(list[2], address(usd));
        assertTrue(allowed[0]);
        assertFalse(allowed[1]);
        assertTrue(allowed[2]);
    }

    function test_isTokenAllowed_ReflectsAllowList() public {
        assertTrue(distributor.isTokenAllowed(ETH));
        assertTrue(distributor.isTokenAllowed(address(usd)));
        assertFalse(distributor.isTokenAllowed(makeAddr("unknownToken")));
        vm.prank(governor);
        distributor.setTokenAllowed(address(usd), false);
        assertFalse(distributor.isTokenAllowed(address(usd)));
    }

    function test_isServiceUsed_PerRune() public {
        bytes32 second = _secondRune();
        assertFalse(distributor.isServiceUsed(rune, SID));
        _pay(rune, SID, payer, ETH, 1 ether);
        assertTrue(distributor.isServiceUsed(rune, SID));
        assertFalse(distributor.isServiceUsed(second, SID));
        assertFalse(distributor.isServiceUsed(rune, "other"));
    }

    function test_hashServiceReceipt_MatchesManualEip712() public view {
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, address(usd), 123e6);
        bytes32 typeHash = keccak256(
            "ServiceReceipt(bytes32 rune,bytes32 serviceId,address payer,address token,uint256 amount,uint64 deadline)"
        );
        bytes32 structHash = keccak256(
            abi.encode(
                typeHash,
                receipt.rune,
                receipt.serviceId,
                receipt.payer,
                receipt.token,
                receipt.amount,
                uint256(receipt.deadline)
            )
        );
        bytes32 expected = keccak256(abi.encodePacked("\x19\x01", _domainSeparator(), structHash));
        assertEq(distributor.hashServiceReceipt(receipt), expected);
    }

    function test_hashCollaborativeReceipt_MatchesManualEip712() public view {
        bytes32[] memory runes = _triple(rune, keccak256("b"), keccak256("c"));
        uint16[] memory weights = _weights3(5_000, 3_000, 2_000);
        IRevenueDistributor.CollaborativeReceipt memory receipt = _collab(SID, runes, weights, ETH, 9 ether);
        bytes32 typeHash = keccak256(
            "CollaborativeReceipt(bytes32 serviceId,bytes32[] runes,uint16[] weightsBps,address payer,address token,uint256 amount,uint64 deadline)"
        );
        // EIP-712 arrays: keccak256 of the concatenated 32-byte encodings of the elements.
        bytes memory runeWords;
        bytes memory weightWords;
        for (uint256 i; i < 3; ++i) {
            runeWords = bytes.concat(runeWords, runes[i]);
            weightWords = bytes.concat(weightWords, bytes32(uint256(weights[i])));
        }
        bytes32 structHash = keccak256(
            abi.encode(
                typeHash,
                SID,
                keccak256(runeWords),
                keccak256(weightWords),
                payer,
                ETH,
                9 ether,
                uint256(receipt.deadline)
            )
        );
        bytes32 expected = keccak256(abi.encodePacked("\x19\x01", _domainSeparator(), structHash));
        assertEq(distributor.hashCollaborativeReceipt(receipt), expected);
    }

    // =============================================================================================
    // setTokenAllowed
    // =============================================================================================

    function test_setTokenAllowed_AddsNewToken() public {
        DistributorTestFeeToken other = new DistributorTestFeeToken();
        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.TokenAllowanceSet(address(other), true);
        vm.prank(governor);
        distributor.setTokenAllowed(address(other), true);
        (address[] memory list,) = distributor.tokens();
        assertEq(list.length, 4);
        assertEq(list[3], address(other));
        assertTrue(distributor.isTokenAllowed(address(other)));
    }

    function test_setTokenAllowed_DisallowAndReallowKeepsPosition() public {
        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.TokenAllowanceSet(address(aurunes), false);
        vm.prank(governor);
        distributor.setTokenAllowed(address(aurunes), false);
        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.TokenAllowanceSet(address(aurunes), true);
        vm.prank(governor);
        distributor.setTokenAllowed(address(aurunes), true);
        (address[] memory list, bool[] memory allowed) = distributor.tokens();
        assertEq(list.length, 3);
        assertEq(list[1], address(aurunes));
        assertTrue(allowed[1]);
    }

    function test_setTokenAllowed_DisallowedTokenStillClaimable() public {
        _stake(alice, rune, 100 ether);
        _pay(rune, SID, payer, address(usd), 1_000e6);
        skip(REWARD_WINDOW);
        vm.prank(governor);
        distributor.setTokenAllowed(address(usd), false);

        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, "new", payer, address(usd), 1e6);
        _expectPayRevert(
            receipt,
            _sign(signerKey, receipt),
            payer,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorTokenNotAllowed.selector, address(usd))
        );

        _claim(alice, _runes(rune), _tokens(address(usd)));
        vm.prank(developer);
        distributor.claimDeveloper(rune, _tokens(address(usd)));
        vm.prank(infraA);
        distributor.claimInfra(_tokens(address(usd)));
        vm.prank(infraB);
        distributor.claimInfra(_tokens(address(usd)));
        assertEq(usd.balanceOf(alice), 300e6);
        assertEq(usd.balanceOf(developer), 500e6);
        assertEq(usd.balanceOf(infraA), 120e6);
        assertEq(usd.balanceOf(infraB), 80e6);
        // The test funded the payer with 1e6 more for the refused payment; the distributor holds nothing.
        assertEq(usd.balanceOf(address(distributor)), 0);
    }

    function test_setTokenAllowed_RevertWhen_DisallowingUnknownToken() public {
        address unknown = makeAddr("unknownToken");
        vm.expectRevert(abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorUnknownToken.selector, unknown));
        vm.prank(governor);
        distributor.setTokenAllowed(unknown, false);
    }

    function test_setTokenAllowed_RevertWhen_TokenHasNoCode() public {
        address eoa = makeAddr("notAToken");
        vm.expectRevert(abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorTokenHasNoCode.selector, eoa));
        vm.prank(governor);
        distributor.setTokenAllowed(eoa, true);
    }

    function test_setTokenAllowed_RevertWhen_TooManyTokens() public {
        vm.startPrank(governor);
        for (uint256 i; i < 13; ++i) {
            address token = address(uint160(0xA0000 + i));
            vm.etch(token, hex"00");
            distributor.setTokenAllowed(token, true);
        }
        (address[] memory list,) = distributor.tokens();
        assertEq(list.length, 16);
        address extra = address(uint160(0xB0000));
        vm.etch(extra, hex"00");
        vm.expectRevert(abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorTooManyTokens.selector, 16));
        distributor.setTokenAllowed(extra, true);
        // Toggling a listed token still works at the cap.
        distributor.setTokenAllowed(address(usd), false);
        vm.stopPrank();
    }

    function test_setTokenAllowed_RevertWhen_CallerNotGovernor() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, governorRole)
        );
        vm.prank(alice);
        distributor.setTokenAllowed(address(usd), false);
    }

    // =============================================================================================
    // setRewardWindow
    // =============================================================================================

    function test_setRewardWindow_AppliesToNewPaymentsOnly() public {
        _stake(alice, rune, 10 ether);
        _pay(rune, "a", payer, address(usd), 100e6);
        uint256 firstFinish = block.timestamp + REWARD_WINDOW;

        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.RewardWindowSet(REWARD_WINDOW, 14 days);
        vm.prank(governor);
        distributor.setRewardWindow(14 days);
        assertEq(distributor.rewardWindow(), 14 days);
        assertEq(distributor.streamOf(rune, address(usd)).finish, firstFinish);

        // The new part streams to now + 14 days; weighted with the 30 still due at the first finish (7 days).
        _pay(rune, "b", payer, address(usd), 100e6);
        assertEq(distributor.streamOf(rune, address(usd)).finish, block.timestamp + 10.5 days);
    }

    function test_setRewardWindow_AcceptsBounds() public {
        vm.startPrank(governor);
        distributor.setRewardWindow(1 days);
        assertEq(distributor.rewardWindow(), 1 days);
        distributor.setRewardWindow(90 days);
        assertEq(distributor.rewardWindow(), 90 days);
        vm.stopPrank();
    }

    function test_setRewardWindow_RevertWhen_BelowMinimum() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IRevenueDistributor.RevenueDistributorParameterOutOfBounds.selector, 1 days - 1, 1 days, 90 days
            )
        );
        vm.prank(governor);
        distributor.setRewardWindow(1 days - 1);
    }

    function test_setRewardWindow_RevertWhen_AboveMaximum() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IRevenueDistributor.RevenueDistributorParameterOutOfBounds.selector, 90 days + 1, 1 days, 90 days
            )
        );
        vm.prank(governor);
        distributor.setRewardWindow(90 days + 1);
    }

    function test_setRewardWindow_RevertWhen_CallerNotGovernor() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, governorRole)
        );
        vm.prank(alice);
        distributor.setRewardWindow(14 days);
    }

    // =============================================================================================
    // setUnbondingPeriod
    // =============================================================================================

    function test_setUnbondingPeriod_AppliesToNewRequestsOnly() public {
        _stake(alice, rune, 10 ether);
        _stake(bob, rune, 10 ether);
        _requestUnstake(alice, rune, 10 ether);
        uint64 aliceEnd = uint64(block.timestamp) + UNBONDING_PERIOD;

        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.UnbondingPeriodSet(UNBONDING_PERIOD, 1 days);
        vm.prank(governor);
        distributor.setUnbondingPeriod(1 days);
        assertEq(distributor.unbondingPeriod(), 1 days);
        assertEq(distributor.positionOf(rune, alice).unbondingEndsAt, aliceEnd);

        _requestUnstake(bob, rune, 10 ether);
        assertEq(distributor.positionOf(rune, bob).unbondingEndsAt, block.timestamp + 1 days);
    }

    function test_setUnbondingPeriod_AcceptsBounds() public {
        vm.startPrank(governor);
        distributor.setUnbondingPeriod(1 hours);
        assertEq(distributor.unbondingPeriod(), 1 hours);
        registry.setRuleDelay(30 days);
        distributor.setUnbondingPeriod(30 days);
        assertEq(distributor.unbondingPeriod(), 30 days);
        vm.stopPrank();
    }

    /// @dev Stakers must be able to leave before a split change applies: unbonding never outlasts the rule delay.
    function test_setUnbondingPeriod_RevertWhen_AboveRuleDelay() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IRevenueDistributor.RevenueDistributorUnbondingAboveRuleDelay.selector, RULE_DELAY + 1, RULE_DELAY
            )
        );
        vm.prank(governor);
        distributor.setUnbondingPeriod(RULE_DELAY + 1);
    }

    function test_setUnbondingPeriod_RevertWhen_BelowMinimum() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IRevenueDistributor.RevenueDistributorParameterOutOfBounds.selector, 1 hours - 1, 1 hours, 60 days
            )
        );
        vm.prank(governor);
        distributor.setUnbondingPeriod(1 hours - 1);
    }

    function test_setUnbondingPeriod_RevertWhen_AboveMaximum() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IRevenueDistributor.RevenueDistributorParameterOutOfBounds.selector, 60 days + 1, 1 hours, 60 days
            )
        );
        vm.prank(governor);
        distributor.setUnbondingPeriod(60 days + 1);
    }

    function test_setUnbondingPeriod_RevertWhen_CallerNotGovernor() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, governorRole)
        );
        vm.prank(alice);
        distributor.setUnbondingPeriod(1 days);
    }

    // =============================================================================================
    // pause / unpause
    // =============================================================================================

    function test_pause_EmitsAndSetsPaused() public {
        vm.expectEmit(address(distributor));
        emit Pausable.Paused(governor);
        _pause();
        assertTrue(distributor.paused());
    }

    /// @dev The flag shares a storage slot with the reward window and the unbonding period.
    function test_pause_LeavesParametersInItsSlotUnchanged() public {
        _pause();
        assertEq(distributor.rewardWindow(), REWARD_WINDOW);
        assertEq(distributor.unbondingPeriod(), UNBONDING_PERIOD);
        vm.startPrank(governor);
        distributor.setRewardWindow(1 days);
        distributor.setUnbondingPeriod(1 hours);
        vm.stopPrank();
        assertTrue(distributor.paused());
        vm.prank(governor);
        distributor.unpause();
        assertEq(distributor.rewardWindow(), 1 days);
        assertEq(distributor.unbondingPeriod(), 1 hours);
    }

    function test_pause_KeepsClaimsUnstakeWithdrawAndVetoWorking() public {
        _stake(alice, rune, 100 ether);
        _stake(bob, rune, 100 ether);
        _pay(rune, SID, payer, address(usd), 1_000e6);
        skip(1);
        _propose();
        skip(REWARD_WINDOW);
        _pause();

        _claim(alice, _runes(rune), _tokens(address(usd)));
        assertEq(usd.balanceOf(alice), 150e6);
        vm.prank(developer);
        distributor.claimDeveloper(rune, _tokens(address(usd)));
        assertEq(usd.balanceOf(developer), 500e6);
        vm.prank(infraA);
        distributor.claimInfra(_tokens(address(usd)));
        assertEq(usd.balanceOf(infraA), 120e6);

        vm.prank(bob);
        distributor.vetoSplitProposal(rune);
        _requestUnstake(alice, rune, 100 ether);
        skip(UNBONDING_PERIOD);
        vm.prank(alice);
        assertEq(distributor.withdraw(rune), 100 ether);
        assertTrue(distributor.paused());
    }

    function test_pause_RevertWhen_AlreadyPaused() public {
        _pause();
        vm.expectRevert(abi.encodeWithSelector(Pausable.EnforcedPause.selector));
        vm.prank(governor);
        distributor.pause();
    }

    function test_pause_RevertWhen_CallerNotGovernor() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, governorRole)
        );
        vm.prank(alice);
        distributor.pause();
    }

    function test_unpause_RestoresPayAndStake() public {
        _pause();
        vm.expectEmit(address(distributor));
        emit Pausable.Unpaused(governor);
        vm.prank(governor);
        distributor.unpause();
        assertFalse(distributor.paused());
        _stake(alice, rune, 1 ether);
        _pay(rune, SID, payer, ETH, 1 ether);
        assertEq(distributor.revenueOf(rune, ETH), 1 ether);
    }

    function test_unpause_RevertWhen_NotPaused() public {
        vm.expectRevert(abi.encodeWithSelector(Pausable.ExpectedPause.selector));
        vm.prank(governor);
        distributor.unpause();
    }

    function test_unpause_RevertWhen_CallerNotGovernor() public {
        _pause();
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, governorRole)
        );
        vm.prank(alice);
        distributor.unpause();
    }
}
