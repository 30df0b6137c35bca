"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { checkInputAction } from "@/app/check-input-action";
import { useActionForm } from "@/components/ui/use-action-form";
import { useI18n } from "@/lib/i18n/client";
import { LOCALES } from "@/lib/i18n/locales";
import { ORG_COLORS } from "@/lib/services/organizations/constants";
import type { OrganizationSettings, UpdateOrganizationInput } from "@/lib/services/organizations/schemas";
import { updateOrganizationAction } from "./actions";

interface Values {
  name: string;
  slug: string;
  /** "" for automatic. */
  color: string;
  timeZone: string;
  defaultLocale: string;
}

const toInput = (values: Values) => ({ ...values, color: values.color || null }) as UpdateOrganizationInput;

/** Name, slug, colour, time zone and default language, saved together. */
export function ProfileForm({ settings, timeZones, canEdit }: { settings: OrganizationSettings; timeZones: string[]; canEdit: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { form, onSubmit, fieldError, formError, pending } = useActionForm<Values, UpdateOrganizationInput, OrganizationSettings>({
    check: (input) => checkInputAction("updateOrganization", input),
    defaultValues: { name: settings.name, slug: settings.slug, color: settings.color ?? "", timeZone: settings.timeZone, defaultLocale: settings.defaultLocale },
    toInput,
    submit: (input) => updateOrganizationAction(settings.slug, input),
    onSuccess: (after) => {
      setSaved(true);
      // A new slug is a new address: go there (the old one would redirect anyway).
      if (after.slug !== settings.slug) router.replace(`/o/${after.slug}/settings/general`);
      else router.refresh();
    },
  });
  const name = form.watch("name");
  const color = form.watch("color");
  const slug = form.watch("slug");
  const zones = timeZones.includes(settings.timeZone) ? timeZones : [settings.timeZone, ...timeZones];
  return (
    <Card title={t("orgSettings.profile.title")} testId="org-profile">
      <form className="space-y-5" noValidate onSubmit={onSubmit} onChange={() => setSaved(false)}>
        <p className="text-sm text-zinc-500">{t("orgSettings.profile.description")}</p>
        {formError && <Alert>{formError}</Alert>}
        {saved && !formError && <Alert tone="success">{t("orgSettings.saved")}</Alert>}
        <fieldset disabled={!canEdit || pending} className="space-y-5">
          <div className="grid gap-5 sm:grid-cols-2">
            <Field id="org-name" label={t("field.orgName")} error={fieldError("name")}>
              <Input {...form.register("name")} maxLength={80} required />
            </Field>
            <Field id="org-slug" label={t("field.orgSlug")} hint={t("orgSettings.slug.hint", { slug: slug || settings.slug })} error={fieldError("slug")}>
              <Input {...form.register("slug")} maxLength={40} required autoCapitalize="none" spellCheck={false} />
            </Field>
          </div>
          <div className="flex items-end gap-3">
            <Avatar label={name || settings.name} color={color || null} className="mb-7 size-9 rounded-md" />
            <div className="max-w-64 flex-1">
              {/* Field labels its single child, so the preview sits beside it rather than inside. */}
              <Field id="org-color" label={t("field.orgColor")} hint={t("orgSettings.color.hint")} error={fieldError("color")}>
                <Select {...form.register("color")}>
                  <option value="">{t("orgSettings.color.auto")}</option>
                  {ORG_COLORS.map((c) => (
                    <option key={c} value={c}>
                      {t(`orgSettings.color.${c}`)}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
          </div>
          <div className="grid gap-5 sm:grid-cols-2">
            <Field id="org-time-zone" label={t("field.timeZone")} hint={t("orgSettings.timeZone.hint")} error={fieldError("timeZone")}>
              <Select {...form.register("timeZone")}>
                {zones.map((zone) => (
                  <option key={zone} value={zone}>
                    {zone}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="org-default-locale" label={t("field.defaultLocale")} hint={t("orgSettings.locale.hint")} error={fieldError("defaultLocale")}>
              <Select {...form.register("defaultLocale")}>
                {LOCALES.map((locale) => (
                  <option key={locale} value={locale}>
                    {t(`orgSettings.locale.${locale}`)}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          {canEdit && (
            <div className="flex justify-end">
              <Button type="submit" loading={pending}>
                {t("orgSettings.save")}
              </Button>
            </div>
          )}
        </fieldset>
      </form>
    </Card>
  );
}
