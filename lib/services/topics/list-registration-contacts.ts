import { desc, eq, and, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contacts } from "@/db/schema";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { MESSAGING_WINDOW_HOURS, type RegistrationContact } from "./constants";
import { getTopicInOrg } from "./queries";


/** At most this many of the Page's people, most recent writers first: the admin who just wrote is among them. */
const LIMIT = 200;

/** Who the registration request can go to: the topic's Page's people, those who wrote most recently first. */
export async function listRegistrationContacts({ ctx, topicId }: { ctx: OrgContext; topicId: string }): Promise<RegistrationContact[]> {
  requirePermission(ctx, "campaigns.manage");
  const db = await getDb();
  const { topic } = await getTopicInOrg(db, ctx.org.id, topicId);
  const rows = await db
    .select({ id: contacts.id, firstName: contacts.firstName, lastName: contacts.lastName, psid: contacts.psid, lastInboundAt: contacts.lastInboundAt })
    .from(contacts)
    .where(and(eq(contacts.orgId, ctx.org.id), eq(contacts.channelId, topic.channelId)))
    .orderBy(sql`${contacts.lastInboundAt} desc nulls last`, desc(contacts.createdAt))
    .limit(LIMIT);
  const since = Date.now() - MESSAGING_WINDOW_HOURS * 3_600_000;
  return rows.map((r) => ({
    id: r.id,
    name: [r.firstName, r.lastName].filter(Boolean).join(" ") || r.psid,
    windowOpen: r.lastInboundAt !== null && r.lastInboundAt.getTime() > since,
  }));
}
