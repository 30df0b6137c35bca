"use client";

import { useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { focusFirstInvalid } from "./focus";
import { useI18n } from "@/lib/i18n/client";
import type { ActionError, ActionResult } from "@/lib/tenancy/action";

/**
 * Submits a form through a server action (which returns an ActionResult) inside a transition, keeping
 * what the user typed when the server refuses. Field errors and the banner are translated here, by key.
 */
export function useSubmit<T>(
  submit: (values: Record<string, string>) => Promise<ActionResult<T> | { ok: false; error: ActionError }>,
  // setError is handed over so a follow-up step (signing in after sign-up) can report its own failure.
  onSuccess?: (data: T, form: HTMLFormElement, setError: (error: ActionError | null) => void) => void | Promise<void>,
) {
  const { serverMessage } = useI18n();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  const formRef = useRef<HTMLFormElement | null>(null);
  // After a refusal that names fields, focus goes to the first of them (its label and error are read out);
  // a refusal no field shows stays in the banner, with focus still on the submit button.
  useEffect(() => {
    if (error?.fieldErrors && formRef.current) focusFirstInvalid(formRef.current);
  }, [error]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    formRef.current = form;
    const values = Object.fromEntries(Array.from(new FormData(form).entries()).map(([k, v]) => [k, String(v)]));
    startTransition(async () => {
      const result = await submit(values);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      await onSuccess?.(result.data, form, setError);
    });
  };
  const fieldMessage = error?.fieldErrors;
  const fieldError = (name: string) => {
    const first = fieldMessage?.[name]?.[0];
    return first ? serverMessage(first) : null;
  };
  // A message that no field shows (a conflict, a refusal) goes in a banner.
  const formError = error && !(error.fieldErrors && Object.keys(error.fieldErrors).some((k) => k !== "_")) ? serverMessage(error) : null;
  return { onSubmit, pending, error, setError, fieldError, formError, reset: () => setError(null) };
}

/** Runs a server action from a button (revoke, remove…) and keeps its refusal to show, translated. */
export function useAction() {
  const { serverMessage } = useI18n();
  const [pending, startTransition] = useTransition();
  const [refusal, setError] = useState<ActionError | string | null>(null);
  const run = <T,>(action: () => Promise<ActionResult<T>>, onSuccess?: (data: T) => void) => {
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        setError(null);
        onSuccess?.(result.data);
      } else setError(result.error);
    });
  };
  return { run, pending, error: refusal === null ? null : serverMessage(refusal), setError };
}
