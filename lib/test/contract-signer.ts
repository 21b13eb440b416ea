/**
 * An ERC-1271 contract signer for tests, compiled at test time with solc-js (forge's deploy build skips test
 * contracts): it accepts exactly the ECDSA signatures of one key, so a test can tell "accepted by the contract"
 * from "accepted because the key matches".
 */
import { createRequire } from "node:module";
import type { Abi, Address, Hex } from "viem";
import type { TestChain } from "./chain";

const SOURCE = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

contract KeyContractSigner {
    address public immutable key;

    constructor(address key_) {
        key = key_;
    }

    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        if (signature.length != 65) return 0xffffffff;
        bytes32 r = bytes32(signature[0:32]);
        bytes32 s = bytes32(signature[32:64]);
        uint8 v = uint8(signature[64]);
        address recovered = ecrecover(hash, v, r, s);
        return recovered != address(0) && recovered == key ? bytes4(0x1626ba7e) : bytes4(0xffffffff);
    }
}
`;

interface SolcOutput {
  errors?: { severity: string; formattedMessage: string }[];
  contracts?: Record<string, Record<string, { abi: Abi; evm: { bytecode: { object: string } } }>>;
}

let compiled: { abi: Abi; bytecode: Hex } | undefined;

function compile(): { abi: Abi; bytecode: Hex } {
  if (compiled) return compiled;
  const solc = createRequire(import.meta.url)("solc") as { compile(input: string): string };
  const input = {
    language: "Solidity",
    sources: { "KeyContractSigner.sol": { content: SOURCE } },
    settings: { evmVersion: "cancun", outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } } },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input))) as SolcOutput;
  const errors = (output.errors ?? []).filter((error) => error.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((error) => error.formattedMessage).join("\n"));
  const artifact = output.contracts?.["KeyContractSigner.sol"]?.KeyContractSigner;
  if (!artifact) throw new Error("solc produced no KeyContractSigner");
  compiled = { abi: artifact.abi, bytecode: `0x${artifact.evm.bytecode.object}` };
  return compiled;
}

/**
 * Deploys a contract signer that accepts `key`'s signatures and returns its address. Any clients on a chain whose
 * node signs for `from` will do (the vitest chain, or the e2e chain).
 *
 * @example
 * const contractSigner = await deployContractSigner(chain, deployer, agentKey.address);
 */
export async function deployContractSigner(chain: Pick<TestChain, "walletClient" | "publicClient">, from: Address, key: Address): Promise<Address> {
  const { abi, bytecode } = compile();
  const hash = await chain.walletClient.deployContract({ account: from, chain: null, abi, bytecode, args: [key] });
  const receipt = await chain.publicClient.waitForTransactionReceipt({ hash });
  if (!receipt.contractAddress) throw new Error("the contract signer was not deployed");
  return receipt.contractAddress;
}
