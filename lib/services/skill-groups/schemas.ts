import { z } from "zod";

export const skillGroupInputSchema = z.object({
  name: z
    .string({ message: "Name is required." })
    .trim()
    .min(1, { message: "Name is required." })
    .max(60, { message: "Name must be at most 60 characters." }),
  description: z.string().trim().max(500, { message: "Description must be at most 500 characters." }).optional().default(""),
});
export const skillGroupUpdateSchema = skillGroupInputSchema.partial();
export const skillGroupMemberInputSchema = z.object({ membershipId: z.uuid({ message: "membershipId must be a member id." }) });

export const skillGroupSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  memberCount: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type SkillGroup = z.infer<typeof skillGroupSchema>;
