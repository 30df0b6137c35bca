import { z } from "zod";
import { ROLES } from "@/lib/permissions";
import { inputString } from "@/lib/validation";

export const roleSchema = z.enum(ROLES, { message: "Role must be one of owner, admin, marketer, agent." });
/** RFC 5321's limit on a path; longer values are refused before the email syntax check runs on them. */
export const EMAIL_MAX = 254;
export const emailSchema = inputString("Email", EMAIL_MAX)
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
