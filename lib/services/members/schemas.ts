import { z } from "zod";
import { newPasswordSchema } from "@/lib/auth/password-rules";
import { ROLES } from "@/lib/permissions";
import { inputString, say } from "@/lib/validation";

export const roleSchema = z.enum(ROLES, { error: say("members.errors.roleInvalid") });
/** RFC 5321's limit on a path; longer values are refused before the email syntax check runs on them. */
export const EMAIL_MAX = 254;
export const emailSchema = inputString("field.email", EMAIL_MAX)
  .toLowerCase()
  .pipe(z.email({ error: say("validation.email") }));

export const inviteMemberSchema = z.object({ email: emailSchema, role: roleSchema });
export type InviteMemberInput = z.input<typeof inviteMemberSchema>;

/** Only a new account sends these: someone who already has one joins while signed in, with no password here. */
export const acceptInvitationSchema = z.object({
  name: inputString("field.name", 100).optional().default(""),
  password: newPasswordSchema,
});

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
