import { z } from "zod";
import { pageQuerySchema } from "@/lib/pagination";
import type { ChannelHealth, ConnectionCheck, DisconnectResult } from "@/lib/services/channels";
import { channelCreateSchema, channelSchema, channelTokenExchangeSchema, channelUpdateSchema } from "@/lib/services/channels/schemas";
import { named, pageOf, type ApiOperation } from "./define";

const channelComponent = named("Channel", channelSchema);
const channelId = { channelId: "The channel's id." };

/** What a connection check answers; the service returns it as a plain object, so its shape is pinned here. */
export const connectionCheckSchema = z.object({
  ok: z.boolean(),
  failedStep: z.enum(["token", "page", "subscribe"]).optional().describe("Which step failed: the token, the Page ID, or the webhook subscription."),
  message: z.string().optional().describe("Why, for people; Graph's own reason when Graph refused."),
  graphCode: z.number().int().optional().describe("Graph's error code when Graph refused; 190 marks the channel `reconnectNeeded`."),
  channel: channelSchema,
});

export const channelHealthSchema = z.object({
  lastEventAt: z.iso.datetime().nullable(),
  eventsLastHour: z.number().int(),
  hourly: z.array(z.object({ hour: z.iso.datetime(), events: z.number().int() })).describe("Events per hour for the last 24 hours, oldest first."),
  recentErrors: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      reason: z.string(),
      graphCode: z.number().int().nullable(),
      count: z.number().int().describe("How many times it happened: unsigned webhook POSTs and dropped events are counted per minute, not listed one by one."),
      at: z.iso.datetime().describe("When it last happened."),
    }),
  ),
  errorsLastHour: z.number().int().describe("Problems in the last hour, counted ones included."),
});

export const channelDisconnectSchema = z.object({
  channel: channelSchema,
  unsubscribed: z.boolean().describe("Meta confirmed the app no longer receives the Page's webhooks."),
  unsubscribeFailure: z.string().nullable().describe("Why Meta could not be told (a token it no longer accepts, Graph unreachable); null when it was."),
});

// Fail to compile when a service's answer and its published schema part ways.
const checkMatches: ConnectionCheck extends z.infer<typeof connectionCheckSchema> ? true : never = true;
const healthMatches: ChannelHealth extends z.infer<typeof channelHealthSchema> ? true : never = true;
const disconnectMatches: DisconnectResult extends z.infer<typeof channelDisconnectSchema> ? true : never = true;
void checkMatches;
void disconnectMatches;
void healthMatches;

