import { z } from "zod";
import { atLeastOneField, inputString } from "@/lib/validation";

/** The webhook fields a channel subscribes its app to (platform-facts: Fields). */
export const SUBSCRIBED_FIELDS = [
  "messages",
  "messaging_postbacks",
  "messaging_referrals",
  "messaging_optins",
  "message_deliveries",
  "message_reads",
  "message_echoes",
  "message_reactions",
] as const;

const numericId = (label: string) =>
  inputString(label, 25).regex(/^\d{5,25}$/, { message: `${label} must be the numeric ID shown in Meta's dashboard.` });

const secret = (label: string) => inputString(label, 1000).min(8, { message: `${label} looks too short.` });
const graphApiVersion = () => inputString("Graph API version", 10).regex(/^v\d{1,2}\.0$/, { message: "Graph API version looks like v21.0." });

export const channelCreateSchema = z.object({
  name: inputString("Name", 80).min(1, { message: "Name is required." }),
  pageId: numericId("Page ID"),
  pageAccessToken: secret("Page access token"),
  appId: numericId("App ID"),
  appSecret: secret("App secret"),
  skillGroupId: z.uuid({ message: "Choose the skill group that answers this channel." }),
  graphApiVersion: graphApiVersion().default("v21.0"),
});
export type ChannelCreateInput = z.input<typeof channelCreateSchema>;

/** Secrets are replace-only: leaving them out (or empty) keeps the stored ones. An update sends at least one field. */
export const channelUpdateSchema = atLeastOneField(z.object({
  name: channelCreateSchema.shape.name.optional(),
  pageAccessToken: z.preprocess((v) => (v === "" ? undefined : v), secret("Page access token").optional()),
  appId: numericId("App ID").optional(),
  appSecret: z.preprocess((v) => (v === "" ? undefined : v), secret("App secret").optional()),
  skillGroupId: channelCreateSchema.shape.skillGroupId.optional(),
  graphApiVersion: graphApiVersion().optional(),
}));
export type ChannelUpdateInput = z.input<typeof channelUpdateSchema>;

/** `POST /channels/{id}/exchange-token`: a Facebook Login user token, swapped for the Page's non-expiring token. */
export const channelTokenExchangeSchema = z.object({
  shortLivedToken: secret("Short-lived token"),
});
export type ChannelTokenExchangeInput = z.input<typeof channelTokenExchangeSchema>;

/** A channel as the dashboard and the API show it: secrets masked, never sent back. */
export const channelSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  pageId: z.string(),
  appId: z.string(),
  skillGroupId: z.uuid().nullable(),
  graphApiVersion: z.string(),
  status: z.enum(["active", "disabled"]),
  reconnectNeeded: z.boolean(),
  reconnectReason: z.string().nullable(),
  pageName: z.string().nullable(),
  pageUsername: z.string().nullable(),
  subscribedFields: z.array(z.string()),
  /** The last characters of the stored secrets, for owners and admins only; null for everyone else. */
  pageAccessTokenHint: z.string().nullable(),
  appSecretHint: z.string().nullable(),
  callbackUrl: z.string(),
  lastCheckedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type Channel = z.infer<typeof channelSchema>;
