import { eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { users } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";

export async function isEmailVerified(userId: string, db?: DbOrTx): Promise<boolean> {
  const [row] = await (db ?? (await getDb())).select({ at: users.emailVerifiedAt }).from(users).where(eq(users.id, userId));
  return Boolean(row?.at);
}

/** Creating organisations and joining them wait until the account's email is verified. */
export async function requireVerifiedEmail(userId: string, db?: DbOrTx): Promise<void> {
  if (!(await isEmailVerified(userId, db))) throw new ForbiddenError("auth.errors.verifyEmailFirst");
}
