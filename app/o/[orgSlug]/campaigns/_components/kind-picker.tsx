"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";
import type { CampaignKind } from "@/lib/services/campaigns/constants";
import type { AvailabilityReason } from "@/lib/services/permissions/constants";
import { useI18n } from "@/lib/i18n/client";
import { cn } from "@/components/ui/cn";

export interface KindChoice {
  kind: CampaignKind;
  /** The channels that do not offer it, with why (all of them: the kind cannot be chosen). */
  unavailable: { channelName: string; reason: AvailabilityReason }[];
  /** No channel offers it. */
  disabled: boolean;
}

/**
 * The new campaign's first step: One-Time Notification, Recurring topic or Marketing Messages, as radio buttons.
 * A kind no channel offers is disabled, and every channel that does not offer a kind says why in words. The choice
 * is in the address (?kind=), so the form below is the one the server renders for it.
 */
export function KindPicker({ value, choices }: { value: CampaignKind; choices: KindChoice[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startChoosing] = useTransition();
  return (
    <fieldset className="mb-6 rounded-xl border border-zinc-200 bg-white p-4 shadow-xs" data-testid="kind-picker" aria-busy={pending || undefined}>
      <legend className="px-1 text-sm font-semibold text-zinc-900">{t("campaigns.kind.choose")}</legend>
      <div className="grid gap-3 md:grid-cols-3">
        {choices.map((c) => {
          const id = `campaign-kind-${c.kind}`;
          return (
            <label
              key={c.kind}
              htmlFor={id}
              className={cn(
                "flex gap-3 rounded-lg border p-3 text-sm",
                c.disabled ? "cursor-not-allowed border-zinc-200 bg-zinc-50 text-zinc-500" : "cursor-pointer border-zinc-200 hover:border-accent-300",
                value === c.kind && "border-accent-500 ring-1 ring-accent-500",
              )}
              data-testid="kind-choice"
              data-kind={c.kind}
              data-disabled={c.disabled || undefined}
            >
              <input
                id={id}
                type="radio"
                name="campaign-kind"
                value={c.kind}
                checked={value === c.kind}
                disabled={c.disabled}
                aria-describedby={`${id}-hint`}
                onChange={() => startChoosing(() => router.replace(`${pathname}?kind=${c.kind}`, { scroll: false }))}
                className="mt-0.5 accent-accent-600"
              />
              <span className="min-w-0">
                <span className="block font-medium text-zinc-900">{t(`campaigns.kind.${c.kind}`)}</span>
                <span id={`${id}-hint`} className="mt-0.5 block text-[13px] text-zinc-600">
                  {t(`campaigns.kind.${c.kind}Hint`)}
                  {c.unavailable.map((u) => (
                    <span key={u.channelName} className="mt-1 block text-amber-800" data-testid="kind-unavailable">
                      {t("campaigns.kind.unavailable", { channel: u.channelName, reason: t(u.reason) })}
                    </span>
                  ))}
                </span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
