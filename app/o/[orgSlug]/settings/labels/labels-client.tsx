"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { PlusIcon, TagIcon, TrashIcon } from "@/components/ui/icons";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useConfirmRow } from "@/components/ui/use-confirm-row";
import { useI18n } from "@/lib/i18n/client";
import type { Label } from "@/lib/services/labels/schemas";
import { LabelChip } from "../../conversations/_components/label-chip";
import { createLabelAction, deleteLabelAction, updateLabelAction } from "./actions";
import { LabelDialog } from "./label-form";

/** Settings → Labels: the organisation's labels, to create, rename, recolour and delete (with a confirmation). */
export function LabelsClient({ orgSlug, labels }: { orgSlug: string; labels: Label[] }) {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Label | null>(null);
  const remove = useConfirmRow((label: Label) => deleteLabelAction(orgSlug, label.id));
  const createButton = (
    <Button onClick={() => setCreating(true)}>
      <PlusIcon className="size-4" />
      {t("labels.create")}
    </Button>
  );
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <p className="max-w-2xl text-sm text-zinc-500">{t("labels.description")}</p>
        {labels.length > 0 && createButton}
      </div>
      {labels.length === 0 ? (
        <EmptyState icon={<TagIcon className="size-5" />} title={t("labels.empty.title")} body={t("labels.empty.body")} action={createButton} />
      ) : (
        <Table label={t("settings.nav.labels")}>
          <THead>
            <TH>{t("common.name")}</TH>
            <TH className="hidden md:table-cell">{t("common.description")}</TH>
            <TH>{t("labels.col.conversations")}</TH>
            <TH className="w-32">
              <span className="sr-only">{t("common.actions")}</span>
            </TH>
          </THead>
          <TBody>
            {labels.map((l) => (
              <TR key={l.id} data-testid="label-row">
                <TD stack="title">
                  <LabelChip name={l.name} color={l.color} className="text-sm" />
                </TD>
                <TD stack="omit" className="hidden max-w-sm truncate text-zinc-500 md:table-cell">
                  {l.description || t("labels.noDescription")}
                </TD>
                <TD label={t("labels.col.conversations")} className="text-zinc-600">
                  {l.conversationCount === 1 ? t("labels.conversationCountOne") : t("labels.conversationCount", { count: l.conversationCount })}
                </TD>
                <TD stack="end">
                  <div className="flex justify-end gap-1">
                    <Button variant="secondary" size="sm" onClick={() => setEditing(l)}>
                      {t("labels.edit")}
                    </Button>
                    <Button variant="ghost" size="sm" aria-label={`${t("common.delete")} ${l.name}`} title={t("common.delete")} onClick={() => remove.ask(l)}>
                      <TrashIcon className="size-4" />
                    </Button>
                  </div>
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <LabelDialog open={creating} onClose={() => setCreating(false)} title={t("labels.create.title")} submitLabel={t("common.create")} save={(values) => createLabelAction(orgSlug, values)} />
      {editing && (
        <LabelDialog
          key={editing.id}
          open
          onClose={() => setEditing(null)}
          title={t("labels.edit.title")}
          submitLabel={t("common.save")}
          initial={editing}
          save={(values) => updateLabelAction(orgSlug, editing.id, values)}
        />
      )}
      <ConfirmDialog {...remove.dialog} title={t("labels.delete.title", { name: remove.row?.name ?? "" })} body={t("labels.delete.body")} confirmLabel={t("common.delete")} />
    </div>
  );
}
