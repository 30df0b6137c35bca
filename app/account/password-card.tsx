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
import { changePasswordAction } from "./actions";

export function PasswordCard({ email }: { email: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [changed, setChanged] = useState(false);
  const { form, onSubmit, fieldError, formError, pending } = useActionForm({
    check: (input) => checkInputAction("changePassword", input),
    defaultValues: { currentPassword: "", newPassword: "" },
    submit: (values) => {
      setChanged(false);
      return changePasswordAction(values);
    },
    onSuccess: ({ stillSignedIn }) => {
      if (!stillSignedIn) {
        router.replace(`/sign-in?callbackUrl=${encodeURIComponent("/account")}`);
        return;
      }
      form.reset({ currentPassword: "", newPassword: "" });
      setChanged(true);
    },
  });
  return (
    <Card title={t("account.password.title")} testId="account-password">
      <form className="space-y-4" noValidate onSubmit={onSubmit}>
        {formError && <Alert>{formError}</Alert>}
        {changed && <Alert tone="success">{t("account.password.changed")}</Alert>}
        {/* Lets a password manager update the saved password of the right account. */}
        <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
        <Field id="account-current-password" label={t("account.password.current")} error={fieldError("currentPassword")}>
          <Input {...form.register("currentPassword")} type="password" autoComplete="current-password" required />
        </Field>
        <Field id="account-new-password" label={t("account.password.new")} hint={t("auth.passwordHint")} error={fieldError("newPassword")}>
          <Input {...form.register("newPassword")} type="password" autoComplete="new-password" required minLength={8} />
        </Field>
        <Button type="submit" variant="secondary" loading={pending}>
          {t("account.password.submit")}
        </Button>
      </form>
    </Card>
  );
}
