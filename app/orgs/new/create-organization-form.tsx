"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { checkInputAction } from "@/app/check-input-action";
import { useActionForm } from "@/components/ui/use-action-form";
import { useI18n } from "@/lib/i18n/client";
import { createOrganizationAction } from "./actions";

export function CreateOrganizationForm() {
  const { t } = useI18n();
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, pending } = useActionForm({
    check: (input) => checkInputAction("createOrganization", input),
    defaultValues: { name: "" },
    submit: createOrganizationAction,
    onSuccess: ({ slug }) => {
      router.push(`/o/${slug}`);
      router.refresh();
    },
  });
  return (
    <form className="space-y-4" noValidate onSubmit={onSubmit}>
      {formError && <Alert>{formError}</Alert>}
      <Field id="org-name" label={t("auth.orgName")} hint={t("auth.orgNameHint")} error={fieldError("name")}>
        <Input {...form.register("name")} autoComplete="organization" required autoFocus />
      </Field>
      <Button type="submit" className="w-full" loading={pending}>
        {t("orgs.new.submit")}
      </Button>
    </form>
  );
}
