"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-submit";
import { useI18n } from "@/lib/i18n/client";
import { resendVerificationAction } from "../actions";

export function ResendVerification() {
  const { t } = useI18n();
  const action = useAction();
  const [sentTo, setSentTo] = useState<string | null>(null);
  return (
    <div className="space-y-4">
      {action.error && <Alert>{action.error}</Alert>}
      {sentTo && !action.error && <Alert tone="success">{t("verify.pending.resent", { email: sentTo })}</Alert>}
      <Button variant="secondary" className="w-full" loading={action.pending} onClick={() => action.run(() => resendVerificationAction(), ({ email }) => setSentTo(email))}>
        {t("verify.pending.resend")}
      </Button>
    </div>
  );
}
