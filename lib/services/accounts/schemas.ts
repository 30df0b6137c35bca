import { z } from "zod";
import { newPasswordSchema } from "@/lib/auth/password-rules";
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
