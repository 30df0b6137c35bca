import { z } from "zod";
import { ROLES } from "@/lib/permissions";

export const roleSchema = z.enum(ROLES, { message: "Role must be one of owner, admin, marketer, agent." });
export const emailSchema = z
  .string({ message: "Email is required." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address." }));

export const inviteMemberSchema = z.object({ email: emailSchema, role: roleSchema });
export type InviteMemberInput = z.input<typeof inviteMemberSchema>;

export const updateMemberSchema = z.object({ role: roleSchema });

/** A member as the dashboard and the API show it. */
export const memberSchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  createdAt: z.iso.datetime(),
});
export type Member = z.infer<typeof memberSchema>;

export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: roleSchema,
  expiresAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
});
export type Invitation = z.infer<typeof invitationSchema>;
