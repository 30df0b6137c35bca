"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useI18n } from "@/lib/i18n/client";
import { sendFailureKey } from "@/lib/services/conversations/constants";
import type { ConversationMessage } from "@/lib/services/conversations/schemas";
import type { ActionResult } from "@/lib/tenancy/action";

/**
 * Where one of our messages stands: sending, sent, delivered, read (Meta's watermarks), or failed with Meta's
 * reason in words and a Retry button. Messages sent elsewhere (echoes) only show delivered and read.
 */
export function MessageState({ message, onRetry }: { message: ConversationMessage; onRetry?: (messageId: string) => Promise<ActionResult<unknown>> }) {
  const { t, serverMessage } = useI18n();
  const [retrying, setRetrying] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  if (message.direction !== "outbound") return null;
  if (message.sendStatus === "sending") {
    return (
      <span data-testid="receipt" data-state="sending">
        {t("composer.status.sending")}
      </span>
    );
  }
  if (message.sendStatus === "failed") {
    const reason = t(sendFailureKey(message.failureCode, message.failureReason));
    return (
      <span className="inline-flex flex-wrap items-center gap-1.5 text-red-700" data-testid="receipt" data-state="failed">
        <span title={message.failureReason ?? undefined} data-testid="failure-reason">
          {t("composer.status.failed", { reason })}
        </span>
        {onRetry && !message.id.startsWith("optimistic-") && (
          <Button
            size="sm"
            variant="secondary"
            className="h-6 px-2 text-[11px]"
            loading={retrying}
            onClick={async () => {
              setRetrying(true);
              const result = await onRetry(message.id);
              setRetrying(false);
              setRefusal(result.ok ? null : serverMessage(result.error));
            }}
            data-testid="retry-reply"
          >
            {retrying ? t("composer.retrying") : t("composer.retry")}
          </Button>
        )}
        {refusal && (
          <span role="alert" data-testid="retry-refused">
            {refusal}
          </span>
        )}
      </span>
    );
  }
  const state = message.read ? "read" : message.delivered ? "delivered" : "sent";
  return (
    <span data-testid="receipt" data-state={state}>
      {t(message.read ? "conversations.read" : message.delivered ? "conversations.delivered" : "conversations.sent")}
    </span>
  );
}
