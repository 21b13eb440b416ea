"use client";

import Link from "next/link";
import { type FormEvent, useMemo, useState } from "react";
import type { Address, PublicClient } from "viem";
import { useConfig, usePublicClient, useReadContract } from "wagmi";
import { FutharkText } from "@/components/FutharkText";
import { RuneSigil } from "@/components/RuneSigil";
import { runeRegistryAbi } from "@/contracts-abi/generated";
import {
  FORM_FIELD,
  type FieldErrors,
  type RegisterFormValues,
  previewRune,
  randomSalt,
  registrationFileFromForm,
  validateRegisterForm,
} from "@/lib/domain/agent-form";
import { SUPPORTED_TRUST_MODELS, type SupportedTrustModel } from "@/lib/domain/registration-file";
import { runTransaction } from "@/lib/transaction";
import { BUTTON, CARD, type Notice, NoticeView, SECONDARY_BUTTON, TextField, type TextFieldProps, fieldId } from "./form-parts";
import { SplitFields } from "./SplitFields";
import { type Send, failureText } from "./use-send";

/** Props of {@link RegisterAgentForm}. */
export interface RegisterAgentFormProps {
  account: Address;
  chainId: number;
  registry: Address;
  /** The registry's `minStakersBps()` as last read (re-read when the form is sent). */
  minStakersBps: number;
  busy: string | undefined;
  send: Send;
}

const PREFIX = "register";

function initialValues(): RegisterFormValues {
  return {
    name: "",
    description: "",
    image: "",
    web: "",
    a2a: "",
    mcp: "",
    x402Support: false,
    supportedTrust: [],
    uriMode: "data",
    customUri: "",
    signer: "",
    salt: randomSalt(),
    developer: "70",
    infra: "0",
    stakers: "30",
    recipients: [],
  };
}

const TRUST_LABELS: Record<SupportedTrustModel, string> = {
  reputation: "Reputation",
  "crypto-economic": "Crypto-economic (stake)",
  "tee-attestation": "TEE attestation",
};

/**
 * Registers an agent: the ERC-8004 registration file (stored in the rune as a data: URI by default, or the
 * developer's own URI), the signer, the split and the infra recipients. Every field is checked with the registry's
 * rules before the wallet is asked anything, the reason next to the field; the rune it will produce is shown first.
 */
