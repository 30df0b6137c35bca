import { z } from "zod";
import { atLeastOneField, inputString, required, say } from "@/lib/validation";
import { TOPIC_CADENCES, TOPIC_IMAGE_URL_MAX, TOPIC_REGISTRATIONS, TOPIC_REQUEST_MAX_CONTACTS, TOPIC_REQUEST_OUTCOMES, TOPIC_TITLE_MAX } from "./constants";

/**
 * Recurring topics' shapes, shared by the form (react-hook-form resolver), the API (and its OpenAPI document)
 * and the services.
 */
export * from "./constants";

const title = inputString("topics.field.title", TOPIC_TITLE_MAX)
  .min(1, required("topics.field.title"))
  .describe(`Meta's topic title (at most ${TOPIC_TITLE_MAX} characters), what people see in the opt-in request and in the webhook; unique per channel regardless of case.`);
const cadence = z.enum(TOPIC_CADENCES, { error: say("topics.errors.cadence") }).describe("How often subscribers may be messaged (Meta's notification_messages_frequency).");
const imageUrl = inputString("topics.field.imageUrl", TOPIC_IMAGE_URL_MAX)
  .refine((v) => v === "" || /^https:\/\/[^\s/$.?#][^\s]*$/i.test(v), { error: say("topics.errors.imageUrl") })
  .transform((v) => (v === "" ? null : v));

export const topicInputSchema = z.object({
  channelId: z.uuid({ error: say("topics.errors.channelId") }).describe("The channel (Page) the topic belongs to."),
  title,
  cadence,
  imageUrl: imageUrl.nullable().optional().describe("The opt-in request's image (https); empty or null: none."),
});
export type TopicInput = z.input<typeof topicInputSchema>;

export const topicUpdateSchema = atLeastOneField(
  z.object({
    title: title.optional().describe("Frozen once anyone subscribed (409)."),
    cadence: cadence.optional(),
    imageUrl: imageUrl.nullable().optional().describe("Empty or null removes the image."),
  }),
);
export type TopicUpdate = z.input<typeof topicUpdateSchema>;

export const topicSubscriberCountsSchema = z.object({ active: z.number().int(), stopped: z.number().int(), expired: z.number().int() });

export const topicSchema = z.object({
  id: z.string(),
  channelId: z.string(),
  channelName: z.string(),
  title: z.string(),
  cadence: z.enum(TOPIC_CADENCES),
  imageUrl: z.string().nullable(),
  registration: z.enum(TOPIC_REGISTRATIONS).describe("unregistered → pending (the request went to the admin) → registered (an opt-in to the topic arrived)."),
  registrationRequestedAt: z.string().nullable(),
  registeredAt: z.string().nullable(),
  subscribers: topicSubscriberCountsSchema.describe("The topic's permissions to message, by status."),
  /** Whether the channel's region still allows recurring notifications, and why not. */
  available: z.boolean(),
  unavailableReason: z.string().nullable().describe("Why recurring notifications are not offered on the channel (English), when `available` is false."),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Topic = z.infer<typeof topicSchema>;

export const topicListQuerySchema = z.object({ channelId: z.uuid({ error: say("topics.errors.channelId") }).optional().describe("Only this channel's topics.").meta({ examples: ["0194f0c2-7a10-7c3e-9b1d-2f3a4b5c6d7e"] }) });

export const topicRegistrationInputSchema = z.object({
  contactId: z.uuid({ error: say("topics.errors.contactId") }).describe("The Page admin's own Messenger account, a contact of the topic's channel who wrote to the Page within 24 hours."),
});

const contactIds = z
  .array(z.uuid({ error: say("topics.errors.contactId") }))
  .min(1, { error: say("topics.errors.contactIds", { max: TOPIC_REQUEST_MAX_CONTACTS }) })
  .max(TOPIC_REQUEST_MAX_CONTACTS, { error: say("topics.errors.contactIds", { max: TOPIC_REQUEST_MAX_CONTACTS }) });

export const topicRequestInputSchema = z.union(
  [
    z.object({ contactIds }).strict().describe("These contacts of the topic's channel."),
    z.object({ segmentId: z.uuid({ error: say("topics.errors.segmentId") }) }).strict().describe("The segment's contacts on the topic's channel."),
    z.object({ everyone: z.literal(true) }).strict().describe("Everyone of the topic's channel who wrote within 24 hours."),
  ],
  { error: say("topics.errors.audience") },
);
export type TopicRequestInput = z.infer<typeof topicRequestInputSchema>;

export const topicRequestResultSchema = z.object({
  total: z.number().int().describe("People considered: the sum of the counts."),
  counts: z.object(Object.fromEntries(TOPIC_REQUEST_OUTCOMES.map((o) => [o, z.number().int()])) as Record<(typeof TOPIC_REQUEST_OUTCOMES)[number], z.ZodNumber>),
  reconnectNeeded: z.boolean().describe("Meta refused the channel's token (190): the channel must be reconnected; the people not yet asked count as failed."),
});
export type TopicRequestResult = z.infer<typeof topicRequestResultSchema>;

export const topicShareSchema = z.object({
  link: z.string().describe("https://m.me/rn/{page username or id}?topic={title}&cadence={cadence}"),
  qrSvgUrl: z.string().describe("Absolute URL of the QR code as SVG (outside /api/v1; the same key works)."),
  qrPngUrl: z.string().describe("Absolute URL of the QR code as PNG."),
  qrSvgPath: z.string(),
  qrPngPath: z.string(),
});
export type TopicShare = z.infer<typeof topicShareSchema>;
