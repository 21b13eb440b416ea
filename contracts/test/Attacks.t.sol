// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {AuroruneTest} from "./utils/AuroruneTest.sol";
import {
    HookedToken,
    FeeOnTransferToken,
    ReentrancyAttacker,
    RevocableSigner,
    EthRejectingRecipient,
    InfraForwarder,
    StakingVault
} from "./utils/AttackMocks.sol";
import {Errors} from "@openzeppelin/contracts/utils/Errors.sol";
import {RevenueDistributor} from "../src/RevenueDistributor.sol";
import {IRuneRegistry} from "../src/interfaces/IRuneRegistry.sol";
import {IRevenueDistributor} from "../src/interfaces/IRevenueDistributor.sol";

/// @notice One test per known attack on the registry and the distributor. Each asserts the exact refusal (custom
/// error with its arguments) and that no funds moved or were lost. The default rune (fixture) splits 50% developer
/// / 20% infra (infraA 60%, infraB 40%) / 30% stakers; `rune2` has the same split and its own signer.
contract AttacksTest is AuroruneTest {
    uint256 internal constant SIGNER2_KEY = 0xB0B5;
    uint256 internal constant RANDOM_KEY = 0xBADBAD;
    uint256 internal constant ERC1271_KEY = 0xD00D;
    /// @dev secp256k1 group order, for building the high-s twin of a signature.
    uint256 internal constant SECP256K1_N =
        0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;
    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
    bytes32 internal constant SID = "service-1";
    bytes32 internal constant SID2 = "service-2";

    address internal attacker = makeAddr("attacker");
    address internal developer2 = makeAddr("developer2");
    address internal carol = makeAddr("carol");

    bytes32 internal rune;
    bytes32 internal rune2;
    bytes32 internal governorRole;

    function setUp() public override {
        super.setUp();
        rune = _registerDefault();
        rune2 = _register(
            developer2, "second", vm.addr(SIGNER2_KEY), _split(5_000, 2_000, 3_000), _infra(), _infraWeights()
        );
        governorRole = distributor.GOVERNOR_ROLE();
    }

    // =============================================================================================
    // Receipts: forgery, rotation, replay, expiry, payer
    // =============================================================================================

    function test_attack_ForgedReceipt() public {
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, address(usd), 1_000e6);
        bytes memory forged = _sign(RANDOM_KEY, receipt);
        _fund(payer, address(usd), receipt.amount);
        uint256 payerBefore = usd.balanceOf(payer);

        vm.prank(payer);
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorInvalidSignature.selector, rune)
        );
        distributor.pay(receipt, forged);

        // Also in ETH: the value sent comes back with the revert.
        IRevenueDistributor.ServiceReceipt memory ethReceipt = _receipt(rune, SID, payer, ETH, 1 ether);
        bytes memory forgedEth = _sign(RANDOM_KEY, ethReceipt);
        vm.deal(payer, 1 ether);
        vm.prank(payer);
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorInvalidSignature.selector, rune)
        );
        distributor.pay{value: 1 ether}(ethReceipt, forgedEth);

        assertEq(usd.balanceOf(payer), payerBefore);
        assertEq(payer.balance, 1 ether);
        _assertUntouched(rune, SID);
    }

    function test_attack_FormerSignerAfterRotation() public {
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, address(usd), 1_000e6);
        // Signed while the old key was still the rune's signer...
        bytes memory signedBefore = _sign(signerKey, receipt);
        address newSigner = vm.addr(SIGNER2_KEY);
        vm.prank(developer);
        registry.rotateSigner(rune, newSigner);
        // ...and signed after the rotation with the (possibly leaked) old key.
        bytes memory signedAfter = _sign(signerKey, receipt);
        _fund(payer, address(usd), receipt.amount);
        uint256 payerBefore = usd.balanceOf(payer);

        vm.prank(payer);
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorInvalidSignature.selector, rune)
        );
        distributor.pay(receipt, signedBefore);
        vm.prank(payer);
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorInvalidSignature.selector, rune)
        );
        distributor.pay(receipt, signedAfter);

        assertEq(usd.balanceOf(payer), payerBefore);
        _assertUntouched(rune, SID);

        // The refused attempts burnt nothing: the new signer's receipt for the same service still pays.
        bytes memory newSignature = _sign(SIGNER2_KEY, receipt);
        vm.prank(payer);
        distributor.pay(receipt, newSignature);
        assertEq(usd.balanceOf(address(distributor)), receipt.amount);
    }

    function test_attack_ReplayedServiceId() public {
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, address(usd), 1_000e6);
        bytes memory signature = _sign(signerKey, receipt);
        _fund(payer, address(usd), 3 * receipt.amount);
        vm.prank(payer);
        distributor.pay(receipt, signature);
        uint256 payerAfterFirst = usd.balanceOf(payer);
        uint256 developerAfterFirst = distributor.developerBalanceOf(rune, address(usd));

        // The same receipt and signature, submitted again.
        vm.prank(payer);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRevenueDistributor.RevenueDistributorServiceAlreadyPaid.selector, rune, SID
            )
        );
        distributor.pay(receipt, signature);

        // A fresh, validly signed receipt reusing the serviceId (other amount, later deadline).
        IRevenueDistributor.ServiceReceipt memory again =
            _receipt(rune, SID, payer, address(usd), 2 * receipt.amount);
        again.deadline += 1 days;
        bytes memory againSignature = _sign(signerKey, again);
        vm.prank(payer);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRevenueDistributor.RevenueDistributorServiceAlreadyPaid.selector, rune, SID
            )
        );
        distributor.pay(again, againSignature);

        assertEq(usd.balanceOf(payer), payerAfterFirst);
        assertEq(usd.balanceOf(address(distributor)), receipt.amount);
        assertEq(distributor.revenueOf(rune, address(usd)), receipt.amount);
        assertEq(distributor.developerBalanceOf(rune, address(usd)), developerAfterFirst);
    }

    function test_attack_ReplayedServiceIdAfterCollaborativePayment() public {
        IRevenueDistributor.CollaborativeReceipt memory collab =
            _collab(SID, _pair(rune, rune2), _weights(6_000, 4_000), address(usd), 1_000e6);
        bytes[] memory signatures = _signPair(collab, signerKey, SIGNER2_KEY);
        _fund(payer, address(usd), 4 * collab.amount);
        vm.prank(payer);
        distributor.payCollaborative(collab, signatures);
        assertTrue(distributor.isServiceUsed(rune, SID));
        assertTrue(distributor.isServiceUsed(rune2, SID));
        uint256 payerBefore = usd.balanceOf(payer);

        // Single-rune receipts for the serviceId the collaborative payment spent, each validly signed.
        IRevenueDistributor.ServiceReceipt memory single = _receipt(rune, SID, payer, address(usd), 1_000e6);
        bytes memory singleSignature = _sign(signerKey, single);
        vm.prank(payer);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRevenueDistributor.RevenueDistributorServiceAlreadyPaid.selector, rune, SID
            )
        );
        distributor.pay(single, singleSignature);

        IRevenueDistributor.ServiceReceipt memory single2 = _receipt(rune2, SID, payer, address(usd), 1_000e6);
        bytes memory single2Signature = _sign(SIGNER2_KEY, single2);
        vm.prank(payer);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRevenueDistributor.RevenueDistributorServiceAlreadyPaid.selector, rune2, SID
            )
        );
        distributor.pay(single2, single2Signature);

        // The collaborative receipt itself, replayed.
        vm.prank(payer);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRevenueDistributor.RevenueDistributorServiceAlreadyPaid.selector, rune, SID
            )
        );
        distributor.payCollaborative(collab, signatures);

        assertEq(usd.balanceOf(payer), payerBefore);
        assertEq(usd.balanceOf(address(distributor)), collab.amount);
        assertEq(
            distributor.revenueOf(rune, address(usd)) + distributor.revenueOf(rune2, address(usd)),
            collab.amount
        );
    }

    function test_attack_ExpiredDeadline() public {
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, address(usd), 1_000e6);
        bytes memory signature = _sign(signerKey, receipt);
        _fund(payer, address(usd), receipt.amount);
        uint256 payerBefore = usd.balanceOf(payer);

        vm.warp(uint256(receipt.deadline) + 1);
        vm.prank(payer);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRevenueDistributor.RevenueDistributorReceiptExpired.selector, receipt.deadline
            )
        );
        distributor.pay(receipt, signature);

        assertEq(usd.balanceOf(payer), payerBefore);
        _assertUntouched(rune, SID);
    }

    function test_attack_PayerMismatch() public {
        // The payer's receipt leaks (mempool, logs); the attacker submits it, funded and approved itself.
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, address(usd), 1_000e6);
        bytes memory signature = _sign(signerKey, receipt);
        _fund(payer, address(usd), receipt.amount); // the payer has approved the distributor for max
        _fund(attacker, address(usd), receipt.amount);
        uint256 payerBefore = usd.balanceOf(payer);
        uint256 attackerBefore = usd.balanceOf(attacker);

        vm.prank(attacker);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRevenueDistributor.RevenueDistributorPayerMismatch.selector, payer, attacker
            )
        );
        distributor.pay(receipt, signature);

        assertEq(usd.balanceOf(payer), payerBefore);
        assertEq(usd.balanceOf(attacker), attackerBefore);
        _assertUntouched(rune, SID);

        // The attacker could not burn the payer's serviceId: the real payer still pays.
        vm.prank(payer);
        distributor.pay(receipt, signature);
        assertTrue(distributor.isServiceUsed(rune, SID));
    }

    // =============================================================================================
    // Suspended and retired runes
    // =============================================================================================

    function test_attack_SuspendedRune() public {
        _stake(alice, rune, 1_000 ether);
        _pay(rune, SID, payer, address(usd), 1_000e6);
        vm.warp(block.timestamp + 1 days);
        vm.prank(governor);
        registry.suspend(rune);
        _assertPayAndStakeRefused(IRuneRegistry.RuneStatus.Suspended);
        _assertStakerLeavesInstantly();
    }

    function test_attack_RetiredRune() public {
        _stake(alice, rune, 1_000 ether);
        _pay(rune, SID, payer, address(usd), 1_000e6);
        vm.warp(block.timestamp + 1 days);
        vm.prank(developer);
        registry.retire(rune);
        _assertPayAndStakeRefused(IRuneRegistry.RuneStatus.Retired);
        _assertStakerLeavesInstantly();
    }

    // =============================================================================================
    // Reentrancy
    // =============================================================================================

    function test_attack_ReentrantTokenClaim() public {
        (HookedToken evil, ReentrancyAttacker bad) = _hookedSetup();
        _stake(address(bad), rune, 1_000 ether);
        _pay(rune, SID, payer, address(evil), 1_000 ether);
        vm.warp(block.timestamp + REWARD_WINDOW);
        uint256 owed = distributor.pendingRewards(rune, address(bad), address(evil));
        assertEq(owed, 300 ether);
        bytes memory claimCall = abi.encodeCall(distributor.claim, (_runes(rune), _tokens(address(evil))));

        _expectGuardRevert(bad, claimCall, claimCall, address(evil));
        assertEq(distributor.pendingRewards(rune, address(bad), address(evil)), owed);

        _reenterAndSwallow(bad, claimCall, claimCall);
        assertEq(evil.balanceOf(address(bad)), owed, "claimed exactly once");
        assertEq(distributor.pendingRewards(rune, address(bad), address(evil)), 0);
        assertEq(evil.balanceOf(address(distributor)), 1_000 ether - owed);
    }

    function test_attack_ReentrantTokenClaimInfra() public {
        (HookedToken evil, ReentrancyAttacker bad) = _hookedSetup();
        address[] memory recipients = new address[](1);
        recipients[0] = address(bad);
        uint16[] memory weights = new uint16[](1);
        weights[0] = 10_000;
        bytes32 infraRune =
            _register(developer, "infra", signer, _split(5_000, 2_000, 3_000), recipients, weights);
        _pay(infraRune, SID, payer, address(evil), 1_000 ether);
        uint256 owed = distributor.infraBalanceOf(address(bad), address(evil));
        assertEq(owed, 200 ether);
        bytes memory claimCall = abi.encodeCall(distributor.claimInfra, (_tokens(address(evil))));

        _expectGuardRevert(bad, claimCall, claimCall, address(evil));
        assertEq(distributor.infraBalanceOf(address(bad), address(evil)), owed);

        _reenterAndSwallow(bad, claimCall, claimCall);
        assertEq(evil.balanceOf(address(bad)), owed, "claimed exactly once");
        assertEq(distributor.infraBalanceOf(address(bad), address(evil)), 0);
        assertEq(evil.balanceOf(address(distributor)), 1_000 ether - owed);
    }

    function test_attack_ReentrantTokenClaimDeveloper() public {
        (HookedToken evil, ReentrancyAttacker bad) = _hookedSetup();
        bytes32 badRune =
            _register(address(bad), "bad", signer, _split(5_000, 2_000, 3_000), _infra(), _infraWeights());
        _pay(badRune, SID, payer, address(evil), 1_000 ether);
        uint256 owed = distributor.developerBalanceOf(badRune, address(evil));
        assertEq(owed, 800 ether); // no stakers: the stakers part went to the developer
        bytes memory claimCall = abi.encodeCall(distributor.claimDeveloper, (badRune, _tokens(address(evil))));

        _expectGuardRevert(bad, claimCall, claimCall, address(evil));
        assertEq(distributor.developerBalanceOf(badRune, address(evil)), owed);

        _reenterAndSwallow(bad, claimCall, claimCall);
        assertEq(evil.balanceOf(address(bad)), owed, "claimed exactly once");
        assertEq(distributor.developerBalanceOf(badRune, address(evil)), 0);
        assertEq(evil.balanceOf(address(distributor)), 1_000 ether - owed);
    }

    function test_attack_ReentrantTokenPay() public {
        (HookedToken evil, ReentrancyAttacker bad) = _hookedSetup();
        evil.mint(address(bad), 2_000 ether);
        vm.prank(address(bad));
        evil.approve(address(distributor), type(uint256).max);
        IRevenueDistributor.ServiceReceipt memory first =
            _receipt(rune, SID, address(bad), address(evil), 1_000 ether);
        IRevenueDistributor.ServiceReceipt memory second =
            _receipt(rune, SID2, address(bad), address(evil), 1_000 ether);
        bytes memory outerCall = abi.encodeCall(distributor.pay, (first, _sign(signerKey, first)));
        // During the first payment's transferFrom, the token calls the payer back, which pays the second receipt.
        bytes memory innerCall = abi.encodeCall(distributor.pay, (second, _sign(signerKey, second)));

        _expectGuardRevert(bad, outerCall, innerCall, address(evil));
        assertEq(evil.balanceOf(address(bad)), 2_000 ether);
        _assertUntouched(rune, SID);
        _assertUntouched(rune, SID2);

        // A reentrant call into claim during the payment's transfer is refused the same way.
        _expectGuardRevert(
            bad,
            outerCall,
            abi.encodeCall(distributor.claim, (_runes(rune), _tokens(address(evil)))),
            address(evil)
        );

        _reenterAndSwallow(bad, outerCall, innerCall);
        assertEq(evil.balanceOf(address(bad)), 1_000 ether, "paid exactly once");
        assertEq(evil.balanceOf(address(distributor)), 1_000 ether);
        assertTrue(distributor.isServiceUsed(rune, SID));
        assertFalse(distributor.isServiceUsed(rune, SID2));
    }

    function test_attack_ReentrantEthReceiverClaim() public {
        ReentrancyAttacker bad = new ReentrancyAttacker();
        _stake(address(bad), rune, 1_000 ether);
        _pay(rune, SID, payer, ETH, 10 ether);
        vm.warp(block.timestamp + REWARD_WINDOW);
        uint256 owed = distributor.pendingRewards(rune, address(bad), ETH);
        assertEq(owed, 3 ether);
        bytes memory claimCall = abi.encodeCall(distributor.claim, (_runes(rune), _tokens(ETH)));

        _expectGuardRevert(bad, claimCall, claimCall, ETH);
        assertEq(distributor.pendingRewards(rune, address(bad), ETH), owed);

        _reenterAndSwallow(bad, claimCall, claimCall);
        assertEq(address(bad).balance, owed, "claimed exactly once");
        assertEq(address(distributor).balance, 10 ether - owed);
        assertEq(distributor.pendingRewards(rune, address(bad), ETH), 0);
    }

    function test_attack_ReentrantWithdrawDuringEthClaim() public {
        ReentrancyAttacker bad = new ReentrancyAttacker();
        _stake(address(bad), rune, 1_000 ether);
        _pay(rune, SID, payer, ETH, 10 ether);
        vm.warp(block.timestamp + REWARD_WINDOW);
        vm.prank(address(bad));
        distributor.requestUnstake(rune, 400 ether);
        vm.warp(block.timestamp + UNBONDING_PERIOD);
        uint256 owed = distributor.pendingRewards(rune, address(bad), ETH);
        bytes memory claimCall = abi.encodeCall(distributor.claim, (_runes(rune), _tokens(ETH)));
        bytes memory withdrawCall = abi.encodeCall(distributor.withdraw, (rune));

        _expectGuardRevert(bad, claimCall, withdrawCall, ETH);
        assertEq(aurunes.balanceOf(address(bad)), 0);

        _reenterAndSwallow(bad, claimCall, withdrawCall);
        assertEq(address(bad).balance, owed);
        assertEq(aurunes.balanceOf(address(bad)), 0, "no withdrawal from inside the claim");
        assertEq(distributor.positionOf(rune, address(bad)).unbonding, 400 ether);

        // Outside the claim the withdrawal works, exactly once.
        bad.arm(ReentrancyAttacker.Mode.Off, address(0), "");
        vm.prank(address(bad));
        assertEq(distributor.withdraw(rune), 400 ether);
        vm.prank(address(bad));
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorNothingToWithdraw.selector, rune)
        );
        distributor.withdraw(rune);
        assertEq(aurunes.balanceOf(address(bad)), 400 ether);
        assertEq(distributor.totalStaked(), 600 ether);
    }

    /// @dev AURUNES has no hooks, so withdraw's own transfer cannot call back; this deploys a distributor whose
    /// staking token does (ERC-777 style) to check withdraw's guard holds even then.
    function test_attack_ReentrantWithdraw() public {
        HookedToken hookedStake = new HookedToken();
        RevenueDistributor hookedDistributor = new RevenueDistributor(
            registry, IERC20(address(hookedStake)), governor, REWARD_WINDOW, UNBONDING_PERIOD
        );
        ReentrancyAttacker bad = new ReentrancyAttacker();
        hookedStake.mint(address(bad), 1_000 ether);
        vm.startPrank(address(bad));
        hookedStake.approve(address(hookedDistributor), type(uint256).max);
        hookedDistributor.stake(rune, 1_000 ether);
        hookedDistributor.requestUnstake(rune, 1_000 ether);
        vm.stopPrank();
        hookedStake.setHooked(address(bad), true);
        vm.warp(block.timestamp + UNBONDING_PERIOD);
        bytes memory withdrawCall = abi.encodeCall(hookedDistributor.withdraw, (rune));

        bad.arm(ReentrancyAttacker.Mode.Bubble, address(hookedDistributor), withdrawCall);
        vm.prank(address(bad));
        vm.expectRevert(
            abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector)
        );
        hookedDistributor.withdraw(rune);
        assertEq(hookedStake.balanceOf(address(bad)), 0);
        assertEq(hookedStake.balanceOf(address(hookedDistributor)), 1_000 ether);
        assertEq(hookedDistributor.positionOf(rune, address(bad)).unbonding, 1_000 ether);

        bad.arm(ReentrancyAttacker.Mode.Swallow, address(hookedDistributor), withdrawCall);
        vm.prank(address(bad));
        assertEq(hookedDistributor.withdraw(rune), 1_000 ether);
        _assertGuardRefused(bad);
        assertEq(hookedStake.balanceOf(address(bad)), 1_000 ether, "withdrawn exactly once");
        assertEq(hookedStake.balanceOf(address(hookedDistributor)), 0);
        assertEq(hookedDistributor.totalStaked(), 0);
    }

    // =============================================================================================
    // Token quirks
    // =============================================================================================

    function test_attack_FeeOnTransferToken() public {
        FeeOnTransferToken fee = new FeeOnTransferToken();
        vm.prank(governor);
        distributor.setTokenAllowed(address(fee), true);
        fee.mint(payer, 1_000 ether);
        vm.prank(payer);
        fee.approve(address(distributor), type(uint256).max);
        IRevenueDistributor.ServiceReceipt memory receipt =
            _receipt(rune, SID, payer, address(fee), 1_000 ether);
        bytes memory signature = _sign(signerKey, receipt);

        vm.prank(payer);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRevenueDistributor.RevenueDistributorAmountNotReceived.selector, 1_000 ether, 990 ether
            )
        );
        distributor.pay(receipt, signature);

        assertEq(fee.balanceOf(payer), 1_000 ether);
        assertEq(fee.balanceOf(address(distributor)), 0);
        assertEq(fee.totalSupply(), 1_000 ether, "no fee was burnt");
        _assertUntouched(rune, SID);
    }

    function test_attack_PermitReplay() public {
        (address permitPayer, uint256 permitKey) = makeAddrAndKey("permitPayer");
        uint256 amount = 500e6;
        deal(address(usd), permitPayer, 2 * amount);
        uint256 permitDeadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) =
            vm.sign(permitKey, _permitDigest(permitPayer, amount, 0, permitDeadline));

        IRevenueDistributor.ServiceReceipt memory first =
            _receipt(rune, SID, permitPayer, address(usd), amount);
        bytes memory firstSignature = _sign(signerKey, first);
        vm.prank(permitPayer);
        distributor.payWithPermit(first, firstSignature, permitDeadline, v, r, s);
        assertEq(usd.nonces(permitPayer), 1);
        assertEq(usd.allowance(permitPayer, address(distributor)), 0);

        // The same permit, attached to a second (validly signed) receipt.
        IRevenueDistributor.ServiceReceipt memory second =
            _receipt(rune, SID2, permitPayer, address(usd), amount);
        bytes memory secondSignature = _sign(signerKey, second);
        vm.prank(permitPayer);
        vm.expectRevert(
            abi.encodeWithSelector(
                IERC20Errors.ERC20InsufficientAllowance.selector, address(distributor), 0, amount
            )
        );
        distributor.payWithPermit(second, secondSignature, permitDeadline, v, r, s);

        // Submitted to the token directly, the used permit now recovers to a stranger (its nonce moved on).
        address recovered = ecrecover(_permitDigest(permitPayer, amount, 1, permitDeadline), v, r, s);
        vm.expectRevert(
            abi.encodeWithSelector(ERC20Permit.ERC2612InvalidSigner.selector, recovered, permitPayer)
        );
        usd.permit(permitPayer, address(distributor), amount, permitDeadline, v, r, s);

        assertEq(usd.balanceOf(permitPayer), amount, "paid exactly once");
        assertEq(usd.balanceOf(address(distributor)), amount);
        assertEq(usd.nonces(permitPayer), 1);
        assertEq(distributor.revenueOf(rune, address(usd)), amount);
        assertFalse(distributor.isServiceUsed(rune, SID2));
    }

    // =============================================================================================
    // Rewards: flash stake, nobody staked, dust
    // =============================================================================================

    function test_attack_FlashStake() public {
        _stake(alice, rune, 1_000 ether); // the long-time staker
        vm.warp(block.timestamp + 30 days);

        uint256 amount = 1_000_000e6;
        uint256 stakersPart = amount * 3_000 / 10_000;
        // Front-run the large payment with an equal stake...
        _stake(attacker, rune, 1_000 ether);
        _pay(rune, SID, payer, address(usd), amount);
        // ...and leave in the next block.
        uint256 held = 12;
        vm.warp(block.timestamp + held);
        vm.startPrank(attacker);
        distributor.requestUnstake(rune, 1_000 ether);
        distributor.claim(_runes(rune), _tokens(address(usd)));
        vm.stopPrank();
        uint256 attackerGot = usd.balanceOf(attacker);

        // Only the 12 seconds' share of the stream, half of it (equal stakes): ~2.98 USD of a 150,000 USD lump sum.
        uint256 timeWeighted = stakersPart * held / REWARD_WINDOW / 2;
        assertLe(attackerGot, timeWeighted);
        assertGe(attackerGot + 1, timeWeighted);
        assertLt(attackerGot * 10_000, stakersPart / 2, "under 0.01% of the lump-sum share");

        // The stake cannot leave before the unbonding period either.
        uint64 endsAt = uint64(block.timestamp) + UNBONDING_PERIOD;
        vm.prank(attacker);
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorStillUnbonding.selector, endsAt)
        );
        distributor.withdraw(rune);

        // The long-time staker gets the rest over the window; nothing is lost.
        vm.warp(block.timestamp + REWARD_WINDOW);
        vm.prank(alice);
        distributor.claim(_runes(rune), _tokens(address(usd)));
        vm.prank(attacker);
        distributor.claim(_runes(rune), _tokens(address(usd)));
        uint256 aliceGot = usd.balanceOf(alice);
        assertEq(usd.balanceOf(attacker), attackerGot, "nothing more after leaving");
        assertLe(aliceGot + attackerGot, stakersPart);
        assertGe(aliceGot + attackerGot + 2, stakersPart);
        assertLe(distributor.streamOf(rune, address(usd)).finish, block.timestamp, "fully streamed");
    }

    function test_attack_RewardsWithNoStakers() public {
        // Nobody staked: the stakers part goes to the developer at once.
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
        assertEq(distributor.streamOf(rune, address(usd)).remaining, 0);

        // One staker, a streamed payment, then the last staker leaves after 2 of the 7 days.
        _stake(alice, rune, 1_000 ether);
        _pay(rune, SID2, payer, address(usd), 1_000e6);
        vm.warp(block.timestamp + 2 days);
        vm.prank(alice);
        distributor.requestUnstake(rune, 1_000 ether);
        vm.warp(block.timestamp + 6 days);

        uint256 aliceShare = uint256(300e6) * 2 days / REWARD_WINDOW;
        assertEq(distributor.pendingRewards(rune, alice, address(usd)), aliceShare);
        // What streamed after she left is the developer's.
        // Streams release at 1e-12 of a unit: the developer is credited whole units, the sub-unit rest stays
        // in the stream (never more than one unit in all, never lost).
        assertApproxEqAbs(
            distributor.pendingDeveloperBalance(rune, address(usd)), 800e6 + 500e6 + (300e6 - aliceShare), 1
        );

        vm.prank(alice);
        distributor.claim(_runes(rune), _tokens(address(usd)));
        vm.prank(developer);
        distributor.claimDeveloper(rune, _tokens(address(usd)));
        vm.prank(infraA);
        distributor.claimInfra(_tokens(address(usd)));
        vm.prank(infraB);
        distributor.claimInfra(_tokens(address(usd)));

        assertEq(usd.balanceOf(alice), aliceShare);
        assertApproxEqAbs(usd.balanceOf(developer), 1_300e6 + 300e6 - aliceShare, 1);
        assertEq(usd.balanceOf(infraA) + usd.balanceOf(infraB), 400e6);
        uint256 held = usd.balanceOf(address(distributor));
        assertEq(usd.balanceOf(alice) + usd.balanceOf(developer) + 400e6 + held, 2_000e6, "nothing lost");
        assertLe(held, 1, "at most one unit of rounding left: alice's floor and the stream's sub-unit rest");
        assertLt(distributor.streamOf(rune, address(usd)).remainingScaled, 1e12, "less than a unit carried");
    }

    function test_attack_DustPayments() public {
        // 1-unit payments of the 6-decimal token: dev and infra round to 0, the unit goes to stakers (or, with
        // nobody staked, to the developer). Count every unit.
        uint256 count;
        for (uint256 i; i < 10; ++i) {
            _pay(rune, bytes32(++count), payer, address(usd), 1);
            vm.warp(block.timestamp + 1 minutes);
        }
        _stake(alice, rune, 333 ether);
        _stake(bob, rune, 1 ether + 7);
        _stake(carol, rune, 12_345);
        address[3] memory stakers = [alice, bob, carol];
        for (uint256 i; i < 300; ++i) {
            _pay(rune, bytes32(++count), payer, address(usd), 1);
            vm.warp(block.timestamp + 17 minutes);
            if (i % 50 == 49) _assertUnitsAccounted(stakers);
        }
        assertEq(distributor.revenueOf(rune, address(usd)), count);

        vm.warp(block.timestamp + REWARD_WINDOW + 1);
        _assertUnitsAccounted(stakers);
        uint256 stakersGot;
        for (uint256 k; k < 3; ++k) {
            vm.prank(stakers[k]);
            distributor.claim(_runes(rune), _tokens(address(usd)));
            stakersGot += usd.balanceOf(stakers[k]);
        }
        vm.prank(developer);
        distributor.claimDeveloper(rune, _tokens(address(usd)));
        vm.prank(infraA);
        distributor.claimInfra(_tokens(address(usd)));
        vm.prank(infraB);
        distributor.claimInfra(_tokens(address(usd)));

        uint256 dust = usd.balanceOf(address(distributor));
        assertEq(usd.balanceOf(developer), 10, "the 10 units paid while nobody staked");
        assertEq(usd.balanceOf(infraA) + usd.balanceOf(infraB), 0);
        assertEq(stakersGot + dust, 300);
        assertLe(dust, 3, "at most one unit of rounding per staker");
        assertEq(distributor.streamOf(rune, address(usd)).remaining, 0);
    }

    // =============================================================================================
    // Split governance: vetoes, dilution, delay, authorization
    // =============================================================================================

    function test_attack_VetoThenUnstake() public {
        _stake(alice, rune, 600 ether);
        _stake(bob, rune, 400 ether);
        vm.warp(block.timestamp + 1);
        uint64 id = _propose();
        vm.prank(alice);
        distributor.vetoSplitProposal(rune);
        _assertTally(id, 600 ether, 1_000 ether);

        // Veto, then take most of the stake out while keeping the veto counted: the weight follows the stake.
        vm.prank(alice);
        distributor.requestUnstake(rune, 300 ether);
        _assertTally(id, 300 ether, 700 ether);

        vm.warp(block.timestamp + RULE_DELAY);
        // 300 * 2 <= min(1,000 at proposal, 700 now): the proposal executes.
        assertTrue(registry.executeSplitProposal(rune));
        _assertSplit(4_000, 2_000, 4_000);
        assertEq(distributor.positionOf(rune, alice).unbonding, 300 ether);
    }

    function test_attack_TopUpAfterVeto() public {
        _stake(alice, rune, 400 ether);
        _stake(bob, rune, 600 ether);
        vm.warp(block.timestamp + 1);
        uint64 id = _propose();
        vm.prank(alice);
        distributor.vetoSplitProposal(rune);
        _assertTally(id, 400 ether, 1_000 ether);

        // Topping up after vetoing must not raise the veto (1,400 would reject the proposal).
        _stake(alice, rune, 1_000 ether);
        _assertTally(id, 400 ether, 2_000 ether);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorAlreadyVetoed.selector, rune, id)
        );
        distributor.vetoSplitProposal(rune);

        vm.warp(block.timestamp + RULE_DELAY);
        assertTrue(registry.executeSplitProposal(rune));
        _assertSplit(4_000, 2_000, 4_000);
        assertEq(distributor.positionOf(rune, alice).active, 1_400 ether, "the top-up itself is kept");
    }

    function test_attack_StakeAfterProposalCannotVeto() public {
        _stake(alice, rune, 600 ether);
        vm.warp(block.timestamp + 1);
        uint64 id = _propose();

        // A stake bought in the proposal's own block...
        _stake(bob, rune, 10_000 ether);
        vm.prank(bob);
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorNoVetoWeight.selector, rune, id, bob)
        );
        distributor.vetoSplitProposal(rune);

        // ...or later in the delay cannot veto...
        vm.warp(block.timestamp + 1 days);
        _stake(carol, rune, 10_000 ether);
        vm.prank(carol);
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorNoVetoWeight.selector, rune, id, carol)
        );
        distributor.vetoSplitProposal(rune);

        // ...while an earlier staker who tops up still vetoes with exactly what it held at the proposal.
        _stake(alice, rune, 1 ether);
        vm.prank(alice);
        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.SplitProposalVetoed(rune, id, alice, 600 ether);
        distributor.vetoSplitProposal(rune);

        _assertTally(id, 600 ether, 20_601 ether);
        vm.warp(block.timestamp + RULE_DELAY);
        assertFalse(registry.executeSplitProposal(rune), "600 of a 600 base vetoed; the later 20,000 dilute nothing");
        assertEq(distributor.positionOf(rune, bob).active, 10_000 ether);
        assertEq(distributor.positionOf(rune, carol).active, 10_000 ether);
    }

    function test_attack_OwnerDilution() public {
        _stake(alice, rune, 600 ether);
        _stake(bob, rune, 400 ether);
        vm.warp(block.timestamp + 1);
        uint64 id = _propose();
        vm.prank(alice);
        distributor.vetoSplitProposal(rune);

        // The rune owner stakes 100x the vetoing stake during the delay to drown the veto.
        _stake(developer, rune, 100_000 ether);
        _assertTally(id, 600 ether, 101_000 ether);

        vm.warp(block.timestamp + RULE_DELAY);
        vm.expectEmit(address(registry));
        emit IRuneRegistry.SplitChangeRejected(rune, id, 600 ether, 1_000 ether);
        assertFalse(registry.executeSplitProposal(rune), "quorum base is min(stake at proposal, stake now)");
        _assertSplit(5_000, 2_000, 3_000);
        assertEq(registry.pendingSplitProposal(rune).id, 0);
    }

    function test_attack_SplitExecutedBeforeDelay() public {
        _stake(alice, rune, 600 ether);
        uint64 id = _propose();
        uint48 executableAt = uint48(block.timestamp) + RULE_DELAY;

        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryProposalNotReady.selector, rune, executableAt)
        );
        registry.executeSplitProposal(rune);
        vm.warp(executableAt - 1);
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryProposalNotReady.selector, rune, executableAt)
        );
        registry.executeSplitProposal(rune);
        _assertSplit(5_000, 2_000, 3_000);
        assertEq(registry.pendingSplitProposal(rune).id, id);

        vm.warp(executableAt);
        assertTrue(registry.executeSplitProposal(rune));
        _assertSplit(4_000, 2_000, 4_000);
    }

    function test_attack_UnauthorizedSplitProposal() public {
        IRuneRegistry.Split memory greedy = _split(8_000, 1_000, 1_000);
        address[] memory recipients = new address[](1);
        recipients[0] = attacker;
        uint16[] memory weights = new uint16[](1);
        weights[0] = 10_000;

        vm.prank(attacker);
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryNotRuneOwner.selector, rune, attacker)
        );
        registry.proposeSplit(rune, greedy, recipients, weights);
        // Governance is not the rune owner either.
        vm.prank(governor);
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryNotRuneOwner.selector, rune, governor)
        );
        registry.proposeSplit(rune, greedy, recipients, weights);

        // Nor may a stranger cancel the owner's proposal, rotate the signer, retire the rune or claim its part.
        uint64 id = _propose();
        vm.prank(attacker);
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryNotRuneOwner.selector, rune, attacker)
        );
        registry.cancelSplitProposal(rune);
        vm.prank(attacker);
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryNotRuneOwner.selector, rune, attacker)
        );
        registry.rotateSigner(rune, attacker);
        vm.prank(attacker);
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryNotRuneOwner.selector, rune, attacker)
        );
        registry.retire(rune);
        _pay(rune, SID, payer, address(usd), 1_000e6);
        vm.prank(attacker);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRevenueDistributor.RevenueDistributorNotRuneOwner.selector, rune, attacker
            )
        );
        distributor.claimDeveloper(rune, _tokens(address(usd)));

        assertEq(registry.pendingSplitProposal(rune).id, id);
        assertEq(registry.runeInfo(rune).signer, signer);
        assertEq(uint8(registry.statusOf(rune)), uint8(IRuneRegistry.RuneStatus.Active));
        assertEq(distributor.developerBalanceOf(rune, address(usd)), 800e6);
        assertEq(usd.balanceOf(attacker), 0);
    }

    function test_attack_UnauthorizedSuspend() public {
        bytes32 registryGovernor = registry.GOVERNOR_ROLE();
        // Neither a stranger nor the rune's own developer holds the governor role.
        vm.prank(attacker);
        vm.expectRevert(_unauthorized(attacker, registryGovernor));
        registry.suspend(rune2);
        vm.prank(developer);
        vm.expectRevert(_unauthorized(developer, registryGovernor));
        registry.suspend(rune2);

        vm.prank(governor);
        registry.suspend(rune);
        vm.prank(developer);
        vm.expectRevert(_unauthorized(developer, registryGovernor));
        registry.unsuspend(rune);

        assertEq(uint8(registry.statusOf(rune2)), uint8(IRuneRegistry.RuneStatus.Active));
        assertEq(uint8(registry.statusOf(rune)), uint8(IRuneRegistry.RuneStatus.Suspended));
    }

    function test_attack_UnauthorizedParameterChanges() public {
        bytes32 registryGovernor = registry.GOVERNOR_ROLE();
        bytes32 adminRole = distributor.DEFAULT_ADMIN_ROLE();

        vm.prank(attacker);
        vm.expectRevert(_unauthorized(attacker, registryGovernor));
        registry.setRuleDelay(1 hours);
        vm.prank(attacker);
        vm.expectRevert(_unauthorized(attacker, registryGovernor));
        registry.setMinStakersBps(0);
        vm.prank(attacker);
        vm.expectRevert(_unauthorized(attacker, registryGovernor));
        registry.setStakeLedger(address(usd));
        vm.prank(attacker);
        vm.expectRevert(_unauthorized(attacker, governorRole));
        distributor.setRewardWindow(1 days);
        vm.prank(attacker);
        vm.expectRevert(_unauthorized(attacker, governorRole));
        distributor.setUnbondingPeriod(60 days);
        // Nor can anyone but the admin hand out roles.
        vm.prank(attacker);
        vm.expectRevert(_unauthorized(attacker, adminRole));
        distributor.grantRole(governorRole, attacker);
        vm.prank(attacker);
        vm.expectRevert(_unauthorized(attacker, adminRole));
        registry.grantRole(registryGovernor, attacker);

        assertEq(registry.ruleDelay(), RULE_DELAY);
        assertEq(registry.minStakersBps(), 1_000);
        assertEq(address(registry.stakeLedger()), address(distributor));
        assertEq(distributor.rewardWindow(), REWARD_WINDOW);
        assertEq(distributor.unbondingPeriod(), UNBONDING_PERIOD);
        assertFalse(distributor.hasRole(governorRole, attacker));
        assertFalse(registry.hasRole(registryGovernor, attacker));
    }

    function test_attack_UnauthorizedPause() public {
        vm.prank(attacker);
        vm.expectRevert(_unauthorized(attacker, governorRole));
        distributor.pause();
        assertFalse(distributor.paused());

        vm.prank(governor);
        distributor.pause();
        vm.prank(developer);
        vm.expectRevert(_unauthorized(developer, governorRole));
        distributor.unpause();
        assertTrue(distributor.paused());
    }

    function test_attack_UnauthorizedSetTokenAllowed() public {
        FeeOnTransferToken junk = new FeeOnTransferToken();
        vm.prank(attacker);
        vm.expectRevert(_unauthorized(attacker, governorRole));
        distributor.setTokenAllowed(address(junk), true);
        vm.prank(attacker);
        vm.expectRevert(_unauthorized(attacker, governorRole));
        distributor.setTokenAllowed(address(usd), false);

        assertFalse(distributor.isTokenAllowed(address(junk)));
        assertTrue(distributor.isTokenAllowed(address(usd)));
    }

    // =============================================================================================
    // Collaborative receipts
    // =============================================================================================

    function test_attack_CollaborativeMissingSigner() public {
        IRevenueDistributor.CollaborativeReceipt memory collab =
            _collab(SID, _pair(rune, rune2), _weights(6_000, 4_000), address(usd), 1_000e6);
        bytes[] memory both = _signPair(collab, signerKey, SIGNER2_KEY);
        _fund(payer, address(usd), collab.amount);

        // Only the first rune's signature.
        bytes[] memory one = new bytes[](1);
        one[0] = both[0];
        _expectCollabRevert(
            collab,
            one,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorLengthMismatch.selector, 2, 2, 1)
        );
        // Two entries, but the second rune's signer never signed: an empty slot, or the first signature again.
        bytes[] memory holed = new bytes[](2);
        holed[0] = both[0];
        _expectCollabRevert(
            collab,
            holed,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorInvalidSignature.selector, rune2)
        );
        holed[1] = both[0];
        _expectCollabRevert(
            collab,
            holed,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorInvalidSignature.selector, rune2)
        );
        _assertCollabUntouched(collab);
    }

    function test_attack_CollaborativeDuplicatedRune() public {
        // Listing one's own rune twice (to collect both shares with one signer) is refused.
        IRevenueDistributor.CollaborativeReceipt memory collab =
            _collab(SID, _pair(rune, rune), _weights(5_000, 5_000), address(usd), 1_000e6);
        bytes[] memory signatures = _signPair(collab, signerKey, signerKey);
        _fund(payer, address(usd), collab.amount);
        _expectCollabRevert(
            collab,
            signatures,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorDuplicateRune.selector, rune)
        );
        _assertCollabUntouched(collab);
    }

    function test_attack_CollaborativeSwappedSignatures() public {
        IRevenueDistributor.CollaborativeReceipt memory collab =
            _collab(SID, _pair(rune, rune2), _weights(6_000, 4_000), address(usd), 1_000e6);
        bytes[] memory swapped = _signPair(collab, SIGNER2_KEY, signerKey);
        _fund(payer, address(usd), collab.amount);
        _expectCollabRevert(
            collab,
            swapped,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorInvalidSignature.selector, rune)
        );
        // Swapping the runes to match the signatures changes the signed digest: still refused.
        IRevenueDistributor.CollaborativeReceipt memory reordered =
            _collab(SID, _pair(rune2, rune), _weights(6_000, 4_000), address(usd), 1_000e6);
        _expectCollabRevert(
            reordered,
            swapped,
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorInvalidSignature.selector, rune2)
        );
        _assertCollabUntouched(collab);
    }

    function test_attack_CollaborativeBadWeights() public {
        uint16[3][3] memory bad =
            [[uint16(6_000), 3_000, 0], [uint16(6_000), 5_000, 0], [uint16(10_000), 0, 0]];
        bytes[3] memory errors = [
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorWeightsNotExact.selector, 9_000),
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorWeightsNotExact.selector, 11_000),
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorZeroWeight.selector, 1)
        ];
        _fund(payer, address(usd), 1_000e6);
        for (uint256 i; i < bad.length; ++i) {
            IRevenueDistributor.CollaborativeReceipt memory collab =
                _collab(SID, _pair(rune, rune2), _weights(bad[i][0], bad[i][1]), address(usd), 1_000e6);
            bytes[] memory signatures = _signPair(collab, signerKey, SIGNER2_KEY);
            _expectCollabRevert(collab, signatures, errors[i]);
            _assertCollabUntouched(collab);
        }
    }

    // =============================================================================================
    // Pause, ERC-1271, malleability
    // =============================================================================================

    function test_attack_PauseDoesNotTrapFunds() public {
        _stake(alice, rune, 1_000 ether);
        _stake(bob, rune, 500 ether);
        _pay(rune, SID, payer, address(usd), 1_000e6);
        _pay(rune, SID2, payer, ETH, 1 ether);
        vm.warp(block.timestamp + 1);
        uint64 id = _propose();
        vm.prank(alice);
        distributor.requestUnstake(rune, 200 ether);
        vm.warp(block.timestamp + 1 days);

        vm.prank(governor);
        distributor.pause();

        // New money in is refused...
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, "paused", payer, address(usd), 1e6);
        bytes memory signature = _sign(signerKey, receipt);
        _fund(payer, address(usd), 1e6);
        vm.prank(payer);
        vm.expectRevert(abi.encodeWithSelector(Pausable.EnforcedPause.selector));
        distributor.pay(receipt, signature);
        vm.prank(governor);
        assertTrue(aurunes.transfer(carol, 1 ether));
        vm.startPrank(carol);
        aurunes.approve(address(distributor), 1 ether);
        vm.expectRevert(abi.encodeWithSelector(Pausable.EnforcedPause.selector));
        distributor.stake(rune, 1 ether);
        vm.stopPrank();

        // ...but every way out works.
        address[] memory both = new address[](2);
        both[0] = address(usd);
        both[1] = ETH;
        vm.prank(alice);
        distributor.claim(_runes(rune), both);
        assertGt(usd.balanceOf(alice), 0);
        assertGt(alice.balance, 0);
        vm.prank(developer);
        distributor.claimDeveloper(rune, both);
        assertEq(usd.balanceOf(developer), 500e6);
        assertEq(developer.balance, 0.5 ether);
        vm.prank(infraA);
        distributor.claimInfra(both);
        assertEq(usd.balanceOf(infraA), 120e6);
        vm.prank(bob);
        distributor.vetoSplitProposal(rune);
        _assertTally(id, 500 ether, 1_300 ether);
        vm.prank(bob);
        distributor.requestUnstake(rune, 500 ether);
        vm.warp(block.timestamp + UNBONDING_PERIOD);
        vm.prank(alice);
        assertEq(distributor.withdraw(rune), 200 ether);
        vm.prank(bob);
        assertEq(distributor.withdraw(rune), 500 ether);
        assertEq(aurunes.balanceOf(bob), 500 ether);
        vm.prank(bob);
        distributor.claim(_runes(rune), both);
        assertGt(usd.balanceOf(bob), 0);
        assertTrue(distributor.paused());
    }

    function test_attack_RevokedErc1271Signer() public {
        RevocableSigner wallet = new RevocableSigner(vm.addr(ERC1271_KEY), developer);
        bytes32 walletRune = _register(
            developer, "erc1271", address(wallet), _split(5_000, 2_000, 3_000), _infra(), _infraWeights()
        );
        IRevenueDistributor.ServiceReceipt memory first =
            _receipt(walletRune, SID, payer, address(usd), 100e6);
        IRevenueDistributor.ServiceReceipt memory second =
            _receipt(walletRune, SID2, payer, address(usd), 100e6);
        bytes memory secondSignedBefore = _sign(ERC1271_KEY, second);
        _fund(payer, address(usd), 200e6);
        bytes memory firstSignature = _sign(ERC1271_KEY, first);
        vm.prank(payer);
        distributor.pay(first, firstSignature);

        vm.prank(developer);
        wallet.revoke();
        uint256 payerBefore = usd.balanceOf(payer);

        // Signed before the revocation, or after it with the same key: both refused now.
        vm.prank(payer);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRevenueDistributor.RevenueDistributorInvalidSignature.selector, walletRune
            )
        );
        distributor.pay(second, secondSignedBefore);
        bytes memory secondSignedAfter = _sign(ERC1271_KEY, second);
        vm.prank(payer);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRevenueDistributor.RevenueDistributorInvalidSignature.selector, walletRune
            )
        );
        distributor.pay(second, secondSignedAfter);

        assertEq(usd.balanceOf(payer), payerBefore);
        assertEq(usd.balanceOf(address(distributor)), 100e6);
        assertEq(distributor.revenueOf(walletRune, address(usd)), 100e6);
        assertFalse(distributor.isServiceUsed(walletRune, SID2));
    }

    function test_attack_SignatureMalleability() public {
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, address(usd), 1_000e6);
        bytes32 digest = distributor.hashServiceReceipt(receipt);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(signerKey, digest);
        // The twin (r, n - s, flipped v) recovers to the same signer through the bare precompile.
        bytes32 highS = bytes32(SECP256K1_N - uint256(s));
        uint8 flippedV = v == 27 ? 28 : 27;
        assertEq(ecrecover(digest, flippedV, r, highS), signer);
        _fund(payer, address(usd), receipt.amount);
        uint256 payerBefore = usd.balanceOf(payer);

        vm.prank(payer);
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorInvalidSignature.selector, rune)
        );
        distributor.pay(receipt, abi.encodePacked(r, highS, flippedV));
        assertEq(usd.balanceOf(payer), payerBefore);
        _assertUntouched(rune, SID);

        // The canonical signature pays, once.
        vm.prank(payer);
        distributor.pay(receipt, abi.encodePacked(r, s, v));
        assertEq(usd.balanceOf(address(distributor)), receipt.amount);
    }

    // =============================================================================================
    // Helpers
    // =============================================================================================

    // =============================================================================================
    // Issue 7: stakers' exposures demonstrated under attack (red before the fix, green after)
    // =============================================================================================

    /// @notice Item 1: a rune's signer pays 1 unit a day after a 1,000 tUSD payment to keep restarting the stream.
    /// The stakers part must still vest (>= 99.9%) within the window + 1 day, and none of it may reach the
    /// developer when the staker leaves.
    function test_attack_DustPaymentsStallStream() public {
        _stake(alice, rune, 1_000 ether);
        vm.warp(block.timestamp + 1);
        uint256 start = block.timestamp;
        _pay(rune, "big", payer, address(usd), 1_000e6);
        uint256 stakersPart = 300e6;
        for (uint256 day = 1; day <= 7; ++day) {
            vm.warp(start + day * 1 days);
            _pay(rune, bytes32(day), developer, address(usd), 1); // the developer's own dust payment
        }
        vm.warp(start + REWARD_WINDOW + 1 days);
        uint256 vested = distributor.pendingRewards(rune, alice, address(usd));
        emit log_named_decimal_uint("vested % of the stakers part after window + 1 day", vested * 100e6 / stakersPart, 6);
        assertGe(vested * 1_000, stakersPart * 999, "stakers vest >= 99.9% within window + 1 day");

        // The staker leaves; whatever is still unstreamed would go to the developer.
        vm.prank(alice);
        distributor.requestUnstake(rune, 1_000 ether);
        vm.warp(block.timestamp + 30 days);
        uint256 developerBefore = usd.balanceOf(developer);
        vm.prank(developer);
        distributor.claimDeveloper(rune, _tokens(address(usd)));
        uint256 developerGot = usd.balanceOf(developer) - developerBefore;
        uint256 fromStakersPart = developerGot - 500e6; // its own 50% of the big payment
        emit log_named_decimal_uint("developer's take of the stakers part, %", fromStakersPart * 100e6 / stakersPart, 6);
        assertLe(fromStakersPart * 1_000, stakersPart, "developer captures at most 0.1% of the stakers part");
    }

    /// @notice Item 2: a staker with 60% of the stake adds 1 wei after the proposal; its veto must still count
    /// with the 600 it held when the proposal was made.
    function test_attack_TopUpForfeitsVeto() public {
        _stake(alice, rune, 600 ether);
        _stake(bob, rune, 400 ether);
        vm.warp(block.timestamp + 1);
        _propose();
        vm.warp(block.timestamp + 1 hours);
        _stake(alice, rune, 1); // 1 wei top-up
        vm.prank(alice);
        distributor.vetoSplitProposal(rune);

        vm.warp(block.timestamp + RULE_DELAY);
        assertFalse(registry.executeSplitProposal(rune), "a 60% veto rejects the change");
        _assertSplit(5_000, 2_000, 3_000);
    }

    /// @notice Item 3: the owner stakes 1,001 before proposing; every outside staker (1,000) vetoes. The owner's
    /// own stake must neither count in the veto base nor outweigh the veto.
    function test_attack_OwnerStakeOutweighsVeto() public {
        _stake(developer, rune, 1_001 ether);
        _stake(alice, rune, 600 ether);
        _stake(bob, rune, 400 ether);
        vm.warp(block.timestamp + 1);
        _propose();
        vm.prank(alice);
        distributor.vetoSplitProposal(rune);
        vm.prank(bob);
        distributor.vetoSplitProposal(rune);

        vm.warp(block.timestamp + RULE_DELAY);
        assertFalse(registry.executeSplitProposal(rune), "every outside staker vetoed");
        _assertSplit(5_000, 2_000, 3_000);
    }

    /// @notice Item 4: anyone forces 200 checkpoints with `claim`; alice stakes throughout, leaves just before the
    /// window ends, carol takes her place. Neither may end up more than one unit per settlement off its exact
    /// time-weighted share.
    function test_attack_RoundingRemainderMigrates() public {
        _stake(alice, rune, 1_000 ether);
        vm.warp(block.timestamp + 1);
        uint256 start = block.timestamp;
        _pay(rune, "big", payer, address(usd), 1_000e6);
        uint256 stakersPart = 300e6;
        for (uint256 i = 1; i <= 200; ++i) {
            vm.warp(start + i * 61);
            vm.prank(attacker);
            distributor.claim(_runes(rune), _tokens(address(usd))); // forces a checkpoint
        }
        uint256 leftAt = block.timestamp;
        vm.prank(alice);
        distributor.requestUnstake(rune, 1_000 ether);
        _stake(carol, rune, 1_000 ether);
        vm.warp(start + REWARD_WINDOW + 1);
        vm.prank(alice);
        distributor.claim(_runes(rune), _tokens(address(usd)));
        vm.prank(carol);
        distributor.claim(_runes(rune), _tokens(address(usd)));

        uint256 aliceIdeal = stakersPart * (leftAt - start) / REWARD_WINDOW; // floor of the exact share
        uint256 carolIdeal = stakersPart - aliceIdeal; // ceil of the exact share
        uint256 aliceGot = usd.balanceOf(alice);
        uint256 carolGot = usd.balanceOf(carol);
        emit log_named_int("alice minus her exact share (units)", int256(aliceGot) - int256(aliceIdeal));
        emit log_named_int("carol minus her exact share (units)", int256(carolGot) - int256(carolIdeal));
        // Alice settled twice (unstake, claim), carol once (claim).
        assertLe(carolGot, carolIdeal + 1, "carol: at most her exact share + 1 unit per settlement");
        assertGe(aliceGot + 2, aliceIdeal, "alice: at least her exact share - 1 unit per settlement");
    }

    /// @notice Item 5: a second unstake request must not restart the clock of stake that already matured.
    function test_attack_UnstakeRequestRestartsMaturedClock() public {
        _stake(alice, rune, 1_000 ether);
        vm.prank(alice);
        distributor.requestUnstake(rune, 100 ether);
        vm.warp(block.timestamp + UNBONDING_PERIOD + 1);
        vm.prank(alice);
        distributor.requestUnstake(rune, 50 ether);
        // The matured 100 is not held back by the new request.
        if (aurunes.balanceOf(alice) == 0) {
            vm.prank(alice);
            try distributor.withdraw(rune) {} catch {}
        }
        assertEq(aurunes.balanceOf(alice), 100 ether, "matured stake is out at once");
        vm.warp(block.timestamp + UNBONDING_PERIOD);
        vm.prank(alice);
        assertEq(distributor.withdraw(rune), 50 ether);
        assertEq(aurunes.balanceOf(alice), 150 ether);
    }


    // =============================================================================================
    // Issue 7, item 6: proposals on suspended runes, cancel-and-repropose, stale approvals, stuck infra
    // =============================================================================================

    /// @notice A suspended rune's split cannot be changed by executing a proposal made before the suspension.
    function test_attack_ExecuteOnSuspendedRune() public {
        _stake(alice, rune, 600 ether);
        _propose();
        vm.warp(block.timestamp + RULE_DELAY);
        vm.prank(governor);
        registry.suspend(rune);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRuneRegistry.RuneRegistryUnexpectedStatus.selector, rune, IRuneRegistry.RuneStatus.Suspended
            )
        );
        registry.executeSplitProposal(rune);
        _assertSplit(5_000, 2_000, 3_000);
    }

    /// @notice Cancelling a heavily vetoed proposal and proposing the same again at once would wipe every veto:
    /// a cooldown stops that.
    function test_attack_CancelAndReproposeResetsVetoes() public {
        _stake(alice, rune, 600 ether);
        _stake(bob, rune, 400 ether);
        _propose();
        vm.prank(alice);
        distributor.vetoSplitProposal(rune);
        vm.prank(developer);
        registry.cancelSplitProposal(rune);

        uint48 availableAt = uint48(block.timestamp) + registry.PROPOSAL_COOLDOWN();
        vm.prank(developer);
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryProposalCooldown.selector, rune, availableAt)
        );
        registry.proposeSplit(rune, _split(4_000, 2_000, 4_000), _infra(), _infraWeights());

        // After the cooldown a new proposal starts a fresh tally, and the stakers veto again.
        vm.warp(availableAt);
        uint64 id = _propose();
        vm.prank(alice);
        distributor.vetoSplitProposal(rune);
        vm.warp(block.timestamp + RULE_DELAY);
        assertFalse(registry.executeSplitProposal(rune));
        _assertTally(id, 600 ether, 1_000 ether);
    }

    /// @notice An approved proposal cannot be executed long after the stakers stopped watching it.
    function test_attack_ApprovedProposalNeverExpires() public {
        _stake(alice, rune, 600 ether);
        _propose();
        IRuneRegistry.SplitProposal memory proposal = registry.pendingSplitProposal(rune);
        assertEq(proposal.expiresAt, proposal.executableAt + registry.EXECUTION_WINDOW());
        vm.warp(proposal.expiresAt);
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryProposalExpired.selector, rune, proposal.expiresAt)
        );
        registry.executeSplitProposal(rune);
        _assertSplit(5_000, 2_000, 3_000);

        // The owner may replace it (after the cooldown that follows an expiry).
        vm.warp(proposal.expiresAt + registry.PROPOSAL_COOLDOWN());
        uint64 next = _propose();
        assertEq(next, proposal.id + 1);
    }

    /// @notice An infra recipient that is a contract unable to receive ETH (or to call the distributor) does not
    /// lose its balance: it can claim to another address, and anyone can push a token balance to it.
    function test_attack_InfraRecipientCannotClaim() public {
        address vault = address(new EthRejectingRecipient());
        address[] memory recipients = new address[](1);
        recipients[0] = vault;
        uint16[] memory weights = new uint16[](1);
        weights[0] = 10_000;
        bytes32 vaulted = _register(developer, "vaulted", signer, _split(5_000, 2_000, 3_000), recipients, weights);
        _pay(vaulted, "eth", payer, ETH, 1 ether);
        _pay(vaulted, "usd", payer, address(usd), 1_000e6);

        // Claiming ETH to itself fails: the vault refuses ETH.
        vm.prank(vault);
        vm.expectRevert(abi.encodeWithSelector(Errors.FailedCall.selector));
        distributor.claimInfra(_tokens(ETH));
        // Its controller claims the ETH elsewhere.
        address treasury = makeAddr("treasury");
        vm.expectEmit(address(distributor));
        emit IRevenueDistributor.InfraClaimedTo(vault, ETH, treasury, 0.2 ether);
        vm.prank(vault);
        distributor.claimInfraTo(_tokens(ETH), treasury);
        assertEq(treasury.balance, 0.2 ether);
        // Anyone pushes the tUSD to the vault itself (it can hold tokens, not call).
        vm.prank(attacker);
        distributor.pushInfra(vault, _tokens(address(usd)));
        assertEq(usd.balanceOf(vault), 200e6);
        assertEq(usd.balanceOf(attacker), 0);
        assertEq(distributor.infraBalanceOf(vault, ETH) + distributor.infraBalanceOf(vault, address(usd)), 0);

        vm.prank(vault);
        vm.expectRevert(abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorZeroRecipient.selector));
        distributor.claimInfraTo(_tokens(ETH), address(0));
    }

    // =============================================================================================
    // Contracts v2 review: findings demonstrated under attack (red before the fix, green after)
    // =============================================================================================

    /// @notice Review, rune transfer during a proposal: the owner proposes "infra 90% to me", then pushes the rune NFT (plain transferFrom) onto
    /// the 60% staker, a vault that can only stake and veto. The veto rule followed the current owner while the base
    /// left out the proposer: the vault could not veto, the 40% minority was outvoted by the base, and the change
    /// executed. A transfer now cancels the open proposal, so nothing is left to execute.
    function test_attack_PushRuneOntoWhaleSilencesVeto() public {
        StakingVault vault = new StakingVault();
        vm.prank(governor);
        aurunes.transfer(address(vault), 600 ether);
        vault.stake(distributor, aurunes, rune, 600 ether);
        _stake(alice, rune, 400 ether);
        address[] memory toMe = new address[](1);
        toMe[0] = developer;
        uint16[] memory all = new uint16[](1);
        all[0] = 10_000;
        vm.prank(developer);
        uint64 id = registry.proposeSplit(rune, _split(0, 9_000, 1_000), toMe, all);

        vm.expectEmit(address(registry));
        emit IRuneRegistry.SplitChangeCancelled(rune, id);
        vm.prank(developer);
        registry.transferFrom(developer, address(vault), uint256(rune));

        assertEq(registry.pendingSplitProposal(rune).id, 0, "the transfer cancelled the proposal");
        (uint64 open,) = distributor.vetoWeightOf(rune, alice);
        assertEq(open, 0, "closed on the ledger");
        vm.expectRevert(abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorNoPendingProposal.selector, rune));
        vault.veto(distributor, rune);
        vm.warp(block.timestamp + RULE_DELAY);
        vm.expectRevert(abi.encodeWithSelector(IRuneRegistry.RuneRegistryNoPendingProposal.selector, rune));
        registry.executeSplitProposal(rune);
        _assertSplit(5_000, 2_000, 3_000);
        // Nor does the seller's agent key keep signing for the vault's rune (next test).
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, address(usd), 1_000e6);
        bytes memory sig = _sign(signerKey, receipt);
        _fund(payer, address(usd), 1_000e6);
        vm.prank(payer);
        vm.expectRevert(abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorInvalidSignature.selector, rune));
        distributor.pay(receipt, sig);
        assertEq(distributor.infraBalanceOf(developer, address(usd)), 0);
    }

    /// @notice Review, rune transfer during a proposal: the proposer's 1,000 staked is left out of the veto base (100); once it sold the rune it
    /// could veto its own proposal with the 1,000, ten times the base. The transfer now cancels the proposal; the
    /// stakers had vetoed it, so the cooldown applies (a transfer replaces a contested proposal no faster than a
    /// cancel does). The buyer's own proposal then counts the former owner's stake in its base, and its veto.
    function test_attack_ProposerVetoesAfterRuneTransfer() public {
        _stake(developer, rune, 1_000 ether);
        _stake(alice, rune, 100 ether);
        uint64 id = _propose();
        assertEq(registry.pendingSplitProposal(rune).stakeAtProposal, 100 ether, "base excludes the proposer");
        vm.prank(developer);
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorProposerCannotVeto.selector, rune, developer)
        );
        distributor.vetoSplitProposal(rune);
        vm.prank(alice);
        distributor.vetoSplitProposal(rune);

        address buyer = makeAddr("buyer");
        vm.prank(developer);
        registry.transferFrom(developer, buyer, uint256(rune));
        assertEq(registry.pendingSplitProposal(rune).id, 0, "cancelled by the transfer");
        vm.prank(developer);
        vm.expectRevert(abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorNoPendingProposal.selector, rune));
        distributor.vetoSplitProposal(rune);
        _assertTally(id, 100 ether, 1_100 ether);

        uint48 availableAt = uint48(block.timestamp) + registry.PROPOSAL_COOLDOWN();
        assertEq(registry.nextProposalAt(rune), availableAt, "vetoed: the cancel starts the cooldown");
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(IRuneRegistry.RuneRegistryProposalCooldown.selector, rune, availableAt));
        registry.proposeSplit(rune, _split(4_000, 2_000, 4_000), _infra(), _infraWeights());

        vm.warp(availableAt);
        vm.prank(buyer);
        uint64 next = registry.proposeSplit(rune, _split(4_000, 2_000, 4_000), _infra(), _infraWeights());
        assertEq(registry.pendingSplitProposal(rune).stakeAtProposal, 1_100 ether, "the buyer holds no stake");
        vm.prank(developer);
        distributor.vetoSplitProposal(rune);
        (uint256 vetoStake,) = distributor.vetoTally(rune, next);
        assertEq(vetoStake, 1_000 ether);
        assertLe(vetoStake, registry.pendingSplitProposal(rune).stakeAtProposal, "veto never exceeds its base");
        vm.warp(block.timestamp + RULE_DELAY);
        assertFalse(registry.executeSplitProposal(rune));
    }

    /// @notice Review, signer after a sale: the seller's agent key kept signing receipts that the sold rune accepted. A transfer now
    /// clears the signer: every receipt is refused until the buyer names its own key, and the seller's never again.
    function test_attack_SellerSignerSurvivesTransfer() public {
        address buyer = makeAddr("buyer");
        vm.expectEmit(address(registry));
        emit IRuneRegistry.SignerRotated(rune, signer, address(0));
        vm.prank(developer);
        registry.transferFrom(developer, buyer, uint256(rune));
        assertEq(registry.paymentTerms(rune).signer, address(0));

        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID, payer, address(usd), 1e6);
        bytes memory sellerSig = _sign(signerKey, receipt);
        _fund(payer, address(usd), 2e6);
        vm.prank(payer);
        vm.expectRevert(abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorInvalidSignature.selector, rune));
        distributor.pay(receipt, sellerSig);
        assertFalse(distributor.isServiceUsed(rune, SID), "a sold rune stops accepting the seller's key");

        // The buyer names its key (from a cleared signer); its receipts pay, the seller's still do not.
        vm.expectEmit(address(registry));
        emit IRuneRegistry.SignerRotated(rune, address(0), vm.addr(RANDOM_KEY));
        vm.prank(buyer);
        registry.rotateSigner(rune, vm.addr(RANDOM_KEY));
        vm.prank(payer);
        vm.expectRevert(abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorInvalidSignature.selector, rune));
        distributor.pay(receipt, sellerSig);
        bytes memory buyerSig = _sign(RANDOM_KEY, receipt);
        vm.prank(payer);
        distributor.pay(receipt, buyerSig);
        assertTrue(distributor.isServiceUsed(rune, SID));
        assertEq(distributor.developerBalanceOf(rune, address(usd)), 0.8e6, "no stakers: developer + stakers part");
    }

    /// @notice Review, infra push: `pushInfra` sent the balance of a recipient that collects with `claimInfraTo` (a
    /// forwarder with no transfer logic) into the contract, stuck for good. Such a recipient now opts out, and the
    /// push is refused.
    function test_attack_PushInfraStrandsForwarderTokens() public {
        address beneficiary = makeAddr("beneficiary");
        InfraForwarder forwarder = new InfraForwarder(distributor, beneficiary);
        assertFalse(distributor.isInfraPushAllowed(address(forwarder)));
        address[] memory recipients = new address[](1);
        recipients[0] = address(forwarder);
        uint16[] memory weights = new uint16[](1);
        weights[0] = 10_000;
        bytes32 fwdRune = _register(developer, "fwd", signer, _split(5_000, 2_000, 3_000), recipients, weights);
        _pay(fwdRune, SID, payer, address(usd), 1_000e6);

        vm.prank(attacker);
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorInfraPushRefused.selector, address(forwarder))
        );
        distributor.pushInfra(address(forwarder), _tokens(address(usd)));
        forwarder.forward(distributor, _tokens(address(usd)));
        assertEq(usd.balanceOf(beneficiary), 200e6, "the beneficiary receives the infra part");
        assertEq(usd.balanceOf(address(forwarder)), 0, "nothing stuck in the forwarder");
    }

    /// @notice Review, accumulator trap: a rune owner, its only staker with 1 wei, pumps the accumulator to just
    /// below 2^255 with 170 payments of 2^128 - 1 of an allow-listed huge-supply token paid back to itself. Every
    /// checkpoint used to revert once an honest staker joined and an ordinary payment streamed: requestUnstake,
    /// claim and withdraw were frozen. A release the accumulator cannot take now goes to the developer, as when
    /// nobody stakes, so the honest staker claims, leaves and withdraws.
    function test_attack_AccumulatorTrapFreezesLaterStakers() public {
        (HookedToken big, bytes32 trap) = _accumulatorTrap();
        _stake(alice, trap, 1_000 ether);
        big.mint(payer, 10_000 ether);
        vm.prank(payer);
        big.approve(address(distributor), type(uint256).max);
        _payBig(big, trap, "honest", payer, 10_000 ether);
        vm.warp(block.timestamp + 1 days);

        uint256 developerBefore = distributor.pendingDeveloperBalance(trap, address(big));
        assertGt(developerBefore, 0, "the accumulator cannot take the release: the developer is credited");
        vm.startPrank(alice);
        distributor.claim(_runes(trap), _tokens(address(big)));
        distributor.requestUnstake(trap, 1_000 ether);
        assertEq(distributor.positionOf(trap, alice).unbonding, 1_000 ether, "the honest staker can always leave");
        vm.warp(block.timestamp + UNBONDING_PERIOD);
        assertEq(distributor.withdraw(trap), 1_000 ether);
        vm.stopPrank();
        assertEq(distributor.developerBalanceOf(trap, address(big)), developerBefore, "credited as the view said");

        // Everything that streamed is accounted for: the owner collects it as developer and as staker.
        vm.warp(block.timestamp + 30 days);
        vm.startPrank(attacker);
        distributor.claimDeveloper(trap, _tokens(address(big)));
        distributor.claim(_runes(trap), _tokens(address(big)));
        vm.stopPrank();
        assertLe(big.balanceOf(address(distributor)), 1e6, "only dust left");
    }

    function _infra() internal view returns (address[] memory recipients) {
        recipients = new address[](2);
        recipients[0] = infraA;
        recipients[1] = infraB;
    }

    function _infraWeights() internal pure returns (uint16[] memory weights) {
        weights = new uint16[](2);
        weights[0] = 6_000;
        weights[1] = 4_000;
    }

    function _pair(bytes32 a, bytes32 b) internal pure returns (bytes32[] memory list) {
        list = new bytes32[](2);
        list[0] = a;
        list[1] = b;
    }

    function _weights(uint16 a, uint16 b) internal pure returns (uint16[] memory list) {
        list = new uint16[](2);
        list[0] = a;
        list[1] = b;
    }

    function _collab(
        bytes32 serviceId,
        bytes32[] memory runes,
        uint16[] memory weights,
        address token,
        uint256 amount
    ) internal view returns (IRevenueDistributor.CollaborativeReceipt memory) {
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

    function _signPair(IRevenueDistributor.CollaborativeReceipt memory collab, uint256 keyA, uint256 keyB)
        internal
        view
        returns (bytes[] memory signatures)
    {
        signatures = new bytes[](2);
        signatures[0] = _signCollaborative(keyA, collab);
        signatures[1] = _signCollaborative(keyB, collab);
    }

    /// @dev The payer is already funded; expects `payCollaborative` to fail with `err` and move nothing.
    function _expectCollabRevert(
        IRevenueDistributor.CollaborativeReceipt memory collab,
        bytes[] memory signatures,
        bytes memory err
    ) internal {
        uint256 payerBefore = usd.balanceOf(payer);
        vm.prank(payer);
        vm.expectRevert(err);
        distributor.payCollaborative(collab, signatures);
        assertEq(usd.balanceOf(payer), payerBefore);
    }

    function _assertCollabUntouched(IRevenueDistributor.CollaborativeReceipt memory collab) internal view {
        for (uint256 i; i < collab.runes.length; ++i) {
            _assertUntouched(collab.runes[i], collab.serviceId);
        }
        assertEq(usd.balanceOf(address(distributor)), 0);
    }

    /// @dev Nothing was paid to `target` for `serviceId`, and the distributor holds nothing for it.
    function _assertUntouched(bytes32 target, bytes32 serviceId) internal view {
        assertFalse(distributor.isServiceUsed(target, serviceId), "serviceId spent");
        assertEq(distributor.revenueOf(target, address(usd)), 0, "revenue recorded");
        assertEq(distributor.revenueOf(target, ETH), 0, "revenue recorded");
        assertEq(distributor.developerBalanceOf(target, address(usd)), 0, "developer credited");
        assertEq(usd.balanceOf(address(distributor)) + address(distributor).balance, 0, "distributor funded");
    }

    /// @dev Default-infra split change to 40 / 20 / 40, proposed by the rune's developer.
    function _propose() internal returns (uint64 id) {
        vm.prank(developer);
        id = registry.proposeSplit(rune, _split(4_000, 2_000, 4_000), _infra(), _infraWeights());
    }

    function _assertTally(uint64 id, uint256 vetoStake, uint256 activeStake) internal view {
        (uint256 veto, uint256 active) = distributor.vetoTally(rune, id);
        assertEq(veto, vetoStake, "veto stake");
        assertEq(active, activeStake, "active stake");
    }

    function _assertSplit(uint16 developerBps, uint16 infraBps, uint16 stakersBps) internal view {
        IRuneRegistry.Split memory split = registry.runeInfo(rune).split;
        assertEq(split.developerBps, developerBps);
        assertEq(split.infraBps, infraBps);
        assertEq(split.stakersBps, stakersBps);
    }

    function _unauthorized(address account, bytes32 role) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, account, role);
    }

    function _assertPayAndStakeRefused(IRuneRegistry.RuneStatus status) internal {
        bytes memory notActive = abi.encodeWithSelector(
            IRevenueDistributor.RevenueDistributorRuneNotActive.selector, rune, status
        );
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, SID2, payer, address(usd), 1_000e6);
        bytes memory signature = _sign(signerKey, receipt);
        _fund(payer, address(usd), receipt.amount);
        uint256 payerBefore = usd.balanceOf(payer);
        uint256 heldBefore = usd.balanceOf(address(distributor));
        vm.prank(payer);
        vm.expectRevert(notActive);
        distributor.pay(receipt, signature);
        assertEq(usd.balanceOf(payer), payerBefore);
        assertEq(usd.balanceOf(address(distributor)), heldBefore);
        assertFalse(distributor.isServiceUsed(rune, SID2));

        vm.prank(governor);
        assertTrue(aurunes.transfer(bob, 100 ether));
        vm.startPrank(bob);
        aurunes.approve(address(distributor), 100 ether);
        vm.expectRevert(notActive);
        distributor.stake(rune, 100 ether);
        vm.stopPrank();
        assertEq(aurunes.balanceOf(bob), 100 ether);
        assertEq(distributor.activeStakeOf(rune), 1_000 ether);
    }

    /// @dev Alice (1,000 staked, one day of a 300 USD stream earned) leaves at once and keeps what she earned.
    function _assertStakerLeavesInstantly() internal {
        uint256 earned = distributor.pendingRewards(rune, alice, address(usd));
        assertEq(earned, uint256(300e6) / 7);
        vm.startPrank(alice);
        distributor.requestUnstake(rune, 1_000 ether);
        assertEq(distributor.withdraw(rune), 1_000 ether); // no unbonding wait
        distributor.claim(_runes(rune), _tokens(address(usd)));
        vm.stopPrank();
        assertEq(aurunes.balanceOf(alice), 1_000 ether);
        assertEq(usd.balanceOf(alice), earned);
        assertEq(distributor.totalStaked(), 0);
        // The rest of the stream goes to the developer, who can still claim everything owed.
        vm.warp(block.timestamp + REWARD_WINDOW);
        vm.prank(developer);
        distributor.claimDeveloper(rune, _tokens(address(usd)));
        // Whole units to the developer; alice's floor and the stream's sub-unit rest make at most one unit.
        assertApproxEqAbs(usd.balanceOf(developer), 500e6 + 300e6 - earned, 1);
        assertLe(usd.balanceOf(address(distributor)), 200e6 + 1, "infra's 200 (unclaimed) + at most one unit");
        assertEq(usd.balanceOf(address(distributor)) + usd.balanceOf(developer) + earned, 1_000e6, "nothing lost");
    }

    function _hookedSetup() internal returns (HookedToken evil, ReentrancyAttacker bad) {
        evil = new HookedToken();
        bad = new ReentrancyAttacker();
        evil.setHooked(address(bad), true);
        vm.prank(governor);
        distributor.setTokenAllowed(address(evil), true);
    }

    /// @dev `bad` calls the distributor with `outerCall`; when the token (or ETH) reaches it mid-call it re-enters
    /// with `innerCall` and bubbles the refusal: the whole call fails with the guard's error and moves nothing.
    function _expectGuardRevert(
        ReentrancyAttacker bad,
        bytes memory outerCall,
        bytes memory innerCall,
        address token
    ) internal {
        uint256 heldBefore = token == ETH
            ? address(distributor).balance
            : IERC20(token).balanceOf(address(distributor));
        uint256 badBefore = token == ETH ? address(bad).balance : IERC20(token).balanceOf(address(bad));
        bad.arm(ReentrancyAttacker.Mode.Bubble, address(distributor), innerCall);
        vm.prank(address(bad));
        vm.expectRevert(
            abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector)
        );
        (bool ok,) = address(distributor).call(outerCall);
        assertTrue(ok, "expectRevert makes the reverting call return true");
        assertEq(
            token == ETH ? address(distributor).balance : IERC20(token).balanceOf(address(distributor)),
            heldBefore
        );
        assertEq(token == ETH ? address(bad).balance : IERC20(token).balanceOf(address(bad)), badBefore);
    }

    /// @dev Same attack, but the attacker swallows the refusal so the outer call completes: it must have been
    /// refused by the guard, and the outer call pays exactly once.
    function _reenterAndSwallow(ReentrancyAttacker bad, bytes memory outerCall, bytes memory innerCall)
        internal
    {
        bad.arm(ReentrancyAttacker.Mode.Swallow, address(distributor), innerCall);
        vm.prank(address(bad));
        (bool ok,) = address(distributor).call(outerCall);
        assertTrue(ok, "outer call");
        _assertGuardRefused(bad);
    }

    function _assertGuardRefused(ReentrancyAttacker bad) internal view {
        assertEq(bad.attempts(), 1, "one reentry attempted");
        assertEq(bad.reentrySuccesses(), 0, "no reentry succeeded");
        assertEq(
            bad.lastRevertData(),
            abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector)
        );
    }

    function _permitDigest(address owner, uint256 value, uint256 nonce, uint256 deadline)
        internal
        view
        returns (bytes32)
    {
        bytes32 structHash =
            keccak256(abi.encode(PERMIT_TYPEHASH, owner, address(distributor), value, nonce, deadline));
        return keccak256(abi.encodePacked("\x19\x01", usd.DOMAIN_SEPARATOR(), structHash));
    }

    /// @dev Every unit paid is somewhere: developer, infra, a staker's pending rewards or the unreleased stream;
    /// what is nowhere (accumulator rounding) is at most one unit per staker.
    function _assertUnitsAccounted(address[3] memory stakers) internal view {
        uint256 owed = distributor.pendingDeveloperBalance(rune, address(usd))
            + distributor.infraBalanceOf(infraA, address(usd))
            + distributor.infraBalanceOf(infraB, address(usd));
        for (uint256 k; k < stakers.length; ++k) {
            owed += distributor.pendingRewards(rune, stakers[k], address(usd));
        }
        IRevenueDistributor.StreamState memory stream = distributor.streamOf(rune, address(usd));
        uint256 unreleased;
        if (block.timestamp < stream.finish) {
            unreleased = stream.remaining - stream.remaining * (block.timestamp - stream.lastUpdate)
                / (stream.finish - stream.lastUpdate);
        }
        uint256 held = usd.balanceOf(address(distributor));
        assertLe(owed + unreleased, held, "more owed than held");
        assertLe(held - owed - unreleased, stakers.length, "units lost");
    }

    /// @dev The accumulator trap: `attacker` registers a rune that streams everything to stakers, stakes 1 wei on it and
    /// pumps the `big` token's accumulator to just below 2^255 (the reviewer's sequence).
    function _accumulatorTrap() internal returns (HookedToken big, bytes32 trap) {
        big = new HookedToken();
        vm.prank(governor);
        distributor.setTokenAllowed(address(big), true);
        trap = _register(attacker, "trap", signer, _split(0, 0, 10_000), new address[](0), new uint16[](0));
        _stake(attacker, trap, 1);
        uint256 max = type(uint128).max;
        big.mint(attacker, max * 171);
        vm.prank(attacker);
        big.approve(address(distributor), type(uint256).max);
        for (uint256 i; i < 170; ++i) {
            _payBig(big, trap, bytes32(i + 1), attacker, max);
        }
        vm.warp(block.timestamp + 8 days);
        vm.prank(attacker);
        distributor.claimDeveloper(trap, _tokens(address(big))); // writes the checkpoint
        uint256 gap = (1 << 255) - 1 - distributor.streamOf(trap, address(big)).rewardPerShare;
        _payBig(big, trap, "trim", attacker, gap / 1e36);
        vm.warp(block.timestamp + 8 days);
        vm.prank(attacker);
        distributor.claimDeveloper(trap, _tokens(address(big)));
        assertLt((1 << 255) - distributor.streamOf(trap, address(big)).rewardPerShare, 1e36, "trap set");
    }

    function _payBig(HookedToken big, bytes32 target, bytes32 serviceId, address from, uint256 amount) internal {
        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(target, serviceId, from, address(big), amount);
        bytes memory sig = _sign(signerKey, receipt);
        vm.prank(from);
        distributor.pay(receipt, sig);
    }
}
