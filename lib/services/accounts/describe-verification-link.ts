import { getDb } from "@/db/client";
import { findEmailToken } from "./email-tokens";

/** What the link's page shows before the person confirms: whose address it verifies, or null when it is not usable. */
export async function describeVerificationLink(token: string): Promise<{ userId: string; email: string } | null> {
  const record = await findEmailToken(await getDb(), token, "verify_email");
  return record ? { userId: record.userId, email: record.email } : null;
}
