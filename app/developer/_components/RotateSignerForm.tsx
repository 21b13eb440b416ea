"use client";

import { type FormEvent, useState } from "react";
import type { Address } from "viem";
import { useConfig } from "wagmi";
import { runeRegistryAbi } from "@/contracts-abi/generated";
import { FORM_FIELD, type FieldErrors, validateRotateForm } from "@/lib/domain/agent-form";
import type { DeveloperAgent } from "@/lib/domain/developer-console";
import { runTransaction } from "@/lib/transaction";
import { BUTTON, FieldError, type Notice, NoticeView, TextField } from "./form-parts";
import { type Send, failureText } from "./use-send";

/** Props of {@link RotateSignerForm}. */
export interface RotateSignerFormProps {
  agent: DeveloperAgent;
  account: Address;
  registry: Address;
  chainId: number;
  busy: string | undefined;
  send: Send;
}

/** Replaces the agent's signing key, checked with the registry's rules before the wallet prompt. */
export function RotateSignerForm({ agent, account, registry, chainId, busy, send }: RotateSignerFormProps) {
  const config = useConfig();
  const [value, setValue] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const prefix = `rotate-${agent.rune.slice(2, 10)}`;
  const key = `rotate:${agent.rune}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(undefined);
    const result = validateRotateForm(value, { status: agent.status, owner: account, caller: account, currentSigner: agent.signer });
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    const label = `Rotate the signer of ${agent.name}`;
    const outcome = await send(key, label, (onStage, refetch) =>
      runTransaction({
        config,
        request: { address: registry, abi: runeRegistryAbi, functionName: "rotateSigner", args: [agent.rune, result.signer], account, chainId },
        onStage,
        refetch,
      }),
    );
    if (outcome.ok) {
      setNotice({ tone: "done", text: `${agent.name} now signs with ${result.signer}. Receipts signed by the previous key are refused from now on.` });
      setValue("");
    } else setNotice(failureText(label, outcome));
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="space-y-3" aria-label={`Rotate the signer of ${agent.name}`}>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        The new key signs every receipt from the next block on; receipts signed by the current key stop being accepted at once, so hand
        the new key to the agent first.
      </p>
      <TextField
        prefix={prefix}
        field="newSigner"
        label="New signer address"
        value={value}
        onChange={(next) => {
          setValue(next);
          setErrors({});
        }}
        error={errors.newSigner}
        placeholder="0x…"
        mono
        disabled={busy !== undefined}
      />
      <FieldError id={`${prefix}-form-error`} message={errors[FORM_FIELD]} />
      <button type="submit" className={BUTTON} disabled={busy !== undefined}>
        {busy === key ? "Rotating…" : "Rotate signer"}
      </button>
      <NoticeView notice={notice} />
    </form>
  );
}
