"use client";

import dynamic from "next/dynamic";
import { ListWithDialogs } from "@/components/settings/list-with-dialogs";
import { RowActions, RowActionsHeader } from "@/components/settings/row-actions";
import { TagIcon } from "@/components/ui/icons";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useI18n } from "@/lib/i18n/client";
import type { Label } from "@/lib/services/labels/schemas";
import { LabelChip } from "../../conversations/_components/label-chip";
import { createLabelAction, deleteLabelAction, updateLabelAction } from "./actions";

// The form (react-hook-form) loads after the page, when its always-mounted dialog first renders: out of the first load.
const LabelDialog = dynamic(() => import("./label-form").then((m) => m.LabelDialog), { ssr: false });

/** Settings → Labels: the organisation's labels, to create, rename, recolour and delete (with a confirmation). */
export function LabelsClient({ orgSlug, labels }: { orgSlug: string; labels: Label[] }) {
  const { t } = useI18n();
  return (
    <ListWithDialogs
      rows={labels}
      description={t("labels.description")}
      createLabel={t("labels.create")}
      createTitle={t("labels.create.title")}
      editTitle={t("labels.edit.title")}
      empty={{ icon: <TagIcon className="size-5" />, title: t("labels.empty.title"), body: t("labels.empty.body") }}
      dialog={({ row, ...props }) => (
        <LabelDialog {...props} initial={row ?? undefined} save={(values) => (row ? updateLabelAction(orgSlug, row.id, values) : createLabelAction(orgSlug, values))} />
      )}
      remove={(label) => deleteLabelAction(orgSlug, label.id)}
      deleteTitle={(label) => t("labels.delete.title", { name: label?.name ?? "" })}
      deleteBody={t("labels.delete.body")}
    >
      {({ edit, remove }) => (
        <Table label={t("settings.nav.labels")}>
          <THead>
            <TH>{t("common.name")}</TH>
            <TH className="hidden md:table-cell">{t("common.description")}</TH>
            <TH>{t("labels.col.conversations")}</TH>
            <RowActionsHeader />
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
                  <RowActions editLabel={t("labels.edit")} onEdit={() => edit(l)} deleteName={l.name} onDelete={() => remove(l)} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </ListWithDialogs>
  );
}
