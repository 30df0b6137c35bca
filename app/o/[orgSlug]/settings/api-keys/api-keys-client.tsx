"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-button";
import { ConfirmDialog, Dialog, DialogFormActions } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { KeyIcon, PlusIcon } from "@/components/ui/icons";
import { Input, Select } from "@/components/ui/input";
import { RoleBadge } from "@/components/ui/role-badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { useConfirmRow } from "@/components/ui/use-confirm-row";
import { checkInputAction } from "@/app/check-input-action";
import { useActionForm } from "@/components/ui/use-action-form";
import { useI18n } from "@/lib/i18n/client";
import type { Role } from "@/lib/permissions";
import type { ApiKey } from "@/lib/services/api-keys";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export function ApiKeysClient({ orgSlug, orgName, keys, roles }: { orgSlug: string; orgName: string; keys: ApiKey[]; roles: Role[] }) {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  const revoke = useConfirmRow((key: ApiKey) => revokeApiKeyAction(orgSlug, key.id));
  const createButton = (
    <Button onClick={() => setCreating(true)}>
      <PlusIcon className="size-4" />
      {t("apiKeys.create")}
    </Button>
  );
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <div className="max-w-2xl space-y-1 text-sm text-zinc-500">
          <p>{t("apiKeys.description", { org: orgName })}</p>
          <p>{t("apiKeys.onBehalfOf", { org: orgName })}</p>
        </div>
        {keys.length > 0 && createButton}
      </div>
      {keys.length === 0 ? (
        <EmptyState icon={<KeyIcon className="size-5" />} title={t("apiKeys.empty.title")} body={t("apiKeys.empty.body")} action={createButton} />
      ) : (
        <Table label={t("settings.nav.apiKeys")}>
          <THead>
            <TH>{t("common.name")}</TH>
            <TH>{t("apiKeys.col.key")}</TH>
            <TH>{t("common.role")}</TH>
            <TH className="hidden md:table-cell">{t("apiKeys.col.createdBy")}</TH>
            <TH className="hidden lg:table-cell">{t("apiKeys.col.lastUsed")}</TH>
            <TH className="hidden lg:table-cell">{t("apiKeys.col.created")}</TH>
            <TH>{t("apiKeys.col.status")}</TH>
            <TH className="w-24">
              <span className="sr-only">{t("common.actions")}</span>
            </TH>
          </THead>
          <TBody>
            {keys.map((k) => (
              <TR key={k.id} data-testid="api-key-row" className={k.revokedAt ? "bg-zinc-50" : undefined}>
                <TD stack="title" className="font-medium text-zinc-900">{k.name}</TD>
                <TD label={t("apiKeys.col.key")}>
                  <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-700">{k.prefix}…</code>
                </TD>
                <TD label={t("common.role")}>
                  <RoleBadge role={k.role} />
                </TD>
                <TD stack="omit" className="hidden text-[13px] md:table-cell" data-testid="api-key-created-by">
                  {k.createdBy ? (
                    <>
                      <span className="text-zinc-900">{k.createdBy.name || k.createdBy.email}</span>
                      {k.createdBy.name && <span className="block text-zinc-500">{k.createdBy.email}</span>}
                    </>
                  ) : (
                    <span className="text-zinc-500">{t("apiKeys.createdBy.gone")}</span>
                  )}
                </TD>
                <TD label={t("apiKeys.col.lastUsed")} className="hidden text-[13px] text-zinc-500 lg:table-cell">{k.lastUsedAt ? <Time iso={k.lastUsedAt} /> : t("common.never")}</TD>
                <TD stack="omit" className="hidden text-[13px] text-zinc-500 lg:table-cell">
                  <Time iso={k.createdAt} withTime={false} />
                </TD>
                <TD label={t("apiKeys.col.status")}>{k.revokedAt ? <Badge tone="danger">{t("apiKeys.status.revoked")}</Badge> : <Badge tone="success">{t("apiKeys.status.active")}</Badge>}</TD>
                <TD stack="end" className="text-right">
                  {!k.revokedAt && (
                    <Button
                      variant="secondary"
                      size="sm"
                      aria-label={t("apiKeys.revoke.label", { name: k.name })}
                      onClick={() => revoke.ask(k)}
                    >
                      {t("apiKeys.revoke")}
                    </Button>
                  )}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <CreateKeyDialog open={creating} onClose={() => setCreating(false)} orgSlug={orgSlug} roles={roles} />
      <ConfirmDialog
        {...revoke.dialog}
        title={t("apiKeys.revoke.title", { name: revoke.row?.name ?? "" })}
        body={t("apiKeys.revoke.body")}
        confirmLabel={t("apiKeys.revoke")}
      />
    </div>
  );
}

function CreateKeyDialog({ open, onClose, orgSlug, roles }: { open: boolean; onClose: () => void; orgSlug: string; roles: Role[] }) {
  const { t } = useI18n();
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const defaultValues = { name: "", role: roles.includes("admin") ? "admin" : (roles[0] ?? "admin") };
  const { form, onSubmit, fieldError, formError, pending } = useActionForm({
    check: (input) => checkInputAction("createApiKey", input),
    defaultValues,
    submit: (values) => createApiKeyAction(orgSlug, values),
    onSuccess: (data) => setCreated(data),
  });
  const close = () => {
    onClose();
    setCreated(null);
    form.reset(defaultValues);
  };
  if (created) {
    return (
      <Dialog open={open} onClose={close} title={t("apiKeys.secret.title")} footer={<Button onClick={close}>{t("common.done")}</Button>}>
        <div className="space-y-4">
          <Alert tone="warning">{t("apiKeys.secret.warning")}</Alert>
          <CopyField id="api-key-secret" value={created.secret} label={`${t("apiKeys.secret.label")} · ${created.name}`} copyName={t("apiKeys.secret.copy")} />
        </div>
      </Dialog>
    );
  }
  return (
    <Dialog open={open} onClose={close} title={t("apiKeys.create.title")}>
      <form className="space-y-4" noValidate onSubmit={onSubmit}>
        {formError && <Alert>{formError}</Alert>}
        <Field id="api-key-name" label={t("common.name")} error={fieldError("name")}>
          <Input {...form.register("name")} placeholder={t("apiKeys.namePlaceholder")} required autoFocus maxLength={60} />
        </Field>
        <Field id="api-key-role" label={t("common.role")} hint={t("apiKeys.roleHint")} error={fieldError("role")}>
          <Select {...form.register("role")}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </Select>
        </Field>
        <DialogFormActions onCancel={close} submitLabel={t("common.create")} pending={pending} />
      </form>
    </Dialog>
  );
}
