"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { checkInputAction } from "@/app/check-input-action";
import { useActionForm } from "@/components/ui/use-action-form";
import { useI18n } from "@/lib/i18n/client";
import { forgotPasswordAction } from "../actions";

/** The answer never says whether the address has an account: only that a link is on its way if it does. */
export function ForgotPasswordForm() {
  const { t } = useI18n();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { form, onSubmit, fieldError, formError, pending } = useActionForm({
    check: (input) => checkInputAction("forgotPassword", input),
    defaultValues: { email: "" },
    submit: forgotPasswordAction,
    onSuccess: ({ email }) => setSentTo(email),
  });
  if (sentTo) return <Alert tone="success">{t("account.forgot.sent", { email: sentTo })}</Alert>;
  return (
    <form className="space-y-4" noValidate onSubmit={onSubmit}>
      {formError && <Alert>{formError}</Alert>}
      <Field id="forgot-email" label={t("common.email")} error={fieldError("email")}>
        <Input {...form.register("email")} type="email" autoComplete="email" required autoFocus />
      </Field>
      <Button type="submit" className="w-full" loading={pending}>
        {t("account.forgot.submit")}
      </Button>
    </form>
  );
}
