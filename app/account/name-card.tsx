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
import { updateNameAction } from "./actions";

export function NameCard({ name }: { name: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { form, onSubmit, fieldError, formError, pending } = useActionForm({
    check: (input) => checkInputAction("updateName", input),
    defaultValues: { name },
    submit: (values) => {
      setSaved(false);
      return updateNameAction(values);
    },
    onSuccess: ({ name: savedName }) => {
      form.reset({ name: savedName });
      setSaved(true);
      router.refresh();
    },
  });
  return (
    <Card title={t("account.profile.title")} testId="account-name">
      <form className="space-y-4" noValidate onSubmit={onSubmit}>
        {formError && <Alert>{formError}</Alert>}
        {saved && <Alert tone="success">{t("account.profile.saved")}</Alert>}
        <Field id="account-name" label={t("auth.yourName")} error={fieldError("name")}>
          <Input {...form.register("name")} autoComplete="name" required />
        </Field>
        <Button type="submit" variant="secondary" loading={pending}>
          {t("account.profile.save")}
        </Button>
      </form>
    </Card>
  );
}
