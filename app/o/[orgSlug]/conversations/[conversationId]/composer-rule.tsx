"use client";

import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { LockIcon } from "@/components/ui/icons";
import { useFormat, useI18n } from "@/lib/i18n/client";
import type { ComposerRule } from "@/lib/services/conversations/constants";

/** Meta's rule for a reply written now, in words: which window, until when, or why nothing may be sent. */
export function ComposerRuleLine({ rule, orgSlug }: { rule: ComposerRule; orgSlug: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const time = rule.closesAt ? format.dateTime(rule.closesAt) : "";
  const campaign = !rule.sendable ? rule.otnCampaign : null;
  return (
    <p
      className={cn("flex items-start gap-1.5 text-xs", rule.sendable ? "text-zinc-500" : "text-amber-800")}
      data-testid="composer-rule"
      data-rule={rule.key}
      role={rule.sendable ? undefined : "status"}
    >
      {!rule.sendable && <LockIcon className="mt-0.5 size-3.5 shrink-0" />}
      <span>
        {t(rule.key, { time, campaign: campaign?.name ?? "", app: (!rule.sendable && rule.vars?.app) || "" })}
        {campaign && (
          <>
            {" "}
            <Link href={`/o/${orgSlug}/campaigns/${campaign.id}`} className="font-medium underline underline-offset-2" data-testid="composer-otn-link">
              {t("composer.rule.openCampaign")}
            </Link>
          </>
        )}
      </span>
    </p>
  );
}
