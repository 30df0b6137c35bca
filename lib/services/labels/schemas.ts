import { z } from "zod";
import { inputString, required, say } from "@/lib/validation";
import { LABEL_COLORS, LABEL_DESCRIPTION_MAX, LABEL_NAME_MAX, LABELS_PER_CONVERSATION_MAX } from "./constants";

export * from "./constants";

const nameSchema = inputString("field.name", LABEL_NAME_MAX).min(1, required("field.name"));
const colorSchema = z.enum(LABEL_COLORS, { error: say("labels.errors.color", { colors: LABEL_COLORS.join(", ") }) });
const descriptionSchema = inputString("field.description", LABEL_DESCRIPTION_MAX);

export const labelInputSchema = z.object({
  name: nameSchema.describe("Unique in the organisation, regardless of case.").meta({ examples: ["VIP"] }),
  color: colorSchema.optional().default("zinc"),
  description: descriptionSchema.optional().default(""),
});
// Only the fields sent change; at least one.
export const labelUpdateSchema = z
  .object({ name: nameSchema, color: colorSchema, description: descriptionSchema })
  .partial()
  .refine((v) => v.name !== undefined || v.color !== undefined || v.description !== undefined, { error: say("labels.errors.nothingToChange") });

export const conversationLabelsInputSchema = z.object({
  labelIds: z
    .array(z.uuid({ error: say("labels.errors.labelId") }))
    .max(LABELS_PER_CONVERSATION_MAX, { error: say("labels.errors.tooMany", { max: LABELS_PER_CONVERSATION_MAX }) })
    .describe("Every label the conversation should carry afterwards (it replaces the set); [] takes them all off."),
});

export const labelSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  color: z.enum(LABEL_COLORS),
  description: z.string(),
  /** How many conversations carry it. */
  conversationCount: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Label = z.infer<typeof labelSchema>;

/** A label as a conversation shows it. */
export const labelChipSchema = z.object({ id: z.uuid(), name: z.string(), color: z.enum(LABEL_COLORS) });
export type LabelChip = z.infer<typeof labelChipSchema>;
