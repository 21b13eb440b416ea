"use client";

import { usePathname } from "next/navigation";
import { NotFoundNotice } from "@/components/NotFoundNotice";
import { isRuneHex } from "@/lib/domain/rune-hex";

/** Says which of the two it is: a well-formed rune nobody registered, or something that is not a rune at all. */
export default function AgentNotFound() {
  const segment = decodeURIComponent(usePathname().split("/").pop() ?? "");
  return isRuneHex(segment) ? (
    <NotFoundNotice
      title="No agent has this rune"
      detail="This rune is well formed, but no agent is registered under it on this network. Check that you copied all 66 characters and that you are on the right network."
    />
  ) : (
    <NotFoundNotice
      title="This is not a rune"
      detail="A rune is 0x followed by 64 hexadecimal characters (a 32-byte fingerprint). Copy it from the agents list or from a receipt."
    />
  );
}
