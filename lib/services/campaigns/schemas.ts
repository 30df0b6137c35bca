import { z } from "zod";
import { pageQuerySchema } from "@/lib/pagination";
import { inputString, required, say } from "@/lib/validation";
import type { MessageKey } from "@/lib/i18n/translate";
import {
  BUDGET_MAX_CENTS,
  BUDGET_MIN_CENTS,
  CAMPAIGN_KINDS,
  CAMPAIGN_STATUSES,
  RECIPIENT_STATUSES,
  REQUEST_TITLE_MAX,
  TEXT_MAX,
  MAX_RATE_PER_SECOND,
  DEFAULT_RATE_PER_SECOND,
} from "./constants";

/**
 * The zod schemas of OTN campaigns, shared by the services (which parse with them), the API's OpenAPI
 * document and, by their field errors, the dashboard's forms. Messages are catalog keys (say, required): the API
 * gets their English, the dashboard translates them. Server-side only: the statuses, limits and helpers browser
 * components use live in the zod-free constants.ts, re-exported here.
 */
export * from "./constants";

const httpsUrl = (label: MessageKey) =>
  inputString(label, 2000).refine((v) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v), { error: say("validation.webAddress", { field: { key: label } }) });

const text = (label: MessageKey, max: number) => inputString(label, max).min(1, required(label));

/** The pre-subscription invitation, sent before the OTN request: a text or an image. */
export const invitationSchema = z.discriminatedUnion(
  "type",
  [z.object({ type: z.literal("text"), text: text("campaigns.field.invitationText", TEXT_MAX) }), z.object({ type: z.literal("image"), url: httpsUrl("campaigns.field.invitationImageUrl") })],
  { error: say("campaigns.errors.invitationKind") },
);
export type Invitation = z.infer<typeof invitationSchema>;

/** The one message OTN allows: a text, an image, or a card (image, title, subtitle, one URL button). */
export const contentSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("text"), text: text("campaigns.field.messageText", TEXT_MAX) }),
    z.object({ type: z.literal("image"), url: httpsUrl("campaigns.field.imageUrl") }),
    z.object({
      type: z.literal("card"),
      imageUrl: httpsUrl("campaigns.field.cardImageUrl").optional(),
      title: text("campaigns.field.cardTitle", 80),
      subtitle: inputString("campaigns.field.cardSubtitle", 80).optional(),
      button: z.object({ title: text("campaigns.field.buttonTitle", 20), url: httpsUrl("campaigns.field.buttonUrl") }),
    }),
  ],
  { error: say("campaigns.errors.contentKind") },
);
export type CampaignContent = z.infer<typeof contentSchema>;

const scheduledAt = z
  .union([z.iso.datetime({ offset: true, error: say("campaigns.errors.scheduledFormat") }), z.null()])
  .describe("When to send, ISO 8601 with an offset (stored in UTC); null sends only on demand.");

const fields = {
  name: text("field.name", 100),
  channelId: z.uuid({ error: say("campaigns.errors.channelRequired") }),
  invitation: invitationSchema.nullable().default(null),
  requestTitle: text("campaigns.field.requestTitle", REQUEST_TITLE_MAX).describe(
    "The title of the \"Notify Me\" request (Messenger's `one_time_notif_req` template), at most 65 characters. The template's `payload` is not " +
      "settable: it is always `otn:{campaignId}` (the campaign's id, nothing about the person), and Meta returns it in the opt-in webhook.",
  ),
  replyText: text("campaigns.field.replyText", TEXT_MAX).nullable().default(null),
  afterSendReply: text("campaigns.field.afterSendReply", TEXT_MAX)
    .nullable()
    .default(null)
    .describe(
      "Sent to someone who opens the link or taps Notify Me after the campaign was sent or cancelled (at most once an hour per person). Null: a default text in the person's language (English or Simplified Chinese).",
    ),
  content: contentSchema,
  segmentId: z
    .uuid({ error: say("segments.errors.segmentId") })
    .nullable()
    .default(null)
    .describe("Send only to subscribers in this segment (GET /segments), evaluated when each is sent to; null: everyone subscribed."),
  scheduledAt: scheduledAt.default(null),
  ratePerSecond: z.coerce
    .number()
    .int({ error: say("campaigns.errors.rateWhole") })
    .min(1, { error: say("campaigns.errors.rateMin") })
    .max(MAX_RATE_PER_SECOND, { error: say("campaigns.errors.rateMax", { max: MAX_RATE_PER_SECOND }) })
    .default(DEFAULT_RATE_PER_SECOND),
  requestCooldownHours: z.coerce
    .number()
    .int({ error: say("campaigns.errors.cooldownWhole") })
    .min(1, { error: say("campaigns.errors.cooldownMin") })
    .max(720, { error: say("campaigns.errors.cooldownMax", { max: 720 }) })
    .default(24),
};

