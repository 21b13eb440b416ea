/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Both loopback names work in `next dev` (it serves its dev assets only to the origins it knows), whatever
  // HOST the dev server was started with.
  allowedDevOrigins: ["localhost", "127.0.0.1"],
  // Chain configuration is read at run time on the server (lib/server/config.ts), so one build serves any
  // network: set CHAIN_ID, RPC_URL and the deployment file when starting it.
};

export default nextConfig;
