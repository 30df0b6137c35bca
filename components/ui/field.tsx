import { cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";

/**
 * A labelled form control with an optional hint and error. The single child control gets the id,
 * aria-invalid and aria-describedby wired up: the error first, then the hint, which stays on screen (it often
 * says how to fix the error). The error is not an alert of its own: after a failed submit focus moves to the
 * first invalid field, which reads out its label and this error once (several alerts at once talk over each other).
 */
export function Field({
  id,
  label,
  hint,
  error,
  optionalLabel,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | string[] | null;
  optionalLabel?: string;
  children: ReactElement<Record<string, unknown>>;
}) {
  const message = Array.isArray(error) ? error[0] : error;
  const describedBy = [message ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  const control = isValidElement(children)
    ? cloneElement(children, { id, "aria-invalid": message ? true : undefined, "aria-describedby": describedBy })
    : children;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="flex items-baseline justify-between text-sm font-medium text-zinc-800">
        <span>{label}</span>
        {optionalLabel && <span className="text-xs font-normal text-zinc-500">{optionalLabel}</span>}
      </label>
      {control}
      {message && (
        <p id={`${id}-error`} className="text-[13px] text-red-600">
          {message}
        </p>
      )}
      {hint && (
        <p id={`${id}-hint`} className="text-[13px] text-zinc-500">
          {hint}
        </p>
      )}
    </div>
  );
}
