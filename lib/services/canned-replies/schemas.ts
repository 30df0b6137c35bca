import { z } from "zod";
import { inputString, required, say } from "@/lib/validation";
import { CANNED_REPLY_CONTENT_MAX, SHORTCUT_MAX, SHORTCUT_PATTERN } from "./constants";

export * from "./constants";

// Typed with or without the "/" the menu is opened with: "/thanks" and "thanks" are the same shortcut.
const shortcutSchema = inputString("field.shortcut", SHORTCUT_MAX + 1)
  .transform((v) => v.replace(/^\//, ""))
  .pipe(
    z
      .string()
      .min(1, required("field.shortcut"))
      .max(SHORTCUT_MAX, { error: say("validation.tooLong", { field: { key: "field.shortcut" }, max: SHORTCUT_MAX }) })
      .regex(SHORTCUT_PATTERN, { error: say("cannedReplies.errors.shortcutFormat") }),
  );
const contentSchema = inputString("field.content", CANNED_REPLY_CONTENT_MAX).min(1, required("field.content"));
/** null (or absent): the whole organisation; a skill group's id: only that group's conversations. */
const scopeSchema = z.uuid({ error: say("cannedReplies.errors.skillGroupId") }).nullable();

export const cannedReplyInputSchema = z.object({ shortcut: shortcutSchema, content: contentSchema, skillGroupId: scopeSchema.optional().default(null) });
export type CannedReplyInput = z.input<typeof cannedReplyInputSchema>;
/** Changes only the fields sent; at least one. */
export const cannedReplyUpdateSchema = z
  .object({ shortcut: shortcutSchema, content: contentSchema, skillGroupId: scopeSchema })
  .partial()
  .refine((v) => v.shortcut !== undefined || v.content !== undefined || v.skillGroupId !== undefined, { error: say("validation.atLeastOneField") });

/** The list's filters: words in the shortcut or content, and the scope (a skill group's id, or "organization"). */
export const cannedReplyListQuerySchema = z.object({
  q: inputString("field.search", 100)
    .optional()
    .meta({ description: "Words in the shortcut or the content (case-insensitive).", examples: ["thanks"] }),
  skill_group_id: z
    .union([z.literal("organization"), z.uuid()], { error: say("cannedReplies.errors.scopeFilter") })
    .optional()
    .meta({ description: "Only one scope: a skill group's id, or `organization` for the organisation-wide replies.", examples: ["organization", "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"] }),
});
export type CannedReplyListQuery = z.input<typeof cannedReplyListQuerySchema>;

export const cannedReplySearchSchema = z.object({ q: inputString("field.search", 100).optional().default("") });

export const cannedReplySchema = z.object({
  id: z.uuid(),
  shortcut: z.string().meta({ examples: ["thanks"] }),
  content: z.string().meta({ examples: ["Thanks {first_name}! {agent_name} from {page_name} here."] }),
  /** null: offered in every conversation of the organisation. */
  skillGroupId: z.uuid().nullable(),
  skillGroupName: z.string().nullable().meta({ examples: ["English support"] }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type CannedReply = z.infer<typeof cannedReplySchema>;

/** A canned reply as the "/" menu offers it: its content filled in for this conversation. */
export interface CannedReplySuggestion {
  id: string;
  shortcut: string;
  content: string;
  rendered: string;
  skillGroupName: string | null;
}
