import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { updateNameSchema } from "./schemas";

/** The name the user goes by in every organisation (members list, conversation assignment). */
export async function updateName({ user, input }: { user: { id: string }; input: unknown }): Promise<{ name: string }> {
  const { name } = parseInput(updateNameSchema, input);
  const db = await getDb();
  const [account] = await db.update(users).set({ name }).where(eq(users.id, user.id)).returning({ name: users.name });
  if (!account) throw new NotFoundError("verify.errors.accountNotFound");
  return account;
}
