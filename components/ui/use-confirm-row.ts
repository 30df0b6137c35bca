"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/tenancy/action";
import { useAction } from "./use-submit";

/**
 * A destructive step on one row of a list (revoke a key, remove a member, delete a group): `ask(row)` opens
 * the ConfirmDialog, `dialog` is spread on it, and confirming runs the action, closing on success and
 * keeping the refusal in the dialog otherwise.
 */
export function useConfirmRow<Row>(run: (row: Row) => Promise<ActionResult<unknown>>) {
  const [row, setRow] = useState<Row | null>(null);
  const action = useAction();
  const ask = (next: Row) => {
    action.setError(null);
    setRow(next);
  };
  const dialog = {
    open: row !== null,
    onClose: () => setRow(null),
    pending: action.pending,
    error: action.error,
    onConfirm: () => {
      if (row !== null) action.run(() => run(row), () => setRow(null));
    },
  };
  return { row, ask, dialog };
}