export const channelOperations: ApiOperation[] = [
  {
    operationId: "listChannels",
    method: "GET",
    path: "/channels",
    summary: "List channels",
    description: "Connected Facebook Pages of the key's organisation in creation order. Secrets are never returned; their last characters " +
      "(`pageAccessTokenHint`, `appSecretHint`) only to owner and admin keys, null for every other role.",
    tags: ["Channels"],
    permission: "channels.read",
    query: pageQuerySchema,
    response: { status: 200, description: "One page of channels.", body: pageOf(channelComponent) },
  },
  {
    operationId: "createChannel",
    method: "POST",
    path: "/channels",
    summary: "Connect a Facebook Page",
    description:
      "Proves the Page first: Graph `/me` with the Page access token must answer this Page ID. Then stores the token and " +
      "app secret encrypted and generates the webhook verify token (get it with `POST /channels/{channelId}/verify-token`). " +
      "Run the connection check afterwards. A token that does not prove the Page, and a Page that cannot be connected here " +
      "for any other reason, answer the same 422, which never says whether another organisation has the Page.",
    tags: ["Channels"],
    permission: "channels.manage",
    body: named("CreateChannel", channelCreateSchema),
    response: { status: 201, description: "The new channel (secrets masked).", body: channelComponent },
  },
  {
    operationId: "getChannel",
    method: "GET",
    path: "/channels/{channelId}",
    summary: "Get a channel",
    tags: ["Channels"],
    permission: "channels.read",
    pathParams: channelId,
    response: { status: 200, description: "The channel (secrets masked).", body: channelComponent },
  },
  {
    operationId: "updateChannel",
    method: "PATCH",
    path: "/channels/{channelId}",
    summary: "Change a channel",
    description:
      "Changes only the fields sent. Secrets are replace-only: leave `pageAccessToken` or `appSecret` out (or empty) to keep " +
      "the stored ones. A new Page access token must prove the channel's Page (as on creation) and clears `reconnectNeeded`. " +
      "`messagingRegion` and `businessCountry` (null clears them) decide whether recurring notifications and Marketing Messages are offered; " +
      "Marketing Messages also need `adAccountId`, the ad account that pays for them (`act_1234567890` or its digits; stored as digits).",
    tags: ["Channels"],
    permission: "channels.manage",
    pathParams: channelId,
    body: named("UpdateChannel", channelUpdateSchema),
    response: { status: 200, description: "The channel after the change.", body: channelComponent },
  },
  {
    operationId: "deleteChannel",
    method: "DELETE",
    path: "/channels/{channelId}",
    summary: "Delete a channel",
    description:
      "Stops processing its webhooks and removes the channel from the lists. Contacts, conversations and messages stay; the Page " +
      "may be connected again. A disconnected channel can be deleted too.",
    tags: ["Channels"],
    permission: "channels.manage",
    pathParams: channelId,
    response: { status: 204, description: "Deleted." },
  },
  {
    operationId: "disconnectChannel",
    method: "POST",
    path: "/channels/{channelId}/disconnect",
    summary: "Disconnect a channel from its Page",
    description:
      "Unsubscribes the app from the Page's webhooks (`DELETE /{page-id}/subscribed_apps` with the Page token), removes the " +
      "Page token and switches the channel off (`disconnectedAt` set, `status` disabled). Contacts, conversations and messages " +
      "stay. A token Meta no longer accepts, or Graph out of reach, does not block the disconnect: the answer says " +
      "`unsubscribed: false` with the reason, and the Page may keep delivering until the app is removed in Meta's settings. " +
      "Disconnecting a disconnected channel changes nothing. Sends and campaigns on it are refused until it is connected again.",
    tags: ["Channels"],
    permission: "channels.manage",
    pathParams: channelId,
    response: { status: 200, description: "The channel, now disconnected, and whether Meta confirmed the unsubscribe.", body: named("ChannelDisconnect", channelDisconnectSchema) },
  },
  {
    operationId: "checkChannelConnection",
    method: "POST",
    path: "/channels/{channelId}/check",
    summary: "Check a channel's connection",
    description:
      "Calls Meta's Graph API: the token must open the Page with the channel's Page ID, and the app is (re)subscribed to every " +
      "webhook field Messenger Desk processes. A failed check still answers 200, with `ok: false` and the failed step; " +
      "a token Graph refuses with code 190 marks the channel `reconnectNeeded` until a check passes or the token is replaced.",
    tags: ["Channels"],
    permission: "channels.manage",
    pathParams: channelId,
    response: { status: 200, description: "The outcome of the check and the channel after it.", body: named("ConnectionCheck", connectionCheckSchema) },
  },
  {
    operationId: "regenerateChannelVerifyToken",
    method: "POST",
    path: "/channels/{channelId}/verify-token",
    summary: "Issue a new webhook verify token",
    description:
      "The old token stops working at once: enter the new one in the Meta app's webhook settings. " +
      "This answer is the only place the API returns a verify token.",
    tags: ["Channels"],
    permission: "channels.manage",
    pathParams: channelId,
    response: {
      status: 200,
      description: "The new verify token.",
      body: named("ChannelVerifyToken", z.object({ verifyToken: z.string().describe("Give this to Meta's webhook setup; keep it secret.") })),
    },
  },
  {
    operationId: "enableChannel",
    method: "POST",
    path: "/channels/{channelId}/enable",
    summary: "Enable a channel",
    description: "Webhook events of the Page are stored and processed again. A disconnected channel answers 409: connect it again first.",
    tags: ["Channels"],
    permission: "channels.manage",
    pathParams: channelId,
    response: { status: 200, description: "The channel, now active.", body: channelComponent },
  },
  {
    operationId: "disableChannel",
    method: "POST",
    path: "/channels/{channelId}/disable",
    summary: "Disable a channel",
    description: "Meta's webhook deliveries are still answered (so Meta keeps the subscription) but nothing is stored.",
    tags: ["Channels"],
    permission: "channels.manage",
    pathParams: channelId,
    response: { status: 200, description: "The channel, now disabled.", body: channelComponent },
  },
  {
    operationId: "exchangeChannelToken",
    method: "POST",
    path: "/channels/{channelId}/exchange-token",
    summary: "Connect with a short-lived user token",
    description:
      "Exchanges a short-lived Facebook Login user token for a long-lived one with the channel's app, and keeps the " +
      "non-expiring Page access token it grants for the channel's Page. A token Meta refuses, or one that does not manage " +
      "the Page, answers 422.",
    tags: ["Channels"],
    permission: "channels.manage",
    pathParams: channelId,
    body: named("ExchangeChannelToken", channelTokenExchangeSchema),
    response: { status: 200, description: "The channel with its new token (masked).", body: channelComponent },
  },
  {
    operationId: "getChannelHealth",
    method: "GET",
    path: "/channels/{channelId}/health",
    summary: "Get a channel's webhook health",
    description: "Webhook events received (last hour, hourly for 24 hours) and the latest recorded errors (signatures, Graph refusals).",
    tags: ["Channels"],
    permission: "channels.read",
    pathParams: channelId,
    response: { status: 200, description: "The channel's health figures.", body: named("ChannelHealth", channelHealthSchema) },
  },
];
