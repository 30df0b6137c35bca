import { z } from "zod";
import { inputString, required, say } from "@/lib/validation";
import {
  ATTRIBUTE_OPS,
  LABEL_OPS,
  LAST_INBOUND_OPS,
  LOCALE_OPS,
  SEGMENT_DAYS_MAX,
  SEGMENT_MATCHES,
  SEGMENT_MAX_CONDITIONS,
  SEGMENT_NAME_MAX,
  SEGMENT_VALUE_MAX,
} from "./constants";

/**
 * The segment definition language, shared by the form (react-hook-form resolver), the API (and its OpenAPI
 * document) and the services. A definition is { match, conditions }: `all` is AND, `any` is OR; a condition is
 * a leaf or a group of leaves with its own match (one level of nesting), at most 20 leaves in all.
 * Ids in a definition (labels, channels, campaigns) are checked to be the organisation's when it is saved or
 * previewed (./references.ts); the SQL is built from it with bound parameters only (./compile.ts).
 */
export * from "./constants";

const value = (label: "segments.field.value" | "segments.field.attributeKey" | "segments.field.ref" | "segments.field.locale") =>
  inputString(label, SEGMENT_VALUE_MAX).min(1, required(label));
const days = z
  .number({ error: say("segments.errors.days", { max: SEGMENT_DAYS_MAX }) })
  .int({ error: say("segments.errors.days", { max: SEGMENT_DAYS_MAX }) })
  .min(1, { error: say("segments.errors.days", { max: SEGMENT_DAYS_MAX }) })
  .max(SEGMENT_DAYS_MAX, { error: say("segments.errors.days", { max: SEGMENT_DAYS_MAX }) });
const id = (key: "segments.errors.labelId" | "segments.errors.channelId" | "segments.errors.campaignId") => z.uuid({ error: say(key) });

export const labelConditionSchema = z.object({ kind: z.literal("label"), op: z.enum(LABEL_OPS), labelId: id("segments.errors.labelId") }).describe("The contact's conversation carries (has) or does not carry (hasNot) the label.");
export const attributeConditionSchema = z
  .object({ kind: z.literal("attribute"), op: z.enum(ATTRIBUTE_OPS), key: value("segments.field.attributeKey"), value: inputString("segments.field.value", SEGMENT_VALUE_MAX).optional() })
  .refine((c) => c.op === "exists" || c.op === "notExists" || (c.value !== undefined && c.value !== ""), { error: say("segments.errors.valueRequired"), path: ["value"] })
  .describe("A contact attribute: equals or contains (case-insensitive) `value`, exists, or does not exist.");
export const channelConditionSchema = z.object({ kind: z.literal("channel"), channelId: id("segments.errors.channelId") }).describe("The contact is a user of this channel (Page).");
export const localeConditionSchema = z
  .object({ kind: z.literal("locale"), op: z.enum(LOCALE_OPS), value: value("segments.field.locale") })
  .describe("The contact's Messenger locale is (e.g. zh_CN) or starts with (e.g. zh) the value, case-insensitive.");
export const entryRefConditionSchema = z.object({ kind: z.literal("entryRef"), ref: value("segments.field.ref") }).describe("The contact came through an m.me link (or ad, or chat plugin) with this `ref`.");
export const subscribedThroughConditionSchema = z
  .object({ kind: z.literal("subscribedThrough"), campaignId: id("segments.errors.campaignId"), unusedOnly: z.boolean().default(false) })
  .describe("The contact tapped “Notify Me” in this OTN campaign; with `unusedOnly`, and still holds an unused token of it.");
export const lastInboundConditionSchema = z
  .object({ kind: z.literal("lastInbound"), op: z.enum(LAST_INBOUND_OPS), days })
  .describe("The contact last wrote within the last `days` days (within), or not (notWithin, which includes never).");
export const firstSeenConditionSchema = z.object({ kind: z.literal("firstSeen"), days }).describe("The contact was first seen within the last `days` days.");

export const segmentLeafSchema = z.discriminatedUnion(
  "kind",
  [
    labelConditionSchema,
    attributeConditionSchema,
    channelConditionSchema,
    localeConditionSchema,
    entryRefConditionSchema,
    subscribedThroughConditionSchema,
    lastInboundConditionSchema,
    firstSeenConditionSchema,
  ],
  { error: say("segments.errors.conditionKind") },
);
export type SegmentLeaf = z.infer<typeof segmentLeafSchema>;

export const segmentGroupSchema = z
  .object({ kind: z.literal("group"), match: z.enum(SEGMENT_MATCHES), conditions: z.array(segmentLeafSchema).min(1, { error: say("segments.errors.emptyGroup") }) })
  .describe("Conditions combined with their own match (groups do not nest further).");
export type SegmentGroup = z.infer<typeof segmentGroupSchema>;

export const segmentConditionSchema = z.union([segmentGroupSchema, segmentLeafSchema]);
export type SegmentCondition = z.infer<typeof segmentConditionSchema>;

export const segmentDefinitionSchema = z
  .object({
    match: z.enum(SEGMENT_MATCHES).describe("all: every condition holds (AND); any: at least one does (OR)."),
    conditions: z.array(segmentConditionSchema).describe("Empty matches every contact of the organisation."),
  })
  .refine((d) => leafCount(d) <= SEGMENT_MAX_CONDITIONS, { error: say("segments.errors.tooManyConditions", { max: SEGMENT_MAX_CONDITIONS }), path: ["conditions"] });
export type SegmentDefinition = z.infer<typeof segmentDefinitionSchema>;

export function leafCount(definition: { conditions: SegmentCondition[] }): number {
  return definition.conditions.reduce((n, c) => n + (c.kind === "group" ? c.conditions.length : 1), 0);
}

const nameSchema = inputString("field.name", SEGMENT_NAME_MAX).min(1, required("field.name"));

export const segmentInputSchema = z.object({
  name: nameSchema.describe("Unique in the organisation, regardless of case.").meta({ examples: ["VIP in Shanghai"] }),
  definition: segmentDefinitionSchema,
});
export const segmentUpdateSchema = z
  .object({ name: nameSchema, definition: segmentDefinitionSchema })
  .partial()
  .refine((v) => v.name !== undefined || v.definition !== undefined, { error: say("validation.atLeastOneField") });
export const segmentPreviewSchema = z.object({ definition: segmentDefinitionSchema });

export const segmentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  definition: segmentDefinitionSchema,
  /** How many contacts match now. */
  contactCount: z.number().int(),
  createdBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Segment = z.infer<typeof segmentSchema>;
export const segmentCountSchema = z.object({ contactCount: z.number().int() });
