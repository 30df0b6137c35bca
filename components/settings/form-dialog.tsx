"use client";

import type { BaseSyntheticEvent, ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Dialog, DialogFormActions } from "@/components/ui/dialog";
import type { ActionResult } from "@/lib/tenancy/action";

/** What a list's create/edit dialog takes (ListWithDialogs hands it all but `initial` and `save`). */
export type FormDialogProps<Values, Initial = Values> = {
  open: boolean;
  onClose: () => void;
  title: string;
  submitLabel: string;
  /** The row's values when editing; the blank form when creating. */
  initial?: Initial;
  save: (values: Values) => Promise<ActionResult<unknown>>;
};

/**
 * A form in a dialog (useActionForm's): the refusal without a field in a banner on top, the fields, then Cancel
 * and submit. Closing it (Cancel, Escape, the backdrop) resets the form first, so the next opening starts clean.
 */
export function FormDialog({
  open = true,
  onClose,
  reset,
  title,
  onSubmit,
  formError,
  submitLabel,
  pending,
  children,
}: {
  open?: boolean;
  onClose: () => void;
  reset?: () => void;
  title: string;
  onSubmit: (event?: BaseSyntheticEvent) => Promise<void>;
  formError: string | null;
  submitLabel: string;
  pending: boolean;
  children: ReactNode;
}) {
  const close = () => {
    reset?.();
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title={title}>
      <form className="space-y-4" noValidate onSubmit={onSubmit}>
        {formError && <Alert>{formError}</Alert>}
        {children}
        <DialogFormActions onCancel={close} submitLabel={submitLabel} pending={pending} />
      </form>
    </Dialog>
  );
}
