import { z } from "zod";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { hashPassword, PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { ConflictError, isUniqueViolation } from "@/lib/errors";
import { emailSchema } from "@/lib/services/members/schemas";
import { inputString, parseInput } from "@/lib/validation";
import { insertOrganizationWithOwner, organizationNameSchema } from "./create-organization";

export const signUpSchema = z.object({
  name: inputString("Name", 100, { requiredMessage: "Your name is required." }).min(1, { message: "Your name is required." }),
  email: emailSchema,
  password: inputString("Password", 200, { trim: false }).min(PASSWORD_MIN_LENGTH, { message: `Password must be at least ${PASSWORD_MIN_LENGTH} characters.` }),
  organizationName: organizationNameSchema,
});
export type SignUpInput = z.input<typeof signUpSchema>;

/** Creates a user and their first organisation, with them as its owner, in one transaction. */
export async function signUp(input: unknown): Promise<{ userId: string; email: string; orgSlug: string }> {
  const data = parseInput(signUpSchema, input);
  const passwordHash = await hashPassword(data.password);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx.insert(users).values({ email: data.email, name: data.name, passwordHash }).returning();
      const org = await insertOrganizationWithOwner(tx, user, data.organizationName);
      return { userId: user.id, email: user.email, orgSlug: org.slug };
    });
  } catch (error) {
    if (isUniqueViolation(error, "users_email_key")) throw new ConflictError("An account with this email already exists. Sign in instead.");
    throw error;
  }
}
