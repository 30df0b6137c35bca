import { botAnalyticsQuerySchema, botAnalyticsSchema } from "@/lib/services/bot-analytics/schemas";
import { connectorInputSchema, connectorSchema, connectorTestResultSchema, connectorUpdateSchema, connectorWithSecretSchema } from "@/lib/services/bot-connectors/schemas";
import { messengerProfileInputSchema, messengerProfileSchema } from "@/lib/services/messenger-profile/schemas";
import { named, pageOf, type ApiOperation } from "./define";

const connectorComponent = named("BotConnector", connectorSchema);
const withSecret = named("BotConnectorWithSecret", connectorWithSecretSchema);
const connectorId = { connectorId: "The connector's id." };
const protocol =
  "For each message a person writes, Messenger Desk POSTs a JSON `ConnectorRequest` (id, conversationId, channel, contact, message, language) to the connector's URL with the header " +
  "`X-MessengerDesk-Signature: sha256=<hex HMAC-SHA256 of the raw body with the connector's secret>`. The bot answers 2xx with `{ messages: BotMessage[] (at most 5), handover?: boolean, handoverNote?: string }`. " +
  "A timeout, an error status (a bot should answer 401 to a wrong signature) or another body applies the connector's `fallback`.";

/** External bot connectors and bot analytics (the FAQ bot, issue 15). */
export const botOperations: ApiOperation[] = [
  {
    operationId: "listBotConnectors",
    method: "GET",
    path: "/bot/connectors",
    summary: "List external bot connectors",
    description: `By name. Secrets are never listed. ${protocol}`,
    tags: ["Bot"],
    permission: "bot.manage",
    response: { status: 200, description: "Every connector on one page (`nextCursor` is always null).", body: pageOf(connectorComponent) },
  },
  {
    operationId: "createBotConnector",
    method: "POST",
    path: "/bot/connectors",
    summary: "Create an external bot connector",
    description: `A secret is generated and returned this once; keep it in the bot. The URL must be HTTPS to a public address. ${protocol}`,
    tags: ["Bot"],
    permission: "bot.manage",
    body: named("CreateBotConnector", connectorInputSchema),
    response: { status: 201, description: "The new connector and its secret (shown only now).", body: withSecret },
  },
  {
    operationId: "getBotConnector",
    method: "GET",
    path: "/bot/connectors/{connectorId}",
    summary: "Get an external bot connector",
    description: "With the last failed call's reason (`lastError`, `lastErrorAt`).",
    tags: ["Bot"],
    permission: "bot.manage",
    pathParams: connectorId,
    response: { status: 200, description: "The connector.", body: connectorComponent },
  },
  {
    operationId: "updateBotConnector",
    method: "PATCH",
    path: "/bot/connectors/{connectorId}",
    summary: "Change an external bot connector",
    description: "Changes only the fields sent (name, url, timeoutMs, fallback, enabled); send at least one. The secret changes only by rotating.",
    tags: ["Bot"],
    permission: "bot.manage",
    pathParams: connectorId,
    body: named("UpdateBotConnector", connectorUpdateSchema),
    response: { status: 200, description: "The connector after the change.", body: connectorComponent },
  },
  {
    operationId: "deleteBotConnector",
    method: "DELETE",
    path: "/bot/connectors/{connectorId}",
    summary: "Delete an external bot connector",
    description: "Bot settings that used it switch to the built-in FAQ bot.",
    tags: ["Bot"],
    permission: "bot.manage",
    pathParams: connectorId,
    response: { status: 204, description: "Deleted." },
  },
  {
    operationId: "rotateBotConnectorSecret",
    method: "POST",
    path: "/bot/connectors/{connectorId}/rotate-secret",
    summary: "Rotate a connector's secret",
    description: "A new secret, returned this once; requests are signed with it at once, the old one stops working.",
    tags: ["Bot"],
    permission: "bot.manage",
    pathParams: connectorId,
    response: { status: 200, description: "The connector and its new secret.", body: withSecret },
  },
  {
    operationId: "testBotConnector",
    method: "POST",
    path: "/bot/connectors/{connectorId}/test",
    summary: "Send a test message to a connector",
    description: "POSTs a sample, signed request (its ids start with `test`) and reports the answer. A failed call answers 200 with `ok: false` and the reason, which is also kept as the connector's `lastError`.",
    tags: ["Bot"],
    permission: "bot.manage",
    pathParams: connectorId,
    response: { status: 200, description: "What the bot answered, or why the call failed.", body: named("BotConnectorTestResult", connectorTestResultSchema) },
  },
  {
    operationId: "getMessengerProfile",
    method: "GET",
    path: "/channels/{channelId}/messenger-profile",
    summary: "Get a channel's Messenger profile",
    description: "The Page's Get Started payload, greeting per locale and persistent menu per locale as saved; before the first save, the suggested profile (`saved: false`) with a \"Talk to a human / 转人工\" menu whose payload hands the conversation to the team.",
    tags: ["Bot"],
    permission: "bot.manage",
    pathParams: { channelId: "The channel's id." },
    response: { status: 200, description: "The profile.", body: named("MessengerProfile", messengerProfileSchema) },
  },
  {
    operationId: "saveMessengerProfile",
    method: "PUT",
    path: "/channels/{channelId}/messenger-profile",
    summary: "Save and apply a channel's Messenger profile",
    description:
      "Replaces the profile and applies it to the Page through the Graph API (`/me/messenger_profile`): fields set are sent, emptied ones deleted. Meta's rules are checked first: the `default` locale is required, " +
      "a greeting is at most 160 characters, a menu at most 20 items per locale with titles of at most 30, and a persistent menu needs a Get Started payload. When Meta refuses, the profile is still saved and `lastError` says why.",
    tags: ["Bot"],
    permission: "bot.manage",
    pathParams: { channelId: "The channel's id." },
    body: named("SaveMessengerProfile", messengerProfileInputSchema),
    response: { status: 200, description: "The profile as saved, with `appliedAt` or `lastError`.", body: named("MessengerProfile", messengerProfileSchema) },
  },
  {
    operationId: "getBotAnalytics",
    method: "GET",
    path: "/bot/analytics",
    summary: "The FAQ bot's analytics",
    description:
      "Over a range of UTC days (default the last 30, at most 366): questions answered, suggested and not answered; helpful and unhelpful votes per FAQ entry; handovers by reason; " +
      "the unanswered questions grouped (case, full-width forms and punctuation ignored), each with the dashboard link that starts an FAQ entry from it.",
    tags: ["Bot"],
    permission: "bot.analytics",
    query: botAnalyticsQuerySchema,
    response: { status: 200, description: "The report.", body: named("BotAnalytics", botAnalyticsSchema) },
  },
];
