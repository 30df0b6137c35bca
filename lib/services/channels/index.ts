/**
 * Channels: the verbs (one a file) and the pageId routing cache webhook ingest reads.
 * The domain's import path for everything outside it (the browser imports ./schemas only, if at all).
 */
export * from "./schemas";
export { isPageId, getChannelRoutings, getChannelRouting, type ChannelRouting } from "./channel-routing";
export { channelAppSecret, openPageToken } from "./channel-secrets";
export { type ConnectionCheck, checkChannelConnection } from "./check-channel-connection";
export { TOKEN_CHECK_BATCH_SIZE, type TokenCheckBatch, checkChannelTokensBatch } from "./check-channel-tokens";
export { createChannel } from "./create-channel";
export { deleteChannel } from "./delete-channel";
export { type DisconnectResult, disconnectChannel } from "./disconnect-channel";
export { exchangeChannelToken } from "./exchange-channel-token";
export { type ChannelHealth, getChannelHealth } from "./get-channel-health";
export { getChannel } from "./get-channel";
export { listChannels } from "./list-channels";
export { type ChannelInsert, insertChannel } from "./insert-channel";
export { forgetChannelRouting } from "./channel-routing";
export { type ChannelRow, assertSkillGroupInOrg, getChannelInOrg, toChannel } from "./queries";
export { regenerateVerifyToken } from "./regenerate-verify-token";
export { revealVerifyToken } from "./reveal-verify-token";
export { setChannelEnabled } from "./set-channel-enabled";
export { updateChannel } from "./update-channel";
