"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog, DialogFormActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { checkInputAction } from "@/app/check-input-action";
import { useActionForm } from "@/components/ui/use-action-form";
import { useAction } from "@/components/ui/use-submit";
import { useI18n } from "@/lib/i18n/client";
import { DELETION_GRACE_DAYS } from "@/lib/services/organizations/constants";
import type { OrganizationSettings } from "@/lib/services/organizations/schemas";
import { cancelOrganizationDeletionAction, scheduleOrganizationDeletionAction } from "./actions";

/** Delete (owner only, confirmed by typing the slug) or, during the grace period, restore. */
export function DeletionPanel({ settings, canDelete }: { settings: OrganizationSettings; canDelete: boolean }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const restore = useAction();
  if (settings.deleteAfter) {
    return (
      <Card title={t("orgSettings.pending.title")} testId="org-deletion">
        <div className="space-y-4 text-sm text-zinc-700">
          {/* Formatted in the reader's time zone, as <Time> does (hence suppressHydrationWarning). */}
          <p suppressHydrationWarning>
            {t("orgSettings.pending.body", { name: settings.name, date: new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short" }).format(new Date(settings.deleteAfter)) })}
          </p>
          {restore.error && <Alert>{restore.error}</Alert>}
          {canDelete && (
            <Button onClick={() => restore.run(() => cancelOrganizationDeletionAction(settings.slug), () => router.refresh())} loading={restore.pending}>
              {t("orgSettings.pending.restore")}
            </Button>
          )}
        </div>
      </Card>
    );
  }
  return (
    <Card title={t("orgSettings.danger.title")} testId="org-deletion">
      <div className="space-y-4 text-sm text-zinc-700">
        <p>{t("orgSettings.danger.body", { name: settings.name, days: DELETION_GRACE_DAYS })}</p>
        {canDelete ? (
          <Button variant="danger" onClick={() => setConfirming(true)}>
            {t("orgSettings.delete.open")}
          </Button>
        ) : (
          <p className="text-zinc-500">{t("orgSettings.danger.ownerOnly")}</p>
        )}
      </div>
      {canDelete && <DeleteDialog open={confirming} onClose={() => setConfirming(false)} settings={settings} />}
    </Card>
  );
}

function DeleteDialog({ open, onClose, settings }: { open: boolean; onClose: () => void; settings: OrganizationSettings }) {
  const { t } = useI18n();
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, pending } = useActionForm({
    check: (input) => checkInputAction("scheduleOrganizationDeletion", input),
    defaultValues: { confirmation: "" },
    submit: (input: { confirmation: string }) => scheduleOrganizationDeletionAction(settings.slug, input),
    onSuccess: () => {
      onClose();
      router.refresh();
    },
  });
  const close = () => {
    onClose();
    form.reset({ confirmation: "" });
  };
  return (
    <Dialog open={open} onClose={close} title={t("orgSettings.delete.confirmTitle", { name: settings.name })} description={t("orgSettings.danger.body", { name: settings.name, days: DELETION_GRACE_DAYS })}>
      <form className="space-y-4" noValidate onSubmit={onSubmit}>
        {formError && <Alert>{formError}</Alert>}
        <Field id="org-delete-confirmation" label={t("orgSettings.delete.confirmLabel", { slug: settings.slug })} error={fieldError("confirmation")}>
          <Input {...form.register("confirmation")} autoComplete="off" autoCapitalize="none" spellCheck={false} autoFocus />
        </Field>
        <DialogFormActions onCancel={close} submitLabel={t("orgSettings.delete.submit")} pending={pending} />
      </form>
    </Dialog>
  );
}
