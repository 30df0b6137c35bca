"use client";

import { toNestErrors } from "@hookform/resolvers";
import { useTransition } from "react";
import { get, useForm, type DefaultValues, type FieldErrors, type FieldValues, type Path, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { useI18n } from "@/lib/i18n/client";
import type { Locale } from "@/lib/i18n/locales";
import { translateMessage } from "@/lib/i18n/translate";
import type { ActionError, ActionResult } from "@/lib/tenancy/action";
import { localizableIssue } from "@/lib/validation";

/**
 * A form on react-hook-form, validated as the user types (each field once it has been left) by the same zod
 * schema the service parses with, then submitted to a server action. The server has the last word: its field
 * errors land on the fields (setError), anything else shows in the form's banner (`formError`).
 *
 * `toInput` turns what the fields hold into what the action takes (the campaign form builds its message
 * from several fields); the action receives that input as typed, not the schema's parsed output, exactly as
 * it did when it read the form data, so the server's own defaults and coercions stay the ones that count.
 */
export function useActionForm<Values extends FieldValues, Input = Values, Data = unknown>({
  schema,
  defaultValues,
  toInput,
  submit,
  onSuccess,
}: {
  schema: z.ZodType;
  defaultValues: DefaultValues<Values>;
  toInput?: (values: Values) => Input;
  submit: (input: Input) => Promise<ActionResult<Data>>;
  onSuccess?: (data: Data, input: Input) => void | Promise<void>;
}) {
  const { locale } = useI18n();
  const [transitionPending, startTransition] = useTransition();
  const form = useForm<Values, unknown, Input>({ mode: "onTouched", defaultValues, resolver: schemaResolver<Values, Input>(schema, locale, toInput) });
  const showError = (error: ActionError) => {
    const fields = Object.entries(error.fieldErrors ?? {}).filter(([name, messages]) => name !== "_" && messages.length > 0);
    // Focus goes to the first field in error (one field read out, not each in turn as they are set).
    fields.forEach(([name, messages], index) =>
      form.setError(name as Path<Values>, { type: "server", message: translateMessage(messages[0], locale) }, { shouldFocus: index === 0 }),
    );
    // A message that no field shows (a conflict, a refusal) goes in the banner.
    if (fields.length === 0) form.setError("root.server", { type: error.code, message: translateMessage(error, locale) });
  };
  // The action and what follows it (usually a navigation) run in one transition, as a form action would, so
  // the button stays busy until the next page shows.
  const onSubmit = form.handleSubmit(
    (input) =>
      new Promise<void>((settled) =>
        startTransition(async () => {
          try {
            const result = await submit(input);
            if (!result.ok) showError(result.error);
            else await onSuccess?.(result.data, input);
          } finally {
            settled();
          }
        }),
      ),
  );
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
 * The schema as a react-hook-form resolver, each issue in the user's language by its catalog key (the same
 * key the server would answer with). Like zodResolver's `raw` mode, a valid form submits what the fields hold
 * (through `toInput`), not the schema's parsed output: the server's defaults and coercions are the ones that count.
 */
function schemaResolver<Values extends FieldValues, Input>(schema: z.ZodType, locale: Locale, toInput?: (values: Values) => Input): Resolver<Values, unknown, Input> {
  return async (values, _context, options) => {
    const input = toInput ? toInput(values) : (values as unknown as Input);
    const result = await schema.safeParseAsync(input);
    if (result.success) return { values: input, errors: {} };
    const flat: FieldErrors = {};
    for (const issue of result.error.issues) {
      const path = issue.path.join(".");
      // The first issue of a field is the one it shows, as on the server.
      if (!flat[path]) flat[path] = { type: issue.code, message: translateMessage(localizableIssue(issue), locale) };
    }
    return { values: {}, errors: toNestErrors(flat, options) };
  };
}
