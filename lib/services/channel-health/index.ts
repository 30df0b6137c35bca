export { countChannelError } from "./count-channel-error";
export { flagReconnectNeeded } from "./flag-reconnect-needed";
export { CHANNEL_ERROR_RETENTION_DAYS, PRUNE_BATCH_SIZE, pruneChannelErrorsBatch } from "./prune-channel-errors";
export { recordChannelError } from "./record-channel-error";
