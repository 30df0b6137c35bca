import Link from "next/link";
import { cn } from "@/components/ui/cn";
import type { CampaignKind } from "@/lib/services/campaigns/constants";
import type { AvailabilityReason } from "@/lib/services/permissions/constants";
import { getT } from "@/lib/i18n/server";

export interface KindChoice {
  kind: CampaignKind;
  /** The channels that do not offer it, with why (all of them: the kind cannot be chosen). */
  unavailable: { channelName: string; reason: AvailabilityReason }[];
  /** No channel offers it. */
  disabled: boolean;
}

/**
 * The new campaign's first step: One-Time Notification, Recurring topic or Marketing Messages. Each is a link to
 * its form (?kind=), the chosen one marked current; a kind no channel offers is not a link, and every channel that
 * does not offer a kind says why in words. A server component: choosing costs the page no JavaScript.
 */
export async function KindPicker({ value, choices }: { value: CampaignKind; choices: KindChoice[] }) {
  const { t } = await getT();
  return (
    <nav aria-labelledby="campaign-kind-title" className="mb-6 rounded-xl border border-zinc-200 bg-white p-4 shadow-xs" data-testid="kind-picker">
      <h2 id="campaign-kind-title" className="mb-3 text-sm font-semibold text-zinc-900">
        {t("campaigns.kind.choose")}
      </h2>
      <ul className="grid gap-3 md:grid-cols-3">
        {choices.map((c) => {
          const selected = value === c.kind;
          const title = t(`campaigns.kind.${c.kind}`);
          const hintId = `campaign-kind-${c.kind}-hint`;
          return (
            <li
              key={c.kind}
              className={cn(
                "relative rounded-lg border p-3 text-sm",
                c.disabled ? "border-zinc-200 bg-zinc-50" : "border-zinc-200 hover:border-accent-300",
                selected && "border-accent-500 ring-1 ring-accent-500",
              )}
              data-testid="kind-choice"
              data-kind={c.kind}
              data-selected={selected || undefined}
              data-disabled={c.disabled || undefined}
            >
              {c.disabled ? (
                <span className="block font-medium text-zinc-600" aria-disabled="true" aria-describedby={hintId}>
                  {title}
                </span>
              ) : (
                <Link
                  href={`?kind=${c.kind}`}
                  replace
                  scroll={false}
                  aria-current={selected ? "page" : undefined}
                  aria-describedby={hintId}
                  className="block font-medium text-zinc-900 after:absolute after:inset-0 hover:text-accent-700"
                >
                  {title}
                </Link>
              )}
              <span id={hintId} className="mt-0.5 block text-[13px] text-zinc-600">
                {t(`campaigns.kind.${c.kind}Hint`)}
                {c.unavailable.map((u) => (
                  <span key={u.channelName} className="mt-1 block text-amber-800" data-testid="kind-unavailable">
                    {t("campaigns.kind.unavailable", { channel: u.channelName, reason: t(u.reason) })}
                  </span>
                ))}
              </span>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
