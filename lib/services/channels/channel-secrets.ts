import { open } from "@/lib/crypto/secrets";
import { ConflictError } from "@/lib/errors";
import { platformApp } from "@/lib/meta/platform-app";

/**
 * The Page access token of a channel, opened. A disconnected channel has none: whoever still tries to act
 * as its Page (a send started before the disconnect) gets a conflict, worded for people.
 */
export function openPageToken(channel: { pageAccessTokenSealed: string | null }): string {
  if (channel.pageAccessTokenSealed === null) throw new ConflictError("channels.errors.disconnected");
  return open(channel.pageAccessTokenSealed);
}

/**
 * The secret of the Meta app a channel's Page is connected with: the organisation's own app (sealed in the
 * row) for manual channels; the platform app's (the environment's, so the operator can rotate it) for Facebook
 * Login channels. Null when a Facebook Login channel exists but the platform app is no longer configured.
 */
export function channelAppSecret(channel: { connection: "manual" | "facebook_login"; appSecretSealed: string | null }): string | null {
  if (channel.connection === "facebook_login") return platformApp()?.appSecret ?? null;
  return channel.appSecretSealed === null ? null : open(channel.appSecretSealed);
}
