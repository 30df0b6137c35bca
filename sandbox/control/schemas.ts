/** Input schemas of the control API (zod), so a malformed request answers 400 with a clear reason. */
import { z } from "zod";
import { PAGE_REGIONS, WEBHOOK_FIELDS } from "../state/types";

export const createAppSchema = z.object({
  id: z.string().regex(/^\d+$/).optional(),
  /** Meta's Human Agent permission (App Review); default false for new apps. */
  humanAgentPermission: z.boolean().optional(),
  name: z.string().min(1).optional(),
  secret: z.string().min(1).optional(),
  callbackUrl: z.string().url().optional(),
  verifyToken: z.string().min(1).optional(),
  /** Perform the verification handshake when a callback is given (default true). */
  verify: z.boolean().optional(),
});

export const webhookConfigSchema = z.object({
  callbackUrl: z.string().url().nullable(),
  verifyToken: z.string().min(1).optional(),
  verify: z.boolean().optional(),
});

export const createPageSchema = z.object({
  appId: z.string().optional(),
  id: z.string().regex(/^\d+$/).optional(),
  name: z.string().min(1).optional(),
  username: z.string().regex(/^[A-Za-z0-9.]+$/).optional(),
  accessToken: z.string().min(1).optional(),
  subscribedFields: z.array(z.enum(WEBHOOK_FIELDS)).optional(),
  getStartedPayload: z.string().min(1).optional(),
  region: z.enum(PAGE_REGIONS).optional(),
  businessCountry: z.string().regex(/^[A-Za-z]{2}$/).optional(),
});

/** Subscribing the app's webhook for a Page: the app's callback (verified) and the Page's fields. */
export const pageSubscriptionSchema = z.object({
  callbackUrl: z.string().url(),
  verifyToken: z.string().min(1),
  subscribedFields: z.array(z.enum(WEBHOOK_FIELDS)).min(1).optional(),
});

const latencySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }),
  z.object({ kind: z.literal("fixed"), ms: z.number().min(0) }),
  z.object({ kind: z.literal("uniform"), minMs: z.number().min(0), maxMs: z.number().min(0) }),
  z.object({ kind: z.literal("normal"), meanMs: z.number().min(0), stdDevMs: z.number().min(0) }),
  z.object({ kind: z.literal("exponential"), meanMs: z.number().min(0) }),
]);

export const faultsSchema = z.object({
  rateLimitPerSecond: z.number().int().min(0).optional(),
  temporaryErrorRate: z.number().min(0).max(1).optional(),
  temporaryErrorCodes: z.array(z.union([z.literal(1), z.literal(2), z.literal(-1), z.literal(1200)])).min(1).optional(),
  latency: latencySchema.optional(),
});

export const createUserSchema = z.object({
  psid: z.string().regex(/^\d+$/).optional(),
  /** IANA time zone (notification_messages_timezone of the person's opt-ins). */
  timezone: z.string().min(1).optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  locale: z.string().optional(),
  profilePic: z.string().optional(),
  /** Give the user an open 24 h window (as if they had just written to the Page). */
  inWindow: z.boolean().optional(),
});

export const bulkUsersSchema = z.object({ count: z.number().int().min(1).max(100_000), namePrefix: z.string().optional(), inWindow: z.boolean().optional() });
export const bulkOtnTokensSchema = z.object({
  count: z.number().int().min(1).max(200_000),
  payload: z.string().min(1).max(1000),
  title: z.string().max(65).optional(),
  namePrefix: z.string().optional(),
});
export const bulkOpenLinkSchema = z.object({
  count: z.number().int().min(1).max(100_000).optional(),
  psids: z.array(z.string()).optional(),
  ref: z.string().max(2083).optional(),
  waitMs: z.number().int().min(0).max(120_000).optional(),
});
export const bulkNotifyMeSchema = z.object({ psids: z.array(z.string()).optional(), waitMs: z.number().int().min(0).max(120_000).optional() });

export const bulkMessagesSchema = z.object({
  psids: z.array(z.string()).optional(),
  perUser: z.number().int().min(1).max(100_000).optional(),
  text: z.string().min(1).max(2000).optional(),
});

export const openLinkSchema = z.object({ ref: z.string().max(2083).optional(), getStarted: z.boolean().optional() });
export const sendMessageSchema = z
  .object({
    text: z.string().min(1).optional(),
    quickReplyPayload: z.string().optional(),
    attachment: z.object({ type: z.enum(["image", "audio", "video", "file"]), url: z.string().url() }).optional(),
  })
  .refine((b) => (b.text === undefined) !== (b.attachment === undefined), "give exactly one of text, attachment");
export const quickReplySchema = z.object({ mid: z.string().optional(), index: z.number().int().min(0).optional(), payload: z.string().optional() });
export const postbackSchema = z.object({
  title: z.string().optional(),
  payload: z.string().optional(),
  mid: z.string().optional(),
  index: z.number().int().min(0).optional(),
  elementIndex: z.number().int().min(0).optional(),
});
export const menuTapSchema = z.object({ index: z.number().int().min(0).optional(), title: z.string().optional() });
export const midSchema = z.object({ mid: z.string().optional(), timezone: z.string().optional() });
export const reactSchema = z.object({
  mid: z.string(),
  reaction: z.string().optional(),
  emoji: z.string().optional(),
  action: z.enum(["react", "unreact"]).optional(),
});
export const blockSchema = z.object({ blocked: z.boolean().optional() });

