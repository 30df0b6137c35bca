"use client";

import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import { useI18n } from "@/lib/i18n/client";
import type { ContactPermission, PermissionStatus } from "@/lib/services/permissions/constants";

const STATUS_TONE: Record<PermissionStatus, BadgeTone> = { active: "accent", used: "neutral", stopped: "warning", expired: "warning" };

/**
 * "Permissions to message": every token the person gave the Page, whatever its kind (One-Time Notification,
 * recurring topic, Marketing Messages), with its status and expiry. An OTN campaign links to its page for
 * members who may read campaigns.
 */
export function ContactPermissions({ orgSlug, permissions, linkCampaigns }: { orgSlug: string; permissions: ContactPermission[]; linkCampaigns: boolean }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="contact-permissions" className="space-y-1.5">
      <h3 id="contact-permissions" className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">
        {t("permissions.title")}
      </h3>
      {permissions.length === 0 ? (
        <p className="text-zinc-500">{t("permissions.none")}</p>
      ) : (
        <ul className="space-y-2" data-testid="contact-permissions">
          {permissions.map((p) => {
            const topic = p.topic ?? t(`permissions.kind.${p.kind}`);
            return (
              <li key={p.id} className="space-y-0.5" data-kind={p.kind} data-status={p.status}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  {p.campaignId && linkCampaigns ? (
                    <Link href={`/o/${orgSlug}/campaigns/${p.campaignId}`} className="max-w-full min-w-0 truncate font-medium text-accent-700 hover:underline">
                      {topic}
                    </Link>
                  ) : (
                    <span className="max-w-full min-w-0 truncate font-medium text-zinc-900">{topic}</span>
                  )}
                  <Badge tone={STATUS_TONE[p.status]}>{t(`permissions.status.${p.status}`)}</Badge>
                </div>
                <p className="text-xs text-zinc-500">
                  {t(`permissions.kind.${p.kind}`)}
                  {p.frequency ? ` · ${t(`permissions.frequency.${p.frequency}`)}` : null}
                  {" · "}
                  {p.status === "used" && p.lastSentAt ? (
                    <>
                      {t("permissions.usedOn")} <Time iso={p.lastSentAt} withTime={false} />
                    </>
                  ) : p.status === "stopped" && p.stoppedAt ? (
                    <>
                      {t("permissions.stoppedOn")} <Time iso={p.stoppedAt} withTime={false} />
                    </>
                  ) : p.expiresAt ? (
                    <>
                      {t(p.status === "expired" ? "permissions.expiredOn" : "permissions.expiresOn")} <Time iso={p.expiresAt} withTime={false} />
                    </>
                  ) : (
                    t("permissions.noExpiry")
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
