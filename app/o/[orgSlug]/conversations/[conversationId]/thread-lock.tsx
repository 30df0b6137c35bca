"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useI18n } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/tenancy/action";

/**
 * Conversation Routing on the composer: while another app (Meta's Page Inbox) controls the thread, "Take
 * control"; while we do, "Pass to Page inbox". Meta's refusal (not the primary app, routing off) is shown in words.
 */
export function ThreadControlButtons({ locked, onChange }: { locked: boolean; onChange: (action: "take" | "pass") => Promise<ActionResult<unknown>> }) {
  const { t, serverMessage } = useI18n();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async (action: "take" | "pass") => {
    setPending(true);
    setError(null);
    setDone(null);
    const result = await onChange(action);
    setPending(false);
    if (result.ok) setDone(t(action === "take" ? "composer.tookControl" : "composer.passedToInbox"));
    else setError(serverMessage(result.error));
  };
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        {locked ? (
          <Button size="sm" variant="secondary" loading={pending} onClick={() => void run("take")} data-testid="take-control">
            {t("composer.takeControl")}
          </Button>
        ) : (
          <Button size="sm" variant="ghost" loading={pending} onClick={() => void run("pass")} data-testid="pass-to-inbox">
            {t("composer.passToInbox")}
          </Button>
        )}
        {done && (
          <span className="text-xs text-zinc-600" role="status" data-testid="thread-control-done">
            {done}
          </span>
        )}
      </div>
      {error && (
        <Alert>
          <span data-testid="thread-control-error">{error}</span>
        </Alert>
      )}
    </div>
  );
}
