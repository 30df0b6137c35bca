"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { useI18n } from "@/lib/i18n/client";
import { Button } from "./button";
import { focusElement, focusLost } from "./focus";

/** A modal on the native <dialog> element: focus trapping, Escape and the backdrop come from the browser. */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  size = "md",
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
  size?: "sm" | "md";
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  // When a new view replaces what had focus (the new API key after its form), focus goes to the view's heading
  // instead of <body>, from where Tab would leave the dialog's content behind.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (open && ref.current?.open && focusLost(ref.current)) focusElement(headingRef.current);
  });
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={onClose}
      onClick={(e) => {
        if (e.target === ref.current) onClose();
      }}
      className={`m-auto w-[calc(100%-2rem)] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl ${size === "sm" ? "max-w-md" : "max-w-lg"}`}
    >
      {open && (
        <div className="p-6">
          <h2 id={titleId} ref={headingRef} className="text-base font-semibold text-zinc-900 focus:outline-none">
            {title}
          </h2>
          {description && (
            <p id={descriptionId} className="mt-1.5 text-sm leading-6 text-zinc-500">
              {description}
            </p>
          )}
          {children && <div className="mt-5">{children}</div>}
          {footer && <div className="mt-6 flex flex-wrap justify-end gap-2">{footer}</div>}
        </div>
      )}
    </dialog>
  );
}

/** Asks before a destructive step; shows the service's refusal (e.g. "keep one owner") in place. */
export function ConfirmDialog({
  open,
  onClose,
  onConfirm,
  title,
  body,
  confirmLabel,
  dismissLabel,
  pending,
  error,
}: {
  open: boolean;
  onClose: () => void;
  onConfirm: () => void;
  title: ReactNode;
  body?: ReactNode;
  confirmLabel: string;
  /** The way out, when "Cancel" would be ambiguous (cancelling a campaign: "Keep campaign"). */
  dismissLabel?: string;
  pending?: boolean;
  error?: string | null;
}) {
  const { t } = useI18n();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      description={body}
      size="sm"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            {dismissLabel ?? t("common.cancel")}
          </Button>
          <Button variant="danger" onClick={onConfirm} loading={pending}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {error ? (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}

/** The Cancel and submit buttons under a form in a dialog. */
export function DialogFormActions({ onCancel, submitLabel, pending }: { onCancel: () => void; submitLabel: string; pending?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="flex justify-end gap-2 pt-2">
      <Button variant="secondary" onClick={onCancel}>
        {t("common.cancel")}
      </Button>
      <Button type="submit" loading={pending}>
        {submitLabel}
      </Button>
    </div>
  );
}