/** "HH:MM", 24-hour: send at this time of day in each recipient's own time zone (recurring, marketing). */
export const localSendTimeSchema = z
  .string({ error: say("broadcast.errors.localSendTime") })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: say("broadcast.errors.localSendTime") })
  .nullable()
  .describe(
    "\"HH:MM\" (24-hour): each recipient gets it at this time in their own time zone (the opt-in's; the organisation's when unknown), on or after " +
      "the start; someone for whom it is already between HH:MM and HH:MM + 1 hour when the send starts gets it at once. Null: everyone at the start.",
  );

/** A marketing campaign's budget on Meta, in cents of the ad account's currency. */
export const budgetSchema = z
  .object({
    type: z.enum(["daily", "lifetime"], { error: say("broadcast.errors.budgetType") }),
    amountCents: z.coerce
      .number()
      .int({ error: say("broadcast.errors.budgetAmount", { min: BUDGET_MIN_CENTS, max: BUDGET_MAX_CENTS }) })
      .min(BUDGET_MIN_CENTS, { error: say("broadcast.errors.budgetAmount", { min: BUDGET_MIN_CENTS, max: BUDGET_MAX_CENTS }) })
      .max(BUDGET_MAX_CENTS, { error: say("broadcast.errors.budgetAmount", { min: BUDGET_MIN_CENTS, max: BUDGET_MAX_CENTS }) }),
  })
  .describe("Meta's message_campaign budget: daily, or for the campaign's lifetime (30 days from its start), in cents.");
export type CampaignBudget = z.infer<typeof budgetSchema>;

/** The fields every kind that sends from the permissions ledger shares (recurring, marketing). */
const broadcastFields = {
  name: fields.name,
  channelId: fields.channelId,
  content: contentSchema,
  segmentId: fields.segmentId,
  scheduledAt: fields.scheduledAt,
  localSendTime: localSendTimeSchema.default(null),
  ratePerSecond: fields.ratePerSecond,
};

/** An OTN campaign, as before kinds existed: `kind` may be left out. */
export const otnCampaignCreateSchema = z.object({ kind: z.literal("otn").default("otn"), ...fields });
/** A recurring-notification campaign: the active subscribers of one registered topic of the channel. */
export const recurringCampaignCreateSchema = z.object({
  kind: z.literal("recurring"),
  ...broadcastFields,
  topicId: z.uuid({ error: say("broadcast.errors.topicRequired") }).describe("The recurring topic (of the same channel, registered) whose subscribers receive it."),
});
/** A Marketing Messages campaign: the Page's subscribers, sent through a paid campaign on the channel's ad account. */
export const marketingCampaignCreateSchema = z.object({ kind: z.literal("marketing"), ...broadcastFields, budget: budgetSchema });

export const campaignCreateSchema = z.discriminatedUnion("kind", [otnCampaignCreateSchema, recurringCampaignCreateSchema, marketingCampaignCreateSchema], {
  error: say("broadcast.errors.kind"),
});
export type CampaignCreateInput = z.input<typeof campaignCreateSchema>;
export type CampaignCreateData = z.output<typeof campaignCreateSchema>;

/**
 * Only the fields sent change; the channel is fixed once created (the ref and tokens belong to its Page).
 * The reply once the campaign has ended may still change after it was sent: that is when it is used.
 */
