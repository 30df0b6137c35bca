import { and, eq, gt, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { facebookLogins, memberships, organizations } from "@/db/schema";
import { seal } from "@/lib/crypto/secrets";
import { BadRequestError, ConflictError, ForbiddenError } from "@/lib/errors";
import { GraphClient, type PageAccount } from "@/lib/graph/client";
import type { OfferedPage } from "@/db/schema";
import { REQUIRED_LOGIN_PERMISSIONS } from "@/lib/meta/platform-app";
import { resolveUserOrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { graphReason, hashState, requirePlatformApp } from "./queries";
import { reconnectChannel } from "./reconnect-channel";
import { finishFacebookLoginSchema, type LoginFailure } from "./schemas";

export interface FinishedLogin {
  loginId: string;
  /** Where to send the member: the Page picker (or the run's failure), or the reconnected channel. */
  redirectTo: string;
}

/**
 * The return from Meta's login dialog. The state must be one this server issued, unexpired, unused, and
 * started by the signed-in member; anything else is refused before anything is written, and the first return
 * claims the run atomically, so a replayed callback changes nothing. Then: the code is exchanged (with the
 * dialog's redirect URI) for a user token and that for a long-lived one, the permissions are checked (a
 * declined one is named and nothing is created), and the Pages offered are kept for the picker, or, for a
 * reconnect, the channel's Page token is replaced at once.
 */
export async function finishFacebookLogin({ user, input }: { user: { id: string; email: string }; input: unknown }): Promise<FinishedLogin> {
  const data = parseInput(finishFacebookLoginSchema, input);
  if (!data.state) throw new BadRequestError("facebookLogin.errors.missingState");
  const db = await getDb();
  const [found] = await db
    .select({ login: facebookLogins, userId: memberships.userId, orgSlug: organizations.slug })
    .from(facebookLogins)
    .innerJoin(memberships, eq(memberships.id, facebookLogins.membershipId))
    .innerJoin(organizations, eq(organizations.id, facebookLogins.orgId))
    .where(eq(facebookLogins.stateHash, hashState(data.state)));
  if (!found) throw new BadRequestError("facebookLogin.errors.stateUnknown");
  if (found.userId !== user.id) throw new ForbiddenError("facebookLogin.errors.notYours");
  if (found.login.returnedAt !== null) throw new ConflictError("facebookLogin.errors.stateUsed");
  const now = new Date();
  if (found.login.expiresAt <= now) throw new BadRequestError("facebookLogin.errors.stateExpired");
  // The member's role is read again: someone demoted since the start may no longer connect Pages.
  const ctx = await resolveUserOrgContext(user, found.orgSlug, "channels.manage");
  const app = requirePlatformApp();

  // One return per state, decided by the database: of two concurrent returns, only one gets the row back.
  const [claimed] = await db
    .update(facebookLogins)
    .set({ returnedAt: now })
    .where(and(eq(facebookLogins.id, found.login.id), isNull(facebookLogins.returnedAt), gt(facebookLogins.expiresAt, now)))
    .returning();
  if (!claimed) throw new ConflictError("facebookLogin.errors.stateUsed");

  const base = `/o/${ctx.org.slug}/channels`;
  const picker = { loginId: claimed.id, redirectTo: `${base}/connect/${claimed.id}` };
  const fail = async (failure: LoginFailure, scopes: { granted?: string[]; declined?: string[]; name?: string } = {}): Promise<FinishedLogin> => {
    await db
      .update(facebookLogins)
      .set({ failure, completedAt: new Date(), userTokenSealed: null, grantedScopes: scopes.granted, declinedScopes: scopes.declined, facebookUserName: scopes.name })
      .where(eq(facebookLogins.id, claimed.id));
    return picker;
  };

  if (data.error) {
    // Meta's words for a cancelled dialog: error=access_denied, error_reason=user_denied.
    if (data.error === "access_denied") return fail({ key: "facebookLogin.failure.cancelled" });
    return fail({ key: "facebookLogin.failure.metaError", values: { reason: data.errorDescription ?? data.error } });
  }
  if (!data.code) return fail({ key: "facebookLogin.failure.metaError", values: { reason: "no code" } });

  const graph = new GraphClient();
  let userToken: string;
  try {
    const shortLived = await graph.exchangeCode(app.appId, app.appSecret, claimed.redirectUri, data.code);
    userToken = (await graph.exchangeToken(app.appId, app.appSecret, shortLived.access_token)).access_token;
  } catch (error) {
    return fail({ key: "facebookLogin.failure.codeRefused", values: { reason: graphReason(error) } });
  }

  let name: string;
  let granted: string[];
  let declined: string[];
  try {
    const [me, permissions] = await Promise.all([graph.getMe(userToken), graph.getPermissions(userToken)]);
    name = me.name ?? me.id;
    granted = permissions.data.filter((p) => p.status === "granted").map((p) => p.permission);
    declined = permissions.data.filter((p) => p.status !== "granted").map((p) => p.permission);
  } catch (error) {
    return fail({ key: "facebookLogin.failure.metaError", values: { reason: graphReason(error) } });
  }
  const missing = REQUIRED_LOGIN_PERMISSIONS.filter((p) => !granted.includes(p));
  if (missing.length > 0) {
    const declinedScopes = [...new Set([...declined, ...missing])];
    return fail({ key: "facebookLogin.failure.declined", values: { permissions: missing.join(", ") } }, { granted, declined: declinedScopes, name });
  }

  let accounts: PageAccount[];
  try {
    accounts = await graph.listPageAccounts(userToken);
  } catch (error) {
    return fail({ key: "facebookLogin.failure.metaError", values: { reason: graphReason(error) } }, { granted, declined, name });
  }

  if (claimed.purpose === "reconnect" && claimed.channelId) {
    const failure = await reconnectChannel(ctx, { channelId: claimed.channelId, facebookUserName: name, accounts });
    if (failure) return fail(failure, { granted, declined, name });
    // A reconnect needs no user token afterwards: the channel has its Page token, and the run is over.
    await db.update(facebookLogins).set({ completedAt: new Date(), facebookUserName: name, grantedScopes: granted, declinedScopes: declined }).where(eq(facebookLogins.id, claimed.id));
    return { loginId: claimed.id, redirectTo: `${base}/${claimed.channelId}?reconnected=1` };
  }

  // The Page tokens are not kept here: the picker's choice fetches them again with the sealed user token.
  const pages: OfferedPage[] = accounts.map((a) => ({ id: a.id, name: a.name ?? a.id, pictureUrl: a.picture?.data?.url ?? null, tasks: a.tasks ?? [] }));
  await db
    .update(facebookLogins)
    .set({ userTokenSealed: seal(userToken), facebookUserName: name, grantedScopes: granted, declinedScopes: declined, pages })
    .where(eq(facebookLogins.id, claimed.id));
  return picker;
}
