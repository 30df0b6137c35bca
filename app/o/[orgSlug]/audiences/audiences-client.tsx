"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { PlusIcon, TrashIcon, UsersIcon } from "@/components/ui/icons";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useConfirmRow } from "@/components/ui/use-confirm-row";
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
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Segment | null>(null);
  const remove = useConfirmRow((segment: Segment) => deleteSegmentAction(orgSlug, segment.id));
  const createButton = canManage ? (
    <Button onClick={() => setCreating(true)}>
      <PlusIcon className="size-4" />
      {t("segments.create")}
    </Button>
  ) : undefined;
  return (
    <div>
      {segments.length > 0 && <div className="mb-4 flex justify-end">{createButton}</div>}
      {segments.length === 0 ? (
        <EmptyState icon={<UsersIcon className="size-5" />} title={t("segments.empty.title")} body={t("segments.empty.body")} action={createButton} />
      ) : (
        <Table label={t("segments.title")}>
          <THead>
            <TH>{t("segments.col.name")}</TH>
            <TH>{t("segments.col.contacts")}</TH>
            <TH className="w-32">
              <span className="sr-only">{t("common.actions")}</span>
            </TH>
          </THead>
          <TBody>
            {segments.map((s) => (
              <TR key={s.id} data-testid="segment-row">
                <TD stack="title">{s.name}</TD>
                <TD label={t("segments.col.contacts")} className="tabular-nums text-zinc-600">
                  {t("segments.contactCount", { count: s.contactCount })}
                </TD>
                <TD stack="end">
                  {canManage && (
                    <div className="flex justify-end gap-1">
                      <Button variant="secondary" size="sm" onClick={() => setEditing(s)}>
                        {t("segments.edit")}
                      </Button>
                      <Button variant="ghost" size="sm" aria-label={`${t("common.delete")} ${s.name}`} title={t("common.delete")} onClick={() => remove.ask(s)}>
                        <TrashIcon className="size-4" />
                      </Button>
                    </div>
                  )}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      {creating && (
        <SegmentDialog orgSlug={orgSlug} options={options} onClose={() => setCreating(false)} title={t("segments.create.title")} save={(input) => createSegmentAction(orgSlug, input)} />
      )}
      {editing && (
        <SegmentDialog
          key={editing.id}
          orgSlug={orgSlug}
          options={options}
          onClose={() => setEditing(null)}
          title={t("segments.edit.title")}
          initial={{ name: editing.name, definition: editing.definition }}
          save={(input) => updateSegmentAction(orgSlug, editing.id, input)}
        />
      )}
      <ConfirmDialog {...remove.dialog} title={t("segments.delete.title", { name: remove.row?.name ?? "" })} body={t("segments.delete.body")} confirmLabel={t("common.delete")} />
    </div>
  );
}
