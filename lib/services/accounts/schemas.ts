import { z } from "zod";
import { newPasswordSchema, PASSWORD_MAX_LENGTH } from "@/lib/auth/password-rules";
import { emailSchema } from "@/lib/services/members/schemas";
import { organizationNameSchema } from "@/lib/services/organizations/schemas";
import { inputString, required } from "@/lib/validation";

export const signUpSchema = z.object({
  name: inputString("field.name", 100, { requiredLabel: "field.yourName" }).min(1, required("field.yourName")),
  email: emailSchema,
  password: newPasswordSchema,
  organizationName: organizationNameSchema,
});
export type SignUpInput = z.input<typeof signUpSchema>;

/** "Forgot password": only the address; the answer is the same whether or not an account has it. */
export const forgotPasswordSchema = z.object({ email: emailSchema });
export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;

/** The reset link's form: the token comes from the link, the new password from the person. */
export const resetPasswordSchema = z.object({ password: newPasswordSchema });
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

export const changePasswordSchema = z.object({
  currentPassword: inputString("field.currentPassword", PASSWORD_MAX_LENGTH, { trim: false }).min(1, required("field.currentPassword")),
  newPassword: newPasswordSchema,
});
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export const updateNameSchema = z.object({
  name: inputString("field.name", 100, { requiredLabel: "field.yourName" }).min(1, required("field.yourName")),
});
export type UpdateNameInput = z.input<typeof updateNameSchema>;

export const changeEmailSchema = z.object({ email: emailSchema });
export type ChangeEmailInput = z.input<typeof changeEmailSchema>;
