"use client";

import Link from "next/link";
import { useQueryClient } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Time } from "@/components/ui/time";
import { useI18n } from "@/lib/i18n/client";
import type { ContactPermission, PermissionStatus } from "@/lib/services/permissions/constants";
import { unsubscribeContactAction } from "../actions";
import { conversationQueries } from "../query-options";

const STATUS_TONE: Record<PermissionStatus, BadgeTone> = { active: "accent", used: "neutral", stopped: "warning", expired: "warning" };

/**
 * "Permissions to message": every token the person gave the Page, whatever its kind (One-Time Notification,
 * recurring topic, Marketing Messages), with its status and expiry. An OTN campaign links to its page for
 * members who may read campaigns. While the person holds an active marketing or recurring permission, members
 * who may reply can unsubscribe them from marketing (after a confirmation).
 */
export function ContactPermissions({
  orgSlug,
  conversationId,
  contactId,
  permissions,
  linkCampaigns,
  canUnsubscribe,
}: {
  orgSlug: string;
  conversationId: string;
  contactId: string;
  permissions: ContactPermission[];
  linkCampaigns: boolean;
  canUnsubscribe: boolean;
}) {
  const { t } = useI18n();
  const subscribed = permissions.some((p) => p.kind !== "otn" && p.status === "active");
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
      {canUnsubscribe && <Unsubscribe orgSlug={orgSlug} conversationId={conversationId} contactId={contactId} subscribed={subscribed} />}
    </section>
  );
}

/** The action while the person holds an active marketing or recurring permission; what it did stays said after. */
function Unsubscribe({ orgSlug, conversationId, contactId, subscribed }: { orgSlug: string; conversationId: string; contactId: string; subscribed: boolean }) {
  const { t, serverMessage } = useI18n();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      const result = await unsubscribeContactAction(orgSlug, contactId);
      if (!result.ok) {
        setError(serverMessage(result.error));
        return;
      }
      setError(null);
      setOpen(false);
      setDone(t("permissions.unsubscribe.done", { stopped: result.data.stopped }));
      await client.invalidateQueries({ queryKey: conversationQueries.contact(orgSlug, conversationId).queryKey });
    });
  if (!subscribed && !done) return null;
  return (
    <div className="pt-1">
      {subscribed && (
        <Button size="sm" variant="secondary" onClick={() => setOpen(true)} data-testid="unsubscribe-marketing">
          {t("permissions.unsubscribe.button")}
        </Button>
      )}
      {done && (
        <p role="status" className="pt-1 text-xs text-zinc-600">
          {done}
        </p>
      )}
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("permissions.unsubscribe.button")}
        body={t("permissions.unsubscribe.confirm")}
        confirmLabel={t("permissions.unsubscribe.button")}
        pending={pending}
        error={error}
        onConfirm={confirm}
      />
    </div>
  );
}
