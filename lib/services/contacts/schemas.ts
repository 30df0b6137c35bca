import { z } from "zod";
import { contactPermissionSchema } from "@/lib/services/permissions/schemas";
import { say } from "@/lib/validation";
import { ATTRIBUTE_KEY_MAX, ATTRIBUTE_VALUE_MAX } from "./constants";

export * from "./constants";

const attributeKey = z
  .string()
  .trim()
  .min(1, { error: say("contacts.errors.attributeKey", { max: ATTRIBUTE_KEY_MAX }) })
  .max(ATTRIBUTE_KEY_MAX, { error: say("contacts.errors.attributeKey", { max: ATTRIBUTE_KEY_MAX }) })
  .refine((key) => !key.includes("\u0000"), { error: say("validation.nul") });
const attributeValue = z
  .string({ error: say("contacts.errors.attributeValue", { max: ATTRIBUTE_VALUE_MAX }) })
  .max(ATTRIBUTE_VALUE_MAX, { error: say("contacts.errors.attributeValue", { max: ATTRIBUTE_VALUE_MAX }) })
  .refine((value) => !value.includes("\u0000"), { error: say("validation.nul") });

/**
 * Changes to the contact's attributes: each names a key and its new value, or null to remove it; keys not
 * named stay as they are. The result may hold at most ATTRIBUTES_MAX attributes (checked by the verb).
 */
export const contactAttributesPatchSchema = z.object({
  attributes: z
    .array(z.object({ key: attributeKey, value: attributeValue.nullable() }), { error: say("contacts.errors.attributes") })
    .min(1, { error: say("contacts.errors.attributes") })
    .max(100, { error: say("contacts.errors.attributes") }),
});
export type ContactAttributesPatch = z.infer<typeof contactAttributesPatchSchema>;

const isoTime = z.string().describe("ISO 8601 time");
/** The contact panel as API v1 answers it. */
export const contactPanelSchema = z.object({
  contact: z.object({
    id: z.uuid(),
    name: z.string().nullable(),
    psid: z.string(),
    profilePic: z.string().nullable(),
    locale: z.string().nullable(),
    timezoneOffset: z.string().nullable().describe("Hours from UTC, as Meta's profile gives it."),
    firstSeenAt: isoTime,
    lastSeenAt: isoTime.nullable(),
    attributes: z.record(z.string(), z.string()),
  }),
  labels: z.array(z.object({ id: z.uuid(), name: z.string(), color: z.string() })),
  subscriptions: z
    .array(z.object({ id: z.uuid(), campaignId: z.uuid(), campaignName: z.string(), state: z.enum(["unused", "used", "expired"]), optedInAt: isoTime, usedAt: isoTime.nullable() }))
    .describe("The person's \"Notify Me\" (OTN) tokens only; kept for existing clients, `permissions` lists every kind."),
  permissions: z
    .array(contactPermissionSchema)
    .describe("Every permission to message the person, newest opt-in first: OTN tokens, recurring topics, Marketing Messages subscriptions (as GET /contacts/{contactId}/permissions)."),
  pastCycles: z.array(z.object({ openedAt: isoTime, resolvedAt: isoTime, resolvedBy: z.string().nullable(), handledBy: z.string().nullable() })),
  satisfaction: z
    .array(
      z.object({
        id: z.uuid(),
        status: z.enum(["asked", "rated", "skipped"]),
        skipReason: z.enum(["outside_window", "send_failed"]).nullable(),
        rating: z.number().int().min(1).max(5).nullable(),
        comment: z.string().nullable(),
        resolvedAt: isoTime,
      }),
    )
    .describe("The conversation's satisfaction surveys, newest first: asked, rated (1 to 5, with an optional comment) or skipped."),
  may: z.object({ editAttributes: z.boolean(), readCampaigns: z.boolean() }),
});
export const contactAttributesSchema = z.object({ attributes: z.record(z.string(), z.string()) });
