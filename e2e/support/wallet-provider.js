// Injected into the page before any app script: an EIP-1193 provider, announced over EIP-6963, that hands
// every request to the test (window.__testWalletRequest, bound by e2e/support/fixtures.ts).
(() => {
  const listeners = {};
  const provider = {
    isAuroruneTestWallet: true,
    async request({ method, params }) {
      const reply = await window.__testWalletRequest({ method, params: params ?? [] });
      if (reply.error) {
        const error = new Error(reply.error.message);
        error.code = reply.error.code;
        throw error;
      }
      return reply.result;
    },
    on(event, listener) {
      (listeners[event] ??= []).push(listener);
      return provider;
    },
    removeListener(event, listener) {
      listeners[event] = (listeners[event] ?? []).filter((l) => l !== listener);
      return provider;
    },
    emit(event, value) {
      for (const listener of listeners[event] ?? []) listener(value);
    },
  };
  window.ethereum = provider;
  window.__testWallet = provider;
  const info = {
    uuid: "5f1f6a8e-4a43-4a53-9f6a-6d1d2b8b6a10",
    name: "Test Wallet",
    icon: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 8 8'%3E%3Crect width='8' height='8' fill='%23f59e0b'/%3E%3C/svg%3E",
    rdns: "dev.aurorune.testwallet",
  };
  const announce = () =>
    window.dispatchEvent(new CustomEvent("eip6963:announceProvider", { detail: Object.freeze({ info, provider }) }));
  window.addEventListener("eip6963:requestProvider", announce);
  announce();
})();
