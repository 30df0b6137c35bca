import { and, asc, eq, gte, isNotNull, isNull, lt, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { randomToken } from "@/db/ids";
import { facebookLogins } from "@/db/schema";
import { ConflictError, ForbiddenError, RateLimitedError } from "@/lib/errors";
import { DEFAULT_GRAPH_VERSION } from "@/lib/graph/client";
import { loginDialogBaseUrl, loginRedirectUri } from "@/lib/meta/platform-app";
import { getChannelInOrg } from "@/lib/services/channels";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { hashState, requirePlatformApp } from "./queries";
import { LOGIN_PICK_TTL_MS, LOGIN_STATE_TTL_MS, MAX_OPEN_LOGINS, startFacebookLoginSchema } from "./schemas";

/**
 * Starts "Connect with Facebook" (or "Reconnect" for one channel): a run bound to this member and organisation,
 * and the URL of Meta's login dialog with the platform app's login configuration. The `state` in that URL is 32
 * random bytes; only its hash is stored, it works once, for 10 minutes, and only for the member who started it,
 * so a login link sent to someone else (or forged) cannot attach Pages to anybody's organisation.
 */
export async function startFacebookLogin({ ctx, input }: { ctx: OrgContext; input: unknown }): Promise<{ loginId: string; dialogUrl: string }> {
  requirePermission(ctx, "channels.manage");
  const data = parseInput(startFacebookLoginSchema, input);
  const app = requirePlatformApp();
  // API keys have no Facebook account to sign in with: the login is a person's.
  if (!ctx.membershipId) throw new ForbiddenError();
  const membershipId = ctx.membershipId;
  const db = await getDb();
  if (data.purpose === "reconnect" && data.channelId) {
    const channel = await getChannelInOrg(db, ctx, data.channelId);
    if (channel.connection !== "facebook_login") throw new ConflictError("facebookLogin.errors.reconnectManual");
  }

  const now = new Date();
  const state = randomToken(32);
  const redirectUri = loginRedirectUri();
  const login = await db.transaction(async (tx) => {
    // Housekeeping of this member's runs: abandoned ones go, and a returned run left unpicked loses its user token.
    await tx.delete(facebookLogins).where(and(eq(facebookLogins.membershipId, membershipId), isNull(facebookLogins.returnedAt), lt(facebookLogins.expiresAt, now)));
    await tx
      .update(facebookLogins)
      .set({ userTokenSealed: null })
      .where(and(eq(facebookLogins.membershipId, membershipId), isNotNull(facebookLogins.userTokenSealed), or(isNotNull(facebookLogins.completedAt), lt(facebookLogins.returnedAt, new Date(now.getTime() - LOGIN_PICK_TTL_MS)))));
    const open = await tx
      .select({ expiresAt: facebookLogins.expiresAt })
      .from(facebookLogins)
      .where(and(eq(facebookLogins.membershipId, membershipId), isNull(facebookLogins.returnedAt), gte(facebookLogins.expiresAt, now)))
      .orderBy(asc(facebookLogins.expiresAt));
    if (open.length >= MAX_OPEN_LOGINS) {
      throw new RateLimitedError("facebookLogin.errors.tooMany", Math.max(1, Math.ceil((open[0].expiresAt.getTime() - now.getTime()) / 1000)));
    }
    const [created] = await tx
      .insert(facebookLogins)
      .values({
        orgId: ctx.org.id,
        membershipId,
        purpose: data.purpose,
        channelId: data.purpose === "reconnect" ? data.channelId : null,
        stateHash: hashState(state),
        redirectUri,
        expiresAt: new Date(now.getTime() + LOGIN_STATE_TTL_MS),
      })
      .returning({ id: facebookLogins.id });
    return created;
  });

  const dialog = new URL(`${loginDialogBaseUrl()}/${DEFAULT_GRAPH_VERSION}/dialog/oauth`);
  dialog.searchParams.set("client_id", app.appId);
  dialog.searchParams.set("redirect_uri", redirectUri);
  dialog.searchParams.set("state", state);
  dialog.searchParams.set("config_id", app.loginConfigId);
  dialog.searchParams.set("response_type", "code");
  return { loginId: login.id, dialogUrl: dialog.toString() };
}
