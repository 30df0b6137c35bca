/**
 * The development mail outbox.
 * The domain's import path for everything outside it (the browser imports ./schemas only, if at all).
 */
export { listOutboxSchema, type OutboxEmail, listOutbox } from "./list-outbox";
