import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { facebookLogins } from "@/db/schema";
import { sha256Hex } from "@/lib/crypto/hash";
import { NotFoundError } from "@/lib/errors";
import { GraphError, GraphNetworkError } from "@/lib/graph/errors";
import { englishMessage, type LocalizableMessage, type MessageKey } from "@/lib/i18n/translate";
import { platformApp, type PlatformApp } from "@/lib/meta/platform-app";
import { ConflictError } from "@/lib/errors";
import type { OrgContext } from "@/lib/tenancy/context";
import type { LoginFailure } from "./schemas";

export type FacebookLoginRow = typeof facebookLogins.$inferSelect;

/** Only the state's SHA-256 is stored: a database reader cannot finish someone's login with it. */
export function hashState(state: string): string {
  return sha256Hex(state);
}

/** The platform's Meta app, or the refusal every Facebook Login verb gives when the operator has not set it up. */
export function requirePlatformApp(): PlatformApp {
  const app = platformApp();
  if (!app) throw new ConflictError("facebookLogin.errors.notConfigured");
  return app;
}

/** A run of this organisation started by this member; anyone else's (or another organisation's) is NotFound. */
export async function getLoginOfMember(db: DbOrTx, ctx: OrgContext, loginId: string): Promise<FacebookLoginRow> {
  const [row] = ctx.membershipId
    ? await db
        .select()
        .from(facebookLogins)
        .where(and(eq(facebookLogins.id, loginId), eq(facebookLogins.orgId, ctx.org.id), eq(facebookLogins.membershipId, ctx.membershipId)))
    : [];
  if (!row) throw new NotFoundError("facebookLogin.errors.notFound");
  return row;
}

export function failureMessage(failure: LoginFailure): LocalizableMessage {
  const key = failure.key as MessageKey;
  return { message: englishMessage(key, failure.values), messageKey: key, ...(failure.values ? { messageVars: failure.values } : {}) };
}

/** Meta's words for a Graph failure (never a token: GraphError's reason is Meta's message and code). */
export function graphReason(error: unknown): string {
  if (error instanceof GraphError) return error.reason;
  if (error instanceof GraphNetworkError) return "Facebook could not be reached";
  return "unexpected error";
}
