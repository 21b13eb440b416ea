"use client";

import { useState } from "react";
import { shortHex } from "@/lib/format";

/** An address or rune, shortened, with a button that copies the full value. */
export function CopyValue({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className="mt-1 flex items-center gap-2 text-sm">
      <span className="text-stone-500">{label}</span>
      <code className="font-mono" title={value}>{shortHex(value, 6)}</code>
      <button
        type="button"
        aria-label={`Copy ${label}`}
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(() => {
            setCopied(true);
            setTimeout(() => setCopied(false), 1500);
          });
        }}
        className="rounded border border-stone-300 px-1.5 py-0.5 text-xs text-stone-600 hover:bg-stone-100 dark:border-stone-700 dark:text-stone-300 dark:hover:bg-stone-800"
      >
        {copied ? "Copied" : "Copy"}
      </button>
    </span>
  );
}
