import { z } from "zod";
import { atLeastOneField, inputString, required, say } from "@/lib/validation";
import type { MessageKey } from "@/lib/i18n/translate";
import { MESSAGING_REGIONS } from "./constants";

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
  // Conversation Routing: handovers (pass/take/request) and what happens while another app has the thread.
  "messaging_handovers",
  "standby",
] as const;

const numericId = (label: MessageKey) => inputString(label, 25).regex(/^\d{5,25}$/, { error: say("channels.errors.numericId", { field: { key: label } }) });

const secret = (label: MessageKey) => inputString(label, 1000).min(8, { error: say("validation.looksTooShort", { field: { key: label } }) });
const graphApiVersion = () => inputString("channels.field.graphApiVersion", 10).regex(/^v\d{1,2}\.0$/, { error: say("channels.errors.graphApiVersion") });

export const channelCreateSchema = z.object({
  name: inputString("field.name", 80).min(1, required("field.name")),
  pageId: numericId("channels.field.pageId"),
  pageAccessToken: secret("channels.field.pageAccessToken"),
  appId: numericId("channels.field.appId"),
  appSecret: secret("channels.field.appSecret"),
  skillGroupId: z.uuid({ error: say("channels.errors.skillGroupRequired") }),
  graphApiVersion: graphApiVersion().default("v21.0"),
  /**
   * Meta granted the app the Human Agent permission (App Review): replies may then go out with the HUMAN_AGENT
   * tag up to 7 days after the person's last message. Off, replies stop at 24 hours (platform-facts).
   */
  humanAgentEnabled: z.boolean().default(false),
});
export type ChannelCreateInput = z.input<typeof channelCreateSchema>;

/** Secrets are replace-only: leaving them out (or empty) keeps the stored ones. An update sends at least one field. */
export const channelUpdateSchema = atLeastOneField(z.object({
  name: channelCreateSchema.shape.name.optional(),
  pageAccessToken: z.preprocess((v) => (v === "" ? undefined : v), secret("channels.field.pageAccessToken").optional()),
  appId: numericId("channels.field.appId").optional(),
  appSecret: z.preprocess((v) => (v === "" ? undefined : v), secret("channels.field.appSecret").optional()),
  skillGroupId: channelCreateSchema.shape.skillGroupId.optional(),
  graphApiVersion: graphApiVersion().optional(),
  humanAgentEnabled: z.boolean().optional(),
  /** Where the Page's audience is (Meta's groups for recurring notifications and Marketing Messages); null: not set. */
  messagingRegion: z.enum(MESSAGING_REGIONS, { error: say("channels.errors.messagingRegion") }).nullable().optional(),
  /** The business's country, ISO 3166-1 alpha-2 ("US", "CN"); upper-cased; null: not set. */
  businessCountry: z
    .preprocess((v) => (typeof v === "string" ? (v.trim() === "" ? null : v.trim().toUpperCase()) : v), z.string().regex(/^[A-Z]{2}$/, { error: say("channels.errors.businessCountry") }).nullable())
    .optional(),
  /**
   * The Meta ad account that pays for the Page's Marketing Messages campaigns, as Ads Manager shows it
   * ("act_1234567890") or its digits; stored as digits; null or empty: none.
   */
  adAccountId: z
    .preprocess(
      (v) => (typeof v === "string" ? (v.trim() === "" ? null : v.trim().replace(/^act_/i, "")) : v),
      z.string().regex(/^\d{1,25}$/, { error: say("channels.errors.adAccountId") }).nullable(),
    )
    .optional(),
}));
export type ChannelUpdateInput = z.input<typeof channelUpdateSchema>;

/** `POST /channels/{id}/exchange-token`: a Facebook Login user token, swapped for the Page's non-expiring token. */
export const channelTokenExchangeSchema = z.object({
  shortLivedToken: secret("channels.field.shortLivedToken"),
});
export type ChannelTokenExchangeInput = z.input<typeof channelTokenExchangeSchema>;

/** A channel as the dashboard and the API show it: secrets masked, never sent back. */
export const channelSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  pageId: z.string(),
  appId: z.string(),
  connection: z.enum(["manual", "facebook_login"]).describe("How the Page was connected: by hand with the organisation's own Meta app, or with Facebook Login through the platform's app."),
  skillGroupId: z.uuid().nullable(),
  graphApiVersion: z.string(),
  humanAgentEnabled: z.boolean().describe("Meta granted the app the Human Agent permission: replies may use the HUMAN_AGENT tag up to 7 days."),
  status: z.enum(["active", "disabled"]),
  messagingRegion: z.enum(MESSAGING_REGIONS).nullable().describe("Where the Page's audience is, as Meta groups it for recurring notifications and Marketing Messages; null: not set."),
  businessCountry: z.string().nullable().describe("The Page's business's country (ISO 3166-1 alpha-2); Marketing Messages are not offered to businesses in mainland China (CN)."),
  adAccountId: z.string().nullable().describe("The Meta ad account (digits, without `act_`) that pays for the Page's Marketing Messages; null: none, so Marketing Messages are not offered."),
  reconnectNeeded: z.boolean(),
  reconnectReason: z.string().nullable(),
  reconnectSubcode: z.number().int().nullable().describe("Graph's error_subcode with the 190 that flagged reconnectNeeded (458 app removed, 460 password changed, 463 expired, 467 invalid)."),
  pageName: z.string().nullable(),
  pageUsername: z.string().nullable(),
  subscribedFields: z.array(z.string()),
  /** The last characters of the stored secrets, for owners and admins only; null for everyone else. */
  pageAccessTokenHint: z.string().nullable(),
  appSecretHint: z.string().nullable(),
  callbackUrl: z.string(),
  lastCheckedAt: z.iso.datetime().nullable(),
  lastCheckFailure: z.string().nullable().describe("What the last connection check found wrong; null after one that passed or a new token."),
  tokenCheckedAt: z.iso.datetime().nullable().describe("When the daily token check (Graph debug_token) last looked at the Page token."),
  disconnectedAt: z.iso.datetime().nullable().describe("Set by Disconnect: the app was unsubscribed from the Page and its token removed; history stays."),
  createdAt: z.iso.datetime(),
});
export type Channel = z.infer<typeof channelSchema>;

// The channel's badge (channelBadge) lives in the zod-free constants.ts that browser components import.
export * from "./constants";
