"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { checkInputAction } from "@/app/check-input-action";
import { useActionForm } from "@/components/ui/use-action-form";
import { useI18n } from "@/lib/i18n/client";
import { changeEmailAction } from "./actions";

/** The address changes only when the link mailed to the new one is opened; until then it shows as pending. */
export function EmailCard({ email, pendingEmail }: { email: string; pendingEmail: string | null }) {
  const { t } = useI18n();
  const router = useRouter();
  const [result, setResult] = useState<{ email: string; sent: boolean } | null>(null);
  const { form, onSubmit, fieldError, formError, pending } = useActionForm({
    check: (input) => checkInputAction("changeEmail", input),
    defaultValues: { email: "" },
    submit: changeEmailAction,
    onSuccess: (data) => {
      setResult(data);
      form.reset({ email: "" });
      router.refresh();
    },
  });
  return (
    <Card title={t("account.email.title")} testId="account-email">
      <div className="space-y-4">
        <p className="text-sm text-zinc-700">{t("account.email.current", { email })}</p>
        {result ? (
          <Alert tone={result.sent ? "success" : "warning"}>{t(result.sent ? "account.email.sent" : "account.email.notSent", { email: result.email })}</Alert>
        ) : (
          pendingEmail && <Alert tone="info">{t("account.email.pending", { email: pendingEmail })}</Alert>
        )}
        <form className="space-y-4" noValidate onSubmit={onSubmit}>
          {formError && <Alert>{formError}</Alert>}
          <Field id="account-new-email" label={t("account.email.newEmail")} error={fieldError("email")}>
            <Input {...form.register("email")} type="email" autoComplete="email" required />
          </Field>
          <Button type="submit" variant="secondary" loading={pending}>
            {t("account.email.submit")}
          </Button>
        </form>
      </div>
    </Card>
  );
}
