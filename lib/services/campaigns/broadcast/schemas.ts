import { z } from "zod";
import { pageQuerySchema } from "@/lib/pagination";
import { say } from "@/lib/validation";
import { DELIVERY_STATUSES } from "../constants";

/** The audience count of a recurring or marketing campaign before it exists (the campaign form). */
export const audiencePreviewQuerySchema = z
  .object({
    kind: z.enum(["recurring", "marketing"], { error: say("broadcast.errors.kind") }).describe("recurring: a topic's subscribers; marketing: the Page's subscribers.").meta({ examples: ["marketing"] }),
    channelId: z.uuid({ error: say("campaigns.errors.channelRequired") }).describe("The channel (Page) that would send it.").meta({ examples: ["0194f0c2-7a10-7c3e-9b1d-2f3a4b5c6d7e"] }),
    topicId: z.uuid({ error: say("broadcast.errors.topicRequired") }).optional().describe("Recurring: the topic (required).").meta({ examples: ["0194f0c2-7a10-7c3e-9b1d-2f3a4b5c6d7f"] }),
    segmentId: z.uuid({ error: say("segments.errors.segmentId") }).optional().describe("Only subscribers in this segment.").meta({ examples: ["0194f0c2-7a10-7c3e-9b1d-2f3a4b5c6d80"] }),
  })
  .refine((v) => v.kind !== "recurring" || v.topicId !== undefined, { error: say("broadcast.errors.topicRequired"), path: ["topicId"] });
export type AudiencePreviewQuery = z.input<typeof audiencePreviewQuerySchema>;

const reasonKey = z.string().describe("An i18n key under permissions.reason (English in the API's error messages).");
export const audiencePreviewSchema = z.object({
  kind: z.enum(["recurring", "marketing"]),
  channelId: z.uuid(),
  topicId: z.uuid().nullable(),
  segmentId: z.uuid().nullable(),
  recipients: z.number().int().describe("People the campaign would be sent to if it started now: exactly the number planned, and sent to when nothing fails."),
  availability: z.union([z.object({ available: z.literal(true) }), z.object({ available: z.literal(false), reason: reasonKey })]),
});
export type AudiencePreview = z.infer<typeof audiencePreviewSchema>;

export const deliveryQuerySchema = pageQuerySchema.extend({
  status: z
    .enum(DELIVERY_STATUSES, { error: say("validation.oneOf", { field: "status", values: DELIVERY_STATUSES.join(", ") }) })
    .optional()
    .describe("Only deliveries in this state.")
    .meta({ examples: ["held"] }),
});
export type DeliveryQuery = z.input<typeof deliveryQuerySchema>;

export const campaignDeliverySchema = z.object({
  id: z.uuid(),
  psid: z.string(),
  contactId: z.uuid().nullable(),
  name: z.string().nullable().describe("The contact's name, when known."),
  status: z.enum(DELIVERY_STATUSES),
  dueAt: z.iso.datetime().describe("When it goes (or went): the start, the recipient's local send time, or the end of a hold."),
  heldReason: z.string().nullable().describe("cadence | gap | recently_messaged (held rows; kept once sent)."),
  failureCode: z.number().int().nullable().describe("Meta's error code, when Meta gave one."),
  failureReason: z
    .string()
    .nullable()
    .describe("skipped: stopped | unsubscribed | invalid_token; failed: blocked | wrong_page | recently_messaged | unknown_after_crash | unknown_outcome | Meta's message; sent: already_received when Meta said so."),
  sentAt: z.iso.datetime().nullable(),
  messageId: z.string().nullable(),
  timeZone: z.string().nullable().describe("The recipient's time zone as their opt-in gave it (IANA); null when unknown (the organisation's is used)."),
});
export type CampaignDelivery = z.infer<typeof campaignDeliverySchema>;
