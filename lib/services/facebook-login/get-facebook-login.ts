import { and, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels } from "@/db/schema";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { getLoginOfMember } from "./queries";
import { MESSAGING_TASK, type FacebookLoginView } from "./schemas";

/**
 * A run as the picker shows it to the member who started it (anyone else: NotFound): the Facebook user's name,
 * the failure if there was one, and each offered Page with whether it can be chosen.
 */
export async function getFacebookLogin({ ctx, loginId }: { ctx: OrgContext; loginId: string }): Promise<FacebookLoginView> {
  requirePermission(ctx, "channels.manage");
  const db = await getDb();
  const login = await getLoginOfMember(db, ctx, loginId);
  const offered = login.pages ?? [];
  const connected = offered.length
    ? await db
        .select({ id: channels.id, pageId: channels.pageId, orgId: channels.orgId })
        .from(channels)
        .where(and(inArray(channels.pageId, offered.map((p) => p.id)), isNull(channels.deletedAt)))
    : [];
  return {
    id: login.id,
    purpose: login.purpose,
    channelId: login.channelId,
    facebookUserName: login.facebookUserName,
    failure: login.failure ?? null,
    declinedScopes: login.declinedScopes ?? [],
    completed: login.completedAt !== null,
    pages: offered.map((page) => {
      const channel = connected.find((c) => c.pageId === page.id);
      return {
        id: page.id,
        name: page.name,
        pictureUrl: page.pictureUrl,
        canMessage: page.tasks.includes(MESSAGING_TASK),
        connectedHereChannelId: channel && channel.orgId === ctx.org.id ? channel.id : null,
        connectedElsewhere: channel !== undefined && channel.orgId !== ctx.org.id,
      };
    }),
  };
}