export function RegisterAgentForm({ account, chainId, registry, minStakersBps, busy, send }: RegisterAgentFormProps) {
  const config = useConfig();
  const client = usePublicClient();
  const [values, setValues] = useState<RegisterFormValues>(initialValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempted, setAttempted] = useState(false);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const [showFile, setShowFile] = useState(false);
  const context = { chainId, registry, developer: account };

  const rune = previewRune(values.salt.trim(), context);
  const status = useReadContract({
    address: registry,
    abi: runeRegistryAbi,
    functionName: "statusOf",
    args: [rune ?? `0x${"0".repeat(64)}`],
    query: { enabled: rune !== undefined },
  });
  const runeTaken = rune !== undefined && status.data !== undefined ? status.data !== 0 : undefined;
  // The file as it would be stored now (data: mode): its size is shown while typing.
  const file = useMemo(
    () => (rune && values.uriMode === "data" ? registrationFileFromForm(values, { rune, chainId, registry }) : undefined),
    [values, rune, chainId, registry],
  );

  const update = (next: RegisterFormValues) => {
    setValues(next);
    // After a first attempt, reasons follow the input as it is corrected.
    if (attempted) setErrors(check(next, minStakersBps).errors);
  };
  const check = (next: RegisterFormValues, min: number) => {
    const result = validateRegisterForm(next, { ...context, minStakersBps: min, runeTaken });
    return { result, errors: result.ok ? {} : result.errors };
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    setNotice(undefined);
    // The protocol minimum and the rune's availability as the chain says now, not as the page last read them.
    let min = minStakersBps;
    let taken = runeTaken;
    if (client && rune) {
      try {
        const fresh = await Promise.all([
          (client as PublicClient).readContract({ address: registry, abi: runeRegistryAbi, functionName: "minStakersBps" }),
          (client as PublicClient).readContract({ address: registry, abi: runeRegistryAbi, functionName: "statusOf", args: [rune] }),
        ]);
        min = fresh[0];
        taken = fresh[1] !== 0;
      } catch {
        // Checked with the last values read; the simulation before the prompt re-checks against the chain anyway.
      }
    }
    const result = validateRegisterForm(values, { ...context, minStakersBps: min, runeTaken: taken });
    if (!result.ok) {
      setErrors(result.errors);
      const first = Object.keys(result.errors)[0];
      if (first && first !== FORM_FIELD) document.getElementById(fieldId(PREFIX, first))?.focus();
      return;
    }
    setErrors({});
    const name = result.file?.name ?? "the agent";
    const outcome = await send("register", `Register ${name}`, (onStage, refetch) =>
      runTransaction({
        config,
        request: {
          address: registry,
          abi: runeRegistryAbi,
          functionName: "registerAgent",
          args: [result.salt, result.signer, result.metadataURI, result.arguments.split, result.arguments.infraRecipients, result.arguments.infraWeights],
          account,
          chainId,
        },
        onStage,
        refetch,
      }),
    );
    if (outcome.ok) {
      setNotice({
        tone: "done",
        text: (
          <>
            Registered {name}: rune <code className="break-all font-mono">{result.rune}</code>. It is listed with your agents above and on{" "}
            <Link href={`/agents/${result.rune}`} className="font-semibold underline">
              its agent page
            </Link>
            .
          </>
        ),
      });
      setValues(initialValues());
      setAttempted(false);
    } else setNotice(failureText(`Register ${name}`, outcome));
  }

  const disabled = busy !== undefined;
  const errorCount = Object.keys(errors).length;
  const field = (name: keyof RegisterFormValues & string, label: string, extra: Partial<TextFieldProps> = {}) => (
    <TextField
      prefix={PREFIX}
      field={name}
      label={label}
      value={String(values[name])}
      onChange={(value) => update({ ...values, [name]: value })}
      error={errors[name]}
      disabled={disabled}
      {...extra}
    />
  );

  return (
    <section aria-labelledby="register-title" className={CARD} data-testid="register-form">
      <h2 id="register-title" className="text-lg font-semibold">
        Register an agent
      </h2>
      <p className="mt-1 max-w-3xl text-sm text-stone-600 dark:text-stone-400">
        Mints a rune to your account: the agent&apos;s on-chain identity (also its ERC-8004 agent id). Its registration file describes the
        agent to people and to other agents, and names the rune itself.
      </p>
      <form onSubmit={(event) => void submit(event)} noValidate className="mt-4 space-y-6">
        {errorCount > 0 && (
          <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100" data-testid="form-errors">
            {errors[FORM_FIELD] ?? `Nothing was sent: ${errorCount === 1 ? "one field needs" : `${errorCount} fields need`} fixing (the reasons are next to them).`}
          </p>
        )}

        <fieldset className="grid gap-4 md:grid-cols-2">
          <legend className="mb-2 text-xs font-medium uppercase tracking-wide text-stone-500">The agent</legend>
          {field("name", "Name", { placeholder: "e.g. Huginn Scout" })}
          {field("image", "Image URL (optional)", { placeholder: "https://… or ipfs://…", mono: true, inputMode: "url" })}
          <div className="md:col-span-2">{field("description", "Description", { multiline: true, placeholder: "What the agent does, in a sentence or two." })}</div>
          {field("web", "Web page (optional)", { placeholder: "https://…", mono: true, inputMode: "url" })}
          {field("a2a", "A2A agent card (optional)", { placeholder: "https://…/.well-known/agent-card.json", mono: true, inputMode: "url" })}
          {field("mcp", "MCP server (optional)", { placeholder: "https://…/mcp", mono: true, inputMode: "url" })}
          <div className="space-y-2 text-sm">
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={values.x402Support}
                disabled={disabled}
                onChange={(event) => update({ ...values, x402Support: event.target.checked })}
              />
              Accepts x402 payments (<code>x402Support</code>)
            </label>
            <fieldset>
              <legend className="text-sm font-medium">Trust models it supports (optional)</legend>
              <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                {SUPPORTED_TRUST_MODELS.map((model) => (
                  <label key={model} className="flex items-center gap-1.5">
                    <input
                      type="checkbox"
                      checked={values.supportedTrust.includes(model)}
                      disabled={disabled}
                      onChange={(event) =>
                        update({
                          ...values,
                          supportedTrust: event.target.checked ? [...values.supportedTrust, model] : values.supportedTrust.filter((m) => m !== model),
                        })
                      }
                    />
                    {TRUST_LABELS[model]}
                  </label>
                ))}
              </div>
            </fieldset>
          </div>
        </fieldset>

        <fieldset>
          <legend className="mb-2 text-xs font-medium uppercase tracking-wide text-stone-500">Registration file</legend>
          <div className="space-y-2 text-sm">
            <label className="flex items-start gap-2">
              <input
                type="radio"
                name="register-uri-mode"
                className="mt-1"
                checked={values.uriMode === "data"}
                disabled={disabled}
                onChange={() => update({ ...values, uriMode: "data" })}
              />
              <span>
                Store it in the rune itself (a <code>data:</code> URI): nothing to host, readable offline.{" "}
                <span className="text-stone-500" data-testid="data-uri-size">
                  {values.uriMode !== "data"
                    ? ""
                    : file?.ok
                      ? `${file.bytes.toLocaleString("en-US")} bytes stored on chain.`
                      : "Its size shows once the fields above are valid."}
                </span>
              </span>
            </label>
            <label className="flex items-start gap-2">
              <input
                type="radio"
                name="register-uri-mode"
                className="mt-1"
                checked={values.uriMode === "custom"}
                disabled={disabled}
                onChange={() => update({ ...values, uriMode: "custom" })}
              />
              <span>Host it myself: the rune stores an https:// or ipfs:// URI to the file (it must name this rune).</span>
            </label>
            {values.uriMode === "custom" &&
              field("customUri", "Registration file URI", { placeholder: "https://… or ipfs://…", mono: true, inputMode: "url" })}
            {values.uriMode === "data" && file?.ok && (
              <div>
                <button type="button" className="text-sm font-medium text-amber-700 underline dark:text-amber-400" onClick={() => setShowFile(!showFile)} aria-expanded={showFile}>
                  {showFile ? "Hide the file" : "Show the file"}
                </button>
                {showFile && (
                  <pre className="mt-2 max-h-64 overflow-auto rounded-lg bg-stone-100 p-3 text-xs dark:bg-stone-950" data-testid="registration-file">
                    {JSON.stringify(file.file, null, 2)}
                  </pre>
                )}
              </div>
            )}
          </div>
        </fieldset>

        <fieldset className="grid gap-4 md:grid-cols-2">
          <legend className="mb-2 text-xs font-medium uppercase tracking-wide text-stone-500">Keys and split</legend>
          <div className="md:col-span-2">
            {field("signer", "Signer address", {
              placeholder: "0x… the key that signs the agent's receipts",
              mono: true,
              hint: "The agent's operating key: it signs every service receipt. Keep it apart from the account that owns the rune; you can rotate it later.",
              addon: (
                <button type="button" disabled={disabled} className={`${SECONDARY_BUTTON} whitespace-nowrap`} onClick={() => update({ ...values, signer: account })}>
                  Use my address
                </button>
              ),
            })}
          </div>
          <div className="md:col-span-2">
            <SplitFields prefix={PREFIX} values={values} onChange={(split) => update({ ...values, ...split })} errors={errors} minStakersBps={minStakersBps} disabled={disabled} />
          </div>
        </fieldset>

        <fieldset>
          <legend className="mb-2 text-xs font-medium uppercase tracking-wide text-stone-500">Rune</legend>
          {field("salt", "Salt", {
            mono: true,
            hint: "Any 32 bytes, random by default: with your address, it determines the rune. Keep the salt to register the same rune on another chain.",
            addon: (
              <button type="button" disabled={disabled} className={`${SECONDARY_BUTTON} whitespace-nowrap`} onClick={() => update({ ...values, salt: randomSalt() })}>
                New salt
              </button>
            ),
          })}
          <div className="mt-3 flex items-center gap-4 rounded-lg border border-dashed border-amber-400 p-3 dark:border-amber-700" data-testid="rune-preview">
            {rune ? (
              <>
                <RuneSigil rune={rune} size={56} />
                <div className="min-w-0">
                  <p className="text-sm font-medium">This registration will produce the rune</p>
                  <FutharkText rune={rune} height={18} className="mt-1 text-amber-600 dark:text-amber-400" />
                  <code className="mt-1 block break-all font-mono text-xs" data-testid="rune-hex">
                    {rune}
                  </code>
                  {runeTaken && <p className="mt-1 text-sm text-red-700 dark:text-red-300">Already registered by you: choose a new salt.</p>}
                </div>
              </>
            ) : (
              <p className="text-sm text-stone-500">The rune shows once the salt is 32 bytes.</p>
            )}
          </div>
        </fieldset>

        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className={BUTTON} disabled={disabled}>
            {busy === "register" ? "Registering…" : "Register agent"}
          </button>
          <span className="text-xs text-stone-500">Your wallet asks for one transaction; the rune is minted to your account.</span>
        </div>
      </form>
      <NoticeView notice={notice} />
    </section>
  );
}
