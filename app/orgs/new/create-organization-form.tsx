"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useSubmit } from "@/components/ui/use-submit";
import { useI18n } from "@/lib/i18n/client";
import { createOrganizationAction } from "./actions";

export function CreateOrganizationForm() {
  const { t } = useI18n();
  const router = useRouter();
  const form = useSubmit(createOrganizationAction, ({ slug }) => {
    router.push(`/o/${slug}`);
    router.refresh();
  });
  return (
    <form className="space-y-4" noValidate onSubmit={form.onSubmit}>
      {form.formError && <Alert>{form.formError}</Alert>}
      <Field id="org-name" label={t("auth.orgName")} hint={t("auth.orgNameHint")} error={form.fieldError("name")}>
        <Input name="name" autoComplete="organization" required autoFocus />
      </Field>
      <Button type="submit" className="w-full" loading={form.pending}>
        {t("orgs.new.submit")}
      </Button>
    </form>
  );
}
