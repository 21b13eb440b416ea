import { defineConfig } from "@wagmi/cli";
import { foundry } from "@wagmi/cli/plugins";

// `npm run abi` builds the contracts first, so the plugin only reads forge's `out/`.
export default defineConfig({
  out: "contracts-abi/generated.ts",
  plugins: [
    foundry({
      project: ".",
      forge: { build: false },
      include: [
        "AurunesToken.sol/**",
        "RuneRegistry.sol/**",
        "RevenueDistributor.sol/**",
        "TestStablecoin.sol/**",
        "Multicall3.sol/**",
        "DevPriceFeed.sol/**",
        "AggregatorV3Interface.sol/**",
      ],
    }),
  ],
});
