export { type VerificationAnswer, answerVerification } from "./ingest/answer-verification";
export { dispatchStoredEvents } from "./ingest/dispatch-stored-events";
export { type StoredEvent, type IngestResult, ingestWebhook } from "./ingest/ingest-webhook";
export { signatureMatches } from "./ingest/signature";
export { sweepUnprocessedWebhookEvents } from "./ingest/sweep-unprocessed-webhook-events";
export { type ProcessedSignal, type ProcessResult, processStoredWebhookEvents } from "./processing/process-stored-webhook-events";
export { refreshContactProfiles } from "./processing/refresh-contact-profiles";
