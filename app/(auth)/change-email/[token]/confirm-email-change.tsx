"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-submit";
import { useI18n } from "@/lib/i18n/client";
import { confirmEmailChangeAction } from "../../actions";

export function ConfirmEmailChange({ token, signedInAsOwner }: { token: string; signedInAsOwner: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const action = useAction();
  return (
    <div className="space-y-4">
      {action.error && <Alert>{action.error}</Alert>}
      <Button
        className="w-full"
        loading={action.pending}
        onClick={() =>
          action.run(
            () => confirmEmailChangeAction(token),
            () => {
              router.replace(signedInAsOwner ? "/account" : `/sign-in?callbackUrl=${encodeURIComponent("/account")}`);
              router.refresh();
            },
          )
        }
      >
        {t("account.changeEmail.submit")}
      </Button>
    </div>
  );
}