export const webhookOptionsSchema = z.object({
  maxBatchEntries: z.number().int().min(1).max(1000).optional(),
  maxConcurrentPerApp: z.number().int().min(1).max(1000).optional(),
  timeoutMs: z.number().int().min(1).optional(),
  immediateRetries: z.number().int().min(0).max(100).optional(),
  backoffBaseMs: z.number().int().min(0).optional(),
  backoffMaxMs: z.number().int().min(0).optional(),
  disableAfterMs: z.number().int().min(0).optional(),
  duplicateRate: z.number().min(0).max(1).optional(),
  reorder: z.boolean().optional(),
  autoDeliveryReceipts: z.boolean().optional(),
  autoReadReceipts: z.boolean().optional(),
});

export const clockSchema = z.object({ advanceMs: z.number().int() });

/** Meta permissions granted through App Review: Human Agent, paid_marketing_messages, ads_management. */
export const appPermissionsSchema = z
  .object({ humanAgent: z.boolean().optional(), marketingMessages: z.boolean().optional(), adsManagement: z.boolean().optional() })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "give at least one of humanAgent, marketingMessages, adsManagement");

// ---- recurring notifications and Marketing Messages ----
export const pageRegionSchema = z
  .object({ region: z.enum(PAGE_REGIONS).optional(), businessCountry: z.string().regex(/^[A-Za-z]{2}$/).optional() })
  .refine((v) => v.region !== undefined || v.businessCountry !== undefined, "give region and/or businessCountry");
const frequencySchema = z.enum(["DAILY", "WEEKLY", "MONTHLY"]);
export const recurringLinkSchema = z.object({
  topic: z.string().min(1).max(65),
  cadence: z.enum(["daily", "weekly", "monthly", "DAILY", "WEEKLY", "MONTHLY"]).optional(),
  allow: z.boolean().optional(),
  timezone: z.string().min(1).optional(),
});
export const tokenSelectorSchema = z.object({ token: z.string().min(1).optional(), title: z.string().min(1).optional() });
export const reoptinSchema = z.object({ token: z.string().min(1), accept: z.boolean().optional() });
export const bulkSubscriptionTokensSchema = z.object({
  count: z.number().int().min(1).max(200_000),
  title: z.string().min(1).max(65).optional(),
  frequency: frequencySchema.optional(),
  timezone: z.string().min(1).optional(),
  namePrefix: z.string().optional(),
  /** false: answer only the count (100,000 pairs are ~10 MB of JSON). */
  includeTokens: z.boolean().optional(),
});
export const adAccountSchema = z.object({
  id: z.string().regex(/^\d+$/).optional(),
  name: z.string().min(1).optional(),
  hasPaymentMethod: z.boolean().optional(),
  currency: z.string().length(3).optional(),
});
export const adAccountUpdateSchema = z.object({ hasPaymentMethod: z.boolean().optional(), name: z.string().min(1).optional() });

/** Another app connected to a Page (Conversation Routing): its own Page token and webhook fields. */
export const connectAppSchema = z.object({
  appId: z.string().min(1),
  accessToken: z.string().min(1).optional(),
  subscribedFields: z.array(z.enum(WEBHOOK_FIELDS)).optional(),
});
export const routingSchema = z.object({ routingEnabled: z.boolean() });

/** The Page Inbox (a human in Meta's inbox) acting on a thread. */
export const inboxActionSchema = z.object({ metadata: z.string().max(1000).optional(), targetAppId: z.string().optional() });

export const readAndReplySchema = z.object({
  read: z.boolean().optional(),
  text: z.string().min(1).max(2000).optional(),
  imageUrl: z.string().url().optional(),
});

const autoSettings = {
  readAfterMs: z.number().int().min(0).max(3_600_000).nullable().optional(),
  replyText: z.string().min(1).max(2000).nullable().optional(),
  replyImageUrl: z.string().url().nullable().optional(),
  replyAfterMs: z.number().int().min(0).max(3_600_000).nullable().optional(),
};
/** `enabled: false` turns the automatic person off. */
export const autoReplySchema = z.object({ enabled: z.boolean().optional(), ...autoSettings });
export const bulkAutoReplySchema = z.object({ psids: z.array(z.string()).optional(), enabled: z.boolean().optional(), ...autoSettings });

/** A simulated Facebook user (Facebook Login) with new Pages (default app: the platform app) and/or existing ones. */
export const facebookUserSchema = z.object({
  id: z.string().regex(/^\d+$/).optional(),
  name: z.string().min(1).max(200),
  pages: z
    .array(
      z.object({
        name: z.string().min(1).max(200),
        id: z.string().regex(/^\d+$/).optional(),
        username: z.string().regex(/^[A-Za-z0-9.]+$/).optional(),
        tasks: z.array(z.string().min(1)).optional(),
        /** Default app of the new Page (default: the platform app). */
        appId: z.string().optional(),
      }),
    )
    .max(500)
    .optional(),
  /** Existing Pages the user also has a role on (e.g. the demo Page). */
  pageIds: z.array(z.string()).optional(),
});

/** Kills the Page's token (of one app, or of every app) with Meta's 190 subcode. */
export const tokenDeathSchema = z.object({
  subcode: z.union([z.literal(458), z.literal(460), z.literal(463), z.literal(467)]),
  appId: z.string().optional(),
});
