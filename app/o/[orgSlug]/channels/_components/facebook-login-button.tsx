"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-submit";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { startFacebookLoginAction } from "../facebook-login-actions";

/**
 * "Connect with Facebook" (or "Reconnect with Facebook" for one channel): starts a login run on the server and
 * sends the browser to Meta's login dialog. A refusal (too many open runs, the platform app not configured)
 * shows beside the button.
 */
export function FacebookLoginButton({
  orgSlug,
  purpose = "connect",
  channelId,
  variant = "secondary",
  label = "facebookLogin.connect",
}: {
  orgSlug: string;
  purpose?: "connect" | "reconnect";
  channelId?: string;
  variant?: "primary" | "secondary";
  label?: MessageKey;
}) {
  const { t } = useI18n();
  const action = useAction();
  return (
    <div className="flex flex-col items-end gap-2">
      <Button
        variant={variant}
        loading={action.pending}
        data-testid={purpose === "connect" ? "connect-with-facebook" : "reconnect-with-facebook"}
        onClick={() => action.run(() => startFacebookLoginAction(orgSlug, purpose, channelId), ({ dialogUrl }) => window.location.assign(dialogUrl))}
      >
        <FacebookMark />
        {t(label)}
      </Button>
      {action.error && <Alert className="max-w-md">{action.error}</Alert>}
    </div>
  );
}

function FacebookMark() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4 fill-current">
      <path d="M24 12a12 12 0 1 0-13.9 11.9v-8.4H7.1V12h3V9.4c0-3 1.8-4.7 4.5-4.7 1.3 0 2.7.2 2.7.2v2.9h-1.5c-1.5 0-2 .9-2 1.9V12h3.4l-.5 3.5h-2.9v8.4A12 12 0 0 0 24 12Z" />
    </svg>
  );
}
