"use client";

import { useTransition, type BaseSyntheticEvent } from "react";
import { toNestErrors } from "@hookform/resolvers";
import { get, useForm, type DefaultValues, type FieldErrors, type FieldValues, type Path, type Resolver } from "react-hook-form";
import { useI18n } from "@/lib/i18n/client";
import type { LocalizableMessage } from "@/lib/i18n/translate";
import type { ActionError, ActionResult } from "@/lib/tenancy/action";

/**
 * A form on react-hook-form, submitted to a server action. The zod schema the service parses with is the one
 * source of truth and stays on the server (no schema ships to the browser): `check`, a server action that only
 * parses (app/check-input-action.ts), validates each field once it has been left and as it changes after that;
 * the submit's action validates again. Field errors land on the fields in the reader's language (by their
 * catalog key); anything else shows in the form's banner (`formError`).
 *
 * `toInput` turns what the fields hold into what the action takes (the campaign form builds its message
 * from several fields); the action receives that input as typed, so the server's own defaults and coercions
 * are the ones that count.
 */
export function useActionForm<Values extends FieldValues, Input = Values, Data = unknown>({
  check,
  defaultValues,
  toInput,
  submit,
  onSuccess,
}: {
  check?: (input: Input) => Promise<ActionResult<unknown>>;
  defaultValues: DefaultValues<Values>;
  toInput?: (values: Values) => Input;
  submit: (input: Input) => Promise<ActionResult<Data>>;
  onSuccess?: (data: Data, input: Input) => void | Promise<void>;
}) {
  const { serverMessage } = useI18n();
  const [transitionPending, startTransition] = useTransition();
  const form = useForm<Values, unknown, Values>({ mode: "onTouched", defaultValues, resolver: check && checkResolver<Values, Input>(check, serverMessage, toInput) });
  const showError = (error: ActionError) => {
    const fields = Object.entries(error.fieldErrors ?? {}).filter(([name, messages]) => name !== "_" && messages.length > 0);
    // Focus goes to the first field in error (one field read out, not each in turn as they are set).
    fields.forEach(([name, messages], index) =>
      form.setError(name as Path<Values>, { type: "server", message: serverMessage(messages[0]) }, { shouldFocus: index === 0 }),
    );
    // A message that no field shows (a conflict, a refusal) goes in the banner.
    if (fields.length === 0) form.setError("root.server", { type: error.code, message: serverMessage(error) });
  };
  // The action and what follows it (usually a navigation) run in one transition, as a form action would, so
  // the button stays busy until the next page shows.
  // The server's errors from the last submit go (a path no field registers, such as `content.button`, would
  // otherwise block the next submit), then the action runs.
  const submitForm = form.handleSubmit(
    (values) =>
      new Promise<void>((settled) =>
        startTransition(async () => {
          try {
            const input = toInput ? toInput(values) : (values as unknown as Input);
            const result = await submit(input);
            if (!result.ok) showError(result.error);
            else await onSuccess?.(result.data, input);
          } finally {
            settled();
          }
        }),
      ),
  );
  const onSubmit = (event?: BaseSyntheticEvent) => {
    form.clearErrors();
    return submitForm(event);
  };
  const errors = form.formState.errors;
  /** The first error among these field paths (a server error may name the object, e.g. `content.button`). */
  const fieldError = (...paths: string[]): string | null => {
    for (const path of paths) {
      const message = (get(errors, path) as { message?: unknown } | undefined)?.message;
      if (typeof message === "string" && message) return message;
    }
    return null;
  };
  const formError = errors.root?.server?.message ?? null;
  return { form, onSubmit, fieldError, formError, showError, pending: form.formState.isSubmitting || transitionPending };
}

/**
 * The server's check as a react-hook-form resolver: its field errors, keyed by path, as the form's errors. An
 * error without a field (the check could not run) lets the submit go on: its action answers for itself.
 */
function checkResolver<Values extends FieldValues, Input>(
  check: (input: Input) => Promise<ActionResult<unknown>>,
  serverMessage: (message: LocalizableMessage) => string,
  toInput?: (values: Values) => Input,
): Resolver<Values, unknown, Values> {
  return async (values, _context, options) => {
    const result = await check(toInput ? toInput(values) : (values as unknown as Input)).catch(() => null);
    const fields = result && !result.ok ? Object.entries(result.error.fieldErrors ?? {}).filter(([name, messages]) => name !== "_" && messages.length > 0) : [];
    if (fields.length === 0) return { values, errors: {} };
    const flat: FieldErrors = {};
    // The first issue of a field is the one it shows, as on submit.
    for (const [path, messages] of fields) flat[path] = { type: "server", message: serverMessage(messages[0]) };
    return { values: {}, errors: toNestErrors(flat, options) };
  };
}
