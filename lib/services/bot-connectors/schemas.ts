import { z } from "zod";
import { inputString, required, say } from "@/lib/validation";
import {
  CONNECTOR_FALLBACKS,
  CONNECTOR_MAX_MESSAGES,
  CONNECTOR_NAME_MAX,
  CONNECTOR_TIMEOUT_DEFAULT_MS,
  CONNECTOR_TIMEOUT_MAX_MS,
  CONNECTOR_TIMEOUT_MIN_MS,
  CONNECTOR_URL_MAX,
} from "./constants";
import { checkConnectorUrl } from "./url-policy";

export * from "./constants";

function urlProblem(value: string) {
  const verdict = checkConnectorUrl(value);
  return verdict.ok ? null : verdict.reason;
}

const urlSchema = inputString("field.connectorUrl", CONNECTOR_URL_MAX)
  .min(1, required("field.connectorUrl"))
  .refine((v) => urlProblem(v) !== "invalid", { error: say("botConnectors.errors.urlInvalid"), abort: true })
  .refine((v) => urlProblem(v) !== "https_required", { error: say("botConnectors.errors.httpsRequired"), abort: true })
  .refine((v) => urlProblem(v) !== "private_address", { error: say("botConnectors.errors.privateAddress"), abort: true })
  .meta({ description: "The bot's endpoint: HTTPS to a public address (plain HTTP only for localhost outside production).", examples: ["https://bot.example.com/messenger-desk"] });

const timeoutSchema = z
  .number({ error: say("botConnectors.errors.timeoutRange") })
  .int({ error: say("botConnectors.errors.timeoutRange") })
  .min(CONNECTOR_TIMEOUT_MIN_MS, { error: say("botConnectors.errors.timeoutRange") })
  .max(CONNECTOR_TIMEOUT_MAX_MS, { error: say("botConnectors.errors.timeoutRange") })
  .meta({ description: "How long to wait for the bot's answer before the fallback applies.", examples: [3000] });

const fields = {
  name: inputString("field.name", CONNECTOR_NAME_MAX).min(1, required("field.name")).meta({ examples: ["Chatopera bot"] }),
  url: urlSchema,
  timeoutMs: timeoutSchema,
  fallback: z.enum(CONNECTOR_FALLBACKS).meta({ description: "On a timeout or an error: answer with the built-in FAQ bot, or queue the conversation for the team." }),
  enabled: z.boolean(),
};

export const connectorInputSchema = z.object({
  name: fields.name,
  url: fields.url,
  timeoutMs: fields.timeoutMs.optional().default(CONNECTOR_TIMEOUT_DEFAULT_MS),
  fallback: fields.fallback.optional().default("queue"),
  enabled: fields.enabled.optional().default(true),
});
export type ConnectorInput = z.input<typeof connectorInputSchema>;

/** Changes only the fields sent; at least one. The secret changes only by rotating. */
export const connectorUpdateSchema = z
  .object(fields)
  .partial()
  .refine((v) => Object.values(v).some((f) => f !== undefined), { error: say("validation.atLeastOneField") });
export type ConnectorUpdate = z.input<typeof connectorUpdateSchema>;

export const connectorSchema = z.object({
  id: z.uuid(),
  name: z.string().meta({ examples: ["Chatopera bot"] }),
  url: z.string().meta({ examples: ["https://bot.example.com/messenger-desk"] }),
  timeoutMs: z.number().int().meta({ examples: [3000] }),
  fallback: z.enum(CONNECTOR_FALLBACKS),
  enabled: z.boolean(),
  /** The last failed call's reason (timeout, unreachable, bad_status, bad_body) and when; null when none failed yet. */
  lastError: z.string().nullable().meta({ examples: ["timeout"] }),
  lastErrorAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Connector = z.infer<typeof connectorSchema>;

/** Create and rotate answer with the secret, the only times it leaves the server. */
export const connectorWithSecretSchema = z.object({
  connector: connectorSchema,
  secret: z.string().meta({ description: "Shown once: sign checks use it (X-MessengerDesk-Signature: sha256=<hex HMAC-SHA256 of the raw body>).", examples: ["mdbot_3q2-7wEJm0GZ2x8B…"] }),
});
export type ConnectorWithSecret = z.infer<typeof connectorWithSecretSchema>;

// What an external bot may answer: the contract's BotMessage, with Meta's limits, so a reply that Meta would
// refuse is refused here (as bad_body) and the fallback applies, instead of failing later in the Send API.
const quickReplySchema = z.object({ title: z.string().min(1).max(20), payload: z.string().min(1).max(1000) });
const buttonSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("postback"), title: z.string().min(1).max(20), payload: z.string().min(1).max(1000) }),
  z.object({ type: z.literal("web_url"), title: z.string().min(1).max(20), url: z.url({ protocol: /^https?$/ }) }),
]);
export const botMessageSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), text: z.string().min(1).max(2000), quickReplies: z.array(quickReplySchema).max(13).optional() }),
  z.object({ kind: z.literal("image"), imageUrl: z.url({ protocol: /^https$/ }) }),
  z.object({ kind: z.literal("buttons"), text: z.string().min(1).max(640), buttons: z.array(buttonSchema).min(1).max(3) }),
]);
export const connectorResponseSchema = z.object({
  messages: z.array(botMessageSchema).max(CONNECTOR_MAX_MESSAGES),
  handover: z.boolean().optional(),
  handoverNote: z.string().max(500).nullish(),
});

/** A test call's outcome, as the dashboard and the API show it. */
export const connectorTestResultSchema = z.object({
  ok: z.boolean(),
  error: z.enum(["timeout", "unreachable", "bad_status", "bad_body", "disabled"]).nullable(),
  messages: z.array(botMessageSchema),
  handover: z.boolean(),
  handoverNote: z.string().nullable(),
  durationMs: z.number().int(),
});
export type ConnectorTestResult = z.infer<typeof connectorTestResultSchema>;
