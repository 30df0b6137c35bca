"use client";

import { Alert } from "@/components/ui/alert";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { reconnectReasonOf } from "@/lib/services/channels/constants";
import type { ChannelPageState } from "./use-channel";

/** The banners under the channel's header: reconnect needed, a refused action, the connection check's result, a success notice. */
export function ChannelNotices({ state }: { state: ChannelPageState }) {
  const { t, serverMessage } = useI18n();
  const { channel, check, checkError, action, confirm, notice } = state;
  const disconnected = channel.disconnectedAt !== null;
  return (
    <>
      {disconnected && (
        <Alert tone="info">
          <div data-testid="disconnected-banner">
            <p className="font-semibold">{t("channels.disconnectedBanner.title")}</p>
            <p className="mt-1">{t("channels.disconnectedBanner.detail")}</p>
          </div>
        </Alert>
      )}
      {!disconnected && channel.reconnectNeeded && (
        <Alert tone="error">
          <div data-testid="reconnect-banner">
            <p className="font-semibold">{t("channels.reconnectBanner.title")}</p>
            <p className="mt-1">{t("channels.reconnectBanner.detail")}</p>
            <p className="mt-1" data-testid="reconnect-reason">
              {t(`channels.reconnectReason.${reconnectReasonOf(channel.reconnectSubcode)}`)}
            </p>
            {channel.reconnectReason && <p className="mt-1 text-xs">{t("channels.reconnectBanner.reason", { reason: channel.reconnectReason })}</p>}
          </div>
        </Alert>
      )}
      {!disconnected && !channel.reconnectNeeded && channel.lastCheckFailure !== null && !check && (
        <Alert tone="error">
          <div data-testid="check-failed-banner">{t("channels.checkFailedBanner", { reason: channel.lastCheckFailure })}</div>
        </Alert>
      )}
      {checkError && <Alert>{serverMessage(checkError)}</Alert>}
      {action.error && confirm === null && <Alert>{action.error}</Alert>}
      {check && (
        <Alert tone={check.ok ? "success" : "error"}>
          <div data-testid="check-result" data-ok={check.ok ? "true" : "false"}>
            {check.ok ? (
              <p>{t("channels.check.ok", { page: check.channel.pageName ?? check.channel.pageId })}</p>
            ) : (
              <>
                <p className="font-semibold">{t("channels.check.failed", { step: t(`channels.check.step.${check.failedStep ?? "token"}` as MessageKey) })}</p>
                {check.message && <p className="mt-1">{t("channels.check.metaSaid", { message: check.message })}</p>}
                {check.graphCode !== undefined && <p className="mt-0.5 text-xs">{t("channels.check.code", { code: check.graphCode })}</p>}
              </>
            )}
          </div>
        </Alert>
      )}
      {notice && <Alert tone="success">{notice}</Alert>}
    </>
  );
}
