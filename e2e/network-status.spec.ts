import { expect, test } from "./support/fixtures";

test("the network dot follows the RPC: reachable, then unreachable when it goes down, then back", async ({ page, chain }) => {
  await page.goto("/");
  const reachable = page.getByRole("button", { name: /^Network Local chain: reachable/ });
  const unreachable = page.getByRole("button", { name: /^Network Local chain: unreachable/ });
  await expect(reachable).toBeVisible();

  await chain.setRpcReachable(false);
  await reachable.click(); // check again now rather than at the next periodic probe
  await expect(unreachable).toBeVisible();
  await expect(unreachable).toContainText("unreachable");

  await chain.setRpcReachable(true);
  await unreachable.click();
  await expect(reachable).toBeVisible();
});

test("a page opened while the RPC is down shows the dot unreachable, not green", async ({ page, chain }) => {
  await chain.setRpcReachable(false);
  await page.goto("/verify");
  await expect(page.getByRole("button", { name: /^Network Local chain: unreachable/ })).toBeVisible();
});
