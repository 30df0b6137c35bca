"use client";

import dynamic from "next/dynamic";
import { ListWithDialogs } from "@/components/settings/list-with-dialogs";
import { RowActions, RowActionsHeader } from "@/components/settings/row-actions";
import { UsersIcon } from "@/components/ui/icons";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useI18n } from "@/lib/i18n/client";
import type { Segment } from "@/lib/services/segments/schemas";
import { createSegmentAction, deleteSegmentAction, updateSegmentAction } from "./actions";
import type { SegmentOptions } from "./segment-form";

// The segment form (react-hook-form's field arrays) loads when a dialog opens: kept out of the first load, and
// out of the react-hook-form chunk every other form page shares (it grew 1.5 KB gzip with it, past the budget).
const SegmentDialog = dynamic(() => import("./segment-form").then((m) => m.SegmentDialog), { ssr: false });

/** The segments with their live counts, to create, edit (conditions with a live count) and delete. */
export function AudiencesClient({ orgSlug, segments, options, canManage }: { orgSlug: string; segments: Segment[]; options: SegmentOptions; canManage: boolean }) {
  const { t } = useI18n();
  return (
    <ListWithDialogs
      rows={segments}
      canCreate={canManage}
      createLabel={t("segments.create")}
      createTitle={t("segments.create.title")}
      editTitle={t("segments.edit.title")}
      empty={{ icon: <UsersIcon className="size-5" />, title: t("segments.empty.title"), body: t("segments.empty.body") }}
      dialog={({ row, open, onClose, title }) =>
        open && (
          <SegmentDialog
            orgSlug={orgSlug}
            options={options}
            onClose={onClose}
            title={title}
            initial={row ? { name: row.name, definition: row.definition } : undefined}
            save={(input) => (row ? updateSegmentAction(orgSlug, row.id, input) : createSegmentAction(orgSlug, input))}
          />
        )
      }
      remove={(segment) => deleteSegmentAction(orgSlug, segment.id)}
      deleteTitle={(segment) => t("segments.delete.title", { name: segment?.name ?? "" })}
      deleteBody={t("segments.delete.body")}
    >
      {({ edit, remove }) => (
        <Table label={t("segments.title")}>
          <THead>
            <TH>{t("segments.col.name")}</TH>
            <TH>{t("segments.col.contacts")}</TH>
            <RowActionsHeader />
          </THead>
          <TBody>
            {segments.map((s) => (
              <TR key={s.id} data-testid="segment-row">
                <TD stack="title">{s.name}</TD>
                <TD label={t("segments.col.contacts")} className="tabular-nums text-zinc-600">
                  {t("segments.contactCount", { count: s.contactCount })}
                </TD>
                <TD stack="end">{canManage && <RowActions editLabel={t("segments.edit")} onEdit={() => edit(s)} deleteName={s.name} onDelete={() => remove(s)} />}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </ListWithDialogs>
  );
}
