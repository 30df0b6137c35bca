"use client";

import { useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { Button } from "./button";
import { CheckIcon, CopyIcon } from "./icons";

/** Copies to the clipboard; true when it worked. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API unavailable (plain http on a LAN address): fall back to a hidden textarea.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

/**
 * `label` is what the button says ("Copy link"); without it, "Copy". `name` is what it is called when several
 * copy buttons share a page ("Copy callback URL", "Copy verify token"): it starts with the words shown, so a
 * person using speech input can say what they see (WCAG 2.5.3). Once copied, it says and is called "Copied".
 */
export function CopyButton({ text, label, name, size = "md" }: { text: string; label?: string; name?: string; size?: "sm" | "md" }) {
  const { t } = useI18n();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <>
      <Button
        variant="secondary"
        size={size}
        onClick={async () => {
          const ok = await copyText(text);
          setState(ok ? "copied" : "failed");
          if (ok) setTimeout(() => setState("idle"), 2000);
        }}
      >
        {state === "copied" ? <CheckIcon className="size-3.5 text-emerald-600" /> : <CopyIcon className="size-3.5" />}
        {state === "copied" ? t("common.copied") : <NamedText shown={label ?? t("common.copy")} name={name} />}
      </Button>
      <span role="status" className="sr-only">
        {state === "copied" ? t("common.copied") : state === "failed" ? t("common.copyFailed") : ""}
      </span>
    </>
  );
}

/**
 * `shown`, then the rest of `name` for screen readers only: the name is text, not an aria-label, so a label
 * lookup for the field beside it ("Verify token") finds the field alone.
 */
function NamedText({ shown, name }: { shown: string; name?: string }) {
  if (!name || name === shown) return <>{shown}</>;
  if (!name.startsWith(shown))
    return (
      <>
        <span aria-hidden="true">{shown}</span>
        <span className="sr-only">{name}</span>
      </>
    );
  return (
    <span>
      {shown}
      <span className="sr-only">{name.slice(shown.length)}</span>
    </span>
  );
}

const fieldClass =
  "min-w-0 flex-1 rounded-md border border-zinc-300 bg-zinc-50 px-3 font-mono text-[13px] text-zinc-800 focus:border-accent-500 focus:outline-none focus:ring-3 focus:ring-accent-100";

/**
 * A read-only value (a link, a secret) with a copy button beside it, named `copyName` ("Copy verify token"). `wrap` shows all of a value people must
 * compare with what they pasted elsewhere (a callback URL): it breaks across lines instead of scrolling out of
 * sight, and its tooltip holds it whole too.
 */
export function CopyField({ id, value, label, copyName, wrap = false }: { id: string; value: string; label: string; copyName: string; wrap?: boolean }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="text-sm font-medium text-zinc-800">
        {label}
      </label>
      <div className="flex items-start gap-2">
        {wrap ? (
          <textarea
            id={id}
            readOnly
            rows={1}
            value={value}
            title={value}
            onFocus={(e) => e.currentTarget.select()}
            className={`${fieldClass} field-sizing-content resize-none py-2 leading-5 break-all`}
          />
        ) : (
          <input id={id} readOnly value={value} title={value} onFocus={(e) => e.currentTarget.select()} className={`${fieldClass} h-9`} />
        )}
        <CopyButton text={value} name={copyName} />
      </div>
    </div>
  );
}
