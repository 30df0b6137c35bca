/**
 * The segment definition language's vocabulary and limits, zod-free so browser components (the segment form)
 * can import them; the schemas in ./schemas are built from these lists.
 */
export const SEGMENT_MATCHES = ["all", "any"] as const;
export type SegmentMatch = (typeof SEGMENT_MATCHES)[number];

/** Every kind of condition, in the order the form offers them. */
export const SEGMENT_CONDITION_KINDS = ["label", "attribute", "channel", "locale", "entryRef", "subscribedThrough", "lastInbound", "firstSeen"] as const;
export type SegmentConditionKind = (typeof SEGMENT_CONDITION_KINDS)[number];

export const LABEL_OPS = ["has", "hasNot"] as const;
export const ATTRIBUTE_OPS = ["equals", "contains", "exists", "notExists"] as const;
export const LOCALE_OPS = ["is", "startsWith"] as const;
export const LAST_INBOUND_OPS = ["within", "notWithin"] as const;

/** A definition nests groups one level deep (root → group → conditions) and holds at most this many conditions. */
export const SEGMENT_MAX_CONDITIONS = 20;
export const SEGMENT_NAME_MAX = 100;
export const SEGMENT_VALUE_MAX = 200;
export const SEGMENT_DAYS_MAX = 3650;

/** The form's live count: at most this many previews per member per minute. */
export const SEGMENT_PREVIEWS_PER_MINUTE = 60;
