import { and, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels, facebookLogins } from "@/db/schema";
import { open } from "@/lib/crypto/secrets";
import { ConflictError, isUniqueViolation, ValidationError } from "@/lib/errors";
import { GraphClient, type PageAccount } from "@/lib/graph/client";
import { GraphError } from "@/lib/graph/errors";
import { englishMessage, type LocalizableMessage, type MessageKey, type MessageVars } from "@/lib/i18n/translate";
import { assertSkillGroupInOrg, checkChannelConnection, insertChannel } from "@/lib/services/channels";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { getLoginOfMember, graphReason, requirePlatformApp } from "./queries";
import { connectFacebookPagesSchema, LOGIN_PICK_TTL_MS, MESSAGING_TASK, type ConnectPageResult } from "./schemas";

const words = (key: MessageKey, vars?: MessageVars): LocalizableMessage => ({ message: englishMessage(key, vars), messageKey: key, ...(vars ? { messageVars: vars } : {}) });

/**
 * The picker's submit: each chosen Page becomes a channel of the platform app. Its Page token is read again
 * from `/me/accounts` with the run's sealed user token (the picker never held one), the channel is inserted
 * the same way a hand-made one is, and the connection check subscribes the app to the Page's fields and proves
 * it. A Page already connected here or in another organisation is refused (the person proved they manage it, so
 * saying where it is connected leaks nothing; it is never taken over). Each Page gets its own result; the run
 * ends and its user token is deleted whatever happened.
 */
export async function connectFacebookPages({ ctx, loginId, input }: { ctx: OrgContext; loginId: string; input: unknown }): Promise<ConnectPageResult[]> {
  requirePermission(ctx, "channels.manage");
  const app = requirePlatformApp();
  const data = parseInput(connectFacebookPagesSchema, input);
  const db = await getDb();
  const login = await getLoginOfMember(db, ctx, loginId);
  if (login.purpose !== "connect") throw new ConflictError("facebookLogin.errors.nothingToConnect");
  if (login.completedAt !== null || login.failure !== null) throw new ConflictError("facebookLogin.errors.completed");
  if (!login.returnedAt || !login.userTokenSealed || !login.pages) throw new ConflictError("facebookLogin.errors.nothingToConnect");
  if (Date.now() - login.returnedAt.getTime() > LOGIN_PICK_TTL_MS) throw new ConflictError("facebookLogin.errors.stale");

  // Everything chosen is checked before anything is created: a Page the login did not offer, one the person
  // cannot message as, a skill group of another organisation.
  const choices = [...new Map(data.choices.map((c) => [c.pageId, c])).values()];
  const offered = new Map(login.pages.map((p) => [p.id, p]));
  for (const choice of choices) {
    const page = offered.get(choice.pageId);
    if (!page) throw ValidationError.forField("choices", "facebookLogin.errors.pageNotOffered", { pageId: choice.pageId });
    if (!page.tasks.includes(MESSAGING_TASK)) throw ValidationError.forField("choices", "facebookLogin.errors.cannotMessage", { page: page.name });
  }
  for (const skillGroupId of new Set(choices.map((c) => c.skillGroupId))) await assertSkillGroupInOrg(db, ctx, skillGroupId);

  // The run is spent from here on: its user token goes whatever Meta answers next.
  const [claimed] = await db
    .update(facebookLogins)
    .set({ completedAt: new Date(), userTokenSealed: null })
    .where(and(eq(facebookLogins.id, login.id), isNull(facebookLogins.completedAt)))
    .returning({ id: facebookLogins.id });
  if (!claimed) throw new ConflictError("facebookLogin.errors.completed");

  const graph = new GraphClient();
  let accounts: PageAccount[];
  try {
    accounts = await graph.listPageAccounts(open(login.userTokenSealed));
  } catch (error) {
    if (error instanceof GraphError) throw ValidationError.forField("choices", "facebookLogin.errors.tokenRefused", { reason: error.reason });
    throw ValidationError.forField("choices", "facebookLogin.errors.unreachable");
  }

  const taken = await db
    .select({ id: channels.id, pageId: channels.pageId, orgId: channels.orgId })
    .from(channels)
    .where(and(inArray(channels.pageId, choices.map((c) => c.pageId)), isNull(channels.deletedAt)));

  const results: ConnectPageResult[] = [];
  for (const choice of choices) {
    const page = offered.get(choice.pageId)!;
    const result = (status: ConnectPageResult["status"], reason: LocalizableMessage | null, channelId: string | null = null): ConnectPageResult => ({ pageId: page.id, pageName: page.name, status, channelId, reason });
    const existing = taken.find((c) => c.pageId === page.id);
    if (existing) {
      results.push(existing.orgId === ctx.org.id ? result("failed", words("facebookLogin.result.alreadyHere"), existing.id) : result("failed", words("facebookLogin.result.elsewhere")));
      continue;
    }
    const token = accounts.find((a) => a.id === page.id)?.access_token;
    if (!token) {
      results.push(result("failed", words("facebookLogin.result.notManaged")));
      continue;
    }
    let channelId: string;
    try {
      const row = await insertChannel(ctx, { name: page.name, pageId: page.id, appId: app.appId, skillGroupId: choice.skillGroupId, pageAccessToken: token, appSecret: null, connection: "facebook_login" });
      channelId = row.id;
    } catch (error) {
      // Connected by someone else between the read above and this insert.
      if (isUniqueViolation(error)) {
        results.push(result("failed", words("facebookLogin.result.elsewhere")));
        continue;
      }
      throw error;
    }
    // Subscribes the platform app to the Page's fields and proves the token opens the Page.
    try {
      const check = await checkChannelConnection({ ctx, channelId });
      results.push(check.ok ? result("connected", null, channelId) : result("check_failed", words("facebookLogin.result.checkFailed", { reason: check.message ?? "" }), channelId));
    } catch (error) {
      results.push(result("check_failed", words("facebookLogin.result.checkFailed", { reason: graphReason(error) }), channelId));
    }
  }
  return results;
}
