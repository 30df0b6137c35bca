"use client";

import { Alert } from "@/components/ui/alert";
import { useI18n } from "@/lib/i18n/client";

/** Above the channel and conversation lists while any channel needs its Page reconnected. */
export function ReconnectBanner({ channels }: { channels: readonly { name: string; reconnectNeeded: boolean }[] }) {
  const { t } = useI18n();
  const broken = channels.filter((c) => c.reconnectNeeded);
  if (broken.length === 0) return null;
  return (
    <Alert tone="error">
      <span data-testid="reconnect-banner">
        {broken.length === 1 ? t("channels.reconnectBanner.one", { name: broken[0].name }) : t("channels.reconnectBanner.many", { count: broken.length })}
      </span>
    </Alert>
  );
}
