import { describe, expect, it } from "vitest";
import { TransactionToastStore } from "./transaction-toasts";

const hash = `0x${"ab".repeat(32)}` as const;

describe("TransactionToastStore", () => {
  it("follows one transaction through its stages in a single toast, with an explorer link once sent", () => {
    const store = new TransactionToastStore();
    const seen: number[] = [];
    store.subscribe((toasts) => seen.push(toasts.length));
    const onStage = store.track("Stake", "https://explorer.example");
    onStage({ status: "simulating" });
    expect(store.snapshot()[0]?.explorerUrl).toBeUndefined();
    onStage({ status: "pending", hash });
    onStage({ status: "failed", hash, message: "The protocol is paused.", rejectedByUser: false });
    expect(store.snapshot()).toHaveLength(1);
    expect(store.snapshot()[0]).toMatchObject({
      label: "Stake",
      stage: { status: "failed", message: "The protocol is paused." },
      explorerUrl: `https://explorer.example/tx/${hash}`,
    });
    expect(seen).toEqual([1, 1, 1]);
  });

  it("keeps toasts apart and dismisses one", () => {
    const store = new TransactionToastStore();
    store.track("A")({ status: "simulating" });
    store.track("B")({ status: "simulating" });
    const [first] = store.snapshot();
    store.dismiss(first!.id);
    expect(store.snapshot().map((t) => t.label)).toEqual(["B"]);
  });
});
