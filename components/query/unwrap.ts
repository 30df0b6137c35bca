import type { MessageKey, MessageVars } from "@/lib/i18n/translate";
import type { ActionError, ActionResult } from "@/lib/tenancy/action";

/** A server action's refusal thrown to react-query; it keeps the message key, so `serverMessage(query.error)` translates it. */
export class ActionFailure extends Error {
  readonly code: string;
  readonly messageKey?: MessageKey;
  readonly messageVars?: MessageVars;

  constructor(error: ActionError) {
    super(error.message);
    this.name = "ActionFailure";
    this.code = error.code;
    this.messageKey = error.messageKey;
    this.messageVars = error.messageVars;
  }
}

/** Turns a server action's ActionResult into data or a thrown error, as react-query's queryFn expects. */
export async function unwrap<T>(result: Promise<ActionResult<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new ActionFailure(r.error);
  return r.data;
}
