"use client";

import { Fragment, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { PlusIcon } from "@/components/ui/icons";
import { useConfirmRow } from "@/components/ui/use-confirm-row";
import { useI18n } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/tenancy/action";

/** What the list hands its form dialog: `row` is null when creating, the row being edited otherwise. */
export type RowDialogProps<Row> = { row: Row | null; open: boolean; onClose: () => void; title: string; submitLabel: string };

/** What the list hands its table, to wire each row's RowActions. */
export type RowHandlers<Row> = { edit: (row: Row) => void; remove: (row: Row) => void };

/**
 * A list of an organisation's things (labels, skill groups, canned replies, connectors, segments): a description
 * and a create button above, an empty state when there are none, the table, a form dialog that creates and edits
 * (the create one stays mounted; the edit one mounts per row, so its form starts from that row), and a delete
 * that asks first and shows the service's refusal in place. The server action revalidates the page, so the
 * list refreshes itself after each change.
 */
export function ListWithDialogs<Row extends { id: string }>({
  rows,
  description,
  canCreate = true,
  createLabel,
  createTitle,
  editTitle,
  empty,
  dialog,
  remove,
  deleteTitle,
  deleteBody,
  dialogs,
  children,
}: {
  rows: readonly Row[];
  description?: ReactNode;
  /** False for roles that may read the list but not change it: no create button. */
  canCreate?: boolean;
  createLabel: string;
  createTitle: string;
  /** Without it the rows have no edit (a skill group is edited on its own page). */
  editTitle?: string;
  empty: { icon: ReactNode; title: string; body: string };
  dialog: (props: RowDialogProps<Row>) => ReactNode;
  remove: (row: Row) => Promise<ActionResult<unknown>>;
  deleteTitle: (row: Row | null) => string;
  deleteBody: string;
  /** The list's other dialogs (a connector's new secret, its rotation), rendered beside the form dialogs. */
  dialogs?: ReactNode;
  children: (handlers: RowHandlers<Row>) => ReactNode;
}) {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Row | null>(null);
  const confirm = useConfirmRow(remove);
  const createButton = canCreate ? (
    <Button onClick={() => setCreating(true)}>
      <PlusIcon className="size-4" />
      {createLabel}
    </Button>
  ) : undefined;
  return (
    <div>
      {description !== undefined ? (
        <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
          <p className="max-w-2xl text-sm text-zinc-500">{description}</p>
          {rows.length > 0 && createButton}
        </div>
      ) : (
        rows.length > 0 && <div className="mb-4 flex justify-end">{createButton}</div>
      )}
      {rows.length === 0 ? (
        <EmptyState icon={empty.icon} title={empty.title} body={empty.body} action={createButton} />
      ) : (
        children({ edit: setEditing, remove: confirm.ask })
      )}
      {dialog({ row: null, open: creating, onClose: () => setCreating(false), title: createTitle, submitLabel: t("common.create") })}
      {editing && editTitle !== undefined && (
        <Fragment key={editing.id}>{dialog({ row: editing, open: true, onClose: () => setEditing(null), title: editTitle, submitLabel: t("common.save") })}</Fragment>
      )}
      {dialogs}
      <ConfirmDialog {...confirm.dialog} title={deleteTitle(confirm.row)} body={deleteBody} confirmLabel={t("common.delete")} />
    </div>
  );
}
