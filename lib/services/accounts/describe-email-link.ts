import { getDb } from "@/db/client";
import { findEmailToken, type EmailTokenPurpose } from "./email-tokens";

/** What a link's page shows before the person confirms: the address it is for, or null when it is not usable. */
export async function describeEmailLink(token: string, purpose: EmailTokenPurpose): Promise<{ userId: string; email: string } | null> {
  const record = await findEmailToken(await getDb(), token, purpose);
  return record ? { userId: record.userId, email: record.email } : null;
}
