// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {stdError} from "forge-std/StdError.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {AuroruneTest} from "./utils/AuroruneTest.sol";
import {RuneRegistry} from "../src/RuneRegistry.sol";
import {IRuneRegistry} from "../src/interfaces/IRuneRegistry.sol";
import {IRevenueDistributor} from "../src/interfaces/IRevenueDistributor.sol";

/// @notice Unit tests of RuneRegistry: every external function, every custom error, every event.
/// Split proposals are settled against the real RevenueDistributor, with real stakes and vetoes.
contract RuneRegistryTest is AuroruneTest {
    string internal constant URI = "ipfs://agent.json";
    bytes32 internal constant SALT = bytes32("default");
    uint16 internal constant MIN_STAKERS_BPS = 1_000;

    bytes32 internal governorRole;
    address internal carol = makeAddr("carol");
    address internal newSigner = makeAddr("newSigner");

    function setUp() public override {
        super.setUp();
        governorRole = registry.GOVERNOR_ROLE();
    }

    // =============================================================================================
    // Local helpers
    // =============================================================================================

    function _defaultRecipients() internal view returns (address[] memory recipients) {
        recipients = new address[](2);
        recipients[0] = infraA;
        recipients[1] = infraB;
    }

    function _defaultWeights() internal pure returns (uint16[] memory weights) {
        weights = new uint16[](2);
        weights[0] = 6_000;
        weights[1] = 4_000;
    }

    function _one(address a) internal pure returns (address[] memory list) {
        list = new address[](1);
        list[0] = a;
    }

    function _oneWeight(uint16 w) internal pure returns (uint16[] memory list) {
        list = new uint16[](1);
        list[0] = w;
    }

    function _shares(address[] memory recipients, uint16[] memory weights)
        internal
        pure
        returns (IRuneRegistry.InfraShare[] memory shares)
    {
        shares = new IRuneRegistry.InfraShare[](recipients.length);
        for (uint256 i; i < recipients.length; ++i) {
            shares[i] = IRuneRegistry.InfraShare({recipient: recipients[i], weightBps: weights[i]});
        }
    }

    /// @dev The fingerprint formula written out independently of the contract.
    function _expectedRune(address dev, bytes32 salt)
        internal
        view
        returns (bytes32)
    {
        return keccak256(abi.encode(block.chainid, address(registry), dev, salt));
    }

    /// @dev The split the default proposal moves to: 40% developer / 10% infra (infraB only) / 50% stakers.
    function _proposedSplit() internal pure returns (IRuneRegistry.Split memory) {
        return _split(4_000, 1_000, 5_000);
    }

    function _propose(bytes32 rune) internal returns (uint64 proposalId) {
        vm.prank(developer);
        proposalId = registry.proposeSplit(rune, _proposedSplit(), _one(infraB), _oneWeight(10_000));
    }

    function _veto(address account, bytes32 rune) internal {
        vm.prank(account);
        distributor.vetoSplitProposal(rune);
    }

    function _assertSplit(IRuneRegistry.Split memory actual, IRuneRegistry.Split memory expected)
        internal
        pure
    {
        assertEq(actual.developerBps, expected.developerBps, "developerBps");
        assertEq(actual.infraBps, expected.infraBps, "infraBps");
        assertEq(actual.stakersBps, expected.stakersBps, "stakersBps");
    }

    function _assertInfra(
        IRuneRegistry.InfraShare[] memory actual,
        address[] memory recipients,
        uint16[] memory weights
    ) internal pure {
        assertEq(actual.length, recipients.length, "infra length");
        for (uint256 i; i < actual.length; ++i) {
            assertEq(actual[i].recipient, recipients[i], "infra recipient");
            assertEq(actual[i].weightBps, weights[i], "infra weight");
        }
    }

    function _assertDefaultTermsUnchanged(bytes32 rune) internal view {
        IRuneRegistry.PaymentTerms memory terms = registry.paymentTerms(rune);
        _assertSplit(terms.split, _split(5_000, 2_000, 3_000));
        _assertInfra(terms.infra, _defaultRecipients(), _defaultWeights());
    }

    function _assertNoPendingProposal(bytes32 rune) internal view {
        IRuneRegistry.SplitProposal memory proposal = registry.pendingSplitProposal(rune);
        assertEq(proposal.id, 0, "proposal id");
        assertEq(proposal.proposedAt, 0, "proposedAt");
        assertEq(proposal.executableAt, 0, "executableAt");
        assertEq(proposal.stakeAtProposal, 0, "stakeAtProposal");
        assertEq(proposal.infra.length, 0, "proposal infra");
    }

    function _registerAs(
        address dev,
        bytes32 salt,
        IRuneRegistry.Split memory split,
        address[] memory r,
        uint16[] memory w
    ) internal returns (bytes32) {
        return _register(dev, salt, signer, split, r, w);
    }

    function _expectRegisterRevert(
        IRuneRegistry.Split memory split,
        address[] memory recipients,
        uint16[] memory weights,
        bytes memory err
    ) internal {
        vm.expectRevert(err);
        vm.prank(developer);
        registry.registerAgent(SALT, signer, URI, split, recipients, weights);
    }

    // =============================================================================================
    // constructor
    // =============================================================================================

    function test_constructor_SetsRolesAndParameters() public view {
        assertTrue(registry.hasRole(registry.DEFAULT_ADMIN_ROLE(), governor));
        assertTrue(registry.hasRole(governorRole, governor));
        assertEq(governorRole, keccak256("GOVERNOR_ROLE"));
        assertEq(registry.ruleDelay(), RULE_DELAY);
        assertEq(registry.minStakersBps(), MIN_STAKERS_BPS);
        assertEq(registry.lastProposalId(), 0);
        assertEq(address(registry.stakeLedger()), address(distributor));
        assertEq(registry.name(), "Aurorune Rune");
        assertEq(registry.symbol(), "RUNE");
        assertEq(registry.runeCount(), 0);
    }

    function test_constructor_EmitsParameterEvents() public {
        address expected = vm.computeCreateAddress(address(this), vm.getNonce(address(this)));
        vm.expectEmit(true, true, true, true, expected);
        emit IRuneRegistry.RuleDelaySet(0, 2 hours);
        vm.expectEmit(true, true, true, true, expected);
        emit IRuneRegistry.MinStakersBpsSet(0, 2_500);
        RuneRegistry fresh = new RuneRegistry(alice, 2 hours, 2_500);
        assertEq(address(fresh), expected);
    }

    function test_constructor_RevertWhen_RuleDelayOutOfBounds() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IRuneRegistry.RuneRegistryParameterOutOfBounds.selector, 1 hours - 1, 1 hours, 30 days
            )
        );
        new RuneRegistry(governor, 1 hours - 1, MIN_STAKERS_BPS);
    }

    function test_constructor_RevertWhen_MinStakersBpsOutOfBounds() public {
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryParameterOutOfBounds.selector, 5_001, 0, 5_000)
        );
        new RuneRegistry(governor, RULE_DELAY, 5_001);
    }

    // =============================================================================================
    // computeRune
    // =============================================================================================

    function test_computeRune_MatchesFingerprintFormula() public view {
        bytes32 expected = keccak256(abi.encode(block.chainid, address(registry), developer, SALT));
        assertEq(registry.computeRune(developer, SALT), expected);
    }

    function test_computeRune_ChangesWithEveryInput() public {
        bytes32 base = registry.computeRune(developer, SALT);
        assertTrue(registry.computeRune(alice, SALT) != base, "developer");
        assertTrue(registry.computeRune(developer, bytes32("other")) != base, "salt");

        RuneRegistry other = new RuneRegistry(governor, RULE_DELAY, MIN_STAKERS_BPS);
        assertTrue(other.computeRune(developer, SALT) != base, "registry");

        vm.chainId(31_338);
        bytes32 onOtherChain = registry.computeRune(developer, SALT);
        assertTrue(onOtherChain != base, "chain");
        assertEq(onOtherChain, _expectedRune(developer, SALT));
    }

    // =============================================================================================
    // ERC-8004 identity: rune known in advance, agent URI, on-chain metadata
    // =============================================================================================

    /// @dev The registration file can name its own rune: the rune depends on neither signer nor URI.
    function test_computeRune_KnownBeforeRegistering() public {
        bytes32 predicted = registry.computeRune(developer, SALT);
        string memory uri = string.concat(
            "data:application/json,{\"registrations\":[{\"agentId\":\"", vm.toString(uint256(predicted)), "\"}]}"
        );
        vm.prank(developer);
        bytes32 rune = registry.registerAgent(SALT, signer, uri, _split(7_000, 0, 3_000), new address[](0), new uint16[](0));
        assertEq(rune, predicted);
        assertEq(registry.tokenURI(uint256(rune)), uri);
    }

    function test_registerAgent_EmitsErc8004Registered() public {
        bytes32 rune = registry.computeRune(developer, SALT);
        vm.expectEmit(true, true, true, true, address(registry));
        emit IRuneRegistry.Registered(uint256(rune), URI, developer);
        _registerDefault();
    }

    function test_setAgentURI_UpdatesUriAndEmits() public {
        bytes32 rune = _registerDefault();
        string memory next = "ipfs://agent-v2.json";
        vm.expectEmit(true, true, true, true, address(registry));
        emit IRuneRegistry.URIUpdated(uint256(rune), next, developer);
        vm.expectEmit(true, true, true, true, address(registry));
        emit IRuneRegistry.MetadataUpdate(uint256(rune));
        vm.prank(developer);
        registry.setAgentURI(uint256(rune), next);
        assertEq(registry.tokenURI(uint256(rune)), next);
        assertEq(registry.runeInfo(rune).metadataURI, next);
    }

    function test_setAgentURI_ApprovedOperatorMay() public {
        bytes32 rune = _registerDefault();
        vm.prank(developer);
        registry.setApprovalForAll(alice, true);
        vm.prank(alice);
        registry.setAgentURI(uint256(rune), "ipfs://by-operator.json");
        assertEq(registry.tokenURI(uint256(rune)), "ipfs://by-operator.json");
    }

    function test_setAgentURI_RevertWhen_NotAuthorized() public {
        bytes32 rune = _registerDefault();
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryNotAuthorized.selector, uint256(rune), alice)
        );
        vm.prank(alice);
        registry.setAgentURI(uint256(rune), "ipfs://hijack.json");
    }

    function test_setAgentURI_RevertWhen_EmptyURI() public {
        bytes32 rune = _registerDefault();
        vm.expectRevert(abi.encodeWithSelector(IRuneRegistry.RuneRegistryEmptyMetadataURI.selector));
        vm.prank(developer);
        registry.setAgentURI(uint256(rune), "");
    }

    function test_setAgentURI_RevertWhen_Retired() public {
        bytes32 rune = _registerDefault();
        vm.startPrank(developer);
        registry.retire(rune);
        vm.expectRevert(abi.encodeWithSelector(IRuneRegistry.RuneRegistryRuneRetired.selector, rune));
        registry.setAgentURI(uint256(rune), "ipfs://late.json");
        vm.stopPrank();
    }

    function test_setAgentURI_RevertWhen_UnknownRune() public {
        bytes32 unknown = bytes32("unknown");
        vm.expectRevert(abi.encodeWithSelector(IRuneRegistry.RuneRegistryUnknownRune.selector, unknown));
        registry.setAgentURI(uint256(unknown), "ipfs://x.json");
    }

    function test_setMetadata_SetsEntry() public {
        bytes32 rune = _registerDefault();
        vm.expectEmit(true, true, true, true, address(registry));
        emit IRuneRegistry.MetadataSet(uint256(rune), "model", "model", bytes("aurora-7b"));
        vm.prank(developer);
        registry.setMetadata(uint256(rune), "model", bytes("aurora-7b"));
        assertEq(registry.getMetadata(uint256(rune), "model"), bytes("aurora-7b"));
        assertEq(registry.getMetadata(uint256(rune), "other").length, 0);
    }

    function test_setMetadata_RevertWhen_ReservedKey() public {
        bytes32 rune = _registerDefault();
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryReservedMetadataKey.selector, "agentWallet")
        );
        vm.prank(developer);
        registry.setMetadata(uint256(rune), "agentWallet", abi.encode(alice));
    }

    function test_setMetadata_RevertWhen_NotAuthorized() public {
        bytes32 rune = _registerDefault();
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryNotAuthorized.selector, uint256(rune), alice)
        );
        vm.prank(alice);
        registry.setMetadata(uint256(rune), "model", "x");
    }

    function _walletSignature(uint256 key, uint256 agentId, address wallet, uint256 deadline)
        internal
        view
        returns (bytes memory)
    {
        (uint8 v, bytes32 r, bytes32 sig) = vm.sign(key, registry.agentWalletDigest(agentId, wallet, deadline));
        return abi.encodePacked(r, sig, v);
    }

    function test_setAgentWallet_ProvenByTheWalletsSignature() public {
        bytes32 rune = _registerDefault();
        uint256 walletKey = 0xCAFE;
        address wallet = vm.addr(walletKey);
        uint256 deadline = block.timestamp + 1 hours;
        bytes memory signature = _walletSignature(walletKey, uint256(rune), wallet, deadline);
        vm.expectEmit(true, true, true, true, address(registry));
        emit IRuneRegistry.MetadataSet(uint256(rune), "agentWallet", "agentWallet", abi.encodePacked(wallet));
        vm.prank(developer);
        registry.setAgentWallet(uint256(rune), wallet, deadline, signature);
        assertEq(registry.getAgentWallet(uint256(rune)), wallet);
        assertEq(registry.getMetadata(uint256(rune), "agentWallet"), abi.encodePacked(wallet));
    }

    function test_setAgentWallet_RevertWhen_NotSignedByTheWallet() public {
        bytes32 rune = _registerDefault();
        address wallet = vm.addr(0xCAFE);
        uint256 deadline = block.timestamp + 1 hours;
        bytes memory signature = _walletSignature(0xBAD, uint256(rune), wallet, deadline);
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryInvalidWalletSignature.selector, uint256(rune), wallet)
        );
        vm.prank(developer);
        registry.setAgentWallet(uint256(rune), wallet, deadline, signature);
    }

    function test_setAgentWallet_RevertWhen_DeadlinePassed() public {
        bytes32 rune = _registerDefault();
        address wallet = vm.addr(0xCAFE);
        uint256 deadline = block.timestamp + 1 hours;
        bytes memory signature = _walletSignature(0xCAFE, uint256(rune), wallet, deadline);
        vm.warp(deadline + 1);
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryInvalidWalletSignature.selector, uint256(rune), wallet)
        );
        vm.prank(developer);
        registry.setAgentWallet(uint256(rune), wallet, deadline, signature);
    }

    function test_setAgentWallet_RevertWhen_NotAuthorized() public {
        bytes32 rune = _registerDefault();
        address wallet = vm.addr(0xCAFE);
        bytes memory signature = _walletSignature(0xCAFE, uint256(rune), wallet, block.timestamp);
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryNotAuthorized.selector, uint256(rune), alice)
        );
        vm.prank(alice);
        registry.setAgentWallet(uint256(rune), wallet, block.timestamp, signature);
    }

    function test_setAgentWallet_ClearedOnTransfer() public {
        bytes32 rune = _registerDefault();
        address wallet = vm.addr(0xCAFE);
        bytes memory signature = _walletSignature(0xCAFE, uint256(rune), wallet, block.timestamp);
        vm.startPrank(developer);
        registry.setAgentWallet(uint256(rune), wallet, block.timestamp, signature);
        vm.expectEmit(true, true, true, true, address(registry));
        emit IRuneRegistry.MetadataSet(uint256(rune), "agentWallet", "agentWallet", "");
        registry.transferFrom(developer, alice, uint256(rune));
        vm.stopPrank();
        assertEq(registry.getAgentWallet(uint256(rune)), address(0));
    }

    function test_supportsInterface_Erc4906() public view {
        assertTrue(registry.supportsInterface(0x49064906));
    }

    // =============================================================================================
    // Proposals: execution window, cooldown, suspended runes
    // =============================================================================================

    function test_proposeSplit_SetsExecutionWindow() public {
        bytes32 rune = _registerDefault();
        _propose(rune);
        IRuneRegistry.SplitProposal memory proposal = registry.pendingSplitProposal(rune);
        assertEq(proposal.executableAt, block.timestamp + RULE_DELAY);
        assertEq(proposal.expiresAt, proposal.executableAt + registry.EXECUTION_WINDOW());
    }

    function test_proposeSplit_ReplacesExpiredProposal() public {
        bytes32 rune = _registerDefault();
        uint64 first = _propose(rune);
        IRuneRegistry.SplitProposal memory proposal = registry.pendingSplitProposal(rune);
        vm.warp(proposal.expiresAt + registry.PROPOSAL_COOLDOWN());
        vm.expectEmit(true, true, true, true, address(registry));
        emit IRuneRegistry.SplitChangeExpired(rune, first);
        uint64 second = _propose(rune);
        assertEq(registry.pendingSplitProposal(rune).id, second);
    }

    function test_proposeSplit_RevertWhen_ExpiredButCoolingDown() public {
        bytes32 rune = _registerDefault();
        _propose(rune);
        uint48 expiresAt = registry.pendingSplitProposal(rune).expiresAt;
        vm.warp(expiresAt);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRuneRegistry.RuneRegistryProposalCooldown.selector, rune, expiresAt + registry.PROPOSAL_COOLDOWN()
            )
        );
        vm.prank(developer);
        registry.proposeSplit(rune, _proposedSplit(), _one(infraB), _oneWeight(10_000));
    }

    function test_executeSplitProposal_RevertWhen_Expired() public {
        bytes32 rune = _registerDefault();
        _propose(rune);
        uint48 expiresAt = registry.pendingSplitProposal(rune).expiresAt;
        vm.warp(expiresAt - 1);
        assertTrue(registry.executeSplitProposal(rune), "last second of the window");

        vm.warp(block.timestamp + registry.PROPOSAL_COOLDOWN());
        _propose(rune);
        expiresAt = registry.pendingSplitProposal(rune).expiresAt;
        vm.warp(expiresAt);
        vm.expectRevert(abi.encodeWithSelector(IRuneRegistry.RuneRegistryProposalExpired.selector, rune, expiresAt));
        registry.executeSplitProposal(rune);
    }

    function test_setStakeLedger_RevertWhen_UnbondingAboveRuleDelay() public {
        RuneRegistry fresh = new RuneRegistry(governor, 1 hours, MIN_STAKERS_BPS);
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryRuleDelayBelowUnbonding.selector, 1 hours, UNBONDING_PERIOD)
        );
        vm.prank(governor);
        fresh.setStakeLedger(address(distributor));
    }

    // =============================================================================================
    // registerAgent
    // =============================================================================================

    function test_registerAgent_MintsRuneToDeveloper() public {
        bytes32 expected = _expectedRune(developer, SALT);
        bytes32 rune = _registerDefault();
        assertEq(rune, expected);
        assertEq(rune, registry.computeRune(developer, SALT));
        assertEq(registry.ownerOf(uint256(rune)), developer);
        assertEq(registry.balanceOf(developer), 1);
        assertEq(registry.runeCount(), 1);
        assertEq(registry.runeAt(0), rune);
    }

    function test_registerAgent_StoresRecord() public {
        bytes32 rune = _registerDefault();
        IRuneRegistry.RuneInfo memory info = registry.runeInfo(rune);
        assertEq(info.rune, rune);
        assertEq(info.owner, developer);
        assertEq(info.signer, signer);
        assertEq(uint8(info.status), uint8(IRuneRegistry.RuneStatus.Active));
        assertEq(info.registeredAt, uint48(block.timestamp));
        assertEq(info.metadataURI, URI);
        _assertSplit(info.split, _split(5_000, 2_000, 3_000));
        _assertInfra(info.infra, _defaultRecipients(), _defaultWeights());
    }

    function test_registerAgent_EmitsTransferAndAgentRegistered() public {
        bytes32 rune = _expectedRune(developer, SALT);
        vm.expectEmit(true, true, true, true, address(registry));
        emit IERC721.Transfer(address(0), developer, uint256(rune));
        vm.expectEmit(true, true, true, true, address(registry));
        emit IRuneRegistry.AgentRegistered(
            rune,
            developer,
            signer,
            URI,
            _split(5_000, 2_000, 3_000),
            _shares(_defaultRecipients(), _defaultWeights())
        );
        _registerDefault();
    }

    function test_registerAgent_WithoutInfra() public {
        bytes32 rune =
            _registerAs(developer, SALT, _split(7_000, 0, 3_000), new address[](0), new uint16[](0));
        IRuneRegistry.PaymentTerms memory terms = registry.paymentTerms(rune);
        _assertSplit(terms.split, _split(7_000, 0, 3_000));
        assertEq(terms.infra.length, 0);
    }

    function test_registerAgent_AcceptsMaxInfraRecipients() public {
        address[] memory recipients = new address[](8);
        uint16[] memory weights = new uint16[](8);
        for (uint256 i; i < 8; ++i) {
            recipients[i] = address(uint160(0x1000 + i));
            weights[i] = 1_250;
        }
        bytes32 rune = _registerAs(developer, SALT, _split(5_000, 2_000, 3_000), recipients, weights);
        _assertInfra(registry.runeInfo(rune).infra, recipients, weights);
    }

    function test_registerAgent_AcceptsStakersShareAtMinimum() public {
        bytes32 rune = _registerAs(
            developer, SALT, _split(9_000, 0, MIN_STAKERS_BPS), new address[](0), new uint16[](0)
        );
        assertEq(registry.paymentTerms(rune).split.stakersBps, MIN_STAKERS_BPS);
    }

    function test_registerAgent_SeveralAgentsPerDeveloper() public {
        bytes32 first = _registerDefault();
        bytes32 second = _registerAs(
            developer, bytes32("second"), _split(5_000, 2_000, 3_000), _defaultRecipients(), _defaultWeights()
        );
        assertTrue(first != second);
        assertEq(registry.balanceOf(developer), 2);
        assertEq(registry.runeCount(), 2);
    }

    function test_registerAgent_SameInputsOtherDeveloperGetsOwnRune() public {
        bytes32 first = _registerDefault();
        bytes32 second =
            _registerAs(alice, SALT, _split(5_000, 2_000, 3_000), _defaultRecipients(), _defaultWeights());
        assertTrue(first != second);
        assertEq(registry.ownerOf(uint256(second)), alice);
    }

    function test_registerAgent_RevertWhen_ZeroSigner() public {
        vm.expectRevert(abi.encodeWithSelector(IRuneRegistry.RuneRegistryZeroSigner.selector));
        vm.prank(developer);
        registry.registerAgent(
            SALT, address(0), URI, _split(5_000, 2_000, 3_000), _defaultRecipients(), _defaultWeights()
        );
    }

    function test_registerAgent_RevertWhen_EmptyMetadataURI() public {
        vm.expectRevert(abi.encodeWithSelector(IRuneRegistry.RuneRegistryEmptyMetadataURI.selector));
        vm.prank(developer);
        registry.registerAgent(
            SALT, signer, "", _split(5_000, 2_000, 3_000), _defaultRecipients(), _defaultWeights()
        );
    }

    function test_registerAgent_RevertWhen_SplitBelowTotal() public {
        _expectRegisterRevert(
            _split(5_000, 2_000, 2_999),
            _defaultRecipients(),
            _defaultWeights(),
            abi.encodeWithSelector(IRuneRegistry.RuneRegistrySplitNotExact.selector, 5_000, 2_000, 2_999)
        );
    }

    function test_registerAgent_RevertWhen_SplitAboveTotal() public {
        // 65,535 * 3 would overflow a uint16 sum: the check must add in a wider type.
        _expectRegisterRevert(
            _split(type(uint16).max, type(uint16).max, type(uint16).max),
            _defaultRecipients(),
            _defaultWeights(),
            abi.encodeWithSelector(
                IRuneRegistry.RuneRegistrySplitNotExact.selector,
                type(uint16).max,
                type(uint16).max,
                type(uint16).max
            )
        );
    }

    function test_registerAgent_RevertWhen_StakersShareTooLow() public {
        _expectRegisterRevert(
            _split(7_001, 2_000, 999),
            _defaultRecipients(),
            _defaultWeights(),
            abi.encodeWithSelector(
                IRuneRegistry.RuneRegistryStakersShareTooLow.selector, 999, MIN_STAKERS_BPS
            )
        );
    }

    function test_registerAgent_RevertWhen_InfraLengthMismatch() public {
        _expectRegisterRevert(
            _split(5_000, 2_000, 3_000),
            _defaultRecipients(),
            _oneWeight(10_000),
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryInfraLengthMismatch.selector, 2, 1)
        );
    }

    function test_registerAgent_RevertWhen_InfraShareWithoutRecipients() public {
        _expectRegisterRevert(
            _split(5_000, 2_000, 3_000),
            new address[](0),
            new uint16[](0),
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryInfraMismatch.selector, 2_000, 0)
        );
    }

    function test_registerAgent_RevertWhen_RecipientsWithoutInfraShare() public {
        _expectRegisterRevert(
            _split(7_000, 0, 3_000),
            _defaultRecipients(),
            _defaultWeights(),
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryInfraMismatch.selector, 0, 2)
        );
    }

    function test_registerAgent_RevertWhen_TooManyInfraRecipients() public {
        address[] memory recipients = new address[](9);
        uint16[] memory weights = new uint16[](9);
        for (uint256 i; i < 9; ++i) {
            recipients[i] = address(uint160(0x1000 + i));
            weights[i] = 1_000;
        }
        weights[0] = 2_000;
        _expectRegisterRevert(
            _split(5_000, 2_000, 3_000),
            recipients,
            weights,
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryTooManyInfraRecipients.selector, 9, 8)
        );
    }

    function test_registerAgent_RevertWhen_ZeroInfraRecipient() public {
        address[] memory recipients = _defaultRecipients();
        recipients[1] = address(0);
        _expectRegisterRevert(
            _split(5_000, 2_000, 3_000),
            recipients,
            _defaultWeights(),
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryInvalidInfraRecipient.selector, address(0))
        );
    }

    function test_registerAgent_RevertWhen_DuplicateInfraRecipient() public {
        address[] memory recipients = _defaultRecipients();
        recipients[1] = infraA;
        _expectRegisterRevert(
            _split(5_000, 2_000, 3_000),
            recipients,
            _defaultWeights(),
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryInvalidInfraRecipient.selector, infraA)
        );
    }

    function test_registerAgent_RevertWhen_ZeroInfraWeight() public {
        uint16[] memory weights = _defaultWeights();
        weights[0] = 10_000;
        weights[1] = 0;
        _expectRegisterRevert(
            _split(5_000, 2_000, 3_000),
            _defaultRecipients(),
            weights,
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryZeroInfraWeight.selector, infraB)
        );
    }

    function test_registerAgent_RevertWhen_InfraWeightsNotExact() public {
        uint16[] memory weights = _defaultWeights();
        weights[1] = 4_001;
        _expectRegisterRevert(
            _split(5_000, 2_000, 3_000),
            _defaultRecipients(),
            weights,
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryInfraWeightsNotExact.selector, 10_001)
        );
    }

    function test_registerAgent_RevertWhen_RuneExists() public {
        bytes32 rune = _registerDefault();
        // A different split does not change the fingerprint: only developer, salt, signer and metadata do.
        vm.expectRevert(abi.encodeWithSelector(IRuneRegistry.RuneRegistryRuneExists.selector, rune));
        vm.prank(developer);
        registry.registerAgent(SALT, signer, URI, _split(7_000, 0, 3_000), new address[](0), new uint16[](0));
    }

    function test_registerAgent_RevertWhen_RuneRetiredBefore() public {
        bytes32 rune = _registerDefault();
        vm.prank(developer);
        registry.retire(rune);
        vm.expectRevert(abi.encodeWithSelector(IRuneRegistry.RuneRegistryRuneExists.selector, rune));
        vm.prank(developer);
        registry.registerAgent(
            SALT, signer, URI, _split(5_000, 2_000, 3_000), _defaultRecipients(), _defaultWeights()
        );
    }

    // =============================================================================================
    // paymentTerms / statusOf / runeInfo
    // =============================================================================================

    function test_paymentTerms_ReturnsTermsOfRegisteredRune() public {
        bytes32 rune = _registerDefault();
        IRuneRegistry.PaymentTerms memory terms = registry.paymentTerms(rune);
        assertEq(uint8(terms.status), uint8(IRuneRegistry.RuneStatus.Active));
        assertEq(terms.signer, signer);
        _assertSplit(terms.split, _split(5_000, 2_000, 3_000));
        _assertInfra(terms.infra, _defaultRecipients(), _defaultWeights());
    }

    function test_paymentTerms_UnknownRuneIsUnregistered() public view {
        IRuneRegistry.PaymentTerms memory terms = registry.paymentTerms(bytes32("unknown"));
        assertEq(uint8(terms.status), uint8(IRuneRegistry.RuneStatus.Unregistered));
        assertEq(terms.signer, address(0));
        _assertSplit(terms.split, _split(0, 0, 0));
        assertEq(terms.infra.length, 0);
    }

    function test_statusOf_FollowsLifecycle() public {
        bytes32 rune = registry.computeRune(developer, SALT);
        assertEq(uint8(registry.statusOf(rune)), uint8(IRuneRegistry.RuneStatus.Unregistered));
        _registerDefault();
        assertEq(uint8(registry.statusOf(rune)), uint8(IRuneRegistry.RuneStatus.Active));
        vm.prank(governor);
        registry.suspend(rune);
        assertEq(uint8(registry.statusOf(rune)), uint8(IRuneRegistry.RuneStatus.Suspended));
        vm.prank(governor);
        registry.unsuspend(rune);
        assertEq(uint8(registry.statusOf(rune)), uint8(IRuneRegistry.RuneStatus.Active));
        vm.prank(developer);
        registry.retire(rune);
        assertEq(uint8(registry.statusOf(rune)), uint8(IRuneRegistry.RuneStatus.Retired));
    }

    function test_runeInfo_ReflectsLaterChanges() public {
        bytes32 rune = _registerDefault();
        uint48 registeredAt = uint48(block.timestamp);
        skip(1 days);
        vm.prank(developer);
        registry.transferFrom(developer, alice, uint256(rune));
        vm.prank(alice);
        registry.rotateSigner(rune, newSigner); // the transfer cleared the seller's signer
        vm.prank(governor);
        registry.suspend(rune);

        IRuneRegistry.RuneInfo memory info = registry.runeInfo(rune);
        assertEq(info.owner, alice);
        assertEq(info.signer, newSigner);
        assertEq(uint8(info.status), uint8(IRuneRegistry.RuneStatus.Suspended));
        assertEq(info.registeredAt, registeredAt);
    }

    function test_runeInfo_RevertWhen_UnknownRune() public {
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryUnknownRune.selector, bytes32("unknown"))
        );
        registry.runeInfo(bytes32("unknown"));
    }

    // =============================================================================================
    // pendingSplitProposal
    // =============================================================================================

    function test_pendingSplitProposal_EmptyWhenNone() public {
        bytes32 rune = _registerDefault();
        _assertNoPendingProposal(rune);
        _assertNoPendingProposal(bytes32("unknown"));
    }

    function test_pendingSplitProposal_ReturnsPendingProposal() public {
        bytes32 rune = _registerDefault();
        _stake(alice, rune, 70 ether);
        skip(1);
        uint64 id = _propose(rune);

        IRuneRegistry.SplitProposal memory proposal = registry.pendingSplitProposal(rune);
        assertEq(proposal.id, id);
        assertEq(proposal.proposedAt, uint48(block.timestamp));
        assertEq(proposal.executableAt, uint48(block.timestamp) + RULE_DELAY);
        assertEq(proposal.stakeAtProposal, 70 ether);
        _assertSplit(proposal.split, _proposedSplit());
        _assertInfra(proposal.infra, _one(infraB), _oneWeight(10_000));
    }

    // =============================================================================================
    // runeCount / runeAt
    // =============================================================================================

    function test_runeCount_CountsEveryRegistration() public {
        assertEq(registry.runeCount(), 0);
        bytes32 rune = _registerDefault();
        assertEq(registry.runeCount(), 1);
        _registerAs(alice, SALT, _split(7_000, 0, 3_000), new address[](0), new uint16[](0));
        assertEq(registry.runeCount(), 2);
        // Retired runes stay listed.
        vm.prank(developer);
        registry.retire(rune);
        assertEq(registry.runeCount(), 2);
    }

    function test_runeAt_ReturnsRunesInRegistrationOrder() public {
        bytes32 first = _registerDefault();
        bytes32 second = _registerAs(alice, SALT, _split(7_000, 0, 3_000), new address[](0), new uint16[](0));
        bytes32 third = _registerAs(bob, SALT, _split(7_000, 0, 3_000), new address[](0), new uint16[](0));
        assertEq(registry.runeAt(0), first);
        assertEq(registry.runeAt(1), second);
        assertEq(registry.runeAt(2), third);
    }

    function test_runeAt_RevertWhen_IndexOutOfBounds() public {
        _registerDefault();
        vm.expectRevert(stdError.indexOOBError);
        registry.runeAt(1);
    }

    // =============================================================================================
    // tokenURI / supportsInterface / ERC-721 ownership
    // =============================================================================================

    function test_tokenURI_ReturnsMetadataURI() public {
        string memory uri = "https://agents.example/aurora.json";
        vm.prank(developer);
        bytes32 rune = registry.registerAgent(
            SALT, signer, uri, _split(7_000, 0, 3_000), new address[](0), new uint16[](0)
        );
        assertEq(registry.tokenURI(uint256(rune)), uri);
        assertEq(registry.runeInfo(rune).metadataURI, uri);
        assertEq(rune, _expectedRune(developer, SALT));
    }

    function test_tokenURI_RevertWhen_UnknownToken() public {
        uint256 tokenId = uint256(bytes32("unknown"));
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, tokenId));
        registry.tokenURI(tokenId);
    }

    function test_supportsInterface_ERC165ERC721MetadataAccessControl() public view {
        assertTrue(registry.supportsInterface(type(IERC165).interfaceId), "ERC165");
        assertTrue(registry.supportsInterface(type(IERC721).interfaceId), "ERC721");
        assertTrue(registry.supportsInterface(type(IERC721Metadata).interfaceId), "ERC721Metadata");
        assertTrue(registry.supportsInterface(type(IAccessControl).interfaceId), "AccessControl");
    }

    function test_supportsInterface_RejectsUnknownInterfaces() public view {
        assertFalse(registry.supportsInterface(0xffffffff));
        assertFalse(registry.supportsInterface(bytes4(0xdeadbeef)));
    }

    function test_transferFrom_MovesOwnerRights() public {
        bytes32 rune = _registerDefault();
        vm.expectEmit(true, true, true, true, address(registry));
        emit IERC721.Transfer(developer, alice, uint256(rune));
        vm.prank(developer);
        registry.transferFrom(developer, alice, uint256(rune));
        assertEq(registry.ownerOf(uint256(rune)), alice);
        assertEq(registry.runeInfo(rune).owner, alice);

        // The previous owner lost every owner right.
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryNotRuneOwner.selector, rune, developer)
        );
        vm.prank(developer);
        registry.rotateSigner(rune, newSigner);

        // The new owner holds them.
        vm.prank(alice);
        registry.rotateSigner(rune, newSigner);
        assertEq(registry.paymentTerms(rune).signer, newSigner);
        vm.prank(alice);
        uint64 id = registry.proposeSplit(rune, _proposedSplit(), _one(infraB), _oneWeight(10_000));
        assertEq(registry.pendingSplitProposal(rune).id, id);
        vm.prank(alice);
        registry.cancelSplitProposal(rune);
        vm.prank(alice);
        registry.retire(rune);
        assertEq(uint8(registry.statusOf(rune)), uint8(IRuneRegistry.RuneStatus.Retired));
    }

    function test_transferFrom_ApprovedOperatorIsNotRuneOwner() public {
        bytes32 rune = _registerDefault();
        vm.prank(developer);
        registry.setApprovalForAll(alice, true);
        vm.expectRevert(abi.encodeWithSelector(IRuneRegistry.RuneRegistryNotRuneOwner.selector, rune, alice));
        vm.prank(alice);
        registry.rotateSigner(rune, newSigner);
    }

    function test_transferFrom_ClearsSigner() public {
        bytes32 rune = _registerDefault();
        assertEq(registry.paymentTerms(rune).signer, signer, "minting keeps the signer");
        vm.expectEmit(true, true, true, true, address(registry));
        emit IRuneRegistry.SignerRotated(rune, signer, address(0));
        vm.prank(developer);
        registry.transferFrom(developer, alice, uint256(rune));
        assertEq(registry.paymentTerms(rune).signer, address(0));
        assertEq(registry.runeInfo(rune).signer, address(0));

        // A second transfer has no signer to clear: no event.
        vm.recordLogs();
        vm.prank(alice);
        registry.transferFrom(alice, carol, uint256(rune));
        assertEq(vm.getRecordedLogs().length, 1, "Transfer only");
    }

    function test_transferFrom_ToSelfKeepsSignerAndProposal() public {
        bytes32 rune = _registerDefault();
        uint64 id = _propose(rune);
        vm.prank(developer);
        registry.transferFrom(developer, developer, uint256(rune));
        assertEq(registry.paymentTerms(rune).signer, signer);
        assertEq(registry.pendingSplitProposal(rune).id, id);
    }

    function test_transferFrom_CancelsOpenProposal() public {
        bytes32 rune = _registerDefault();
        _stake(bob, rune, 100 ether);
        uint64 id = _propose(rune);
        vm.expectEmit(true, true, true, true, address(registry));
        emit IRuneRegistry.SplitChangeCancelled(rune, id);
        vm.prank(developer);
        registry.transferFrom(developer, alice, uint256(rune));
        _assertNoPendingProposal(rune);
        (uint64 open,) = distributor.vetoWeightOf(rune, bob);
        assertEq(open, 0, "closed on the ledger");
        vm.expectRevert(abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorNoPendingProposal.selector, rune));
        _veto(bob, rune);

        // Nobody had vetoed: the buyer is not locked out by the seller's proposal.
        assertEq(registry.nextProposalAt(rune), 0);
        vm.prank(alice);
        uint64 next = registry.proposeSplit(rune, _proposedSplit(), _one(infraB), _oneWeight(10_000));
        assertEq(next, id + 1);
        assertEq(registry.pendingSplitProposal(rune).stakeAtProposal, 100 ether);
        _veto(bob, rune);
        vm.warp(block.timestamp + RULE_DELAY);
        assertFalse(registry.executeSplitProposal(rune));
        _assertDefaultTermsUnchanged(rune);
    }

    function test_transferFrom_CancelOfVetoedProposalStartsCooldown() public {
        bytes32 rune = _registerDefault();
        _stake(bob, rune, 100 ether);
        _propose(rune);
        _veto(bob, rune);
        vm.prank(developer);
        registry.transferFrom(developer, alice, uint256(rune));
        uint48 availableAt = uint48(block.timestamp) + registry.PROPOSAL_COOLDOWN();
        assertEq(registry.nextProposalAt(rune), availableAt);
        vm.expectRevert(abi.encodeWithSelector(IRuneRegistry.RuneRegistryProposalCooldown.selector, rune, availableAt));
        vm.prank(alice);
        registry.proposeSplit(rune, _proposedSplit(), _one(infraB), _oneWeight(10_000));
        vm.warp(availableAt);
        vm.prank(alice);
        registry.proposeSplit(rune, _proposedSplit(), _one(infraB), _oneWeight(10_000));
    }

    function test_transferFrom_LeavesExpiredProposal() public {
        bytes32 rune = _registerDefault();
        uint64 id = _propose(rune);
        uint48 expiresAt = registry.pendingSplitProposal(rune).expiresAt;
        vm.warp(expiresAt);
        vm.recordLogs();
        vm.prank(developer);
        registry.transferFrom(developer, alice, uint256(rune));
        assertEq(vm.getRecordedLogs().length, 2, "SignerRotated and Transfer, no cancel");
        assertEq(registry.pendingSplitProposal(rune).id, id, "expired: closed already");
        assertEq(registry.nextProposalAt(rune), expiresAt + registry.PROPOSAL_COOLDOWN(), "its cooldown kept");
    }

    // =============================================================================================
    // rotateSigner
    // =============================================================================================

    function test_rotateSigner_ReplacesSigner() public {
        bytes32 rune = _registerDefault();
        vm.expectEmit(true, true, true, true, address(registry));
        emit IRuneRegistry.SignerRotated(rune, signer, newSigner);
        vm.prank(developer);
        registry.rotateSigner(rune, newSigner);
        assertEq(registry.paymentTerms(rune).signer, newSigner);
        assertEq(registry.runeInfo(rune).signer, newSigner);
        // The fingerprint is fixed at registration.
        assertEq(registry.runeAt(0), rune);
    }

    function test_rotateSigner_WorksWhileSuspended() public {
        bytes32 rune = _registerDefault();
        vm.prank(governor);
        registry.suspend(rune);
        vm.prank(developer);
        registry.rotateSigner(rune, newSigner);
        assertEq(registry.paymentTerms(rune).signer, newSigner);
    }

    function test_rotateSigner_OldSignerReceiptsRejected() public {
        bytes32 rune = _registerDefault();
        uint256 newKey = 0xB0B5;
        vm.prank(developer);
        registry.rotateSigner(rune, vm.addr(newKey));

        IRevenueDistributor.ServiceReceipt memory receipt = _receipt(rune, "s1", payer, ETH, 1 ether);
        bytes memory oldSignature = _sign(signerKey, receipt);
        vm.deal(payer, 1 ether);
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueDistributor.RevenueDistributorInvalidSignature.selector, rune)
        );
        vm.prank(payer);
        distributor.pay{value: 1 ether}(receipt, oldSignature);

        bytes memory newSignature = _sign(newKey, receipt);
        vm.prank(payer);
        distributor.pay{value: 1 ether}(receipt, newSignature);
        assertTrue(distributor.developerBalanceOf(rune, ETH) > 0);
    }

    function test_rotateSigner_RevertWhen_UnknownRune() public {
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryUnknownRune.selector, bytes32("unknown"))
        );
        vm.prank(developer);
        registry.rotateSigner(bytes32("unknown"), newSigner);
    }

    function test_rotateSigner_RevertWhen_NotRuneOwner() public {
        bytes32 rune = _registerDefault();
        vm.expectRevert(abi.encodeWithSelector(IRuneRegistry.RuneRegistryNotRuneOwner.selector, rune, alice));
        vm.prank(alice);
        registry.rotateSigner(rune, newSigner);
    }

    function test_rotateSigner_RevertWhen_RuneRetired() public {
        bytes32 rune = _registerDefault();
        vm.prank(developer);
        registry.retire(rune);
        vm.expectRevert(abi.encodeWithSelector(IRuneRegistry.RuneRegistryRuneRetired.selector, rune));
        vm.prank(developer);
        registry.rotateSigner(rune, newSigner);
    }

    function test_rotateSigner_RevertWhen_ZeroSigner() public {
        bytes32 rune = _registerDefault();
        vm.expectRevert(abi.encodeWithSelector(IRuneRegistry.RuneRegistryZeroSigner.selector));
        vm.prank(developer);
        registry.rotateSigner(rune, address(0));
    }

    function test_rotateSigner_RevertWhen_SameSigner() public {
        bytes32 rune = _registerDefault();
        vm.expectRevert(abi.encodeWithSelector(IRuneRegistry.RuneRegistrySameSigner.selector, rune, signer));
        vm.prank(developer);
        registry.rotateSigner(rune, signer);
    }

    function test_rotateSigner_FromClearedSigner() public {
        bytes32 rune = _registerDefault();
        vm.prank(developer);
        registry.transferFrom(developer, alice, uint256(rune));
        vm.expectEmit(true, true, true, true, address(registry));
        emit IRuneRegistry.SignerRotated(rune, address(0), newSigner);
        vm.prank(alice);
        registry.rotateSigner(rune, newSigner);
        assertEq(registry.paymentTerms(rune).signer, newSigner);
    }

    // =============================================================================================
    // retire
    // =============================================================================================

    function test_retire_RetiresRune() public {
        bytes32 rune = _registerDefault();
        vm.expectEmit(true, true, true, true, address(registry));
        emit IRuneRegistry.RuneRetired(rune);
        vm.prank(developer);
        registry.retire(rune);
        assertEq(uint8(registry.statusOf(rune)), uint8(IRuneRegistry.RuneStatus.Retired));
        // The NFT stays with its owner.
        assertEq(registry.ownerOf(uint256(rune)), developer);
    }

    function test_retire_CancelsPendingProposal() public {
        bytes32 rune = _registerDefault();
        uint64 id = _propose(rune);
        vm.expectEmit(true, true, true, true, address(registry));
        emit IRuneRegistry.SplitChangeCancelled(rune, id);
        vm.expectEmit(true, true, true, true, address(registry));
        emit IRuneRegistry.RuneRetired(rune);
        vm.prank(developer);
        registry.retire(rune);
        _assertNoPendingProposal(rune);
        skip(RULE_DELAY);
        vm.expectRevert(abi.encodeWithSelector(IRuneRegistry.RuneRegistryNoPendingProposal.selector, rune));
        registry.executeSplitProposal(rune);
    }

    function test_retire_WorksWhileSuspended() public {
        bytes32 rune = _registerDefault();
        vm.prank(governor);
        registry.suspend(rune);
        vm.prank(developer);
        registry.retire(rune);
        assertEq(uint8(registry.statusOf(rune)), uint8(IRuneRegistry.RuneStatus.Retired));
    }

    function test_retire_RevertWhen_UnknownRune() public {
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryUnknownRune.selector, bytes32("unknown"))
        );
        vm.prank(developer);
        registry.retire(bytes32("unknown"));
    }

    function test_retire_RevertWhen_NotRuneOwner() public {
        bytes32 rune = _registerDefault();
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryNotRuneOwner.selector, rune, governor)
        );
        vm.prank(governor);
        registry.retire(rune);
    }

    function test_retire_RevertWhen_RuneRetired() public {
        bytes32 rune = _registerDefault();
        vm.prank(developer);
        registry.retire(rune);
        vm.expectRevert(abi.encodeWithSelector(IRuneRegistry.RuneRegistryRuneRetired.selector, rune));
        vm.prank(developer);
        registry.retire(rune);
    }

    // =============================================================================================
    // proposeSplit
    // =============================================================================================

    function test_proposeSplit_StoresProposalAndEmits() public {
        bytes32 rune = _registerDefault();
        _stake(alice, rune, 60 ether);
        _stake(bob, rune, 40 ether);
        skip(1);
        uint48 executableAt = uint48(block.timestamp) + RULE_DELAY;

        vm.expectEmit(true, true, true, true, address(registry));
        emit IRuneRegistry.SplitChangeProposed(
            rune, 1, _proposedSplit(), _shares(_one(infraB), _oneWeight(10_000)), executableAt
        );
        uint64 id = _propose(rune);

        assertEq(id, 1);
        assertEq(registry.lastProposalId(), 1);
        IRuneRegistry.SplitProposal memory proposal = registry.pendingSplitProposal(rune);
        assertEq(proposal.id, 1);
        assertEq(proposal.proposedAt, uint48(block.timestamp));
        assertEq(proposal.executableAt, executableAt);
        assertEq(proposal.stakeAtProposal, 100 ether);
        _assertSplit(proposal.split, _proposedSplit());
        _assertInfra(proposal.infra, _one(infraB), _oneWeight(10_000));
        // Nothing changes before execution.
        _assertDefaultTermsUnchanged(rune);
    }

    function test_proposeSplit_IdsUniqueAcrossRunes() public {
        bytes32 first = _registerDefault();
        bytes32 second = _registerAs(
            developer, bytes32("second"), _split(5_000, 2_000, 3_000), _defaultRecipients(), _defaultWeights()
        );
        uint64 a = _propose(first);
        uint64 b = _propose(second);
        vm.prank(developer);
        registry.cancelSplitProposal(first);
        skip(registry.PROPOSAL_COOLDOWN());
        uint64 c = _propose(first);
        assertEq(a, 1);
        assertEq(b, 2);
        assertEq(c, 3);
    }

    function test_proposeSplit_UsesCurrentRuleDelay() public {
        bytes32 rune = _registerDefault();
        vm.startPrank(governor);
        distributor.setUnbondingPeriod(1 hours);
        registry.setRuleDelay(1 hours);
        vm.stopPrank();
        _propose(rune);
        assertEq(registry.pendingSplitProposal(rune).executableAt, uint48(block.timestamp) + 1 hours);
    }

    function test_proposeSplit_AfterCancelStartsWithFreshInfra() public {
        bytes32 rune = _registerDefault();
        vm.prank(developer);
        registry.proposeSplit(rune, _split(5_000, 2_000, 3_000), _defaultRecipients(), _defaultWeights());
        vm.prank(developer);
        registry.cancelSplitProposal(rune);
        skip(registry.PROPOSAL_COOLDOWN());
        _propose(rune);
        _assertInfra(registry.pendingSplitProposal(rune).infra, _one(infraB), _oneWeight(10_000));
    }

    function test_proposeSplit_AllowedWhileSuspended() public {
        bytes32 rune = _registerDefault();
        vm.prank(governor);
        registry.suspend(rune);
        uint64 id = _propose(rune);
        assertEq(registry.pendingSplitProposal(rune).id, id);
    }

    function test_proposeSplit_RevertWhen_UnknownRune() public {
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryUnknownRune.selector, bytes32("unknown"))
        );
        vm.prank(developer);
        registry.proposeSplit(bytes32("unknown"), _proposedSplit(), _one(infraB), _oneWeight(10_000));
    }

    function test_proposeSplit_RevertWhen_NotRuneOwner() public {
        bytes32 rune = _registerDefault();
        vm.expectRevert(abi.encodeWithSelector(IRuneRegistry.RuneRegistryNotRuneOwner.selector, rune, alice));
        vm.prank(alice);
        registry.proposeSplit(rune, _proposedSplit(), _one(infraB), _oneWeight(10_000));
    }

    function test_proposeSplit_RevertWhen_RuneRetired() public {
        bytes32 rune = _registerDefault();
        vm.prank(developer);
        registry.retire(rune);
        vm.expectRevert(abi.encodeWithSelector(IRuneRegistry.RuneRegistryRuneRetired.selector, rune));
        vm.prank(developer);
        registry.proposeSplit(rune, _proposedSplit(), _one(infraB), _oneWeight(10_000));
    }

    function test_proposeSplit_RevertWhen_ProposalPending() public {
        bytes32 rune = _registerDefault();
        uint64 id = _propose(rune);
        vm.expectRevert(abi.encodeWithSelector(IRuneRegistry.RuneRegistryProposalPending.selector, rune, id));
        vm.prank(developer);
        registry.proposeSplit(rune, _split(5_000, 2_000, 3_000), _defaultRecipients(), _defaultWeights());
    }

    function test_proposeSplit_RevertWhen_SplitNotExact() public {
        bytes32 rune = _registerDefault();
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistrySplitNotExact.selector, 4_000, 1_000, 5_001)
        );
        vm.prank(developer);
        registry.proposeSplit(rune, _split(4_000, 1_000, 5_001), _one(infraB), _oneWeight(10_000));
    }

    function test_proposeSplit_RevertWhen_StakersShareTooLow() public {
        bytes32 rune = _registerDefault();
        vm.expectRevert(
            abi.encodeWithSelector(
                IRuneRegistry.RuneRegistryStakersShareTooLow.selector, 500, MIN_STAKERS_BPS
            )
        );
        vm.prank(developer);
        registry.proposeSplit(rune, _split(8_500, 1_000, 500), _one(infraB), _oneWeight(10_000));
    }

    function test_proposeSplit_RevertWhen_InfraInvalid() public {
        bytes32 rune = _registerDefault();
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryInfraWeightsNotExact.selector, 9_999)
        );
        vm.prank(developer);
        registry.proposeSplit(rune, _proposedSplit(), _one(infraB), _oneWeight(9_999));
    }

    function test_proposeSplit_RevertWhen_StakeLedgerNotSet() public {
        RuneRegistry fresh = new RuneRegistry(governor, RULE_DELAY, MIN_STAKERS_BPS);
        vm.prank(developer);
        bytes32 rune = fresh.registerAgent(
            SALT, signer, URI, _split(5_000, 2_000, 3_000), _defaultRecipients(), _defaultWeights()
        );
        vm.expectRevert(abi.encodeWithSelector(IRuneRegistry.RuneRegistryStakeLedgerNotSet.selector));
        vm.prank(developer);
        fresh.proposeSplit(rune, _proposedSplit(), _one(infraB), _oneWeight(10_000));
    }

    // =============================================================================================
    // cancelSplitProposal
    // =============================================================================================

    function test_cancelSplitProposal_ClearsProposal() public {
        bytes32 rune = _registerDefault();
        uint64 id = _propose(rune);
        vm.expectEmit(true, true, true, true, address(registry));
        emit IRuneRegistry.SplitChangeCancelled(rune, id);
        vm.prank(developer);
        registry.cancelSplitProposal(rune);
        _assertNoPendingProposal(rune);
        _assertDefaultTermsUnchanged(rune);
    }

    function test_cancelSplitProposal_AllowedWhileSuspended() public {
        bytes32 rune = _registerDefault();
        _propose(rune);
        vm.prank(governor);
        registry.suspend(rune);
        vm.prank(developer);
        registry.cancelSplitProposal(rune);
        _assertNoPendingProposal(rune);
    }

    function test_cancelSplitProposal_RevertWhen_UnknownRune() public {
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryUnknownRune.selector, bytes32("unknown"))
        );
        vm.prank(developer);
        registry.cancelSplitProposal(bytes32("unknown"));
    }

    function test_cancelSplitProposal_RevertWhen_NotRuneOwner() public {
        bytes32 rune = _registerDefault();
        _propose(rune);
        vm.expectRevert(abi.encodeWithSelector(IRuneRegistry.RuneRegistryNotRuneOwner.selector, rune, alice));
        vm.prank(alice);
        registry.cancelSplitProposal(rune);
    }

    function test_cancelSplitProposal_RevertWhen_NoPendingProposal() public {
        bytes32 rune = _registerDefault();
        vm.expectRevert(abi.encodeWithSelector(IRuneRegistry.RuneRegistryNoPendingProposal.selector, rune));
        vm.prank(developer);
        registry.cancelSplitProposal(rune);
    }

    // =============================================================================================
    // executeSplitProposal
    // =============================================================================================

    function test_executeSplitProposal_AppliesSplitWithoutStake() public {
        bytes32 rune = _registerDefault();
        uint64 id = _propose(rune);
        skip(RULE_DELAY);

        vm.expectEmit(true, true, true, true, address(registry));
        emit IRuneRegistry.SplitChangeExecuted(
            rune, id, _proposedSplit(), _shares(_one(infraB), _oneWeight(10_000))
        );
        vm.prank(carol); // anyone may settle
        bool executed = registry.executeSplitProposal(rune);

        assertTrue(executed);
        IRuneRegistry.PaymentTerms memory terms = registry.paymentTerms(rune);
        _assertSplit(terms.split, _proposedSplit());
        _assertInfra(terms.infra, _one(infraB), _oneWeight(10_000));
        _assertNoPendingProposal(rune);
    }

    function test_executeSplitProposal_ExecutesExactlyAtExecutableAt() public {
        bytes32 rune = _registerDefault();
        _propose(rune);
        vm.warp(registry.pendingSplitProposal(rune).executableAt);
        assertTrue(registry.executeSplitProposal(rune));
    }

    function test_executeSplitProposal_NewSplitAppliesToPayments() public {
        bytes32 rune = _registerDefault();
        _propose(rune);
        skip(RULE_DELAY);
        registry.executeSplitProposal(rune);
        _pay(rune, "s1", payer, address(usd), 1_000e6);
        // No stake: the stakers part also goes to the developer. Infra is infraB alone now.
        assertEq(distributor.infraBalanceOf(infraB, address(usd)), 100e6);
        assertEq(distributor.infraBalanceOf(infraA, address(usd)), 0);
        assertEq(distributor.developerBalanceOf(rune, address(usd)), 900e6);
    }

    function test_executeSplitProposal_InfraListShrinksToNoneAndGrowsAgain() public {
        bytes32 rune = _registerDefault();
        vm.prank(developer);
        registry.proposeSplit(rune, _split(6_000, 0, 4_000), new address[](0), new uint16[](0));
        skip(RULE_DELAY);
        assertTrue(registry.executeSplitProposal(rune));
        IRuneRegistry.PaymentTerms memory terms = registry.paymentTerms(rune);
        _assertSplit(terms.split, _split(6_000, 0, 4_000));
        assertEq(terms.infra.length, 0);
        assertEq(registry.runeInfo(rune).infra.length, 0);

        address[] memory recipients = new address[](3);
        recipients[0] = carol;
        recipients[1] = infraB;
        recipients[2] = infraA;
        uint16[] memory weights = new uint16[](3);
        weights[0] = 5_000;
        weights[1] = 3_000;
        weights[2] = 2_000;
        vm.prank(developer);
        registry.proposeSplit(rune, _split(4_000, 1_500, 4_500), recipients, weights);
        skip(RULE_DELAY);
        assertTrue(registry.executeSplitProposal(rune));
        terms = registry.paymentTerms(rune);
        _assertSplit(terms.split, _split(4_000, 1_500, 4_500));
        _assertInfra(terms.infra, recipients, weights);
        IRuneRegistry.RuneInfo memory info = registry.runeInfo(rune);
        _assertSplit(info.split, _split(4_000, 1_500, 4_500));
        _assertInfra(info.infra, recipients, weights);
    }

    function test_executeSplitProposal_ExecutesWhenVetoBelowHalf() public {
        bytes32 rune = _registerDefault();
        _stake(alice, rune, 40 ether);
        _stake(bob, rune, 60 ether);
        skip(1);
        uint64 id = _propose(rune);
        _veto(alice, rune);
        (uint256 vetoStake, uint256 activeStake) = distributor.vetoTally(rune, id);
        assertEq(vetoStake, 40 ether);
        assertEq(activeStake, 100 ether);
        skip(RULE_DELAY);

        assertTrue(registry.executeSplitProposal(rune));
        _assertSplit(registry.paymentTerms(rune).split, _proposedSplit());
    }

    function test_executeSplitProposal_ExecutesWhenVetoExactlyHalf() public {
        bytes32 rune = _registerDefault();
        _stake(alice, rune, 50 ether);
        _stake(bob, rune, 50 ether);
        skip(1);
        uint64 id = _propose(rune);
        _veto(alice, rune);
        skip(RULE_DELAY);

        vm.expectEmit(true, true, true, true, address(registry));
        emit IRuneRegistry.SplitChangeExecuted(
            rune, id, _proposedSplit(), _shares(_one(infraB), _oneWeight(10_000))
        );
        assertTrue(registry.executeSplitProposal(rune));
    }

    function test_executeSplitProposal_RejectedWhenVetoExceedsHalf() public {
        bytes32 rune = _registerDefault();
        _stake(alice, rune, 50 ether + 1);
        _stake(bob, rune, 50 ether - 1);
        skip(1);
        uint64 id = _propose(rune);
        _veto(alice, rune);
        skip(RULE_DELAY);

        vm.expectEmit(true, true, true, true, address(registry));
        emit IRuneRegistry.SplitChangeRejected(rune, id, 50 ether + 1, 100 ether);
        vm.prank(carol);
        bool executed = registry.executeSplitProposal(rune);

        assertFalse(executed);
        _assertDefaultTermsUnchanged(rune);
        _assertNoPendingProposal(rune);
        // The owner may propose again once the cooldown after a rejection has passed.
        uint48 availableAt = uint48(block.timestamp) + registry.PROPOSAL_COOLDOWN();
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryProposalCooldown.selector, rune, availableAt)
        );
        vm.prank(developer);
        registry.proposeSplit(rune, _proposedSplit(), _one(infraB), _oneWeight(10_000));
        skip(registry.PROPOSAL_COOLDOWN());
        assertEq(_propose(rune), id + 1);
    }

    function test_executeSplitProposal_RejectedBySeveralVetoers() public {
        bytes32 rune = _registerDefault();
        _stake(alice, rune, 30 ether);
        _stake(bob, rune, 30 ether);
        _stake(carol, rune, 40 ether);
        skip(1);
        uint64 id = _propose(rune);
        _veto(alice, rune);
        _veto(bob, rune);
        skip(RULE_DELAY);

        vm.expectEmit(true, true, true, true, address(registry));
        emit IRuneRegistry.SplitChangeRejected(rune, id, 60 ether, 100 ether);
        assertFalse(registry.executeSplitProposal(rune));
    }

    function test_executeSplitProposal_QuorumBaseIgnoresStakeAddedDuringDelay() public {
        bytes32 rune = _registerDefault();
        _stake(alice, rune, 60 ether);
        _stake(bob, rune, 40 ether);
        skip(1);
        uint64 id = _propose(rune);
        _veto(alice, rune);
        // A large stake arriving during the delay cannot dilute the veto.
        _stake(carol, rune, 1_000 ether);
        skip(RULE_DELAY);

        vm.expectEmit(true, true, true, true, address(registry));
        emit IRuneRegistry.SplitChangeRejected(rune, id, 60 ether, 100 ether);
        assertFalse(registry.executeSplitProposal(rune));
    }

    /// @dev The veto base is the outside stake when proposed: stake leaving during the delay neither shrinks it
    /// (bob chose to leave rather than veto) nor can stake arriving later grow it.
    function test_executeSplitProposal_VetoBaseFixedAtProposal() public {
        bytes32 rune = _registerDefault();
        _stake(alice, rune, 40 ether);
        _stake(bob, rune, 60 ether);
        skip(1);
        uint64 id = _propose(rune);
        assertEq(registry.pendingSplitProposal(rune).stakeAtProposal, 100 ether);
        _veto(alice, rune); // 40 of 100: not enough on its own
        vm.prank(bob);
        distributor.requestUnstake(rune, 60 ether); // bob leaves instead of vetoing
        _stake(carol, rune, 1_000 ether);
        skip(RULE_DELAY);

        vm.expectEmit(true, true, true, true, address(registry));
        emit IRuneRegistry.SplitChangeExecuted(rune, id, _proposedSplit(), _shares(_one(infraB), _oneWeight(10_000)));
        assertTrue(registry.executeSplitProposal(rune));
    }

    function test_executeSplitProposal_VetoLoweredWhenVetoerUnstakes() public {
        bytes32 rune = _registerDefault();
        _stake(alice, rune, 60 ether);
        _stake(bob, rune, 40 ether);
        skip(1);
        uint64 id = _propose(rune);
        _veto(alice, rune);
        vm.prank(alice);
        distributor.requestUnstake(rune, 40 ether); // veto weight drops to 20, quorum base to 60
        skip(RULE_DELAY);

        vm.expectEmit(true, true, true, true, address(registry));
        emit IRuneRegistry.SplitChangeExecuted(
            rune, id, _proposedSplit(), _shares(_one(infraB), _oneWeight(10_000))
        );
        assertTrue(registry.executeSplitProposal(rune));
    }

    function test_executeSplitProposal_VetoOfCancelledProposalDoesNotCarryOver() public {
        bytes32 rune = _registerDefault();
        _stake(alice, rune, 60 ether);
        _stake(bob, rune, 40 ether);
        skip(1);
        _propose(rune);
        _veto(alice, rune);
        vm.prank(developer);
        registry.cancelSplitProposal(rune);
        skip(registry.PROPOSAL_COOLDOWN());
        uint64 second = _propose(rune);
        skip(RULE_DELAY);

        vm.expectEmit(true, true, true, true, address(registry));
        emit IRuneRegistry.SplitChangeExecuted(
            rune, second, _proposedSplit(), _shares(_one(infraB), _oneWeight(10_000))
        );
        assertTrue(registry.executeSplitProposal(rune));
    }

    function test_executeSplitProposal_RevertWhen_UnknownRune() public {
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryNoPendingProposal.selector, bytes32("unknown"))
        );
        registry.executeSplitProposal(bytes32("unknown"));
    }

    function test_executeSplitProposal_RevertWhen_NoPendingProposal() public {
        bytes32 rune = _registerDefault();
        vm.expectRevert(abi.encodeWithSelector(IRuneRegistry.RuneRegistryNoPendingProposal.selector, rune));
        registry.executeSplitProposal(rune);
    }

    function test_executeSplitProposal_RevertWhen_AlreadySettled() public {
        bytes32 rune = _registerDefault();
        _propose(rune);
        skip(RULE_DELAY);
        registry.executeSplitProposal(rune);
        vm.expectRevert(abi.encodeWithSelector(IRuneRegistry.RuneRegistryNoPendingProposal.selector, rune));
        registry.executeSplitProposal(rune);
    }

    function test_executeSplitProposal_RevertWhen_ProposalNotReady() public {
        bytes32 rune = _registerDefault();
        _propose(rune);
        uint48 executableAt = uint48(block.timestamp) + RULE_DELAY;
        skip(RULE_DELAY - 1);
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryProposalNotReady.selector, rune, executableAt)
        );
        registry.executeSplitProposal(rune);
    }

    function test_executeSplitProposal_RevertWhen_StakersShareBelowRaisedMinimum() public {
        bytes32 rune = _registerDefault();
        vm.prank(developer);
        registry.proposeSplit(rune, _split(6_000, 1_000, 3_000), _one(infraB), _oneWeight(10_000));
        // Governance tightens the bound during the delay: the proposal is no longer valid.
        vm.prank(governor);
        registry.setMinStakersBps(4_000);
        skip(RULE_DELAY);

        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryStakersShareTooLow.selector, 3_000, 4_000)
        );
        registry.executeSplitProposal(rune);
        // The revert leaves the proposal pending and the terms unchanged; the owner can still withdraw it.
        assertEq(registry.pendingSplitProposal(rune).id, 1);
        _assertDefaultTermsUnchanged(rune);
        vm.prank(developer);
        registry.cancelSplitProposal(rune);
        _assertNoPendingProposal(rune);
    }

    // =============================================================================================
    // suspend / unsuspend
    // =============================================================================================

    function test_suspend_SuspendsActiveRune() public {
        bytes32 rune = _registerDefault();
        vm.expectEmit(true, true, true, true, address(registry));
        emit IRuneRegistry.RuneSuspended(rune);
        vm.prank(governor);
        registry.suspend(rune);
        assertEq(uint8(registry.statusOf(rune)), uint8(IRuneRegistry.RuneStatus.Suspended));
        assertEq(uint8(registry.paymentTerms(rune).status), uint8(IRuneRegistry.RuneStatus.Suspended));
    }

    function test_suspend_RevertWhen_CallerNotGovernor() public {
        bytes32 rune = _registerDefault();
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, developer, governorRole
            )
        );
        vm.prank(developer);
        registry.suspend(rune);
    }

    function test_suspend_RevertWhen_UnknownRune() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IRuneRegistry.RuneRegistryUnexpectedStatus.selector,
                bytes32("unknown"),
                IRuneRegistry.RuneStatus.Unregistered
            )
        );
        vm.prank(governor);
        registry.suspend(bytes32("unknown"));
    }

    function test_suspend_RevertWhen_AlreadySuspended() public {
        bytes32 rune = _registerDefault();
        vm.prank(governor);
        registry.suspend(rune);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRuneRegistry.RuneRegistryUnexpectedStatus.selector, rune, IRuneRegistry.RuneStatus.Suspended
            )
        );
        vm.prank(governor);
        registry.suspend(rune);
    }

    function test_suspend_RevertWhen_RuneRetired() public {
        bytes32 rune = _registerDefault();
        vm.prank(developer);
        registry.retire(rune);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRuneRegistry.RuneRegistryUnexpectedStatus.selector, rune, IRuneRegistry.RuneStatus.Retired
            )
        );
        vm.prank(governor);
        registry.suspend(rune);
    }

    function test_unsuspend_ReactivatesRune() public {
        bytes32 rune = _registerDefault();
        vm.prank(governor);
        registry.suspend(rune);
        vm.expectEmit(true, true, true, true, address(registry));
        emit IRuneRegistry.RuneUnsuspended(rune);
        vm.prank(governor);
        registry.unsuspend(rune);
        assertEq(uint8(registry.statusOf(rune)), uint8(IRuneRegistry.RuneStatus.Active));
    }

    function test_unsuspend_RevertWhen_CallerNotGovernor() public {
        bytes32 rune = _registerDefault();
        vm.prank(governor);
        registry.suspend(rune);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, alice, governorRole
            )
        );
        vm.prank(alice);
        registry.unsuspend(rune);
    }

    function test_unsuspend_RevertWhen_RuneActive() public {
        bytes32 rune = _registerDefault();
        vm.expectRevert(
            abi.encodeWithSelector(
                IRuneRegistry.RuneRegistryUnexpectedStatus.selector, rune, IRuneRegistry.RuneStatus.Active
            )
        );
        vm.prank(governor);
        registry.unsuspend(rune);
    }

    function test_unsuspend_RevertWhen_RuneRetired() public {
        bytes32 rune = _registerDefault();
        vm.prank(governor);
        registry.suspend(rune);
        vm.prank(developer);
        registry.retire(rune);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRuneRegistry.RuneRegistryUnexpectedStatus.selector, rune, IRuneRegistry.RuneStatus.Retired
            )
        );
        vm.prank(governor);
        registry.unsuspend(rune);
    }

    function test_unsuspend_RevertWhen_UnknownRune() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IRuneRegistry.RuneRegistryUnexpectedStatus.selector,
                bytes32("unknown"),
                IRuneRegistry.RuneStatus.Unregistered
            )
        );
        vm.prank(governor);
        registry.unsuspend(bytes32("unknown"));
    }

    // =============================================================================================
    // setRuleDelay
    // =============================================================================================

    function test_setRuleDelay_UpdatesDelay() public {
        vm.expectEmit(true, true, true, true, address(registry));
        emit IRuneRegistry.RuleDelaySet(RULE_DELAY, 10 days);
        vm.prank(governor);
        registry.setRuleDelay(10 days);
        assertEq(registry.ruleDelay(), 10 days);
    }

    /// @dev Stakers must be able to leave before a split change applies: the delay never drops below unbonding.
    function test_setRuleDelay_RevertWhen_BelowUnbondingPeriod() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IRuneRegistry.RuneRegistryRuleDelayBelowUnbonding.selector, UNBONDING_PERIOD - 1, UNBONDING_PERIOD
            )
        );
        vm.prank(governor);
        registry.setRuleDelay(UNBONDING_PERIOD - 1);
    }

    function test_setRuleDelay_AcceptsBounds() public {
        vm.startPrank(governor);
        distributor.setUnbondingPeriod(1 hours);
        registry.setRuleDelay(1 hours);
        assertEq(registry.ruleDelay(), 1 hours);
        registry.setRuleDelay(30 days);
        assertEq(registry.ruleDelay(), 30 days);
        vm.stopPrank();
    }

    function test_setRuleDelay_DoesNotMovePendingProposal() public {
        bytes32 rune = _registerDefault();
        _propose(rune);
        uint48 executableAt = registry.pendingSplitProposal(rune).executableAt;
        vm.prank(governor);
        registry.setRuleDelay(30 days);
        assertEq(registry.pendingSplitProposal(rune).executableAt, executableAt);
    }

    function test_setRuleDelay_RevertWhen_CallerNotGovernor() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, alice, governorRole
            )
        );
        vm.prank(alice);
        registry.setRuleDelay(5 days);
    }

    function test_setRuleDelay_RevertWhen_BelowMinimum() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IRuneRegistry.RuneRegistryParameterOutOfBounds.selector, 1 hours - 1, 1 hours, 30 days
            )
        );
        vm.prank(governor);
        registry.setRuleDelay(1 hours - 1);
    }

    function test_setRuleDelay_RevertWhen_AboveMaximum() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IRuneRegistry.RuneRegistryParameterOutOfBounds.selector, 30 days + 1, 1 hours, 30 days
            )
        );
        vm.prank(governor);
        registry.setRuleDelay(30 days + 1);
    }

    // =============================================================================================
    // setMinStakersBps
    // =============================================================================================

    function test_setMinStakersBps_UpdatesMinimum() public {
        vm.expectEmit(true, true, true, true, address(registry));
        emit IRuneRegistry.MinStakersBpsSet(MIN_STAKERS_BPS, 2_500);
        vm.prank(governor);
        registry.setMinStakersBps(2_500);
        assertEq(registry.minStakersBps(), 2_500);
    }

    function test_setMinStakersBps_AcceptsBounds() public {
        vm.startPrank(governor);
        registry.setMinStakersBps(0);
        assertEq(registry.minStakersBps(), 0);
        registry.setMinStakersBps(5_000);
        assertEq(registry.minStakersBps(), 5_000);
        vm.stopPrank();
    }

    function test_setMinStakersBps_AppliesToNewRegistrations() public {
        vm.prank(governor);
        registry.setMinStakersBps(0);
        bytes32 rune = _registerAs(developer, SALT, _split(10_000, 0, 0), new address[](0), new uint16[](0));
        assertEq(registry.paymentTerms(rune).split.stakersBps, 0);

        vm.prank(governor);
        registry.setMinStakersBps(4_000);
        _expectRegisterRevert(
            _split(5_000, 2_000, 3_000),
            _defaultRecipients(),
            _defaultWeights(),
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryStakersShareTooLow.selector, 3_000, 4_000)
        );
        // Existing runes keep their split.
        assertEq(registry.paymentTerms(rune).split.stakersBps, 0);
    }

    function test_setMinStakersBps_RevertWhen_CallerNotGovernor() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, developer, governorRole
            )
        );
        vm.prank(developer);
        registry.setMinStakersBps(2_000);
    }

    function test_setMinStakersBps_RevertWhen_AboveMaximum() public {
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryParameterOutOfBounds.selector, 5_001, 0, 5_000)
        );
        vm.prank(governor);
        registry.setMinStakersBps(5_001);
    }

    // =============================================================================================
    // setStakeLedger (once only: the fixture already wired its registry, so these use a fresh one)
    // =============================================================================================

    function test_setStakeLedger_WiresLedgerOnce() public {
        RuneRegistry fresh = new RuneRegistry(governor, RULE_DELAY, MIN_STAKERS_BPS);
        assertEq(address(fresh.stakeLedger()), address(0));
        vm.expectEmit(true, true, true, true, address(fresh));
        emit IRuneRegistry.StakeLedgerSet(address(distributor));
        vm.prank(governor);
        fresh.setStakeLedger(address(distributor));
        assertEq(address(fresh.stakeLedger()), address(distributor));
    }

    function test_setStakeLedger_RevertWhen_CallerNotGovernor() public {
        RuneRegistry fresh = new RuneRegistry(governor, RULE_DELAY, MIN_STAKERS_BPS);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, alice, governorRole
            )
        );
        vm.prank(alice);
        fresh.setStakeLedger(address(distributor));
    }

    function test_setStakeLedger_RevertWhen_AlreadySet() public {
        RuneRegistry fresh = new RuneRegistry(governor, RULE_DELAY, MIN_STAKERS_BPS);
        vm.startPrank(governor);
        fresh.setStakeLedger(address(distributor));
        vm.expectRevert(
            abi.encodeWithSelector(
                IRuneRegistry.RuneRegistryStakeLedgerAlreadySet.selector, address(distributor)
            )
        );
        fresh.setStakeLedger(address(aurunes));
        vm.stopPrank();
    }

    function test_setStakeLedger_RevertWhen_AlreadySetByFixture() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IRuneRegistry.RuneRegistryStakeLedgerAlreadySet.selector, address(distributor)
            )
        );
        vm.prank(governor);
        registry.setStakeLedger(address(distributor));
    }

    function test_setStakeLedger_RevertWhen_NotAContract() public {
        RuneRegistry fresh = new RuneRegistry(governor, RULE_DELAY, MIN_STAKERS_BPS);
        vm.expectRevert(abi.encodeWithSelector(IRuneRegistry.RuneRegistryInvalidStakeLedger.selector, alice));
        vm.prank(governor);
        fresh.setStakeLedger(alice);
    }

    function test_setStakeLedger_RevertWhen_ZeroAddress() public {
        RuneRegistry fresh = new RuneRegistry(governor, RULE_DELAY, MIN_STAKERS_BPS);
        vm.expectRevert(
            abi.encodeWithSelector(IRuneRegistry.RuneRegistryInvalidStakeLedger.selector, address(0))
        );
        vm.prank(governor);
        fresh.setStakeLedger(address(0));
    }
}
