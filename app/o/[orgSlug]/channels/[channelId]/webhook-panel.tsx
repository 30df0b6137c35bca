"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CopyField } from "@/components/ui/copy-button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useI18n } from "@/lib/i18n/client";
import { regenerateVerifyTokenAction } from "../actions";
import type { ChannelPageState } from "./use-channel";

/** What to paste into Meta's webhook settings: the callback URL and the verify token (regenerated after a confirmation). */
export function WebhookPanel({ state, canManage }: { state: ChannelPageState; canManage: boolean }) {
  const { t } = useI18n();
  const { orgSlug, channel, verifyToken, setVerifyToken, action, confirm, setConfirm, setNotice } = state;
  return (
    <Card title={t("channels.webhook.title")} testId="webhook-panel">
      <p className="mb-4 text-sm text-zinc-500">{t("channels.webhook.description")}</p>
      <div className="space-y-4">
        <CopyField id="callback-url" label={t("channels.webhook.callbackUrl")} copyName={t("channels.webhook.copyCallbackUrl")} value={channel.callbackUrl} wrap />
        {verifyToken !== null ? (
          <div className="space-y-2">
            <CopyField id="verify-token" label={t("channels.webhook.verifyToken")} copyName={t("channels.webhook.copyVerifyToken")} value={verifyToken} />
            {canManage && (
              <Button variant="ghost" size="sm" onClick={() => setConfirm("regenerate")}>
                {t("channels.webhook.regenerate")}
              </Button>
            )}
          </div>
        ) : (
          <p className="text-sm text-zinc-500">{t("channels.webhook.verifyTokenHidden")}</p>
        )}
      </div>
      <ConfirmDialog
        open={confirm === "regenerate"}
        onClose={() => setConfirm(null)}
        title={t("channels.webhook.regenerate.title")}
        body={t("channels.webhook.regenerate.body")}
        confirmLabel={t("channels.webhook.regenerate")}
        pending={action.pending}
        error={action.error}
        onConfirm={() =>
          action.run(
            () => regenerateVerifyTokenAction(orgSlug, channel.id),
            (r) => {
              setConfirm(null);
              setVerifyToken(r.verifyToken);
              setNotice(t("channels.webhook.regenerate.done"));
            },
          )
        }
      />
    </Card>
  );
}
