import { z } from "zod";
import { inputString, required, say } from "@/lib/validation";

const nameSchema = inputString("field.name", 60).min(1, required("field.name"));
const descriptionSchema = inputString("field.description", 500);

export const skillGroupInputSchema = z.object({ name: nameSchema, description: descriptionSchema.optional().default("") });
// An update changes only the fields sent: no defaults here (an absent description must not reset it to ""),
// and at least one field, since an empty update has nothing to write.
export const skillGroupUpdateSchema = z
  .object({ name: nameSchema, description: descriptionSchema })
  .partial()
  .refine((v) => v.name !== undefined || v.description !== undefined, { error: say("skillGroups.errors.nameOrDescription") });
export const skillGroupMemberInputSchema = z.object({ membershipId: z.uuid({ error: say("skillGroups.errors.membershipId") }) });

export const skillGroupSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  memberCount: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type SkillGroup = z.infer<typeof skillGroupSchema>;
