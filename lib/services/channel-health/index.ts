/**
 * Channel health: channel errors and "reconnect needed". Written by webhook ingest, the channel check, campaign
 * sending and the profile refresh; a domain of its own so none of them imports another.
 * The domain's import path for everything outside it (the browser imports ./schemas only, if at all).
 */
export { countChannelError } from "./count-channel-error";
export { RECONNECT_REASONS, reconnectReasonOf, type ReconnectReason } from "./constants";
export { flagReconnectNeeded, refusalOf, type TokenRefusal } from "./flag-reconnect-needed";
export { CHANNEL_ERROR_RETENTION_DAYS, PRUNE_BATCH_SIZE, pruneChannelErrorsBatch } from "./prune-channel-errors";
export { recordChannelError } from "./record-channel-error";
