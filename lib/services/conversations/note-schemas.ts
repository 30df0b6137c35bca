import { z } from "zod";
import { inputString, required } from "@/lib/validation";

export const NOTE_BODY_MAX = 2000;

export const noteInputSchema = z.object({ body: inputString("field.note", NOTE_BODY_MAX).min(1, required("field.note")) });
export const mentionSearchSchema = z.object({ q: inputString("field.search", 100).optional().default("") });

export const conversationNoteSchema = z.object({
  id: z.uuid(),
  body: z.string().meta({ examples: ["@[Alice Chen](0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b) can you check the refund?"] }),
  authorMembershipId: z.uuid().nullable(),
  authorName: z.string().nullable(),
  mentionedMembershipIds: z.array(z.uuid()),
  createdAt: z.iso.datetime(),
});
