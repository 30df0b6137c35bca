/**
 * Meta's webhook. ingest/: webhook ingest (verify the signature, store events, hand off); processing/: webhook
 * processing (stored events into contacts, conversations and messages).
 * The domain's import path for everything outside it (the browser imports ./schemas only, if at all).
 */
export { type VerificationAnswer, answerPlatformVerification, answerVerification } from "./ingest/answer-verification";
export { dispatchStoredEvents } from "./ingest/dispatch-stored-events";
export { type StoredEvent, type IngestResult, ingestPlatformWebhook, ingestWebhook } from "./ingest/ingest-webhook";
export { signatureMatches } from "./ingest/signature";
export { sweepUnprocessedWebhookEvents } from "./ingest/sweep-unprocessed-webhook-events";
export { type ProcessedSignal, type ProcessResult, processStoredWebhookEvents } from "./processing/process-stored-webhook-events";
export { refreshContactProfiles } from "./processing/refresh-contact-profiles";
