"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { TrashIcon } from "@/components/ui/icons";
import { TH } from "@/components/ui/table";
import { useI18n } from "@/lib/i18n/client";

/** The last column's header of a list with row actions: named for screen readers, blank on screen. */
export function RowActionsHeader({ className = "w-32" }: { className?: string }) {
  const { t } = useI18n();
  return (
    <TH className={className}>
      <span className="sr-only">{t("common.actions")}</span>
    </TH>
  );
}

/**
 * A list row's actions: the row's own buttons (test, rotate, manage…), then "Edit" and the trash button whose
 * accessible name says what it deletes ("Delete Billing") — the delete asks first, through the list's ConfirmDialog.
 */
export function RowActions({
  children,
  editLabel,
  onEdit,
  deleteName,
  onDelete,
  wrap = false,
}: {
  children?: ReactNode;
  editLabel?: string;
  onEdit?: () => void;
  /** How the row is called in the delete button's accessible name. */
  deleteName: string;
  onDelete: () => void;
  /** Lets many buttons wrap on narrow screens. */
  wrap?: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className={wrap ? "flex flex-wrap justify-end gap-1" : "flex justify-end gap-1"}>
      {children}
      {onEdit && (
        <Button variant="secondary" size="sm" onClick={onEdit}>
          {editLabel}
        </Button>
      )}
      <Button variant="ghost" size="sm" aria-label={`${t("common.delete")} ${deleteName}`} title={t("common.delete")} onClick={onDelete}>
        <TrashIcon className="size-4" />
      </Button>
    </div>
  );
}
