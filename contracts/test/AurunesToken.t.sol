// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {AuroruneTest} from "./utils/AuroruneTest.sol";
import {AurunesToken} from "../src/AurunesToken.sol";

/// @notice Unit tests of AurunesToken: fixed supply, metadata, ERC-20 transfers and ERC-2612 permits.
contract AurunesTokenTest is AuroruneTest {
    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
    bytes32 internal constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    /// @dev secp256k1 group order; an `s` above half of it is the malleable twin of a valid signature.
    uint256 internal constant SECP256K1_N =
        0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;

    address internal owner;
    uint256 internal ownerKey;
    address internal spender = makeAddr("spender");

    function setUp() public override {
        super.setUp();
        (owner, ownerKey) = makeAddrAndKey("owner");
        vm.prank(governor);
        aurunes.transfer(owner, 1_000 ether);
    }

    // =============================================================================================
    // Local helpers
    // =============================================================================================

    function _permitDigest(
        address permitOwner,
        address permitSpender,
        uint256 value,
        uint256 nonce,
        uint256 deadline
    ) internal view returns (bytes32) {
        bytes32 structHash = keccak256(
            abi.encode(PERMIT_TYPEHASH, permitOwner, permitSpender, value, nonce, deadline)
        );
        return keccak256(abi.encodePacked("\x19\x01", aurunes.DOMAIN_SEPARATOR(), structHash));
    }

    function _signPermit(
        uint256 key,
        address permitOwner,
        address permitSpender,
        uint256 value,
        uint256 deadline
    ) internal view returns (uint8 v, bytes32 r, bytes32 s) {
        return vm.sign(
            key, _permitDigest(permitOwner, permitSpender, value, aurunes.nonces(permitOwner), deadline)
        );
    }

    // =============================================================================================
    // Supply and metadata
    // =============================================================================================

    function test_constructor_MintsWholeSupplyToHolder() public view {
        assertEq(aurunes.totalSupply(), AURUNES_SUPPLY);
        assertEq(aurunes.balanceOf(governor), AURUNES_SUPPLY - 1_000 ether);
        assertEq(aurunes.balanceOf(owner), 1_000 ether);
    }

    function test_constructor_EmitsMintTransfer() public {
        address expected = vm.computeCreateAddress(address(this), vm.getNonce(address(this)));
        vm.expectEmit(true, true, true, true, expected);
        emit IERC20.Transfer(address(0), alice, 42 ether);
        AurunesToken token = new AurunesToken(alice, 42 ether);
        assertEq(address(token), expected);
        assertEq(token.totalSupply(), 42 ether);
        assertEq(token.balanceOf(alice), 42 ether);
    }

    function test_constructor_RevertWhen_HolderIsZeroAddress() public {
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InvalidReceiver.selector, address(0)));
        new AurunesToken(address(0), AURUNES_SUPPLY);
    }

    function test_metadata_NameSymbolDecimals() public view {
        assertEq(aurunes.name(), "Aurunes");
        assertEq(aurunes.symbol(), "AURUNES");
        assertEq(aurunes.decimals(), 18);
    }

    // =============================================================================================
    // transfer
    // =============================================================================================

    function test_transfer_MovesBalance() public {
        vm.expectEmit(true, true, true, true, address(aurunes));
        emit IERC20.Transfer(owner, alice, 400 ether);
        vm.prank(owner);
        assertTrue(aurunes.transfer(alice, 400 ether));
        assertEq(aurunes.balanceOf(owner), 600 ether);
        assertEq(aurunes.balanceOf(alice), 400 ether);
        assertEq(aurunes.totalSupply(), AURUNES_SUPPLY);
    }

    function test_transfer_WholeBalanceAndZeroAmount() public {
        vm.startPrank(owner);
        assertTrue(aurunes.transfer(alice, 0));
        assertTrue(aurunes.transfer(alice, 1_000 ether));
        vm.stopPrank();
        assertEq(aurunes.balanceOf(owner), 0);
        assertEq(aurunes.balanceOf(alice), 1_000 ether);
    }

    function test_transfer_ToSelfKeepsBalance() public {
        vm.prank(owner);
        aurunes.transfer(owner, 300 ether);
        assertEq(aurunes.balanceOf(owner), 1_000 ether);
    }

    function testFuzz_transfer_ConservesSupply(address to, uint256 amount) public {
        vm.assume(to != address(0) && to != owner);
        amount = _bound(amount, 0, 1_000 ether);
        uint256 before = aurunes.balanceOf(to);
        vm.prank(owner);
        aurunes.transfer(to, amount);
        assertEq(aurunes.balanceOf(owner), 1_000 ether - amount);
        assertEq(aurunes.balanceOf(to), before + amount);
        assertEq(aurunes.totalSupply(), AURUNES_SUPPLY);
    }

    function test_transfer_RevertWhen_InsufficientBalance() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IERC20Errors.ERC20InsufficientBalance.selector, owner, 1_000 ether, 1_000 ether + 1
            )
        );
        vm.prank(owner);
        aurunes.transfer(alice, 1_000 ether + 1);
    }

    function test_transfer_RevertWhen_ReceiverIsZeroAddress() public {
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InvalidReceiver.selector, address(0)));
        vm.prank(owner);
        aurunes.transfer(address(0), 1 ether);
    }

    // =============================================================================================
    // approve / transferFrom
    // =============================================================================================

    function test_approve_SetsAllowance() public {
        vm.expectEmit(true, true, true, true, address(aurunes));
        emit IERC20.Approval(owner, spender, 250 ether);
        vm.prank(owner);
        assertTrue(aurunes.approve(spender, 250 ether));
        assertEq(aurunes.allowance(owner, spender), 250 ether);
    }

    function test_approve_RevertWhen_SpenderIsZeroAddress() public {
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InvalidSpender.selector, address(0)));
        vm.prank(owner);
        aurunes.approve(address(0), 1 ether);
    }

    function test_transferFrom_SpendsAllowance() public {
        vm.prank(owner);
        aurunes.approve(spender, 250 ether);
        vm.expectEmit(true, true, true, true, address(aurunes));
        emit IERC20.Transfer(owner, bob, 100 ether);
        vm.prank(spender);
        assertTrue(aurunes.transferFrom(owner, bob, 100 ether));
        assertEq(aurunes.allowance(owner, spender), 150 ether);
        assertEq(aurunes.balanceOf(owner), 900 ether);
        assertEq(aurunes.balanceOf(bob), 100 ether);
    }

    function test_transferFrom_InfiniteAllowanceIsNotSpent() public {
        vm.prank(owner);
        aurunes.approve(spender, type(uint256).max);
        vm.prank(spender);
        aurunes.transferFrom(owner, bob, 100 ether);
        assertEq(aurunes.allowance(owner, spender), type(uint256).max);
    }

    function test_transferFrom_RevertWhen_InsufficientAllowance() public {
        vm.prank(owner);
        aurunes.approve(spender, 99 ether);
        vm.expectRevert(
            abi.encodeWithSelector(
                IERC20Errors.ERC20InsufficientAllowance.selector, spender, 99 ether, 100 ether
            )
        );
        vm.prank(spender);
        aurunes.transferFrom(owner, bob, 100 ether);
    }

    function test_transferFrom_RevertWhen_InsufficientBalance() public {
        vm.prank(owner);
        aurunes.approve(spender, type(uint256).max);
        vm.expectRevert(
            abi.encodeWithSelector(
                IERC20Errors.ERC20InsufficientBalance.selector, owner, 1_000 ether, 1_001 ether
            )
        );
        vm.prank(spender);
        aurunes.transferFrom(owner, bob, 1_001 ether);
    }

    // =============================================================================================
    // permit (EIP-2612)
    // =============================================================================================

    function test_DOMAIN_SEPARATOR_MatchesEip712Domain() public view {
        bytes32 expected = keccak256(
            abi.encode(DOMAIN_TYPEHASH, keccak256("Aurunes"), keccak256("1"), block.chainid, address(aurunes))
        );
        assertEq(aurunes.DOMAIN_SEPARATOR(), expected);

        (
            bytes1 fields,
            string memory name,
            string memory version,
            uint256 chainId,
            address verifyingContract,
            bytes32 salt,
            uint256[] memory extensions
        ) = aurunes.eip712Domain();
        assertEq(fields, hex"0f");
        assertEq(name, "Aurunes");
        assertEq(version, "1");
        assertEq(chainId, block.chainid);
        assertEq(verifyingContract, address(aurunes));
        assertEq(salt, bytes32(0));
        assertEq(extensions.length, 0);
    }

    function test_DOMAIN_SEPARATOR_FollowsChainId() public {
        bytes32 before = aurunes.DOMAIN_SEPARATOR();
        vm.chainId(31_338);
        bytes32 expected = keccak256(
            abi.encode(DOMAIN_TYPEHASH, keccak256("Aurunes"), keccak256("1"), 31_338, address(aurunes))
        );
        assertEq(aurunes.DOMAIN_SEPARATOR(), expected);
        assertTrue(aurunes.DOMAIN_SEPARATOR() != before);
    }

    function test_nonces_StartAtZero() public view {
        assertEq(aurunes.nonces(owner), 0);
        assertEq(aurunes.nonces(alice), 0);
    }

    function test_permit_SetsAllowanceAndConsumesNonce() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(ownerKey, owner, spender, 500 ether, deadline);

        vm.expectEmit(true, true, true, true, address(aurunes));
        emit IERC20.Approval(owner, spender, 500 ether);
        vm.prank(bob); // anyone may submit the signed permit
        aurunes.permit(owner, spender, 500 ether, deadline, v, r, s);

        assertEq(aurunes.allowance(owner, spender), 500 ether);
        assertEq(aurunes.nonces(owner), 1);
    }

    function test_permit_AllowsTransferFrom() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(ownerKey, owner, spender, 500 ether, deadline);
        aurunes.permit(owner, spender, 500 ether, deadline, v, r, s);
        vm.prank(spender);
        aurunes.transferFrom(owner, bob, 500 ether);
        assertEq(aurunes.balanceOf(bob), 500 ether);
        assertEq(aurunes.allowance(owner, spender), 0);
    }

    function test_permit_AcceptsDeadlineEqualToNow() public {
        uint256 deadline = block.timestamp;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(ownerKey, owner, spender, 1 ether, deadline);
        aurunes.permit(owner, spender, 1 ether, deadline, v, r, s);
        assertEq(aurunes.allowance(owner, spender), 1 ether);
    }

    function test_permit_SequentialNonces() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(ownerKey, owner, spender, 1 ether, deadline);
        aurunes.permit(owner, spender, 1 ether, deadline, v, r, s);
        (v, r, s) = _signPermit(ownerKey, owner, spender, 2 ether, deadline);
        aurunes.permit(owner, spender, 2 ether, deadline, v, r, s);
        assertEq(aurunes.allowance(owner, spender), 2 ether);
        assertEq(aurunes.nonces(owner), 2);
    }

    function test_permit_RevertWhen_Replayed() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(ownerKey, owner, spender, 500 ether, deadline);
        aurunes.permit(owner, spender, 500 ether, deadline, v, r, s);
        vm.prank(spender);
        aurunes.transferFrom(owner, spender, 500 ether);

        // The nonce moved on: the same signature now recovers to some unrelated address.
        address recovered = ecrecover(_permitDigest(owner, spender, 500 ether, 1, deadline), v, r, s);
        assertTrue(recovered != owner);
        vm.expectRevert(abi.encodeWithSelector(ERC20Permit.ERC2612InvalidSigner.selector, recovered, owner));
        aurunes.permit(owner, spender, 500 ether, deadline, v, r, s);
        assertEq(aurunes.allowance(owner, spender), 0);
        assertEq(aurunes.nonces(owner), 1);
    }

    function test_permit_RevertWhen_Expired() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(ownerKey, owner, spender, 500 ether, deadline);
        skip(1 hours + 1);
        vm.expectRevert(abi.encodeWithSelector(ERC20Permit.ERC2612ExpiredSignature.selector, deadline));
        aurunes.permit(owner, spender, 500 ether, deadline, v, r, s);
        assertEq(aurunes.allowance(owner, spender), 0);
        assertEq(aurunes.nonces(owner), 0);
    }

    function test_permit_RevertWhen_SignedByOtherKey() public {
        uint256 deadline = block.timestamp + 1 hours;
        (address other, uint256 otherKey) = makeAddrAndKey("other");
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(otherKey, owner, spender, 500 ether, deadline);
        vm.expectRevert(abi.encodeWithSelector(ERC20Permit.ERC2612InvalidSigner.selector, other, owner));
        aurunes.permit(owner, spender, 500 ether, deadline, v, r, s);
    }

    function test_permit_RevertWhen_ValueTampered() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(ownerKey, owner, spender, 500 ether, deadline);
        address recovered = ecrecover(_permitDigest(owner, spender, 501 ether, 0, deadline), v, r, s);
        vm.expectRevert(abi.encodeWithSelector(ERC20Permit.ERC2612InvalidSigner.selector, recovered, owner));
        aurunes.permit(owner, spender, 501 ether, deadline, v, r, s);
    }

    function test_permit_RevertWhen_SpenderTampered() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(ownerKey, owner, spender, 500 ether, deadline);
        address recovered = ecrecover(_permitDigest(owner, bob, 500 ether, 0, deadline), v, r, s);
        vm.expectRevert(abi.encodeWithSelector(ERC20Permit.ERC2612InvalidSigner.selector, recovered, owner));
        aurunes.permit(owner, bob, 500 ether, deadline, v, r, s);
    }

    function test_permit_RevertWhen_SignatureMalleable() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(ownerKey, owner, spender, 500 ether, deadline);
        bytes32 flippedS = bytes32(SECP256K1_N - uint256(s));
        uint8 flippedV = v == 27 ? 28 : 27;
        vm.expectRevert(abi.encodeWithSelector(ECDSA.ECDSAInvalidSignatureS.selector, flippedS));
        aurunes.permit(owner, spender, 500 ether, deadline, flippedV, r, flippedS);
    }
}
