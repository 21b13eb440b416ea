/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Chain configuration is read at run time on the server (lib/server/config.ts), so one build serves any
  // network: set CHAIN_ID, RPC_URL and the deployment file when starting it.
};

export default nextConfig;
