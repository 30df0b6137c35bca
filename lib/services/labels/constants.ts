/** Labels: values the browser needs too (no zod here). */

/** The colours a label may have; the screen maps each to its chip classes. */
export const LABEL_COLORS = ["zinc", "red", "orange", "amber", "green", "teal", "blue", "indigo", "purple", "pink"] as const;
export type LabelColor = (typeof LABEL_COLORS)[number];

export const LABEL_NAME_MAX = 40;
export const LABEL_DESCRIPTION_MAX = 200;
/** How many labels one conversation may carry. */
export const LABELS_PER_CONVERSATION_MAX = 20;