export const campaignUpdateSchema = z
  .object({
    name: fields.name.optional(),
    invitation: invitationSchema.nullable().optional(),
    requestTitle: fields.requestTitle.optional(),
    replyText: text("campaigns.field.replyText", TEXT_MAX).nullable().optional(),
    afterSendReply: fields.afterSendReply.removeDefault().optional(),
    content: contentSchema.optional(),
    segmentId: fields.segmentId.removeDefault().optional(),
    scheduledAt: scheduledAt.optional(),
    ratePerSecond: fields.ratePerSecond.removeDefault().optional(),
    requestCooldownHours: fields.requestCooldownHours.removeDefault().optional(),
    topicId: z.uuid({ error: say("broadcast.errors.topicRequired") }).optional().describe("Recurring campaigns only."),
    localSendTime: localSendTimeSchema.optional().describe("Recurring and marketing campaigns only."),
    budget: budgetSchema.optional().describe("Marketing campaigns only."),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { error: say("validation.atLeastOneField") });
export type CampaignUpdateInput = z.input<typeof campaignUpdateSchema>;

export const campaignListQuerySchema = pageQuerySchema.extend({
  kind: z.enum(CAMPAIGN_KINDS, { error: say("validation.oneOf", { field: "kind", values: CAMPAIGN_KINDS.join(", ") }) }).optional().describe("Only campaigns of this kind.").meta({ examples: ["recurring"] }),
  channelId: z.uuid({ error: say("validation.channelIdWithStop") }).optional().describe("Only this channel's campaigns.").meta({ examples: ["0194f0c2-7a10-7c3e-9b1d-2f3a4b5c6d7e"] }),
  status: z.enum(CAMPAIGN_STATUSES, { error: say("validation.oneOf", { field: "status", values: CAMPAIGN_STATUSES.join(", ") }) }).optional().describe("Only campaigns in this status.").meta({ examples: ["sending"] }),
});
export type CampaignListQuery = z.input<typeof campaignListQuerySchema>;

export const campaignCountsSchema = z.object({
  linkClicks: z.number().int(),
  requestsSent: z.number().int(),
  requestsSkipped: z.number().int(),
  subscribers: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  expired: z.number().int().describe("OTN: tokens that expired. Recurring, marketing: recipients skipped because their permission ended (expired, invalid, stopped, unsubscribed)."),
  held: z.number().int().describe("Recurring, marketing: recipients waiting for the topic's cadence, Meta's 48-hour gap or Meta's conversation gap."),
});

/** A campaign as the dashboard and the API show it. */
export const campaignSchema = z.object({
  id: z.uuid(),
  channelId: z.uuid(),
  name: z.string(),
  kind: z.enum(CAMPAIGN_KINDS),
  status: z.enum(CAMPAIGN_STATUSES),
  ref: z.string(),
  shareLink: z.string().describe("https://m.me/{page}?ref={ref}"),
  invitation: invitationSchema.nullable(),
  requestTitle: z.string(),
  replyText: z.string().nullable(),
  afterSendReply: z.string().nullable().describe("The reply once the campaign has ended; null: the default text."),
  content: contentSchema,
  segmentId: z.uuid().nullable().describe("The segment it is sent to; null: everyone subscribed."),
  topicId: z.uuid().nullable().describe("Recurring: the topic whose subscribers receive it; null for the other kinds."),
  localSendTime: z.string().nullable().describe("Recurring, marketing: \"HH:MM\" in each recipient's time zone; null: at the start."),
  budget: budgetSchema.nullable().describe("Marketing: the budget given to Meta; null for the other kinds."),
  metaCampaignId: z.string().nullable().describe("Marketing: Meta's message_campaign id, once created (when the send starts)."),
  scheduledAt: z.iso.datetime().nullable(),
  ratePerSecond: z.number().int(),
  requestCooldownHours: z.number().int(),
  counts: campaignCountsSchema,
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  pauseReason: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Campaign = z.infer<typeof campaignSchema>;

/**
 * A campaign in the list of every kind: the campaign, plus what the list shows of its kind, audience, schedule
 * and results (read from the campaign row and its topic and segment, never by counting tokens).
 */
export const campaignListItemSchema = campaignSchema.extend({
  kind: z.enum(CAMPAIGN_KINDS).describe("otn: One-Time Notification tokens from its share link; recurring: a recurring topic's subscribers; marketing: Meta's Marketing Messages."),
  topic: z
    .object({ id: z.uuid(), title: z.string(), cadence: z.enum(["daily", "weekly", "monthly"]) })
    .nullable()
    .describe("The recurring topic it is sent to (kind recurring); null otherwise."),
  segment: z.object({ id: z.uuid(), name: z.string() }).nullable().describe("The segment narrowing the audience; null: everyone subscribed."),
  localSendTime: z
    .string()
    .nullable()
    .describe("\"HH:MM\": sent at that time in each recipient's own time zone, on or after the start; null: everyone at the start."),
  budget: z
    .object({ type: z.enum(["daily", "lifetime"]), amountCents: z.number().int() })
    .nullable()
    .describe("Kind marketing: the budget as given to Meta, in cents of the ad account's currency; null for the other kinds."),
  counts: campaignCountsSchema.extend({ held: z.number().int().describe("Deliveries waiting for the topic's cadence, Meta's gap or the recipient's local time.") }),
});
export type CampaignListItem = z.infer<typeof campaignListItemSchema>;


export const recipientQuerySchema = pageQuerySchema.extend({
  search: inputString("field.search", 100).optional().describe("Part of the subscriber's first or last name.").meta({ examples: ["Ada"] }),
  status: z
    .enum(RECIPIENT_STATUSES, { error: say("validation.oneOf", { field: "status", values: RECIPIENT_STATUSES.join(", ") }) })
    .optional()
    .describe("Only recipients whose send is in this state.")
    .meta({ examples: ["failed"] }),
});
export type RecipientQuery = z.input<typeof recipientQuerySchema>;

/** The CSV download takes the list's filters and always holds every row, so it has no paging parameters. */
export const recipientExportQuerySchema = recipientQuerySchema.pick({ search: true, status: true });

export const recipientSchema = z.object({
  id: z.uuid(),
  psid: z.string(),
  contactId: z.uuid().nullable(),
  name: z.string().nullable(),
  status: z.enum(RECIPIENT_STATUSES),
  optedInAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  failureCode: z.number().int().nullable(),
  failureReason: z.string().nullable(),
  messageId: z.string().nullable(),
});
export type Recipient = z.infer<typeof recipientSchema>;
