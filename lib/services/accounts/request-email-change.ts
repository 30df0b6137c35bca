import { and, eq, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { appUrl } from "@/lib/app-url";
import { emailChangeEmail } from "@/lib/email/messages";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { EMAIL_TOKEN_TTL_HOURS, issueEmailToken } from "./email-tokens";
import { changeEmailSchema } from "./schemas";
import { countAccountMail, deliverAfterCommit } from "./verification-mail";

/**
 * Asks to move the account to a new address: mails a single-use link to the NEW address, and nothing changes
 * until it is opened (lib/services/accounts/confirm-email-change.ts). Only the newest request's link works.
 * An address another account has is refused now (and checked again when the link is used).
 */
export async function requestEmailChange({ user, input, ip }: { user: { id: string }; input: unknown; ip: string }): Promise<{ email: string; sent: boolean }> {
  const { email } = parseInput(changeEmailSchema, input);
  const db = await getDb();
  const [account] = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, user.id));
  if (!account) throw new NotFoundError("verify.errors.accountNotFound");
  if (account.email === email) throw ValidationError.forField("email", "account.errors.sameEmail");
  const [taken] = await db.select({ id: users.id }).from(users).where(and(eq(users.email, email), ne(users.id, account.id)));
  if (taken) throw new ConflictError("account.errors.emailTaken");
  await countAccountMail("change-email-mail", { ip, account: account.id }, "account.errors.mailRateLimited");
  const mail = await db.transaction(async (tx) => {
    const token = await issueEmailToken(tx, { userId: account.id, purpose: "change_email", email });
    return emailChangeEmail(email, { link: `${appUrl()}/change-email/${token}`, hours: EMAIL_TOKEN_TTL_HOURS.change_email });
  });
  return { email, sent: await deliverAfterCommit(mail) };
}
