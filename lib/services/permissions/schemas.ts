import { z } from "zod";
import { PERMISSION_KINDS, PERMISSION_STATUSES } from "./constants";

/** One permission to message a person, as the API and the contact panel show it (never the token). */
export const contactPermissionSchema = z.object({
  id: z.uuid(),
  kind: z.enum(PERMISSION_KINDS).describe("otn: a One-Time Notification (\"Notify Me\") token; recurring: a recurring-notification topic; marketing: a Marketing Messages subscription."),
  status: z.enum(PERMISSION_STATUSES).describe("active: may be used; used: an OTN token already spent; stopped: the person stopped notifications; expired: past its expiry."),
  topic: z.string().nullable().describe("The recurring topic (Meta's title) or the OTN campaign's name; null for marketing."),
  campaignId: z.uuid().nullable().describe("The OTN campaign; null for the other kinds."),
  frequency: z.enum(["daily", "weekly", "monthly"]).nullable().describe("How often a recurring topic may be sent; null for the other kinds."),
  userTimeZone: z.string().nullable().describe("The person's time zone as the opt-in gave it."),
  source: z.enum(["optin", "import"]),
  optedInAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  stoppedAt: z.iso.datetime().nullable(),
  lastSentAt: z.iso.datetime().nullable().describe("When a message last went out with it (an OTN token's only one)."),
});

/** `POST /channels/{channelId}/subscription-tokens/import`: the import was asked for; it runs in the background. */
export const tokenImportRequestedSchema = z.object({
  channelId: z.uuid(),
  requestedAt: z.iso.datetime().describe("When the import was asked for. Its result is in the audit log (`channel.subscription_tokens_imported`) and on the channel page."),
});

/** `POST /contacts/{contactId}/permissions/unsubscribe`. */
export const unsubscribeResultSchema = z.object({
  contactId: z.uuid(),
  stopped: z.number().int().describe("The person's active marketing and recurring permissions on the Page now marked stopped."),
  unsubscribedOnMeta: z.number().int().nullable().describe("How many tokens Meta says it stopped; null when Meta did not say."),
});
